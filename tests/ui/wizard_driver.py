"""Driving the goal wizard as a user does: typing, Enter, clicks on its buttons."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QDateTimeEdit,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QWizard,
)

from desktop_app.ui.goal.wizard.lists import EditableList
from desktop_app.ui.goal.wizard.wizard import GoalWizard

NEXT = QWizard.WizardButton.NextButton
BACK = QWizard.WizardButton.BackButton
FINISH = QWizard.WizardButton.FinishButton
CANCEL = QWizard.WizardButton.CancelButton


def show_wizard(qtbot, wizard: GoalWizard) -> GoalWizard:  # type: ignore[no-untyped-def]
    """Show the wizard; when the test ends it closes without asking about typed answers
    (a question there would wait for an answer no one gives)."""
    qtbot.addWidget(wizard, before_close_func=lambda shown: shown.done(QDialog.DialogCode.Rejected))
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def click(qtbot, wizard: GoalWizard, which: QWizard.WizardButton) -> None:  # type: ignore[no-untyped-def]
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{button.text()} is not usable"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def retype(qtbot, field: QLineEdit | QPlainTextEdit, text: str) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def add_entries(qtbot, field: EditableList, *entries: str) -> None:  # type: ignore[no-untyped-def]
    """Type each entry and press Enter, as one would."""
    for entry in entries:
        field.entry.setFocus()
        qtbot.keyClicks(field.entry, entry)
        qtbot.keyClick(field.entry, Qt.Key.Key_Return)


def remove_entry(qtbot, field: EditableList, text: str) -> None:  # type: ignore[no-untyped-def]
    """Select the entry in the list and press Delete."""
    row = field.values().index(text)
    field.list.setFocus()
    field.list.setCurrentRow(row)
    qtbot.keyClick(field.list, Qt.Key.Key_Delete)


def edit_entry(qtbot, field: EditableList, old: str, new: str) -> None:  # type: ignore[no-untyped-def]
    """Select the entry, press F2, replace the text and press Enter."""
    field.list.setFocus()
    field.list.setCurrentRow(field.values().index(old))
    qtbot.keyClick(field.list, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == old
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, new)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: old not in field.values())  # the view commits when idle


def type_date(qtbot, edit: QDateTimeEdit, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    """Into the field, each part typed as shown: the year, the month's name, the day."""
    edit.setFocus()
    section = QDateTimeEdit.Section
    month = edit.locale().monthName(day.month, QLocale.FormatType.ShortFormat)
    for part, text in ((section.YearSection, f"{day.year}"), (section.MonthSection, month)):
        edit.setSelectedSection(part)
        qtbot.keyClicks(edit, text)
    edit.setSelectedSection(section.DaySection)
    qtbot.keyClicks(edit, f"{day.day:02d}")
    assert edit.date().toPython() == day


def type_number(qtbot, spin: QAbstractSpinBox, value: str) -> None:  # type: ignore[no-untyped-def]
    """Select the number, type another, and Tab out of the field."""
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, value)
    qtbot.keyClick(spin, Qt.Key.Key_Tab)
    assert spin.text().startswith(value), spin.text()


def page_messages(wizard: GoalWizard) -> list[str]:
    return wizard.currentPage().messages.texts()  # type: ignore[attr-defined]


def next_blocked_with(wizard: GoalWizard, text: str) -> bool:
    """Next (or Finish) is disabled and a visible message on the page says ``text``."""
    page = wizard.currentPage()
    button = wizard.button(FINISH if page is wizard.summary_page else NEXT)
    messages = page.messages  # type: ignore[attr-defined]
    return (
        not button.isEnabled()
        and messages.isVisible()
        and any(text in line for line in messages.texts())
    )


def untouched_and_blocked(wizard: GoalWizard) -> bool:
    """Next is disabled, and the page does not yet say so: nothing was typed on it."""
    blocking = [line for line in page_messages(wizard) if line.startswith("To go on")]
    return not wizard.button(NEXT).isEnabled() and not blocking
