"""The detail of one event: what it cost, who was there, and what came of it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common import labels
from desktop_app.ui.common.dates import format_moment
from desktop_app.ui.common.widgets.plain_label import plain_label, shortened
from desktop_app.ui.events.attendees_model import AttendeesModel
from desktop_app.ui.events.model import hours, money
from desktop_app.ui.events.people import Finder, PersonPicker
from desktop_app.validation import MAX_FREE_TEXT
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.event_people import EventDetail


def return_on_time_text(detail: EventDetail) -> str:
    """The insights rule's verdict on the hours this event took, in words."""
    from desktop_app.insights.return_on_time import EventFigures, event_return

    if detail.starts_at.date() > dt.date.today():
        return "Return on time: not yet (the event is still to come)."
    figures = EventFigures(
        detail.id,
        detail.name,
        detail.kind,
        detail.starts_at.date(),
        detail.hours_invested,
        detail.cost_cents,
        sum(1 for a in detail.attendees if a.role == "met"),
        detail.aligned_met,
        detail.replies,
        detail.meetings,
        detail.referrals,
    )
    return "Return on time: " + " ".join(event_return(figures).reasons)


class EventDetailPane(QWidget):
    follow_up_everyone = Signal()
    remove_requested = Signal(int)  # contact id
    open_contact_requested = Signal(int)

    def __init__(self, find: Finder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("eventDetail")
        self.heading = plain_label(name="eventHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.heading.setFont(font)
        self.facts = plain_label(name="eventFacts")
        self.figures = plain_label(name="eventFigures")
        self.notes = plain_label(name="eventNotes")
        self.attendees_model = AttendeesModel(self)
        self.attendees = QTableView()
        self.attendees.setObjectName("attendees")
        self.attendees.setAccessibleName("People at this event")
        self.attendees.setModel(self.attendees_model)
        self.attendees.verticalHeader().hide()
        self.attendees.verticalHeader().setDefaultSectionSize(
            self.attendees.fontMetrics().height() + 8
        )
        self.attendees.setShowGrid(False)
        self.attendees.setWordWrap(False)
        self.attendees.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attendees.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.attendees.horizontalHeader().setStretchLastSection(True)
        # The follow-up column as wide as its longest text ("Follow-up due 30 Sep 2026").
        longest = f"Follow-up due {labels.format_date(dt.date(2026, 9, 30))}"
        follow_up = self.attendees.fontMetrics().horizontalAdvance(longest) + 24
        for column, width in enumerate((190, 190, 110, max(150, follow_up))):
            self.attendees.setColumnWidth(column, width)
        self.attendees.activated.connect(
            lambda index: self.open_contact_requested.emit(
                self.attendees_model.contact_id(index.row())
            )
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
        self.attendees_model.set_attendees(detail.attendees if detail else ())
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
        kind = labels.EVENT_KIND.get(detail.kind, detail.kind)
        if kind.casefold() == detail.place.strip().casefold():
            kind = ""  # an online event held "Online": said once
        where = " · ".join(p for p in (format_moment(detail.starts_at), detail.place, kind) if p)
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
        self.figures.setText(f"{self.figures.text()}\n{return_on_time_text(detail)}")
        # A note stored before fields had limits may run to millions of characters,
        # which a label takes long to lay out: shown as far as a note goes now.
        self.notes.setText(shortened(detail.notes, MAX_FREE_TEXT + 1))
        self.notes.setVisible(bool(detail.notes))
        self.follow_up_button.setEnabled(met > 0)

    def attendee_texts(self, column: int) -> list[str]:
        """What the people table shows in ``column``, top to bottom."""
        model = self.attendees_model
        return [model.index(row, column).data() for row in range(model.rowCount())]

    def _remove_selected(self) -> None:
        rows = {index.row() for index in self.attendees.selectionModel().selectedRows()}
        for contact_id in [self.attendees_model.contact_id(row) for row in sorted(rows)]:
            self.remove_requested.emit(contact_id)
