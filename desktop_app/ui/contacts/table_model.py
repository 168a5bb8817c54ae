"""The contacts table model: contact ids in order, rows fetched in blocks as they show.

Holds only the ordered ids (facets and sort in SQL, the typed text as a set of matching ids
from the FTS index) and a bounded cache of the rows painted recently. Edits invalidate
just their rows (``dataChanged``), so selection and scroll position stay; writes that add
or remove contacts re-query and emit precise row insertions and removals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.ui.contacts.columns import ContactColumn

if TYPE_CHECKING:
    from desktop_app.store.contacts_query import ContactFilter, SortOrder
    from desktop_app.store.reader import Reader

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the contact's id, through any proxy
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # the raw value, comparable
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


class _Row:
    """One contact's cells: raw values and their text, computed once per fetch."""

    __slots__ = ("raw", "status", "text")

    def __init__(self, status: str | None, raw: Sequence[Any], text: Sequence[str]) -> None:
        self.status, self.raw, self.text = status, raw, text


class ContactTableModel(QAbstractTableModel):
    BLOCK = 100  # rows fetched per query while scrolling
    CACHE_LIMIT = 4000  # rows kept; beyond it the cache starts over
    MAX_RUNS = 200  # scattered insertions/removals beyond this reset the model instead

    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, columns: Sequence[ContactColumn], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.columns = tuple(columns)
        self._keys = [c.key for c in self.columns]
        self.reader: Reader | None = None
        self._filter: ContactFilter | None = None
        self._sort: SortOrder | None = None
        self._base: list[int] = []  # facets and sort applied
        self._matches: set[int] | None = None  # ids matching the typed text
        self._ids: list[int] = []  # what the table shows
        self._rows: dict[int, _Row] = {}
        self.total = 0

    # -- Qt model interface ----------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        """Every contact shown (only their ids are held)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = _ROOT) -> int:
        """One column per ``ContactColumn``."""
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable rows without children; editing happens in dialogs."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles and their explanations."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip or column.title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cells of the rows on screen, fetched a block at a time."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        contact_id = self._ids[index.row()]
        if role == CONTACT_ID_ROLE:
            return contact_id
        row = self._rows.get(contact_id) or self._fetch_around(index.row())
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row.text[column]
        if role == SORT_ROLE:
            return row.raw[column]
        if role == STATUS_ROLE:
            return row.status
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, column)
        return None

    def _foreground(self, row: _Row, column: int) -> QBrush | None:
        palette = QApplication.palette()
        warn = self.columns[column].warn
        if warn is not None and warn(row.raw[column]):
            dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
            return QBrush(QColor("#ff8a80") if dark else QColor("#b3261e"))
        if row.status in ("archived", "moved_on"):
            return QBrush(palette.color(QPalette.ColorRole.PlaceholderText))
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column (the view calls this when a header is clicked)."""
        from desktop_app.store.contacts_query import SortOrder

        if not 0 <= column < len(self.columns):
            return
        self._sort = SortOrder(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)
        if self.reader is None:
            return
        self._base = self._query_base()
        self._reorder(self._visible(self._base))

    # -- what the table shows ------------------------------------------------------------
    @property
    def contact_filter(self) -> ContactFilter:
        from desktop_app.store.contacts_query import ContactFilter

        return self._filter or ContactFilter()

    @property
    def sort_order(self) -> SortOrder:
        from desktop_app.store.contacts_query import SortOrder

        return self._sort or SortOrder()

    def set_reader(self, reader: Reader | None) -> None:
        """Read from ``reader`` from now on (None empties the table)."""
        self.reader = reader
        self.reload()

    def reload(self, contact_filter: ContactFilter | None = None) -> None:
        """Query everything again and show it from the top (a reset)."""
        if contact_filter is not None:
            self._filter = contact_filter
        self.beginResetModel()
        self._rows.clear()
        if self.reader is None:
            self._base, self._matches, self._ids, self.total = [], None, [], 0
        else:
            from desktop_app.store.contacts_query import count_contacts, text_matches

            self._base = self._query_base()
            self._matches = text_matches(self.reader, self.contact_filter.text)
            self._ids = self._visible(self._base)
            self.total = count_contacts(self.reader)
        self.endResetModel()
        self.counts_changed.emit(len(self._ids), self.total)

    def set_filter(self, contact_filter: ContactFilter) -> None:
        """Show the contacts passing ``contact_filter``: facets re-query, text re-matches."""
        previous = self.contact_filter
        self._filter = contact_filter
        if self.reader is None or contact_filter == previous:
            return
        from desktop_app.store.contacts_query import text_matches

        if contact_filter.facets_only() != previous.facets_only():
            self._base = self._query_base()
        if contact_filter.text != previous.text:
            self._matches = text_matches(self.reader, contact_filter.text)
        self.beginResetModel()
        self._ids = self._visible(self._base)
        self.endResetModel()
        self.counts_changed.emit(len(self._ids), self.total)

    def _query_base(self) -> list[int]:
        from desktop_app.store.contacts_query import ordered_ids

        assert self.reader is not None
        return ordered_ids(self.reader, self.contact_filter.facets_only(), self.sort_order)

    def _visible(self, base: list[int]) -> list[int]:
        from desktop_app.store.contacts_query import keep_matching

        return base if self._matches is None else keep_matching(base, self._matches)

    # -- rows -------------------------------------------------------------------------
    def _fetch_around(self, row: int) -> _Row:
        """Fetch the block holding ``row`` (the rows not cached yet) and return its row."""
        from desktop_app.store.contacts_query import fetch_rows

        if len(self._rows) > self.CACHE_LIMIT:
            self._rows.clear()
        start = row - row % self.BLOCK
        wanted = [i for i in self._ids[start : start + self.BLOCK] if i not in self._rows]
        found = fetch_rows(self.reader, wanted, self._keys) if self.reader else {}
        blank = _Row(None, [None] * len(self.columns), [""] * len(self.columns))
        for contact_id in wanted:
            values = found.get(contact_id)
            if values is None:
                self._rows[contact_id] = blank  # deleted meanwhile: shown empty until refresh
                continue
            status, raw = values[0], values[1:]
            text = [c.format(v) for c, v in zip(self.columns, raw, strict=True)]
            self._rows[contact_id] = _Row(status, raw, text)
        return self._rows[self._ids[row]]

    def contact_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, contact_id: int) -> int | None:
        try:
            return self._ids.index(contact_id)
        except ValueError:
            return None

    def rows_of(self, contact_ids: Iterable[int]) -> dict[int, int]:
        """Rows of the contacts shown among ``contact_ids``."""
        wanted = set(contact_ids)
        if len(wanted) <= 16:
            found = {i: self.row_of(i) for i in wanted}
            return {i: r for i, r in found.items() if r is not None}
        return {i: r for r, i in enumerate(self._ids) if i in wanted}

    def contacts_edited(self, contact_ids: Iterable[int]) -> None:
        """Their fields changed: repaint their rows only, where they are (no re-sort)."""
        ids = set(contact_ids)
        for contact_id in ids:
            self._rows.pop(contact_id, None)
        last = len(self.columns) - 1
        for row in sorted(self.rows_of(ids).values()):
            self.dataChanged.emit(self.index(row, 0), self.index(row, last), [])

    def refresh(self, edited: Iterable[int] = ()) -> None:
        """Query again after contacts were added, removed or re-filed; rows that stay keep
        their selection (insertions and removals are signalled row by row)."""
        if self.reader is None:
            return
        from desktop_app.store.contacts_query import count_contacts, text_matches

        for contact_id in edited:
            self._rows.pop(contact_id, None)
        self._base = self._query_base()
        self._matches = text_matches(self.reader, self.contact_filter.text)
        self.total = count_contacts(self.reader)
        self._apply(self._visible(self._base))
        self.counts_changed.emit(len(self._ids), self.total)

    def _apply(self, new: list[int]) -> None:
        old = self._ids
        if new == old:
            return
        old_set, new_set = set(old), set(new)
        removed, added = old_set - new_set, new_set - old_set
        kept_old = [i for i in old if i not in removed] if removed else old
        kept_new = [i for i in new if i not in added] if added else new
        if kept_old != kept_new:
            if removed or added:
                self.beginResetModel()
                self._ids = new
                self.endResetModel()
            else:
                self._reorder(new)
            return
        removals = _runs(r for r, i in enumerate(old) if i in removed)
        insertions = _runs(r for r, i in enumerate(new) if i in added)
        if len(removals) + len(insertions) > self.MAX_RUNS:
            self.beginResetModel()  # cheaper for the view than thousands of signals
            self._ids = new
            self.endResetModel()
            return
        for first, last in reversed(removals):
            self.beginRemoveRows(_ROOT, first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()
        for first, last in insertions:
            self.beginInsertRows(_ROOT, first, last)
            self._ids[first:first] = new[first : last + 1]
            self.endInsertRows()

    def _reorder(self, new: list[int]) -> None:
        """The same contacts in another order: a layout change that moves the selection."""
        if len(new) != len(self._ids):
            self.beginResetModel()
            self._ids = new
            self.endResetModel()
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self._ids[index.row()] for index in persistent]
        self._ids = new
        rows = self.rows_of(ids)
        self.changePersistentIndexList(
            persistent,
            [
                self.index(rows[i], index.column()) if i in rows else QModelIndex()
                for i, index in zip(ids, persistent, strict=True)
            ],
        )
        self.layoutChanged.emit()


def _runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Consecutive rows as (first, last) pairs, in ascending order."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
