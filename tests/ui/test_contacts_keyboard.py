"""Every frequent action from the keyboard, the menus and the context menu, with undo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QInputDialog, QMenu

from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from tests.ui.contacts_helpers import cell, ready, select, shown
from tests.ui.dialogs import when_dialog_opens, when_menu_pops_up

CTRL = Qt.KeyboardModifier.ControlModifier
SAVE = QDialogButtonBox.StandardButton.Save


def test_ctrl_n_adds_a_contact_and_selects_it(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)

    def fill(dialog: ContactDialog) -> None:
        dialog.first_name.setText("Grace")
        dialog.last_name.setText("Hopper")
        dialog.company.setText("Navy")
        dialog.buttons.button(SAVE).click()

    seen = when_dialog_opens(fill, ContactDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)
    assert seen
    assert "Grace Hopper" in shown(page)
    assert page.table.currentIndex().data() == "Grace Hopper"
    assert page.count_label.text() == "Showing 5 of 6 contacts"
    qtbot.waitUntil(lambda: small_window.counts_label.text().startswith("6 contacts"))


def test_ctrl_f_finds_from_any_page(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    small_window.show_page("goal")
    qtbot.keyClick(small_window, Qt.Key.Key_F, CTRL)
    assert small_window.current_page() is page
    assert QApplication.focusWidget() is page.filter_bar.search
    qtbot.keyClicks(page.filter_bar.search, "wei")
    qtbot.waitUntil(lambda: shown(page) == ["Chen Wei"])
    qtbot.keyClick(page.filter_bar.search, Qt.Key.Key_Down)  # on to the results
    assert QApplication.focusWidget() is page.table
    assert page.table.currentIndex().data() == "Chen Wei"


def test_enter_opens_and_f2_edits_in_place(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select(page, "Bob Builder")
    opened = when_dialog_opens(lambda d: d.reject(), ContactDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert opened and opened[0].first_name.text() == "Bob"
    ready(qtbot, small_window)  # the window manager gives the focus back after a dialog

    def retitle(dialog: ContactDialog) -> None:
        dialog.title_edit.setText("Site Manager")
        dialog.buttons.button(SAVE).click()

    when_dialog_opens(retitle, ContactDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert cell(page, "Bob Builder", "Title") == "Site Manager"
    assert page.table.currentIndex().data() == "Bob Builder"  # the row stays selected
    qtbot.waitUntil(lambda: page.detail.subtitle.text() == "Site Manager at Acme")


def test_ctrl_l_logs_an_interaction(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select(page, "Bob Builder")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Bob Builder")
    assert page.detail.timeline_model.rowCount() == 0

    def log(dialog: InteractionDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("call"))
        dialog.buttons.button(SAVE).click()

    when_dialog_opens(log, InteractionDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 1)
    assert page.detail.timeline_model.index(0, 1).data() == "Call"
    assert cell(page, "Bob Builder", "Last contact") != ""


def test_delete_key_deletes_and_ctrl_z_brings_back(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select(page, "Ada Lovelace")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Ada Lovelace")
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert shown(page) == ["Bob Builder", "Chen Wei", "Emil Zola"]
    assert page.count_label.text() == "Showing 3 of 4 contacts"
    qtbot.waitUntil(lambda: small_window.navigation.item(3).text() == "Follow-ups")
    assert small_window.undo_stack.undoText() == "Delete Ada Lovelace"
    qtbot.keyClick(page.table, Qt.Key.Key_Z, CTRL)
    assert shown(page) == ["Ada Lovelace", "Bob Builder", "Chen Wei", "Emil Zola"]
    select(page, "Ada Lovelace")
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 1)  # her coffee is back
    qtbot.waitUntil(lambda: small_window.navigation.item(3).text() == "Follow-ups  (1)")


def test_delete_in_the_search_box_deletes_a_character(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    page.filter_bar.search.setFocus()
    qtbot.keyClicks(page.filter_bar.search, "bob")
    page.filter_bar.search.setCursorPosition(0)
    qtbot.keyClick(page.filter_bar.search, Qt.Key.Key_Delete)
    assert page.filter_bar.search.text() == "ob"
    assert page.model.total == 5


def test_bulk_archive_and_tag_with_undo(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select(page, "Bob Builder")
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert page.selected_contacts() and len(page.selected_contacts()) == 2

    def tag(dialog: QInputDialog) -> None:
        dialog.setTextValue("speaker")
        dialog.accept()

    when_dialog_opens(tag, QInputDialog)
    page.actions["tag"].trigger()
    assert cell(page, "Bob Builder", "Tags") == "alumni, speaker"
    assert cell(page, "Chen Wei", "Tags") == "speaker"
    page.actions["archive"].trigger()
    assert shown(page) == ["Ada Lovelace", "Emil Zola"]
    small_window.undo_stack.undo()
    assert shown(page) == ["Ada Lovelace", "Bob Builder", "Chen Wei", "Emil Zola"]
    small_window.undo_stack.undo()
    assert cell(page, "Chen Wei", "Tags") == ""
    assert cell(page, "Bob Builder", "Tags") == "alumni"


def test_quick_actions_from_the_detail_pane(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select(page, "Chen Wei")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Chen Wei")
    qtbot.mouseClick(page.detail.quick_buttons["outreach"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 2)
    assert page.detail.timeline_model.index(0, 3).data() == "Awaits reply"
    qtbot.mouseClick(page.detail.quick_buttons["replied"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.timeline_model.index(0, 3).data() == "Replied")
    qtbot.mouseClick(page.detail.quick_buttons["help_given"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 3)
    assert page.detail.timeline_model.index(0, 4).data() == "Small"


def test_context_menu_and_contact_menu_offer_the_same_actions(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select(page, "Ada Lovelace")
    found: list[list[str]] = []

    def read(menu: QMenu) -> None:
        found.append([a.text() for a in menu.actions() if a.text()])
        menu.close()

    when_menu_pops_up(read, QMenu)
    row = page.table.visualRect(page.table.currentIndex()).center()
    page.table.customContextMenuRequested.emit(QPoint(row))
    titles = [action.text() for action in small_window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&View", "&Contact", "Even&ts", "&Help"]
    menu = next(m for m in small_window.menuBar().findChildren(QMenu) if m.title() == "&Contact")
    in_menu = [a.text() for a in menu.actions() if a.text()]
    # The context menu adds printing the selection to the Contact menu's actions.
    assert found and found[0] == [*in_menu, "Print Pre&view…", "&Print…", "E&xport PDF…"]
    assert {"&New Contact…", "&Open", "&Edit…", "&Log Interaction…", "&Delete"} <= set(in_menu)
    shortcuts = {a.text(): a.shortcut().toString() for a in menu.actions() if a.text()}
    assert shortcuts["&New Contact…"] == "Ctrl+N"
    assert shortcuts["&Edit…"] == "F2"
    assert shortcuts["&Log Interaction…"] == "Ctrl+L"


def test_saving_a_contact_deleted_meanwhile_says_so_and_keeps_the_dialog(
    qtbot, small_window
) -> None:
    from desktop_app.store.contacts import delete_contacts

    page = ready(qtbot, small_window)
    select(page, "Emil Zola")
    emil = page.current_contact()
    seen: list[str] = []

    def save_late(dialog: ContactDialog) -> None:
        delete_contacts(small_window.controller.database, [emil])  # elsewhere, meanwhile
        dialog.title_edit.setText("Novelist")
        dialog.buttons.button(SAVE).click()
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        seen.append(dialog.title_edit.text())
        dialog.done(0)

    when_dialog_opens(save_late, ContactDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert "no longer exists" in seen[0]
    assert seen[1] == "Novelist"  # what was typed is still there to copy
