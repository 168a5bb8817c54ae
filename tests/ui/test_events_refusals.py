"""Event writes the store refuses: what was typed stays, nothing reaches the undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.store.events import delete_event
from desktop_app.ui.events.event_dialog import EventDialog
from tests.ui.dialogs import when_dialog_opens
from tests.ui.events_helpers import events_page, visible_names

SAVE = QDialogButtonBox.StandardButton.Save


def test_an_edit_the_store_refuses_keeps_the_dialog_open_with_the_text_typed(qtbot, window) -> None:
    page = events_page(qtbot, window)
    event_id = page.current_event_id()
    name = page.detail.heading.text()
    seen: list[object] = []

    def save_late(dialog: EventDialog) -> None:
        delete_event(window.controller.database, event_id)  # elsewhere, meanwhile
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Harbour Brunch")
        qtbot.keyClicks(dialog.place, "Pier 4")
        qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
        seen.append(dialog.isVisible())
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        seen.append((dialog.name.text(), dialog.place.text()))
        dialog.done(0)

    when_dialog_opens(save_late, kind=EventDialog)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[0] is True
    assert seen[1] == "This event no longer exists; it was deleted meanwhile."
    assert seen[2][0] == "Harbour Brunch" and seen[2][1].endswith("Pier 4")
    assert not window.undo_stack.canUndo()
    assert name in visible_names(page)  # the page learns of the deletion on its next query


def test_deleting_an_event_already_gone_says_so_and_leaves_nothing_to_undo(qtbot, window) -> None:
    page = events_page(qtbot, window)
    event_id = page.current_event_id()
    shown: list[str] = []

    def read(box: QMessageBox) -> None:
        shown.append(box.text())
        box.accept()

    def confirm(box: QMessageBox) -> None:
        delete_event(window.controller.database, event_id)  # elsewhere, meanwhile
        when_dialog_opens(read, kind=QMessageBox)  # the refusal, once this box is gone
        box.button(QMessageBox.StandardButton.Yes).click()

    when_dialog_opens(confirm, kind=QMessageBox)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == ["This event no longer exists; it was deleted meanwhile."]
    assert not window.undo_stack.canUndo()
    assert "Deleted event" not in window.statusBar().currentMessage()
