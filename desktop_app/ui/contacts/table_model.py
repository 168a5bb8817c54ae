"""The contacts table model: contact ids in order, rows fetched in blocks as they show.

Built on the common ``LazyIdTableModel`` (ids, block reading, cache, row lookup, reorder
and refresh by id); this adds the contacts' columns, facets and typed text (facets and sort
in SQL, the text as a set of matching ids from the FTS index), the quick start over the
first rows, and precise row insertions and removals after writes that add or remove
contacts. Edits invalidate just their rows (``dataChanged``), so selection and scroll
position stay.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal

from desktop_app.ui.common.lazy_id_model import ROOT, Index, LazyIdTableModel
from desktop_app.ui.common.roles import CONTACT_ID_ROLE, ID_ROLE, SORT_ROLE, STATUS_ROLE
from desktop_app.ui.common.widgets.tooltips import plain_tooltip
from desktop_app.ui.contacts.columns import ContactColumn
from desktop_app.ui.contacts.row_cells import Row, blank_row, build_row, palette_brushes
from desktop_app.ui.contacts.row_changes import row_changes

if TYPE_CHECKING:
    from desktop_app.store.contacts_query import ContactFilter, FacetSets, SortOrder
    from desktop_app.store.reader import Reader

log = logging.getLogger(__name__)

# data() runs for every role of every cell painted: plain ints and constants keep it cheap.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_IDS = (int(CONTACT_ID_ROLE), int(ID_ROLE))  # a contact is the row itself: both give its id
_HANDLED = frozenset({_DISPLAY, _TOOLTIP, _FOREGROUND, *_IDS, int(SORT_ROLE), int(STATUS_ROLE)})


class ContactTableModel(LazyIdTableModel[Row]):
    BLOCK = 100  # rows fetched per query while scrolling
    CACHE_LIMIT = 4000  # rows kept; beyond it the cache starts over
    MAX_RUNS = 200  # scattered insertions/removals beyond this reset the model instead
    QUICK_ROWS = 200  # opening unfiltered: these first, the whole list right after

    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, columns: Sequence[ContactColumn], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.columns = tuple(columns)
        self._keys = [c.key for c in self.columns]
        self.reader: Reader | None = None
        self._filter: ContactFilter | None = None
        self._sort: SortOrder | None = None
        self._sorted: list[int] = []  # every contact, in the sort order
        self._facets: FacetSets | None = None  # the facets as sets of ids
        self._matches: set[int] | None = None  # ids matching the typed text
        self.total = 0
        # After a quick start, rows beyond the first hold 0 until the whole list is read.
        self._pending = False
        self._unreadable = False  # a read failed on a damaged page (logged once)
        # The server was out of reach at the last query: the next one reads everything.
        self._stale = False
        self._brushes: Any = None  # the palette's, as of the last block read

    # -- Qt model interface ----------------------------------------------------------
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

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """Cells of the rows on screen, fetched a block at a time."""
        if role not in _HANDLED:
            return None
        row_number = index.row()
        if not 0 <= row_number < len(self._ids) or not index.isValid():
            return None
        contact_id = self._ids[row_number]
        if not contact_id:
            return None  # not read yet: the whole list arrives in a moment
        if role in _IDS:
            return contact_id
        row = self._rows.get(contact_id) or self._read_block(row_number)
        if role == _DISPLAY:
            return row.text[index.column()]
        if role == _TOOLTIP:
            return plain_tooltip(row.tips[index.column()])
        if role == _FOREGROUND:
            return row.brushes[index.column()]
        if role == SORT_ROLE:
            return row.raw[index.column()]
        return row.status

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column (the view calls this when a header is clicked)."""
        from desktop_app.store.contacts_query import SortOrder

        if not 0 <= column < len(self.columns):
            return
        self.complete()
        self._sort = SortOrder(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)
        if self.reader is None or not self._read(self._query_sorted_ids):
            return
        self.reorder(self._visible())

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
        """Query everything again and show it from the top (a reset).

        The queries run before the reset begins: one that fails (a file that is not what
        it seemed) leaves the model as it was.
        """
        if contact_filter is not None:
            self._filter = contact_filter
        pending = False
        if self.reader is None:
            self._sorted, self._facets, self._matches, ids = [], None, None, []
            self.total = 0
        elif self.contact_filter == type(self.contact_filter)():
            ids, pending = self._quick_ids(), True
        else:
            self._query_all()
            ids = self._visible()
        self.beginResetModel()
        self._rows.clear()
        self._ids, self._pending = ids, pending
        self.endResetModel()
        self.counts_changed.emit(len(self._ids), self.total)

    def _quick_ids(self) -> list[int]:
        """The first rows from a query that stops after them, and zeros for the rest;
        ``complete`` reads the whole list (the page calls it after the first paint)."""
        from desktop_app.store.contacts_query import count_contacts, count_not_archived, first_ids

        assert self.reader is not None
        first = first_ids(self.reader, self.sort_order, self.QUICK_ROWS)
        shown = count_not_archived(self.reader)
        self.total = count_contacts(self.reader)
        return first + [0] * max(shown - len(first), 0)

    @property
    def pending(self) -> bool:
        """Whether a quick start left the whole list to read."""
        return self._pending

    def complete(self) -> None:
        """Read the whole list a quick start left out (anything that needs it calls this)."""
        if not self._pending:
            return
        if self.reader is None or not self._read(self._query_all):
            return  # still pending when the server is out of reach
        self._pending = False
        quick = self._ids
        full = self._visible()
        known = len(quick) - quick.count(0)
        if len(full) == len(quick) and full[:known] == quick[:known]:
            self._ids = full
            if full:
                last = self.index(len(full) - 1, len(self.columns) - 1)
                self.dataChanged.emit(self.index(0, 0), last, [])
        else:  # written meanwhile: start over
            self.reset_to(full)
        self.counts_changed.emit(len(self._ids), self.total)

    def set_filter(self, contact_filter: ContactFilter) -> None:
        """Show the contacts passing ``contact_filter``: facets re-query, text re-matches."""
        self.complete()
        previous = self.contact_filter
        self._filter = contact_filter
        if self.reader is None or (contact_filter == previous and not self._stale):
            return
        from desktop_app.store.contacts_query import facet_sets, text_matches

        def query() -> None:
            assert self.reader is not None
            if self._stale:
                self._query_all()
                return
            if contact_filter.facets_only() != previous.facets_only():
                self._facets = facet_sets(self.reader, contact_filter)
            if contact_filter.text != previous.text:
                self._matches = text_matches(self.reader, contact_filter.text)

        if not self._read(query):
            return
        self.beginResetModel()
        self._ids = self._visible()
        self.endResetModel()
        self.counts_changed.emit(len(self._ids), self.total)

    def _read(self, query: Callable[[], object]) -> bool:
        """Run ``query``; False when the server is out of reach (the window says so): the
        table keeps what it shows, and the next query reads everything again."""
        from desktop_app.store.errors import ConnectionLostError

        try:
            query()
        except ConnectionLostError:
            self._stale = True
            return False
        self._stale = False
        return True

    def _query_sorted_ids(self) -> None:
        self._sorted = self._query_sorted()

    def _query_sorted(self) -> list[int]:
        from desktop_app.store.contacts_query import sorted_ids

        assert self.reader is not None
        return sorted_ids(self.reader, self.sort_order)

    def _query_all(self) -> None:
        """Sorted ids, facet sets, text matches and the total, all read again."""
        from desktop_app.store.contacts_query import count_contacts, facet_sets, text_matches

        assert self.reader is not None
        self._sorted = self._query_sorted()
        self._facets = facet_sets(self.reader, self.contact_filter)
        self._matches = text_matches(self.reader, self.contact_filter.text)
        self.total = count_contacts(self.reader)

    def _visible(self) -> list[int]:
        """The sorted ids that pass the typed text (a set lookup each), then the facets."""
        from desktop_app.store.contacts_query import keep_matching

        ids = keep_matching(self._sorted, self._matches)
        return self._facets.apply(ids) if self._facets is not None else ids

    # -- rows -------------------------------------------------------------------------
    def fetch_rows(self, ids: list[int]) -> dict[int, Any]:
        """The stored values of the contacts ``ids`` (blank cells on a damaged page)."""
        from desktop_app.store.contacts_query import fetch_rows

        if self.reader is None:
            return {}
        try:
            found = fetch_rows(self.reader, ids, self._keys)
        except sqlite3.DatabaseError as exc:
            # A damaged page (seen while previewing the file at start-up): blank cells, not
            # an error per cell painted; the store's check at opening tells the user.
            if not self._unreadable:
                log.warning("contact rows cannot be read: %s", exc)
            self._unreadable = True
            return {}
        self._brushes = palette_brushes()
        return found

    def prepare_row(self, values: Any) -> Row:
        if values is None:
            return blank_row(len(self.columns))
        return build_row(self.columns, values[0], values[1:], self._brushes)

    def clear_cache(self, keys: Iterable[str] = ()) -> None:
        """Forget the rows read so far (they are read again as they show); the columns
        ``keys`` changed for every row: the views repaint them, keeping selection and scroll."""
        self.forget_rows()
        wanted = set(keys)
        changed = [n for n, key in enumerate(self._keys) if key in wanted]
        if changed and self._ids:
            bottom = len(self._ids) - 1
            self.dataChanged.emit(self.index(0, min(changed)), self.index(bottom, max(changed)), [])

    def contact_id(self, row: int) -> int | None:
        if not 0 <= row < len(self._ids):
            return None
        if not self._ids[row]:
            self.complete()
        return self._ids[row]

    def row_of(self, contact_id: int) -> int | None:
        if self._pending and contact_id not in self._ids[: self.QUICK_ROWS]:
            self.complete()
        return super().row_of(contact_id)

    def rows_of(self, contact_ids: Iterable[int]) -> dict[int, int]:
        """Rows of the contacts shown among ``contact_ids`` (the whole list read first)."""
        self.complete()
        return super().rows_of(contact_ids)

    def contacts_edited(self, contact_ids: Iterable[int]) -> None:
        """Their fields changed: repaint their rows only, where they are (no re-sort)."""
        self.complete()
        self.refresh_rows(contact_ids)

    def refresh(self, edited: Iterable[int] = ()) -> None:
        """Query again after contacts were added, removed or re-filed; rows that stay keep
        their selection (insertions and removals are signalled row by row)."""
        if self.reader is None:
            return
        self.complete()
        for contact_id in edited:
            self._rows.pop(contact_id, None)
        if not self._read(self._query_all):
            return
        self._apply(self._visible())
        self.counts_changed.emit(len(self._ids), self.total)

    def _apply(self, new: list[int]) -> None:
        if new == self._ids:
            return
        changes = row_changes(self._ids, new)
        if changes is None:
            if set(new) == set(self._ids):
                self.reorder(new)
            else:
                self.reset_to(new)
            return
        if len(changes.removals) + len(changes.insertions) > self.MAX_RUNS:
            self.reset_to(new)  # cheaper for the view than thousands of signals
            return
        for first, last in reversed(changes.removals):
            self.beginRemoveRows(ROOT, first, last)
            del self._ids[first : last + 1]
            self.endRemoveRows()
        for first, last in changes.insertions:
            self.beginInsertRows(ROOT, first, last)
            self._ids[first:first] = new[first : last + 1]
            self.endInsertRows()
