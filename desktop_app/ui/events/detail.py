"""The detail of one event: what it cost, who was there, and what came of it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.events.labels import EVENT_KIND_LABELS, OUTCOME_LABELS, ROLE_LABELS
from desktop_app.ui.events.model import hours, money
from desktop_app.ui.events.people import Finder, PersonPicker
from desktop_app.ui.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.event_people import Attendee, EventDetail

CONTACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _plain_label(object_name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def follow_up_text(attendee: Attendee) -> str:
    if attendee.followup_due is None:
        return ""
    state = "done" if attendee.followup_done else f"due {attendee.followup_due:%d %b}"
    return f"Follow-up {state}"


class EventDetailPane(QWidget):
    follow_up_everyone = Signal()
    remove_requested = Signal(int)  # contact id
    open_contact_requested = Signal(int)

    def __init__(self, find: Finder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDetail")
        self.heading = _plain_label("eventHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = _plain_label("eventFacts")
        self.figures = _plain_label("eventFigures")
        self.notes = _plain_label("eventNotes")
        self.attendees = QTreeWidget()
        self.attendees.setObjectName("attendees")
        self.attendees.setAccessibleName("People at this event")
        self.attendees.setRootIsDecorated(False)
        self.attendees.setUniformRowHeights(True)
        self.attendees.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.attendees.setHeaderLabels(["Name", "Company", "At the event", "Follow-up", "Outcome"])
        self.attendees.itemActivated.connect(
            lambda item, _col: self.open_contact_requested.emit(item.data(0, CONTACT_ID_ROLE))
        )
        self.picker = PersonPicker(find, self)
        self.follow_up_button = QPushButton("&Follow Up with Everyone I Met")
        self.follow_up_button.setToolTip(
            "Log the conversation with each person met here and schedule a follow-up"
        )
        self.follow_up_button.clicked.connect(self.follow_up_everyone)
        self.remove_button = QPushButton("&Remove from Event")
        self.remove_button.clicked.connect(self._remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.follow_up_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.figures)
        layout.addWidget(self.notes)
        layout.addWidget(self.attendees, 1)
        layout.addWidget(self.picker)
        layout.addLayout(buttons)
        self.show_event(None)

    def show_event(self, detail: EventDetail | None) -> None:
        self.attendees.clear()
        enabled = detail is not None
        for widget in (self.picker, self.follow_up_button, self.remove_button, self.attendees):
            widget.setEnabled(enabled)
        if detail is None:
            self.heading.setText("No event selected")
            self.facts.setText("Choose an event to see who was there and what came of it.")
            self.figures.clear()
            self.notes.clear()
            return
        self.heading.setText(detail.name)
        kind = EVENT_KIND_LABELS.get(detail.kind, detail.kind)
        where = " · ".join(
            p for p in (f"{detail.starts_at:%A %d %B %Y, %H:%M}", detail.place, kind) if p
        )
        self.facts.setText(
            f"{where}\nTime invested: {hours(detail.hours_invested)} · "
            f"Cost: {money(detail.cost_cents)}"
        )
        met = sum(1 for a in detail.attendees if a.role == "met")
        planned = len(detail.attendees) - met
        self.figures.setText(
            f"{count_of(met, 'person', 'people')} met · {planned} planned · "
            f"{count_of(detail.followups_created, 'follow-up')} · "
            f"{count_of(detail.outcomes, 'outcome')}"
        )
        self.notes.setText(detail.notes)
        self.notes.setVisible(bool(detail.notes))
        items = []
        for attendee in detail.attendees:
            item = QTreeWidgetItem(
                [
                    attendee.name,
                    attendee.company,
                    ROLE_LABELS.get(attendee.role, attendee.role),
                    follow_up_text(attendee),
                    OUTCOME_LABELS.get(attendee.outcome, attendee.outcome),
                ]
            )
            item.setData(0, CONTACT_ID_ROLE, attendee.contact_id)
            items.append(item)
        self.attendees.addTopLevelItems(items)
        for column in range(4):
            self.attendees.resizeColumnToContents(column)
        self.follow_up_button.setEnabled(met > 0)

    def _remove_selected(self) -> None:
        for item in self.attendees.selectedItems():
            self.remove_requested.emit(item.data(0, CONTACT_ID_ROLE))
