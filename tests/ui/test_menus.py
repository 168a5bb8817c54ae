"""The Events menu, and Help → Keyboard Shortcuts built from the window's own actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from desktop_app.ui.events.event_dialog import EventDialog
from desktop_app.ui.shell.shortcuts_dialog import ShortcutsDialog, plain_text
from tests.ui.dashboard_helpers import wait_settled
from tests.ui.dialogs import when_dialog_opens
from tests.ui.mnemonics import mnemonic


def menu(window, title: str) -> QMenu:  # type: ignore[no-untyped-def]
    found = [a.menu() for a in window.menuBar().actions() if a.text() == title]
    assert found, title
    return found[0]


def entry(menu_: QMenu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu_.actions() if a.text() == text)


def test_the_events_menu_adds_an_event_from_any_page(qtbot, window) -> None:
    window.page("events")
    window.show_page("dashboard")
    events = menu(window, "Even&ts")
    assert [plain_text(a.text()) for a in events.actions() if not a.isSeparator()] == [
        "New Event…",
        "Edit Event…",
        "Follow Up with Everyone I Met",
        "Delete Event",
    ]

    def fill(dialog: EventDialog) -> None:
        qtbot.keyClicks(dialog.name, "Founders Breakfast")
        dialog.accept()

    when_dialog_opens(fill, EventDialog)
    entry(events, "&New Event…").trigger()
    page = window.current_page()
    assert page.name == "events"
    assert page.detail.heading.text() == "Founders Breakfast"


def test_keyboard_shortcuts_lists_every_shortcut_of_the_window(qtbot, window) -> None:
    window.show_page("dashboard")
    wait_settled(qtbot, window)
    listed: dict[str, dict[str, str]] = {}

    def read(dialog: ShortcutsDialog) -> None:
        tree = dialog.tree
        for row in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(row)
            listed[group.text(0)] = {
                group.child(n).text(0): group.child(n).text(1) for n in range(group.childCount())
            }
        dialog.reject()

    when_dialog_opens(read, ShortcutsDialog)
    entry(menu(window, "&Help"), "&Keyboard Shortcuts").trigger()
    assert listed["Contact"]["New Contact…"] == "Ctrl+N"
    assert listed["Events"]["New Event…"] == "Ctrl+Shift+N"
    assert listed["Edit"]["Find…"] == QKeySequence("Ctrl+F").toString()
    assert listed["Dashboard"]["Archive"] == "Ctrl+Shift+A"  # the review's own keys
    # Every menu entry with a shortcut is there, with its keys.
    for top in window.menuBar().actions():
        for action in top.menu().actions():
            if not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                place = plain_text(top.text())
                name = action.property("shortcut_name") or plain_text(action.text())
                assert keys in listed[place][name], action.text()


def test_the_shortcut_list_names_undo_whatever_the_last_change(qtbot, window) -> None:
    contacts = window.page("contacts")
    window.show_page("contacts")
    qtbot.waitUntil(lambda: contacts.model.rowCount() > 0)
    contacts.table.setFocus()
    qtbot.keyClick(contacts.table, Qt.Key.Key_Home)
    entry(menu(window, "&Contact"), "&Archive").trigger()
    assert window.undo_stack.count() == 1
    listed: dict[str, str] = {}

    def read(dialog: ShortcutsDialog) -> None:
        edit = next(
            dialog.tree.topLevelItem(row)
            for row in range(dialog.tree.topLevelItemCount())
            if dialog.tree.topLevelItem(row).text(0) == "Edit"
        )
        listed.update(
            {edit.child(n).text(0): edit.child(n).text(1) for n in range(edit.childCount())}
        )
        dialog.reject()

    when_dialog_opens(read, ShortcutsDialog)
    entry(menu(window, "&Help"), "&Keyboard Shortcuts").trigger()
    assert listed["Undo"] == QKeySequence(QKeySequence.StandardKey.Undo).toString()
    assert not any(name.startswith("Undo ") for name in listed)


def test_every_menu_entry_has_its_alt_letter(qtbot, window) -> None:
    for page in ("contacts", "events"):
        window.page(page)  # pages add their menu entries when built
    missing = []

    def check(menu_: QMenu) -> None:
        for action in menu_.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            if mnemonic(action.text()) is None:
                missing.append(f"{plain_text(menu_.title())} → {action.text()}")
            if action.menu() is not None:
                check(action.menu())

    for top in window.menuBar().actions():
        check(top.menu())
    assert missing == []
    assert entry(menu(window, "&View"), "&Goal && Pitch").shortcut().toString() == "Ctrl+5"
