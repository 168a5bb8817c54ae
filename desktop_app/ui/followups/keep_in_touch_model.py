"""The keep-in-touch list's rows: who is due or overdue by their cadence, in the store's
order (most valuable first). The model holds the ids and reads a block of rows as they
show, so a list of 100,000 contacts opens as fast as one of ten."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from desktop_app.insights.keep_in_touch import CADENCE_LABELS
from desktop_app.ui.common import labels
from desktop_app.ui.common.id_table_model import Column, IdTableModel
from desktop_app.ui.common.roles import CONTACT_ID_ROLE

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.store.keep_in_touch import OverdueRow
    from desktop_app.ui.common.lazy_id_model import Index

NOT_SCORED = "–"


def overdue_text(days: int) -> str:
    """How late a contact is: "due today", "1 day", "40 days"."""
    if days <= 0:
        return "due today"
    return "1 day" if days == 1 else f"{days:,} days"


def _alignment(row: OverdueRow) -> str:
    return NOT_SCORED if row.alignment is None else str(row.alignment)


def _alignment_tip(row: OverdueRow) -> str:
    if row.alignment is None:
        return "Not scored yet"
    return f"Fit with your goal: {row.alignment} of 100"


COLUMNS: list[Column[OverdueRow]] = [
    Column("name", "Name", lambda r: r.name, tooltip=lambda r: r.name),
    Column("company", "Company", lambda r: r.company, tooltip=lambda r: r.company),
    Column("cadence", "Cadence", lambda r: CADENCE_LABELS.get(r.cadence, r.cadence)),
    Column(
        "last_touch",
        "Last touch",
        lambda r: labels.format_date(r.last_touch_on),
        raw=lambda r: r.last_touch_on,
        # No interaction yet: the clock runs from the day they were added.
        tooltip=lambda r: f"Last interaction (or added) {labels.format_date(r.last_touch_on)}",
    ),
    Column(
        "overdue",
        "Overdue by",
        lambda r: overdue_text(r.days_overdue),
        raw=lambda r: r.days_overdue,
        align_right=True,
        tooltip=lambda r: f"Due {labels.format_date(r.due_on)}",
    ),
    Column(
        "alignment",
        "Alignment",
        _alignment,
        raw=lambda r: r.alignment,
        align_right=True,
        tooltip=_alignment_tip,
    ),
]


class KeepInTouchModel(IdTableModel["OverdueRow"]):
    """The overdue contacts' ids in order, the counts for the heading, rows read lazily."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, self._read_rows, parent)
        self.database: Database | None = None
        self.today = dt.date.today()
        self.aligned = 0

    def reload(self, database: Database | None, today: dt.date | None = None) -> None:
        """The ids and the counts read again (every row is read again as it shows)."""
        from desktop_app.store.keep_in_touch import read_overdue_list

        self.database = database
        self.today = today or dt.date.today()
        ids: list[int] = []
        self.aligned = 0
        if database is not None:
            found = read_overdue_list(database, self.today)
            ids, self.aligned = found.ids, found.aligned
        self.set_ids(ids)

    def _read_rows(self, ids: list[int]) -> dict[int, OverdueRow]:
        from desktop_app.store.keep_in_touch import read_overdue_rows

        if self.database is None:
            return {}
        return read_overdue_rows(self.database, ids, self.today)

    def row_name(self, row: int) -> str | None:
        """The contact's name on ``row`` (None when they left the list meanwhile)."""
        found = self.row_data(row)
        return found.name if found is not None else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The row's contact id under ``CONTACT_ID_ROLE`` too (the id is the contact's)."""
        if role == CONTACT_ID_ROLE and index.isValid():
            return self.row_id(index.row())
        return super().data(index, role)
