"""A lazy id-keyed table of columns given as functions of a row (events and the like).

The ids, block reading, cache, row lookup, reordering and refreshing are the common
``LazyIdTableModel``'s. Sorting is the store's job: ``sort()`` only emits
``sort_requested``; the page re-queries and hands the new order back with ``reorder``,
which keeps the selection.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt, Signal

from desktop_app.ui.common.headers import column_title
from desktop_app.ui.common.lazy_id_model import Index, LazyIdTableModel
from desktop_app.ui.common.roles import ID_ROLE, SORT_ROLE
from desktop_app.ui.common.widgets.tooltips import plain_tooltip

Row = TypeVar("Row")
# Views ask for seven roles per cell on every paint; ``data`` compares plain ints (Qt
# hands roles over as ints) and answers display text from a tuple made once per row.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ID = int(ID_ROLE)
_SORT_KEY = int(SORT_ROLE)
_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)


@dataclass(frozen=True)
class Column(Generic[Row]):
    key: str  # the store's sort key for this column
    title: str
    display: Callable[[Row], str]
    raw: Callable[[Row], Any] | None = None
    align_right: bool = False
    tooltip: Callable[[Row], str] | None = None


class IdTableModel(LazyIdTableModel[tuple[Row | None, tuple[str, ...]]], Generic[Row]):
    """Each cached row is its data and its display texts, made once when it is read."""

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

    def fetch_rows(self, ids: list[int]) -> dict[int, Row]:
        return self._fetch(ids)

    def prepare_row(self, data: Row | None) -> tuple[Row | None, tuple[str, ...]]:
        if data is None:  # deleted since the ids were read
            return None, ()
        return data, tuple(c.display(data) for c in self.columns)

    def row_data(self, row: int) -> Row | None:
        """The data of ``row`` (reading its block if needed)."""
        return self.cached_row(row)[0]

    # -- Qt model interface --------------------------------------------------------------
    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """Display text, the id, the raw sort value, alignment and tooltips."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == _DISPLAY:
            row, texts = self.cached_row(index.row())
            return texts[index.column()] if row is not None else None
        if role == _ALIGNMENT:
            return self._alignments[index.column()]
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
        return column_title([column.title for column in self.columns], section, orientation, role)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the store for the new order (sorting runs in SQL)."""
        if 0 <= column < len(self.columns):
            descending = order == Qt.SortOrder.DescendingOrder
            self.sort_requested.emit(self.columns[column].key, descending)
