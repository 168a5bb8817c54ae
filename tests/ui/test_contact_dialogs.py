"""The contact and interaction dialogs: messages beside the fields, completion, nothing
typed lost without asking."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QMessageBox

from desktop_app.store.records import ContactInput, InteractionInput, LabelledValue
from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from tests.ui.dialogs import when_dialog_opens

SAVE = QDialogButtonBox.StandardButton.Save


def new_dialog(qtbot, saved: list, initial: ContactInput | None = None) -> ContactDialog:  # type: ignore[no-untyped-def]
    dialog = ContactDialog(None, ["alumni", "climate", "mentor"], saved.append, initial)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_messages_appear_beside_the_fields_at_fault(qtbot) -> None:
    saved: list[ContactInput] = []
    dialog = new_dialog(qtbot, saved)
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert dialog.errors["name"].isVisible()
    assert "name" in dialog.errors["name"].text()
    assert dialog.focusWidget() is dialog.first_name
    qtbot.keyClicks(dialog.first_name, "Ada")
    assert not dialog.errors["name"].isVisible()  # rechecked as the user types
    qtbot.keyClicks(dialog.emails, "ada@helix")
    qtbot.keyClicks(dialog.phones, "12")
    qtbot.keyClicks(dialog.linkedin, "www.linkedin.com/in/ada")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert "not an e-mail address" in dialog.errors["emails"].text()
    assert "digits" in dialog.errors["phones"].text()
    assert "https://" in dialog.errors["linkedin"].text()
    assert dialog.isVisible()
    assert not saved
    for edit, text in (
        (dialog.emails, "ada@helix.example"),
        (dialog.phones, "+44 20 7946 0958"),
        (dialog.linkedin, "https://www.linkedin.com/in/ada"),
    ):
        edit.clear()
        qtbot.keyClicks(edit, text)
    assert not any(label.isVisible() for label in dialog.errors.values())
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert saved[0].first_name == "Ada"
    assert saved[0].phones == (LabelledValue("+44 20 7946 0958"),)  # kept as typed
    assert not dialog.isVisible()


def test_tags_complete_from_the_known_ones(qtbot) -> None:
    saved: list[ContactInput] = []
    dialog = new_dialog(qtbot, saved)
    qtbot.keyClicks(dialog.tags, "alumni, me")
    popup = dialog.tags.tag_completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert dialog.tags.tag_completer.currentCompletion() == "mentor"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.tags.text() == "alumni, mentor, "
    assert dialog.tags.tags() == ["alumni", "mentor"]


def test_closing_with_changes_asks_first(qtbot) -> None:
    saved: list[ContactInput] = []
    dialog = new_dialog(qtbot, saved)
    qtbot.keyClicks(dialog.first_name, "Grace")
    cancel, discard = QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard
    asked = when_dialog_opens(lambda box: box.button(cancel).click(), QMessageBox)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()  # Cancel: back to the dialog, nothing lost
    assert dialog.first_name.text() == "Grace"
    asked = when_dialog_opens(lambda box: box.button(discard).click(), QMessageBox)
    dialog.close()
    assert asked and not dialog.isVisible()
    assert not saved


def test_closing_unchanged_asks_nothing(qtbot) -> None:
    saved: list[ContactInput] = []
    initial = ContactInput(first_name="Ada", emails=(LabelledValue("ada@x.org", "work"),))
    dialog = new_dialog(qtbot, saved, initial)
    assert dialog.emails.text() == "ada@x.org"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_save_from_the_question_saves(qtbot) -> None:
    saved: list[ContactInput] = []
    initial = ContactInput(first_name="Ada", emails=(LabelledValue("ada@x.org", "work"),))
    dialog = new_dialog(qtbot, saved, initial)
    qtbot.keyClicks(dialog.title_edit, "Countess")
    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Save).click(), QMessageBox)
    dialog.reject()
    assert saved[0].title == "Countess"
    assert saved[0].emails == (LabelledValue("ada@x.org", "work"),)  # its label kept


def test_interaction_dialog_round_trip(qtbot) -> None:
    today = dt.date(2025, 3, 14)
    saved: list[InteractionInput] = []
    dialog = InteractionDialog(None, "Ada Lovelace", InteractionInput(1, today), saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.who.text() == "With Ada Lovelace"
    dialog.kind.setCurrentIndex(dialog.kind.findData("coffee"))
    dialog.reply.setCurrentIndex(dialog.reply.findData("awaiting"))
    dialog.given.setCurrentIndex(dialog.given.findData("medium"))
    dialog.minutes.setValue(45)
    qtbot.keyClicks(dialog.notes, "Talked about engines")
    dialog.follow.setChecked(True)
    dialog.followup_date.setDate(dialog.followup_date.date().addDays(-30))
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert dialog.followup_error.isVisible()
    assert "before" in dialog.followup_error.text()
    dialog.followup_date.setDate(dialog.date.date().addDays(3))
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert saved == [
        InteractionInput(
            1,
            today,
            kind="coffee",
            reply_status="awaiting",
            help_given="medium",
            minutes=45,
            notes="Talked about engines",
            followup_due=today + dt.timedelta(days=3),
        )
    ]


def test_every_hint_in_an_empty_field_is_read_whole(qtbot) -> None:
    dialog = new_dialog(qtbot, [])
    for edit in dialog.findChildren(QLineEdit):
        hint = edit.placeholderText()
        if hint and edit.isVisible():
            # The text's room: the field less its frame and the line edit's own margins.
            room = edit.contentsRect().width() - 8
            assert edit.fontMetrics().horizontalAdvance(hint) <= room, hint
