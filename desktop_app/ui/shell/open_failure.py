"""The one message shown when a database cannot be opened, and the way on it offers."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop_app.server_address import is_postgres_address
from desktop_app.ui.common.messages import Button, Choice, Icon, Role, choose

if TYPE_CHECKING:
    from typing import Protocol

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QStatusBar

    from desktop_app.ui.common.page import Page
    from desktop_app.ui.shell.database_controller import DatabaseController

    class MainWindow(Protocol):
        """The main window, as the failure's next steps act on it."""

        controller: DatabaseController
        ui_state: QSettings
        pages: dict[str, Page]
        actions: dict[str, QAction]
        quitting: bool

        def statusBar(self) -> QStatusBar: ...
        def choose_database(self) -> None: ...
        def restore_backup(self) -> None: ...
        def close(self) -> bool: ...


class NextStep(enum.Enum):
    OPEN_ANOTHER = enum.auto()
    RESTORE_BACKUP = enum.auto()
    QUIT = enum.auto()
    CLOSE = enum.auto()


def ask_next_step(parent: QWidget, message: str, *, nothing_open: bool, damaged: bool) -> NextStep:
    """Show why the database cannot be opened; return what the user chose to do.

    With nothing open the window has no use but to open something, so closing the
    message quits; a damaged file can have a backup restored in its place.
    """
    choices = []
    if damaged:
        choices.append(Choice("Restore a Backup…", NextStep.RESTORE_BACKUP, Role.ActionRole))
    choices.append(Choice("Open Another…", NextStep.OPEN_ANOTHER, Role.AcceptRole))
    if nothing_open:
        choices.append(Choice("Quit", NextStep.QUIT, Role.RejectRole))
    else:
        choices.append(Choice(Button.Close, NextStep.CLOSE))
    chosen = choose(
        parent,
        "Cannot open the database",
        message,
        choices,
        icon=Icon.Warning,
        name="databaseErrorBox",
    )
    if chosen is not None:
        return chosen
    return NextStep.QUIT if nothing_open else NextStep.CLOSE


def handle_open_failure(window: MainWindow, target: str, message: str) -> None:
    """The database ``target`` could not be opened: say why, and take the way chosen."""
    window.statusBar().clearMessage()
    controller = window.controller
    nothing_open = controller.database is None
    if nothing_open:
        for page in window.pages.values():
            page.set_database(None)  # drop what a start-up preview showed
    if is_postgres_address(target):
        # A server's fields can be put right, or its password typed, where the reason shows.
        from desktop_app.ui.shell.server_dialog import open_server_database

        if open_server_database(window, controller, window.ui_state, target, message):
            return
    damaged = controller.damaged is not None and controller.damaged[0] == target
    if damaged and "restore" in window.actions:
        window.actions["restore"].setEnabled(True)
    step = ask_next_step(window, message, nothing_open=nothing_open, damaged=damaged)
    if step is NextStep.OPEN_ANOTHER:
        window.choose_database()
    elif step is NextStep.RESTORE_BACKUP:
        window.restore_backup()
    elif step is NextStep.QUIT:
        window.quitting = True  # even when kept running in the tray
        window.close()
