"""File → Back Up… and Restore…: a consistent copy of the open database file, written while
it stays open; on a server database, a NetWise JSON backup (``server_backup``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QWidget

from desktop_app.ui.common.messages import Button, ask, warn
from desktop_app.ui.common.ui_state import last_folder, remember_folder

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.shell.server_backup import ServerBackupFlow


def back_up_interactively(
    parent: QWidget, database: Database, ui_state: QSettings | None = None
) -> Path | None:
    from desktop_app.store.backup import backup_database
    from desktop_app.store.errors import BackupError

    if database.path is None:
        _server_backup(parent, database, ui_state).back_up()
        return None
    folder = last_folder(ui_state, "backup")
    suggested = folder / f"netwise-backup-{dt.date.today():%Y-%m-%d}.sqlite3"
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Back Up the Database", str(suggested), "NetWise databases (*.sqlite3)"
    )
    if not chosen:
        return None
    destination = Path(chosen)
    remember_folder(ui_state, "backup", destination)
    if destination.resolve() == database.path.resolve():
        warn(parent, "Back Up", "Choose a file other than the open database.")
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        backup_database(database.path, destination)
    except BackupError as exc:
        QGuiApplication.restoreOverrideCursor()
        warn(parent, "Back Up", exc.message)
        return None
    QGuiApplication.restoreOverrideCursor()
    if hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(f"Backed up to {destination}", 8000)
    return destination


def restore_interactively(  # type: ignore[no-untyped-def]
    parent: QWidget, controller, ui_state: QSettings | None = None
) -> Path | None:
    """File → Restore…: choose a backup, confirm, restore; the copy of the old database."""
    database = controller.database
    if database is not None and database.path is None:
        _server_backup(parent, database, ui_state).restore()
        return None
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        "Restore a Backup",
        str(last_folder(ui_state, "backup")),
        "NetWise databases (*.sqlite3 *.sqlite *.db)",
    )
    if not chosen:
        return None
    remember_folder(ui_state, "backup", Path(chosen))
    return confirm_and_restore(
        parent,
        f"Replace the open database with the backup “{chosen}”?\n\n"
        "A copy of the database as it is now is kept in the backups folder.",
        lambda: controller.restore(Path(chosen)),
        f"Restored {chosen}; the previous database was kept as {{kept}}",
    )


def _server_backup(
    parent: QWidget, database: Database, ui_state: QSettings | None
) -> ServerBackupFlow:
    from desktop_app.ui.shell.server_backup import ServerBackupFlow

    assert isinstance(parent, QMainWindow)
    return ServerBackupFlow(parent, database, ui_state)


def confirm_and_restore(
    parent: QWidget, question: str, restore: Callable[[], Path], done: str
) -> Path | None:
    """Ask ``question``; on Yes run ``restore`` (which returns where the replaced database was
    kept) under a wait cursor, and say ``done`` (with ``{kept}``) or why it failed."""
    from desktop_app.store.errors import StoreError

    # Replacing the open database is never what Enter does: No is the default.
    if ask(parent, "Restore a Backup", question, default=Button.No) != Button.Yes:
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        kept = restore()
    except StoreError as exc:
        QGuiApplication.restoreOverrideCursor()
        warn(parent, "Restore", exc.message)
        return None
    QGuiApplication.restoreOverrideCursor()
    if hasattr(parent, "statusBar"):
        parent.statusBar().showMessage(done.format(kept=kept), 10000)
    return kept
