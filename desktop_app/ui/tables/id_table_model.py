"""A table model over ordered ids that fetches row data in blocks, on demand.

Large tables never live in memory as objects: the model holds the ids in display order
(sorted and filtered by the store, in SQL) and asks for the rows of a block the first time
a cell of it is painted. Sorting is the store's job too: ``sort()`` only emits
``sort_requested``; the page re-queries and hands the new order back with ``reorder``,
which keeps the selection.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

Row = TypeVar("Row")
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's id; survives any proxy
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw, comparable value of the cell
BLOCK = 128
CACHED_BLOCKS = 64

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str  # the store's sort key for this column
    title: str
    display: Callable[[Row], str]
    raw: Callable[[Row], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[Row], str] | None = None


class IdTableModel(QAbstractTableModel, Generic[Row]):
    sort_requested = Signal(str, bool)  # column key, descending

    def __init__(
        self,
        columns: Sequence[Column[Row]],
        fetch: Callable[[Sequence[int]], dict[int, Row]],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._fetch = fetch
        self._ids: list[int] = []
        self._blocks: OrderedDict[int, dict[int, Row]] = OrderedDict()

    # -- content -----------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        """A new result (new filter): everything is reset."""
        self.beginResetModel()
        self._ids = list(ids)
        self._blocks.clear()
        self.endResetModel()

    def reorder(self, ids: Sequence[int]) -> None:
        """The same rows in a new order (a sort): persistent indexes, so the selection, follow."""
        if sorted(ids) != sorted(self._ids):
            self.set_ids(ids)
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._ids = list(ids)
        self._blocks.clear()
        new_positions = {row_id: row for row, row_id in enumerate(self._ids)}
        moved_from = self.persistentIndexList()
        moved_to = [
            self.index(new_positions[old_ids[index.row()]], index.column()) for index in moved_from
        ]
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    def refresh_rows(self, ids: Sequence[int]) -> None:
        """Rows whose data changed: fetched again, repainted, selection untouched."""
        wanted = set(ids)
        for block in self._blocks.values():
            for row_id in wanted & block.keys():
                del block[row_id]
        positions = [row for row, row_id in enumerate(self._ids) if row_id in wanted]
        for row in positions:
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def row_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, row_id: int) -> int | None:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def remove_ids(self, ids: Sequence[int]) -> None:
        """Rows deleted: removed precisely (rows above and below keep their selection)."""
        gone = set(ids)
        for row in sorted((r for r, i in enumerate(self._ids) if i in gone), reverse=True):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._ids[row]
            self.endRemoveRows()
        self._blocks.clear()

    def row_data(self, row: int) -> Row | None:
        """The fetched data of ``row`` (fetching its block if needed)."""
        block_number = row // BLOCK
        block = self._blocks.get(block_number)
        row_id = self._ids[row]
        if block is None or row_id not in block:
            start = block_number * BLOCK
            fetched = self._fetch(self._ids[start : start + BLOCK])
            block = {**(block or {}), **fetched}
            self._blocks[block_number] = block
            while len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        self._blocks.move_to_end(block_number)
        return block.get(row_id)

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """Rows: one per id (none under any parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """Columns: as configured."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Display text, the id, the raw sort value, alignment and tooltips."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (
                Qt.AlignmentFlag.AlignRight if column.align_right else Qt.AlignmentFlag.AlignLeft
            )
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, SORT_KEY_ROLE, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_data(index.row())
        if row is None:  # deleted since the ids were read
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(row)
        if role == SORT_KEY_ROLE:
            return column.raw(row) if column.raw else column.display(row)
        return column.tooltip(row) if column.tooltip else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].title
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable, not editable in place (edits go through dialogs)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the store for the new order (sorting runs in SQL)."""
        if 0 <= column < len(self.columns):
            descending = order == Qt.SortOrder.DescendingOrder
            self.sort_requested.emit(self.columns[column].key, descending)
