"""The Events menu, and Help → Keyboard Shortcuts built from the window's own actions."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from desktop_app.ui.events.event_dialog import EventDialog
from desktop_app.ui.shortcuts_dialog import ShortcutsDialog, plain_text
from tests.ui.dashboard_helpers import wait_settled
from tests.ui.dialogs import when_dialog_opens


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
                assert keys in listed[place][plain_text(action.text())], action.text()
