"""Every action on the Contacts page says what it did, with the key that takes it back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from tests.ui.contacts_helpers import ready, select_only, shown, timeline
from tests.ui.dashboard_helpers import choose, contact_ids
from tests.ui.dialogs import when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SAVE = QDialogButtonBox.StandardButton.Save


def status(window) -> str:  # type: ignore[no-untyped-def]
    return window.statusBar().currentMessage()


def test_archive_says_so_and_selects_nobody_else(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Bob Builder")
    qtbot.keyClick(page.table, Qt.Key.Key_A, CTRL | SHIFT)
    assert shown(page) == ["Ada Lovelace", "Chen Wei", "Emil Zola"]
    assert status(small_window) == "Archived Bob Builder — Ctrl+Z to undo"
    assert page.selected_contacts() == []
    qtbot.waitUntil(lambda: page.detail.stack.currentWidget() is page.detail.empty)
    qtbot.keyClick(page.table, Qt.Key.Key_A, CTRL | SHIFT)  # a second press: nobody chosen
    assert shown(page) == ["Ada Lovelace", "Chen Wei", "Emil Zola"]
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert "Bob Builder" in shown(page)
    assert status(small_window).startswith("Undone: Archive Bob Builder")


def test_delete_says_so(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Chen Wei")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert status(small_window) == "Deleted Chen Wei — Ctrl+Z to undo"
    assert page.selected_contacts() == []


def test_deleting_several_asks_first(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Ada Lovelace")
    qtbot.keyClick(page.table, Qt.Key.Key_Down, SHIFT)
    asked = when_dialog_opens(lambda box: box.reject(), QMessageBox)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert asked and "Delete these 2 contacts" in asked[0].text()
    assert len(shown(page)) == 4  # cancelled: nothing deleted
    ready(qtbot, small_window)

    def confirm(box: QMessageBox) -> None:
        [delete] = [b for b in box.buttons() if b.text() == "Delete 2 Contacts"]
        delete.click()

    when_dialog_opens(confirm, QMessageBox)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert shown(page) == ["Chen Wei", "Emil Zola"]
    assert status(small_window) == "Deleted 2 contacts — Ctrl+Z to undo"


def test_adding_edits_and_logging_can_be_undone(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)

    def add(dialog: ContactDialog) -> None:
        dialog.first_name.setText("Grace")
        dialog.last_name.setText("Hopper")
        dialog.buttons.button(SAVE).click()

    when_dialog_opens(add, ContactDialog)
    page.new_contact()
    assert status(small_window) == "Added Grace Hopper — Ctrl+Z to undo"
    small_window.undo_stack.undo()
    assert "Grace Hopper" not in shown(page)
    small_window.undo_stack.redo()
    assert "Grace Hopper" in shown(page)
    assert status(small_window) == "Redone: Add Grace Hopper"

    select_only(page, "Bob Builder")

    def retitle(dialog: ContactDialog) -> None:
        dialog.title_edit.setText("Site Manager")
        dialog.buttons.button(SAVE).click()

    when_dialog_opens(retitle, ContactDialog)
    page.edit_current()
    assert status(small_window) == "Saved Bob Builder — Ctrl+Z to undo"
    small_window.undo_stack.undo()
    qtbot.waitUntil(lambda: page.detail.subtitle.text() == "Engineer at Acme")

    when_dialog_opens(lambda d: d.buttons.button(SAVE).click(), InteractionDialog)
    page.log_interaction()
    assert status(small_window) == "Logged an interaction with Bob Builder — Ctrl+Z to undo"
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 1)
    small_window.undo_stack.undo()
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 0)
    small_window.undo_stack.redo()
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 1)


def test_tag_quick_log_and_follow_up_say_so(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Ada Lovelace")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Ada Lovelace")
    page.operations.tag_contacts([page.current_contact()], "speaker")
    assert status(small_window) == "Tagged Ada Lovelace “speaker” — Ctrl+Z to undo"
    qtbot.mouseClick(page.detail.quick_buttons["outreach"], Qt.MouseButton.LeftButton)
    assert status(small_window) == "Logged outreach to Ada Lovelace — Ctrl+Z to undo"
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 2)
    small_window.undo_stack.undo()
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 1)
    qtbot.waitUntil(lambda: page.detail.followup_buttons["done"].isVisible())
    qtbot.mouseClick(page.detail.followup_buttons["done"], Qt.MouseButton.LeftButton)
    assert status(small_window) == "Marked a follow-up done — Ctrl+Z to undo"


def test_replied_says_so_and_undo_makes_the_message_await_a_reply_again(
    qtbot, small_window
) -> None:
    page = ready(qtbot, small_window)
    select_only(page, "Ada Lovelace")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Ada Lovelace")
    qtbot.mouseClick(page.detail.quick_buttons["outreach"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 2)
    qtbot.mouseClick(page.detail.quick_buttons["replied"], Qt.MouseButton.LeftButton)
    assert status(small_window) == (
        "Marked your latest message to Ada Lovelace replied — Ctrl+Z to undo"
    )
    qtbot.waitUntil(lambda: ("Outreach message", "I did", "Replied") in timeline(page))
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert status(small_window).startswith("Undone: Mark Replied by Ada Lovelace")
    qtbot.waitUntil(lambda: ("Outreach message", "I did", "Awaits reply") in timeline(page))


def test_a_contact_added_during_a_search_is_shown(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    page.filter_bar.search.setFocus()
    qtbot.keyClicks(page.filter_bar.search, "wei")
    qtbot.waitUntil(lambda: shown(page) == ["Chen Wei"])

    def add(dialog: ContactDialog) -> None:
        dialog.first_name.setText("Grace")
        dialog.last_name.setText("Hopper")
        dialog.buttons.button(SAVE).click()

    when_dialog_opens(add, ContactDialog)
    page.new_contact()
    assert "Grace Hopper" in shown(page)
    assert page.table.currentIndex().data() == "Grace Hopper"
    assert page.filter_bar.search.text() == ""
    # Clearing the search was enough: the facets stay as the user chose them.
    assert page.filter_bar.status.currentData() == "not_archived"
    assert status(small_window) == (
        "Added Grace Hopper; the search was cleared to show them — Ctrl+Z to undo"
    )


def test_a_contact_a_facet_hides_is_shown_and_the_message_says_the_filters_went(
    qtbot, small_window
) -> None:
    page = ready(qtbot, small_window)
    page.filter_bar.seniority.setCurrentIndex(page.filter_bar.seniority.findData("senior"))
    page.filter_bar.status.setCurrentIndex(page.filter_bar.status.findData("active"))

    def add(dialog: ContactDialog) -> None:
        dialog.first_name.setText("Grace")
        dialog.last_name.setText("Hopper")
        dialog.buttons.button(SAVE).click()

    when_dialog_opens(add, ContactDialog)
    page.new_contact()
    assert page.table.currentIndex().data() == "Grace Hopper"
    assert page.filter_bar.seniority.currentData() is None
    assert status(small_window) == (
        "Added Grace Hopper; the filters were cleared to show them — Ctrl+Z to undo"
    )


def test_the_dashboards_archive_says_so_too(qtbot, scenario) -> None:
    window, page = scenario
    tom = contact_ids(page.database)["Tom Baker"]
    choose(page, tom)
    qtbot.mouseClick(page.content.review.buttons["archive"], Qt.MouseButton.LeftButton)
    assert status(window) == "Archived Tom Baker — Ctrl+Z to undo"
