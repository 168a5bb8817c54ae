"""New or edit an event: validation next to the fields, nothing lost silently.

Like the contact dialog, it saves through a ``submit`` callback while it is still open: a
save the store refuses shows the store's message under the fields, with everything typed
still there; the dialog closes only once the event is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app import validation
from desktop_app.ui.common import labels
from desktop_app.ui.common.dates import date_time_format
from desktop_app.ui.common.messages import Button, ask
from desktop_app.ui.common.undo import saved_or_said
from desktop_app.ui.common.widgets.field_error import error_label

if TYPE_CHECKING:
    from desktop_app.store.events import EventInput

Submit = Callable[["EventInput"], None]


class EventDialog(QDialog):
    """Collects an event's fields and hands them to ``submit``; closes once it took them."""

    def __init__(
        self, parent: QWidget | None, submit: Submit, *, initial: EventInput | None = None
    ) -> None:
        super().__init__(parent)
        self.submit = submit
        self.setWindowTitle("Edit Event" if initial else "New Event")
        self.setObjectName("eventDialog")
        locale = QLocale()
        self.name = QLineEdit()
        self.name.setMaxLength(validation.MAX_SHORT_TEXT)
        self.name.setPlaceholderText("e.g. Product Leaders Breakfast")
        self.kind = QComboBox()
        for code, label in labels.EVENT_KIND.items():
            self.kind.addItem(label, code)
        self.starts_at = QDateTimeEdit()
        self.starts_at.setCalendarPopup(True)
        self.starts_at.setDisplayFormat(date_time_format(locale))
        self.place = QLineEdit()
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0, 24)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(" h")
        self.hours.setToolTip("Hours invested, travel included (0–24 for a single day)")
        self.cost = QDoubleSpinBox()
        self.cost.setRange(0, 1_000_000)
        self.cost.setDecimals(2)
        self.cost.setPrefix(f"{locale.currencySymbol()} ")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)
        self.name_error = error_label(self, "name")
        self.problem = error_label(self, "save")  # what the store refused, if it did

        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("", self.name_error)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Date and time:", self.starts_at)
        form.addRow("&Place:", self.place)
        form.addRow("&Hours invested:", self.hours)
        form.addRow("C&ost:", self.cost)
        form.addRow("No&tes:", self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._load(initial)
        self._saved_state = self._state()
        self.name.textEdited.connect(lambda _text: self.name_error.hide())

    def _load(self, initial: EventInput | None) -> None:
        if not initial:
            next_hour = QDateTime.currentDateTime().addSecs(3600)
            next_hour.setTime(QTime(next_hour.time().hour(), 0))
            self.starts_at.setDateTime(next_hour)
            return
        self.name.setText(initial.name)
        self.kind.setCurrentIndex(max(0, self.kind.findData(initial.kind)))
        self.starts_at.setDateTime(QDateTime(initial.starts_at))
        self.place.setText(initial.place)
        self.hours.setValue(initial.hours_invested)
        self.cost.setValue(initial.cost_cents / 100)
        self.notes.setPlainText(initial.notes)

    def value(self) -> EventInput:
        """The fields as the store takes them."""
        from desktop_app.store.events import EventInput

        starts = self.starts_at.dateTime().toPython()
        assert isinstance(starts, dt.datetime)
        return EventInput(
            name=self.name.text().strip(),
            kind=self.kind.currentData(),
            starts_at=starts.replace(second=0, microsecond=0),
            place=self.place.text().strip(),
            hours_invested=round(self.hours.value(), 2),
            cost_cents=round(self.cost.value() * 100),
            notes=self.notes.toPlainText().strip(),
        )

    def _state(self) -> EventInput:
        return self.value()

    def accept(self) -> None:
        """Save valid input through ``submit``; say what is wrong next to the field, or
        what the store refused under the fields, and stay open with what was typed."""

        if not self.name.text().strip():
            self.name_error.setText("An event needs a name.")
            self.name_error.show()
            self.name.setFocus()
            return
        self.problem.hide()
        if not saved_or_said(self, self.problem, lambda: self.submit(self.value())):
            self.adjustSize()  # a message of two lines takes room instead of covering the notes
            return
        super().accept()

    def reject(self) -> None:
        """Cancel, after asking if something was changed."""
        if self._state() != self._saved_state:
            answer = ask(
                self,
                "Discard Changes?",
                "This event has changes that are not saved. Discard them?",
                Button.Discard | Button.Cancel,
                default=Button.Cancel,
            )
            if answer != Button.Discard:
                return
        super().reject()
