"""The entries of a calendar file as the preview lists them: when, what, with whom, and
what each becomes (an interaction with the contacts met, an event, or nothing, and why).

The user's choice per entry (``INTERACTION``, ``EVENT``, ``SKIP``) is kept here by
occurrence key; the plan made with those choices says who is a contact.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.exchange.normalise import email_key
from desktop_app.store.calendar_evidence import is_calendar_address
from desktop_app.store.evidence_people import name_match_key
from desktop_app.ui.common.dates import format_day, format_moment
from desktop_app.ui.common.headers import column_title
from desktop_app.ui.importing.evidence_work import EVENT, INTERACTION, SKIP
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.exchange.ics_records import CalendarOccurrence, CalendarPerson
    from desktop_app.store.calendar_evidence import CalendarPlan

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("When", "Title", "People met (contacts marked ✓)", "Becomes")
WHEN, TITLE, PEOPLE, BECOMES = range(4)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def identity_of(person: CalendarPerson) -> str:
    """How the plan tells calendar people apart: their address, else their name."""
    return email_key(person.email) or f"name:{name_match_key(person.name)}"


class CalendarEntriesModel(QAbstractTableModel):
    def __init__(self, plan: CalendarPlan, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.entries: tuple[CalendarOccurrence, ...] = plan.calendar.occurrences
        self.choices: dict[str, str] = {}
        self.now = dt.datetime.now()
        self._grey = QApplication.palette().color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
        )

    def set_plan(self, plan: CalendarPlan) -> None:
        """The plan made again with the choices: every row may say something else."""
        self.plan = plan
        if self.entries:
            self.dataChanged.emit(
                self.index(0, PEOPLE),
                self.index(len(self.entries) - 1, BECOMES),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    def choice(self, entry: CalendarOccurrence) -> str:
        default = EVENT if entry.looks_like_networking else INTERACTION
        return self.choices.get(entry.key, default)

    def choose(self, rows: Iterable[int], choice: str) -> bool:
        """Make the entries of ``rows`` interactions, events or skipped; whether any changed."""
        changed = False
        for row in rows:
            entry = self.entries[row]
            default = EVENT if entry.looks_like_networking else INTERACTION
            before = self.choice(entry)
            if choice == default:
                self.choices.pop(entry.key, None)
            else:
                self.choices[entry.key] = choice
            changed |= before != choice
        return changed

    def row_titled(self, title: str) -> int:
        return next(n for n, entry in enumerate(self.entries) if entry.title == title)

    # -- what a row says ---------------------------------------------------------------
    def guests(self, entry: CalendarOccurrence) -> list[CalendarPerson]:
        owner = self.plan.calendar.owner_emails
        return [g for g in entry.guests(owner) if not is_calendar_address(g)]

    def people_text(self, entry: CalendarOccurrence) -> str:
        contacts = self.plan.contacts
        return ", ".join(
            f"{guest.name or guest.email}{' ✓' if identity_of(guest) in contacts else ''}"
            for guest in self.guests(entry)
        )

    def becomes(self, entry: CalendarOccurrence) -> str:
        """What importing makes of the entry, as the plan decides it for this choice."""
        choice = self.choice(entry)
        if choice == SKIP:
            return "Skip (your choice)"
        if entry.cancelled:
            return "Skip (cancelled)"
        if not entry.attended(self.plan.calendar.owner_emails):
            return "Skip (declined by you)"
        met = sum(1 for g in self.guests(entry) if identity_of(g) in self.plan.contacts)
        if choice == EVENT:
            planned = " (planned)" if entry.starts_at > self.now else ""
            return f"Event{planned}, {count_of(met, 'contact')} met"
        if not self.guests(entry):
            return "Skip (with nobody else)"
        if entry.starts_at > self.now:
            return "Skip (still ahead)"
        if not met:
            return "Interaction with nobody who is a contact"
        return f"Interaction with {count_of(met, 'contact')}"

    def _text(self, entry: CalendarOccurrence, column: int) -> str:
        if column == WHEN:
            return format_day(entry.starts_at) if entry.all_day else format_moment(entry.starts_at)
        if column == TITLE:
            return entry.title
        if column == PEOPLE:
            return self.people_text(entry)
        return self.becomes(entry)

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """One row per entry (each occurrence of a series)."""
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """The columns of ``HEADERS``."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text; skipped entries in grey."""
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(entry, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and self.becomes(entry).startswith("Skip"):
            return self._grey
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return column_title(HEADERS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable; the buttons above the table decide."""
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
