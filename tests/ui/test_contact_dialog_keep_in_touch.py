"""The contact dialog's keep-in-touch cadence and birthday: chosen from the keyboard, saved
with the contact (new and edit), a day that does not exist refused beside the field, and
the dialog's undo taking them back."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.insights import keep_in_touch as rules
from desktop_app.insights.keep_in_touch import Birthday
from desktop_app.store.birthdays import read_birthday
from desktop_app.store.contact_detail import read_contact_detail
from desktop_app.store.keep_in_touch import read_overdue_ids
from desktop_app.store.reader import DatabaseReader
from desktop_app.store.records import ContactInput
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from tests.ui.contacts_helpers import ready, select, shown
from tests.ui.dialogs import when_dialog_opens

SAVE = QDialogButtonBox.StandardButton.Save
CTRL = Qt.KeyboardModifier.ControlModifier
LATER = rules.add_months(dt.date.today(), 3)


def own_cadence(database, contact_id: int) -> str | None:  # type: ignore[no-untyped-def]
    detail = read_contact_detail(DatabaseReader(database), contact_id)
    return detail.contact.touch_cadence if detail else None


def test_a_new_contact_gets_a_cadence_and_a_29_february_birthday(
    qtbot, small_window, database, network
) -> None:
    page = ready(qtbot, small_window)
    offered: list[str] = []  # read in the dialog, checked once it is closed

    def fill(dialog: ContactDialog) -> None:
        offered.extend((dialog.cadence.currentText(), dialog.birthday.year.placeholderText()))
        qtbot.keyClicks(dialog.first_name, "Grace")
        qtbot.keyClicks(dialog.cadence, "Q")  # Quarterly
        qtbot.keyClicks(dialog.birthday.day, "29")
        qtbot.keyClicks(dialog.birthday.month, "Feb")
        dialog.buttons.button(SAVE).click()

    seen = when_dialog_opens(fill, ContactDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert seen and "Grace" in shown(page)
    assert offered == ["Default (from tags and verdict)", "Year (optional)"]
    grace = page.current_contact()
    assert grace is not None and grace not in network.values()
    assert read_birthday(database, grace) == Birthday(2, 29)
    assert own_cadence(database, grace) == rules.QUARTER
    assert grace in read_overdue_ids(database, LATER)  # due by the new cadence at once
    small_window.undo_stack.undo()
    assert "Grace" not in shown(page)


def test_an_edit_clears_both_and_undo_puts_them_back(
    qtbot, small_window, database, network
) -> None:
    from desktop_app.store.birthdays import set_birthday
    from desktop_app.store.keep_in_touch import set_contact_cadence

    bob = network["Bob"]
    set_birthday(database, bob, Birthday(3, 12, 1986))
    set_contact_cadence(database, [bob], rules.TWO_WEEKS)
    page = ready(qtbot, small_window)
    select(page, "Bob Builder")

    offered: list[str] = []

    def clear(dialog: ContactDialog) -> None:
        birthday = dialog.birthday
        offered.append(dialog.cadence.currentText())
        offered.extend((birthday.day.currentText(), birthday.month.currentText()))
        offered.append(birthday.year.text())
        qtbot.mouseClick(dialog.birthday.clear_button, Qt.MouseButton.LeftButton)
        dialog.cadence.setFocus()
        qtbot.keyClick(dialog.cadence, Qt.Key.Key_Home)  # back to the default
        dialog.buttons.button(SAVE).click()

    seen = when_dialog_opens(clear, ContactDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert seen and offered == ["Every 2 weeks", "12", "March", "1986"]
    assert read_birthday(database, bob) is None
    assert own_cadence(database, bob) is None
    assert small_window.undo_stack.undoText() == "Edit Bob Builder"
    small_window.undo_stack.undo()
    assert read_birthday(database, bob) == Birthday(3, 12, 1986)
    assert own_cadence(database, bob) == rules.TWO_WEEKS


def test_the_default_entry_says_what_the_tags_give(qtbot, small_window, database, network) -> None:
    from desktop_app.store.contacts_query import tag_names
    from desktop_app.store.keep_in_touch import set_tag_cadence

    with database.transaction() as session:
        from sqlalchemy import text

        mentor = session.execute(text("SELECT id FROM tags WHERE name = 'mentor'")).scalar()
    assert "mentor" in tag_names(DatabaseReader(database))
    set_tag_cadence(database, mentor, rules.HALF_YEAR)
    page = ready(qtbot, small_window)
    select(page, "Ada Lovelace")
    seen = when_dialog_opens(lambda dialog: dialog.reject(), ContactDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert seen[0].cadence.itemText(0) == "Default (from tags and verdict: Every half-year)"


def dialog_with(qtbot, saved: list) -> ContactDialog:  # type: ignore[no-untyped-def]
    dialog = ContactDialog(None, [], saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.first_name, "Ada")
    return dialog


def choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type ``text`` into a combo as a user does, after the pause that starts a new search."""
    qtbot.wait(QApplication.keyboardInputInterval() + 50)
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text)


def test_a_day_that_does_not_exist_is_refused_beside_the_field(qtbot) -> None:
    saved: list[ContactInput] = []
    dialog = dialog_with(qtbot, saved)
    choose(qtbot, dialog.birthday.day, "31")
    choose(qtbot, dialog.birthday.month, "Apr")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    error = dialog.errors["birthday"]
    assert error.isVisible() and error.text() == "There is no 31 April: April has 30 days."
    assert not saved and dialog.isVisible()
    assert QApplication.focusWidget() is dialog.birthday.day

    choose(qtbot, dialog.birthday.day, "29")
    choose(qtbot, dialog.birthday.month, "Feb")
    qtbot.keyClicks(dialog.birthday.year, "2001")
    assert error.text() == "There is no 29 February 2001: 2001 is not a leap year."
    dialog.birthday.year.clear()
    qtbot.keyClicks(dialog.birthday.year, "19")
    assert "not a year" in error.text()
    dialog.birthday.month.setCurrentIndex(0)
    dialog.birthday.year.clear()
    assert error.text() == "The birthday needs a day and a month (the year may stay empty)."
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert not saved

    choose(qtbot, dialog.birthday.month, "Feb")
    qtbot.keyClicks(dialog.birthday.year, "2000")
    assert not error.isVisible()
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert saved[0].birthday == Birthday(2, 29, 2000)
    assert saved[0].touch_cadence is None
