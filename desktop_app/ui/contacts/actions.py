"""The contacts page's actions: menu entries, keyboard shortcuts and the context menu.

Ctrl+N and Ctrl+L work anywhere in the window (Ctrl+F is the window's Edit → Find).
Enter, F2, Delete and Ctrl+Shift+A act on the table only (their actions are attached to
it with a widget shortcut context), so Delete in the search box deletes a character, not
a contact.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from desktop_app.ui.contacts.detail_pane import QUICK_ACTIONS
from desktop_app.ui.contacts.keep_in_touch_section import selection_menu

if TYPE_CHECKING:
    from desktop_app.ui.common.keep_in_touch_operations import KeepInTouchOperations
    from desktop_app.ui.contacts.detail_pane import ContactDetailPane


class ContactCommands(Protocol):
    """What the contacts' actions do: the page's commands on the current contact or the
    selection."""

    keep_in_touch: KeepInTouchOperations
    detail: ContactDetailPane

    def selected_contacts(self) -> list[int]: ...
    def new_contact(self) -> None: ...
    def focus_search(self) -> None: ...
    def log_interaction(self) -> None: ...
    def open_current(self) -> None: ...
    def edit_current(self) -> None: ...
    def delete_selected(self) -> None: ...
    def archive_selected(self) -> None: ...
    def tag_selected(self) -> None: ...
    def quick_action(self, key: str) -> None: ...


WINDOW_WIDE = ("new", "log")
ON_TABLE = ("open", "edit", "delete", "archive")
NEEDS_CONTACT = (
    *("open", "edit", "log", "delete", "archive", "tag", "keep_in_touch"),
    *(k for k, *_ in QUICK_ACTIONS),
)


def _action(
    parent: QWidget,
    text: str,
    slot: Callable[[], object],
    shortcuts: list[QKeySequence] | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, parent)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcuts:
        action.setShortcuts(shortcuts)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    return action


def build_actions(
    page: QWidget, table: QTableView, commands: ContactCommands
) -> dict[str, QAction]:
    """The actions, owned by ``page``; those acting on the table's rows attached to it."""
    key = QKeySequence
    actions = {
        "new": _action(
            page, "&New Contact…", commands.new_contact, [key("Ctrl+N")], "Add a contact"
        ),
        # Ctrl+F itself is Edit → Find, which searches the page on screen (or the contacts).
        "find": _action(page, "&Find Contacts", commands.focus_search, tip="Search your contacts"),
        "log": _action(
            page,
            "&Log Interaction…",
            commands.log_interaction,
            [key("Ctrl+L")],
            "Log a message, call or meeting with the current contact",
        ),
        "open": _action(
            page,
            "&Open",
            commands.open_current,
            [key(Qt.Key.Key_Return), key(Qt.Key.Key_Enter)],
            "Open the current contact",
        ),
        "edit": _action(
            page, "&Edit…", commands.edit_current, [key(Qt.Key.Key_F2)], "Edit the current contact"
        ),
        "delete": _action(
            page,
            "&Delete",
            commands.delete_selected,
            [key(key.StandardKey.Delete)],
            "Delete the selected contacts (Ctrl+Z brings them back)",
        ),
        "archive": _action(
            page,
            "&Archive",
            commands.archive_selected,
            [key("Ctrl+Shift+A")],  # as in the Dashboard's review
            "Archive the selected contacts (Ctrl+Z brings them back)",
        ),
        "tag": _action(page, "&Tag…", commands.tag_selected, tip="Tag the selected contacts"),
    }
    for quick, text, _button_text, tip in QUICK_ACTIONS:
        actions[quick] = _action(page, text, lambda k=quick: commands.quick_action(k), tip=tip)
    # Cadence and snooze for every selected contact at once, in one write.
    touch = selection_menu(
        page,
        commands.keep_in_touch,
        commands.selected_contacts,
        lambda: sum(part.height() for part in table.selectionModel().selection()),
        lambda: commands.detail.detail,
    )
    actions["keep_in_touch"] = touch.menuAction()
    for name, action in actions.items():
        action.setObjectName(f"contact_{name}")
        if name in WINDOW_WIDE:
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        elif name in ON_TABLE:
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            table.addAction(action)
    return actions


def fill_contact_menu(menu: QMenu, actions: dict[str, QAction]) -> None:
    menu.addActions([actions["new"], actions["find"]])
    menu.addSeparator()
    menu.addActions([actions["open"], actions["edit"], actions["log"]])
    quick = menu.addMenu("&Quick Log")
    quick.addActions([actions[k] for k, *_ in QUICK_ACTIONS])
    menu.addSeparator()
    menu.addActions([actions["tag"], actions["keep_in_touch"]])
    menu.addActions([actions["archive"], actions["delete"]])


def update_enabled(actions: dict[str, QAction], has_database: bool, selected: int) -> None:
    """Actions on contacts need one; "new" and "find" need only a database."""
    for name, action in actions.items():
        if name in NEEDS_CONTACT:
            action.setEnabled(has_database and selected > 0)
        else:
            action.setEnabled(has_database or name == "find")


def show_context_menu(
    table: QTableView,
    actions: dict[str, QAction],
    add_print_entries: Callable[[QMenu], None],
    position: QPoint,
) -> None:
    """The table's context menu; a right click outside the selection selects that row."""
    index = table.indexAt(position)
    if index.isValid() and index.row() not in {
        i.row() for i in table.selectionModel().selectedRows()
    }:
        table.selectRow(index.row())
    menu = QMenu(table)
    menu.setObjectName("contactContextMenu")
    fill_contact_menu(menu, actions)
    add_print_entries(menu)  # the selection can be printed from here too
    menu.exec(table.viewport().mapToGlobal(position))
