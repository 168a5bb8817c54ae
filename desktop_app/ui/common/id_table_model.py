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

from desktop_app.ui.common.roles import ID_ROLE, SORT_ROLE
from desktop_app.ui.common.widgets.tooltips import plain_tooltip

Row = TypeVar("Row")
BLOCK = 128
CACHED_BLOCKS = 64
# Views ask for seven roles per cell on every paint; ``data`` compares plain ints (Qt
# hands roles over as ints) and answers display text from a tuple made once per row.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ID = int(ID_ROLE)
_SORT_KEY = int(SORT_ROLE)
_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)

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
        self._alignments = [_RIGHT if c.align_right else _LEFT for c in self.columns]
        self._fetch = fetch
        self._ids: list[int] = []
        self._blocks: OrderedDict[int, dict[int, Row]] = OrderedDict()
        self._texts: dict[int, tuple[str, ...]] = {}  # display texts of the cached rows

    # -- content -----------------------------------------------------------------------
    def set_ids(self, ids: Sequence[int]) -> None:
        """A new result (new filter): everything is reset."""
        self.beginResetModel()
        self._ids = list(ids)
        self._forget_all()
        self.endResetModel()

    def reorder(self, ids: Sequence[int]) -> None:
        """The same rows in a new order (a sort): persistent indexes, so the selection, follow."""
        if sorted(ids) != sorted(self._ids):
            self.set_ids(ids)
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        self._ids = list(ids)
        self._forget_all()
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
                self._texts.pop(row_id, None)
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
        self._forget_all()

    def _forget_all(self) -> None:
        self._blocks.clear()
        self._texts.clear()

    def row_data(self, row: int) -> Row | None:
        """The fetched data of ``row`` (fetching its block if needed)."""
        block_number = row // BLOCK
        block = self._blocks.get(block_number)
        row_id = self._ids[row]
        if block is None or row_id not in block:
            start = block_number * BLOCK
            fetched = self._fetch(self._ids[start : start + BLOCK])
            for fetched_id, data in fetched.items():
                self._texts[fetched_id] = tuple(c.display(data) for c in self.columns)
            block = {**(block or {}), **fetched}
            self._blocks[block_number] = block
            while len(self._blocks) > CACHED_BLOCKS:
                _number, dropped = self._blocks.popitem(last=False)
                for dropped_id in dropped:
                    self._texts.pop(dropped_id, None)
        self._blocks.move_to_end(block_number)
        return block.get(row_id)

    def _row_texts(self, row: int) -> tuple[str, ...] | None:
        texts = self._texts.get(self._ids[row])
        if texts is None and self.row_data(row) is not None:
            texts = self._texts.get(self._ids[row])
        return texts

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """Rows: one per id (none under any parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """Columns: as configured."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """Display text, the id, the raw sort value, alignment and tooltips."""
        if role == _DISPLAY:
            texts = self._row_texts(index.row()) if index.isValid() else None
            return texts[index.column()] if texts is not None else None
        if role == _ALIGNMENT:
            return self._alignments[index.column()] if index.isValid() else None
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == _ID:
            return self._ids[index.row()]
        if role not in (_SORT_KEY, _TOOLTIP):
            return None
        row = self.row_data(index.row())
        if row is None:  # deleted since the ids were read
            return None
        column = self.columns[index.column()]
        if role == _SORT_KEY:
            return column.raw(row) if column.raw else column.display(row)
        return plain_tooltip(column.tooltip(row)) if column.tooltip else None

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
