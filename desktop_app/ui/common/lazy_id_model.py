"""The lazy id-keyed table model every large table builds on.

Large tables never live in memory as objects: the model holds the ids in display order
(sorted and filtered by the store, in SQL) and reads the rows of a block the first time a
cell of it is painted, keeping a bounded cache keyed by id. A new order moves the
selection with the rows; edited rows are read again and repainted where they are; removed
rows go one by one, so the rows around them keep their selection.

Subclasses say how rows are read (``fetch_rows``) and what a cached row is
(``prepare_row``), and answer ``data`` from ``cached_row``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Cached = TypeVar("Cached")
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
# Few enough ids are found one ``list.index`` each; more in one pass over the list.
_FEW = 16


class LazyIdTableModel(QAbstractTableModel, Generic[Cached]):
    BLOCK = 128  # rows read per query while scrolling
    CACHE_LIMIT = 8192  # rows kept; beyond it the cache starts over

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.columns: Sequence[Any] = ()
        self._ids: list[int] = []  # what the table shows, in order (0: not read yet)
        self._rows: dict[int, Cached] = {}
        # Rows forgotten to be read again: shown meanwhile if the server is out of reach.
        self._last_read: dict[int, Cached] = {}

    # -- what subclasses provide -------------------------------------------------------
    def fetch_rows(self, ids: list[int]) -> dict[int, Any]:
        """The stored data of those of ``ids`` that exist, by id."""
        raise NotImplementedError

    def prepare_row(self, data: Any) -> Cached:
        """What the cache keeps for a row read (``data`` is None for one deleted meanwhile)."""
        raise NotImplementedError

    # -- rows ------------------------------------------------------------------------------
    def cached_row(self, row: int) -> Cached:
        """The cached form of ``row``, reading its block first if needed."""
        found = self._rows.get(self._ids[row])
        return found if found is not None else self._read_block(row)

    def _read_block(self, row: int) -> Cached:
        """Read the rows of the block holding ``row`` that are not cached yet."""
        from desktop_app.store.errors import ConnectionLostError

        if len(self._rows) > self.CACHE_LIMIT:
            self._rows.clear()
        start = row - row % self.BLOCK
        wanted = [i for i in self._ids[start : start + self.BLOCK] if i and i not in self._rows]
        try:
            found = self.fetch_rows(wanted) if wanted else {}
        except ConnectionLostError:  # the window says so; the rows are read once it is back
            kept = self._last_read.get(self._ids[row])
            return kept if kept is not None else self.prepare_row(None)
        self._last_read = {}
        for row_id in wanted:
            self._rows[row_id] = self.prepare_row(found.get(row_id))
        return self._rows[self._ids[row]]

    def forget_rows(self) -> None:
        """Read every row again as it shows (the ids stay)."""
        self._last_read, self._rows = self._rows, {}

    # -- ids -------------------------------------------------------------------------------
    def row_id(self, row: int) -> int:
        return self._ids[row]

    def ids(self) -> list[int]:
        return list(self._ids)

    def row_of(self, row_id: int) -> int | None:
        try:
            return self._ids.index(row_id)
        except ValueError:
            return None

    def rows_of(self, row_ids: Iterable[int]) -> dict[int, int]:
        """Rows of the ids shown among ``row_ids``."""
        wanted = set(row_ids)
        if len(wanted) <= _FEW:
            found = {i: self.row_of(i) for i in wanted}
            return {i: r for i, r in found.items() if r is not None}
        return {i: r for r, i in enumerate(self._ids) if i in wanted}

    def set_ids(self, ids: Sequence[int]) -> None:
        """A new result (a new filter): every row read again, the view reset."""
        self._rows.clear()
        self.reset_to(list(ids))

    def reset_to(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self.endResetModel()

    def reorder(self, ids: Sequence[int]) -> None:
        """The same rows in another order (a sort): a layout change the selection follows."""
        new = list(ids)
        if len(new) != len(self._ids):
            self.reset_to(new)
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        moved = [self._ids[index.row()] for index in persistent]
        self._ids = new
        rows = self.rows_of(moved)
        self.changePersistentIndexList(
            persistent,
            [
                self.index(rows[i], index.column()) if i in rows else QModelIndex()
                for i, index in zip(moved, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()

    def refresh_rows(self, row_ids: Iterable[int]) -> None:
        """Rows whose data changed: read again and repainted where they are (no re-sort)."""
        ids = set(row_ids)
        for row_id in ids:
            self._rows.pop(row_id, None)
        last = self.columnCount() - 1
        for row in sorted(self.rows_of(ids).values()):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last), [])

    def remove_ids(self, row_ids: Iterable[int]) -> None:
        """Rows deleted: removed one by one (rows above and below keep their selection)."""
        gone = set(row_ids)
        for row in sorted(self.rows_of(gone).values(), reverse=True):
            self.beginRemoveRows(ROOT, row, row)
            del self._ids[row]
            self.endRemoveRows()
        for row_id in gone:
            self._rows.pop(row_id, None)

    # -- Qt model interface ----------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:
        """One row per id (none under any parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = ROOT) -> int:
        """One per column."""
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable rows without children; editing happens in dialogs."""
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
