"""A contact or event saved elsewhere while this window edits it: the save is refused in
the dialog, which keeps what was typed, and an undo never takes back the other change."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.store.events import EventInput, read_event, update_event
from desktop_app.store.records import ContactInput
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from desktop_app.ui.events.event_dialog import EventDialog
from tests.ui.contacts_helpers import ready, select_only
from tests.ui.dialogs import when_dialog_opens
from tests.ui.events_helpers import events_page

SAVE = QDialogButtonBox.StandardButton.Save
CONTACT_REFUSAL = (
    "This contact was changed elsewhere meanwhile — reload it to see that change; "
    "nothing was overwritten."
)


def titles(db_path: Path, name: str) -> list[tuple[str]]:
    with closing(sqlite3.connect(db_path)) as connection:
        return connection.execute(
            "SELECT title FROM contacts WHERE full_name = ?", (name,)
        ).fetchall()


def retitle_here(page, title: str) -> None:  # type: ignore[no-untyped-def]
    """Edit the current contact's title in this window's dialog and save."""

    def retitle(dialog: ContactDialog) -> None:
        dialog.title_edit.setText(title)
        dialog.buttons.button(SAVE).click()

    when_dialog_opens(retitle, ContactDialog)
    page.edit_current()


def retitle_elsewhere(db_path: Path, name: str, title: str) -> None:
    """Another program's write on the same file (as a second window would make it)."""
    from desktop_app.store.contact_detail import read_contact_detail
    from desktop_app.store.contacts import update_contact
    from desktop_app.store.database import open_database
    from desktop_app.store.reader import DatabaseReader

    other = open_database(str(db_path))
    try:
        with closing(sqlite3.connect(db_path)) as connection:
            (contact_id,) = connection.execute(
                "SELECT id FROM contacts WHERE full_name = ?", (name,)
            ).fetchone()
        detail = read_contact_detail(DatabaseReader(other), contact_id)
        assert detail is not None
        data: ContactInput = detail.contact
        changed = ContactInput(**{**data.__dict__, "title": title})
        update_contact(other, contact_id, changed, version=detail.version)
    finally:
        other.close()


def test_a_contact_saved_elsewhere_meanwhile_is_refused_in_the_dialog(
    qtbot, small_window, db_path: Path
) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Bob Builder")
    seen: list[object] = []

    def save_late(dialog: ContactDialog) -> None:
        retitle_elsewhere(db_path, "Bob Builder", "Site Manager")
        dialog.title_edit.selectAll()
        qtbot.keyClicks(dialog.title_edit, "Architect")
        qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
        seen.append(dialog.isVisible())
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        seen.append(dialog.title_edit.text())
        dialog.done(0)

    when_dialog_opens(save_late, ContactDialog)
    page.edit_current()
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen == [True, CONTACT_REFUSAL, "Architect"]
    assert titles(db_path, "Bob Builder") == [("Site Manager",)]
    assert not small_window.undo_stack.canUndo()


def test_undo_never_takes_back_a_later_change_made_elsewhere(
    qtbot, small_window, db_path: Path
) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Bob Builder")

    retitle_here(page, "Architect")
    assert titles(db_path, "Bob Builder") == [("Architect",)]
    retitle_elsewhere(db_path, "Bob Builder", "Site Manager")

    said: list[str] = []

    def read(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    when_dialog_opens(read, QMessageBox)
    small_window.undo_stack.undo()
    qtbot.waitUntil(lambda: len(said) == 1)
    assert CONTACT_REFUSAL in said[0]
    assert titles(db_path, "Bob Builder") == [("Site Manager",)]


def test_an_undo_with_nothing_changed_elsewhere_still_puts_the_contact_back(
    qtbot, small_window, db_path: Path
) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Bob Builder")

    retitle_here(page, "Architect")
    small_window.undo_stack.undo()
    assert titles(db_path, "Bob Builder") == [("Engineer",)]
    small_window.undo_stack.redo()
    assert titles(db_path, "Bob Builder") == [("Architect",)]
    small_window.undo_stack.undo()
    assert titles(db_path, "Bob Builder") == [("Engineer",)]


def test_an_event_saved_elsewhere_meanwhile_is_refused_in_the_dialog(qtbot, window) -> None:
    page = events_page(qtbot, window)
    event_id = page.current_event_id()
    database = window.controller.database
    seen: list[object] = []

    def save_late(dialog: EventDialog) -> None:
        from desktop_app.store.database import open_database

        before = read_event(database, event_id)
        other = open_database(database.target)  # another window on the same file
        moved = EventInput(**{**before.__dict__, "place": "Pier 9"})
        update_event(other, event_id, moved)
        other.close()
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Harbour Brunch")
        qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
        seen.append(dialog.isVisible())
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        seen.append(dialog.name.text())
        dialog.done(0)

    when_dialog_opens(save_late, kind=EventDialog)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[0] is True
    assert "This event was changed elsewhere meanwhile — reload" in str(seen[1])
    assert seen[2] == "Harbour Brunch"
    assert read_event(database, event_id).place == "Pier 9"
    assert not window.undo_stack.canUndo()


def test_an_edit_then_another_change_here_undo_both_in_turn(
    qtbot, small_window, db_path: Path
) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Bob Builder")

    retitle_here(page, "Architect")
    page.operations.tag_contacts([page.current_contact()], "speaker")
    small_window.undo_stack.undo()  # the tag
    small_window.undo_stack.undo()  # the edit: only this window wrote since
    assert titles(db_path, "Bob Builder") == [("Engineer",)]
    assert small_window.statusBar().currentMessage().startswith("Undone: Edit Bob Builder")
