"""Long and unlikely input: it wraps or is cut short on screen, and the dialogs refuse
what no field holds, saying so at the field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog

from desktop_app.store.records import ContactInput, InteractionInput
from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import cell, fill_network, select_only
from tests.ui.dialogs import when_dialog_opens

SAVE = QDialogButtonBox.StandardButton.Save
LONG_NAME = "X" * 10_000


def test_a_very_long_name_keeps_the_window_its_size(qtbot, db_path: Path) -> None:
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.database import open_database

    fill_network(db_path)
    db = open_database(str(db_path))
    create_contact(db, ContactInput(first_name=LONG_NAME, notes="Z" * 5_000))
    db.close()
    window = make_window(qtbot, db_path)
    window.resize(1200, 760)
    window.show_page("contacts")
    page = window.page("contacts")
    select_only(page, "Ada Lovelace")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Ada Lovelace")
    sizes = page.splitter.sizes()
    select_only(page, LONG_NAME)
    qtbot.waitUntil(lambda: page.detail.name.text().startswith("XXXX"))
    QApplication.processEvents()
    assert window.width() == 1200
    assert page.splitter.sizes() == sizes  # the pane beside the table does not jump
    assert len(page.detail.name.text()) < 200  # the heading is cut short…
    notes = page.detail.fields["notes"]
    assert notes.text().replace("\u200b", "") == "Z" * 5_000  # …the fields show it all
    assert notes.width() <= page.detail.fields_scroll.viewport().width()  # wrapped in view
    page.archive_selected()
    assert len(window.statusBar().currentMessage()) < 120  # the name cut short there too
    assert len(window.undo_stack.undoText()) < 100
    window.close()


def test_contact_fields_refuse_text_too_long(qtbot) -> None:
    saved: list[ContactInput] = []
    dialog = ContactDialog(None, [], saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.first_name.setText("Ada")
    dialog.company.setText("C" * 301)
    dialog.tags.setText("fine, " + "t" * 101)
    dialog.location.setText("Paris\x1b[2J")
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert saved == []
    assert (
        dialog.errors["location"].text() == "The location contains a control character; remove it."
    )
    assert dialog.errors["company"].isVisible()
    assert dialog.errors["company"].text() == "The company is 301 characters long; 300 at most."
    assert dialog.errors["tags"].text() == "A tag is 101 characters long; 100 at most."
    dialog.company.setText("Helix")
    dialog.tags.setText("fine")
    dialog.location.setText("Paris")
    assert not dialog.errors["company"].isVisible()
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert saved and saved[0].company == "Helix"


def test_interaction_dates_far_ahead_and_long_notes_are_refused(qtbot) -> None:
    saved: list[InteractionInput] = []
    today = dt.date.today()
    dialog = InteractionDialog(None, LONG_NAME, InteractionInput(1, today), saved.append)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() < 1000
    dialog.date.setDate(QDate(2206, 1, 1))
    dialog.notes.setPlainText("n" * 10_001)
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert saved == []
    assert "more than a year ahead" in dialog.date_error.text()
    assert dialog.notes_error.text() == "The notes field is 10,001 characters long; 10,000 at most."
    dialog.date.setDate(QDate(today.year, today.month, today.day))
    dialog.notes.setPlainText("fine")
    dialog.follow.setChecked(True)
    dialog.followup_date.setDate(QDate(2099, 1, 1))
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert saved == [] and "five years" in dialog.followup_error.text()
    dialog.followup_date.setDate(QDate(today.year, today.month, today.day).addDays(7))
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
    assert len(saved) == 1


def test_a_tag_too_long_is_asked_again(qtbot, small_window) -> None:
    page = small_window.page("contacts")
    select_only(page, "Bob Builder")
    questions: list[str] = []

    def answer(text: str, then: str | None = None):  # type: ignore[no-untyped-def]
        def act(dialog: QInputDialog) -> None:
            questions.append(dialog.labelText())
            dialog.setTextValue(text)
            dialog.accept()
            if then is not None:
                when_dialog_opens(answer(then), QInputDialog)

        return act

    when_dialog_opens(answer("t" * 101, then="speaker"), QInputDialog)
    page.actions["tag"].trigger()
    assert questions[1].startswith("The tag is 101 characters long; 100 at most.")
    assert cell(page, "Bob Builder", "Tags") == "alumni, speaker"
