"""The people of one event as a small table model (a few hundred rows at most)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui.common import labels
from desktop_app.ui.common.headers import column_title
from desktop_app.ui.common.roles import CONTACT_ID_ROLE

if TYPE_CHECKING:
    from desktop_app.store.event_people import Attendee

HEADERS = ("Name", "Company", "At the event", "Follow-up", "Outcome")
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_CONTACT_ID = int(CONTACT_ID_ROLE)


def follow_up_text(attendee: Attendee) -> str:
    if attendee.followup_due is None:
        return ""
    state = "done" if attendee.followup_done else f"due {labels.format_date(attendee.followup_due)}"
    return f"Follow-up {state}"


class AttendeesModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []
        self._ids: list[int] = []

    def set_attendees(self, attendees: tuple[Attendee, ...]) -> None:
        self.beginResetModel()
        self._ids = [a.contact_id for a in attendees]
        self._rows = [
            (
                a.name,
                a.company,
                labels.ATTENDANCE_ROLE.get(a.role, a.role),
                follow_up_text(a),
                labels.EVENT_OUTCOME.get(a.outcome, a.outcome),
            )
            for a in attendees
        ]
        self.endResetModel()

    def contact_id(self, row: int) -> int:
        return self._ids[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        """One row per person."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        """Name, company, role, follow-up, outcome."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = _DISPLAY) -> Any:
        """The cell's text, or the contact id."""
        if not index.isValid():
            return None
        if role == _DISPLAY:
            return self._rows[index.row()][index.column()]
        if role == _CONTACT_ID:
            return self._ids[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        """Column titles."""
        return column_title(HEADERS, section, orientation, role)
