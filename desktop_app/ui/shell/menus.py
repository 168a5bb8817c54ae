"""The menu bar: titles first (so the layout is final at the first paint), actions right after.

Creating actions, shortcuts and the undo stack's actions costs start-up time; the titles
alone cost nothing, so the window paints with its final layout and the menus fill a
moment later (before any user could open one).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar

from desktop_app import APP_NAME

if TYPE_CHECKING:
    from pathlib import Path
    from typing import Protocol

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.store.database import Database
    from desktop_app.ui.common.insights_refresher import InsightsRefresher
    from desktop_app.ui.common.page import Page
    from desktop_app.ui.shell.database_controller import DatabaseController
    from desktop_app.ui.shell.pages import PageEntry

    # Only for the type checker: a Protocol class costs start-up time.
    class MenuHost(Protocol):
        """What the menus' actions act on: the main window, as the menus see it."""

        ui_state: QSettings
        controller: DatabaseController
        undo_stack: QUndoStack
        insights: InsightsRefresher
        page_entries: Sequence[PageEntry]
        pages: dict[str, Page]

        def database(self) -> Database | None: ...
        def choose_database(self) -> None: ...
        def back_up(self) -> None: ...
        def restore_backup(self) -> None: ...
        def import_contacts(
            self, path: Path | None = None, format_name: str | None = None
        ) -> None: ...
        def export_data(self) -> None: ...
        def print_preview(self) -> None: ...
        def print_document(self) -> None: ...
        def export_pdf(self) -> None: ...
        def find(self) -> None: ...
        def page(self, name: str) -> Page: ...
        def show_page(self, name: str) -> None: ...
        def show_about(self) -> None: ...


# In the order platform conventions give them: File, Edit, View, then the app's own, Help.
MENU_TITLES = {
    "file": "&File",
    "edit": "&Edit",
    "view": "&View",
    "contact": "&Contact",
    "events": "Even&ts",
    "help": "&Help",
}


def add_menu_titles(bar: QMenuBar) -> dict[str, QMenu]:
    return {key: bar.addMenu(title) for key, title in MENU_TITLES.items()}


def add_action(
    menu: QMenu,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    *,
    name: str = "",
) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(lambda _checked=False: slot())
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if name:
        action.setObjectName(name)
    return action


def fill_menus(window: QMainWindow, host: MenuHost, menus: dict[str, QMenu]) -> dict[str, QAction]:
    """Create every action of ``window``'s menus, acting on ``host``; returns them by name."""
    actions: dict[str, QAction] = {}
    file_menu = menus["file"]
    actions["open"] = add_action(
        file_menu, "&Open Database…", host.choose_database, QKeySequence.StandardKey.Open
    )
    actions["open_server"] = add_action(
        file_menu,
        "Open Server &Database…",
        lambda: _open_server_database(window, host),
        name="open_server",
    )
    actions["backup"] = add_action(file_menu, "&Back Up…", host.back_up)
    actions["restore"] = add_action(file_menu, "&Restore…", host.restore_backup)
    for name in ("backup", "restore"):
        actions[name].setEnabled(host.database() is not None)
    file_menu.addSeparator()
    actions["import"] = add_action(
        file_menu, "&Import…", host.import_contacts, "Ctrl+Shift+I", name="import"
    )
    actions["import_folder"] = add_action(  # a file dialog chooses files or a folder
        file_menu,
        "Import LinkedIn &Archive Folder…",
        lambda: _import_archive_folder(host),
        name="import_folder",
    )
    actions["export"] = add_action(
        file_menu, "Expor&t…", host.export_data, "Ctrl+Shift+E", name="export"
    )
    for name in ("import", "import_folder", "export"):
        actions[name].setEnabled(host.database() is not None)
    file_menu.addSeparator()
    actions["print_preview"] = add_action(
        file_menu, "Print Pre&view…", host.print_preview, "Ctrl+Shift+P"
    )
    actions["print"] = add_action(
        file_menu, "&Print…", host.print_document, QKeySequence.StandardKey.Print
    )
    actions["export_pdf"] = add_action(file_menu, "E&xport PDF…", host.export_pdf)
    pitch = file_menu.addAction("Add My Pitch to a Contact's &Summary")
    pitch.setCheckable(True)
    pitch.setChecked(host.ui_state.value("printing/with_pitch", False, type=bool))
    pitch.toggled.connect(lambda on: host.ui_state.setValue("printing/with_pitch", on))
    actions["print_with_pitch"] = pitch
    file_menu.addSeparator()
    actions["quit"] = add_action(file_menu, "&Quit", window.close, QKeySequence.StandardKey.Quit)
    actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)

    undo = host.undo_stack.createUndoAction(window, "&Undo")
    undo.setShortcut(QKeySequence.StandardKey.Undo)
    redo = host.undo_stack.createRedoAction(window, "&Redo")
    redo.setShortcut(QKeySequence.StandardKey.Redo)
    for action, name in ((undo, "Undo"), (redo, "Redo")):
        # The menu text names the last change ("Undo Archive …"); the shortcut list does not.
        action.setProperty("shortcut_name", name)
    menus["edit"].addActions([undo, redo])
    actions["undo"], actions["redo"] = undo, redo
    menus["edit"].addSeparator()
    actions["find"] = add_action(
        menus["edit"], "&Find…", host.find, QKeySequence.StandardKey.Find, name="find"
    )
    menus["edit"].addSeparator()
    actions["settings"] = add_action(
        menus["edit"],
        "Se&ttings…",
        lambda: _open_settings(window, host),
        _preferences_keys(),
        name="settings",
    )
    actions["settings"].setMenuRole(QAction.MenuRole.PreferencesRole)

    for number, entry in enumerate(host.page_entries, start=1):
        actions[f"show_{entry.name}"] = add_action(
            menus["view"],
            # Alt and the first letter; "Goal & Pitch", not "Goal _Pitch".
            "&" + entry.title.replace("&", "&&"),
            lambda n=entry.name: host.show_page(n),
            f"Ctrl+{number}",
            name=f"show_{entry.name}",
        )

    for page in host.pages.values():  # pages built later add theirs when built
        page.add_menu_actions(menus)

    actions["shortcuts"] = add_action(
        menus["help"],
        "&Keyboard Shortcuts",
        lambda: _show_shortcuts(window, host),
        name="shortcuts",
    )
    actions["about"] = add_action(menus["help"], f"&About {APP_NAME}", host.show_about)
    actions["about"].setMenuRole(QAction.MenuRole.AboutRole)
    return actions


def _import_archive_folder(host: MenuHost) -> None:
    # Imported when chosen: the import's modules cost start-up time the window needs.
    from desktop_app.ui.importing.evidence_work import ARCHIVE

    host.import_contacts(None, ARCHIVE)


def _open_server_database(window: QMainWindow, host: MenuHost) -> None:
    from desktop_app.ui.shell.server_dialog import open_server_database

    open_server_database(window, host.controller, host.ui_state)


def _preferences_keys() -> QKeySequence:
    """The platform's Preferences shortcut (Cmd+, on macOS), or Ctrl+, where it has none."""
    keys = QKeySequence(QKeySequence.StandardKey.Preferences)
    return keys if not keys.isEmpty() else QKeySequence("Ctrl+,")


def _show_shortcuts(window: QMainWindow, host: MenuHost) -> None:
    from desktop_app.ui.shell.shortcuts_dialog import ShortcutsDialog

    for entry in host.page_entries:
        host.page(entry.name)  # every page's actions exist, menus filled
    ShortcutsDialog(window).exec()


def _open_settings(window: QMainWindow, host: MenuHost) -> None:
    from desktop_app.ui.shell.settings_dialog import open_settings

    open_settings(window, host.database(), host.insights, host.ui_state)


def add_main_toolbar(window: QMainWindow) -> QToolBar:
    """The toolbar, empty until ``fill_main_toolbar`` (so the first paint has its place)."""
    bar = QToolBar("Main Toolbar", window)
    bar.setObjectName("mainToolBar")  # for saveState/restoreState
    bar.setMovable(False)
    window.addToolBar(bar)
    return bar


def fill_main_toolbar(bar: QToolBar, actions: dict[str, QAction]) -> None:
    """What users do most, besides the pages' own buttons: import, and printing.

    The buttons' style is set here, not with the empty toolbar: Qt's namespace costs the
    first paint about 14 ms.
    """
    from PySide6.QtCore import Qt

    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name in ("import", "export", None, "print_preview", "print", "export_pdf"):
        if name is None:
            bar.addSeparator()
        elif name in actions:
            bar.addAction(actions[name])
