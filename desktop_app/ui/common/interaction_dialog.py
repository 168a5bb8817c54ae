"""The interaction dialog: log a message, call or meeting, or edit (and delete) one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app import validation
from desktop_app.ui.common import labels
from desktop_app.ui.common.dates import date_format
from desktop_app.ui.common.messages import Button, ask
from desktop_app.ui.common.undo import saved_or_said
from desktop_app.ui.common.widgets.field_error import error_label
from desktop_app.ui.common.widgets.plain_label import plain_label, shortened

if TYPE_CHECKING:
    from desktop_app.store.records import InteractionInput

FOLLOWUP_DEFAULT_DAYS = 7


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


# Dates beyond these are typing slips (a year 2206), refused at the field.
MAX_DAYS_AHEAD = 366
MAX_FOLLOWUP_DAYS_AHEAD = 5 * 366
EARLIEST = QDate(1900, 1, 1)


class InteractionDialog(QDialog):
    """``submit`` writes the interaction (raising StoreError to refuse); ``delete``, given
    when editing, removes it."""

    def __init__(
        self,
        parent: QWidget | None,
        contact_name: str,
        initial: InteractionInput,
        submit: Callable[[InteractionInput], None],
        delete: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interactionDialog")
        self.initial = initial
        self.submit = submit
        self.delete = delete
        editing = delete is not None
        self.setWindowTitle("Edit Interaction" if editing else "Log Interaction")
        self.who = plain_label(self, "who")
        self.who.setText(f"With {shortened(contact_name, 120)}")
        self.kind = self._combo("kind", labels.INTERACTION_KIND)
        self.date = QDateEdit(self)
        self.date.setObjectName("date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat(date_format())
        self.date.setMinimumDate(EARLIEST)
        self.initiated = self._combo("initiatedBy", labels.INITIATOR)
        self.reply = self._combo("replyStatus", labels.REPLY)
        self.given = self._combo("helpGiven", labels.HELP)
        self.received = self._combo("helpReceived", labels.HELP)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("minutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setSingleStep(5)
        self.minutes.setSuffix(" min")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("notes")
        self.notes.setTabChangesFocus(True)
        self.follow = QCheckBox("Follow &up on", self)
        self.follow.setObjectName("followUp")
        self.followup_date = QDateEdit(self)
        self.followup_date.setObjectName("followupDate")
        self.followup_date.setCalendarPopup(True)
        self.followup_date.setDisplayFormat(date_format())
        self.follow.toggled.connect(self.followup_date.setEnabled)
        self.followup_error = error_label(self, "followup")
        self.date_error = error_label(self, "date")
        self.notes_error = error_label(self, "notes")
        self.problem = error_label(self, "save")

        follow_row = QHBoxLayout()
        follow_row.addWidget(self.follow)
        follow_row.addWidget(self.followup_date, 1)
        form = QFormLayout()
        form.addRow(self.who)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Date:", self.date)
        form.addRow(self.date_error)
        form.addRow("&Initiated by:", self.initiated)
        form.addRow("&Reply:", self.reply)
        form.addRow("Help &given:", self.given)
        form.addRow("Help r&eceived:", self.received)
        form.addRow("&Time spent:", self.minutes)
        form.addRow("&Notes:", self.notes)
        form.addRow(self.notes_error)
        form.addRow(follow_row)
        form.addRow(self.followup_error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if editing:
            self.delete_button = QPushButton("&Delete", self)
            self.delete_button.setObjectName("deleteInteraction")
            self.buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
            self.delete_button.clicked.connect(self._delete)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._load(initial)
        self.resize(460, 520)

    def _combo(self, name: str, items: dict[str, str]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for value, text in items.items():
            combo.addItem(text, value)
        return combo

    def _load(self, data: InteractionInput) -> None:
        for combo, value in (
            (self.kind, data.kind),
            (self.initiated, data.initiated_by),
            (self.reply, data.reply_status),
            (self.given, data.help_given),
            (self.received, data.help_received),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.date.setDate(to_qdate(data.occurred_on))
        self.minutes.setValue(data.minutes)
        self.notes.setPlainText(data.notes)
        due = data.followup_due
        self.follow.setChecked(due is not None)
        self.followup_date.setEnabled(due is not None)
        self.followup_date.setDate(
            to_qdate(due or data.occurred_on + dt.timedelta(days=FOLLOWUP_DEFAULT_DAYS))
        )

    def value(self) -> InteractionInput:
        from dataclasses import replace

        return replace(
            self.initial,
            occurred_on=from_qdate(self.date.date()),
            kind=self.kind.currentData(),
            initiated_by=self.initiated.currentData(),
            reply_status=self.reply.currentData(),
            help_given=self.given.currentData(),
            help_received=self.received.currentData(),
            minutes=self.minutes.value(),
            notes=self.notes.toPlainText().strip(),
            followup_due=from_qdate(self.followup_date.date()) if self.follow.isChecked() else None,
        )

    def problems(self) -> dict[str, str]:
        """What to fix, keyed by field: "date", "notes" or "followup"."""
        data, today = self.value(), dt.date.today()
        found: dict[str, str | None] = {}
        if data.occurred_on > today + dt.timedelta(days=MAX_DAYS_AHEAD):
            found["date"] = (
                "The date is more than a year ahead: log an interaction once it happened."
            )
        text = self.notes.toPlainText()
        found["notes"] = validation.check_length(
            "The notes field", text, validation.MAX_FREE_TEXT
        ) or validation.check_control_characters("The notes field", text, multiline=True)
        if data.followup_due is not None and data.followup_due < data.occurred_on:
            found["followup"] = "The follow-up cannot be due before the interaction took place."
        elif data.followup_due is not None and data.followup_due > today + dt.timedelta(
            days=MAX_FOLLOWUP_DAYS_AHEAD
        ):
            found["followup"] = "The follow-up is more than five years ahead; choose a nearer date."
        return {key: message for key, message in found.items() if message}

    def save(self) -> None:

        found = self.problems()
        fields = {"date": self.date, "notes": self.notes, "followup": self.followup_date}
        for key, label in (
            ("date", self.date_error),
            ("notes", self.notes_error),
            ("followup", self.followup_error),
        ):
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        if found:
            fields[next(iter(found))].setFocus()
            return
        if saved_or_said(self, self.problem, lambda: self.submit(self.value())):
            self.accept()

    def _delete(self) -> None:
        if self.delete is not None:
            self.delete()
            self.done(QDialog.DialogCode.Accepted)

    def reject(self) -> None:
        """Ask before dropping what was typed."""
        if self.value() != self.initial:
            answer = ask(
                self,
                "Unsaved changes",
                "This interaction has changes that are not saved. Discard them?",
                Button.Discard | Button.Cancel,
                default=Button.Cancel,
            )
            if answer != Button.Discard:
                return
        super().reject()
