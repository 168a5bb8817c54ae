"""Which database the window has open: the lock, the loading, the switch to another."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from desktop_app.ui.shell.store_loader import OpenedStore, StoreLoader

if TYPE_CHECKING:
    from desktop_app.dblock import DatabaseLock
    from desktop_app.store.database import Database

log = logging.getLogger(__name__)


class DatabaseController(QObject):
    """Opens databases one at a time; holds the lock of the one that is open."""

    opened = Signal(object)  # OpenedStore
    failed = Signal(str, str)  # target, message
    busy = Signal(str)  # target being opened

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self.target: str | None = None
        self._lock: DatabaseLock | None = None
        self._pending: tuple[str, DatabaseLock, StoreLoader] | None = None
        # The file last refused as damaged (target, path): a backup can be restored over it.
        self.damaged: tuple[str, Path] | None = None

    def open(
        self,
        target: str,
        *,
        demo: bool = False,
        synchronous: bool = False,
        lock: DatabaseLock | None = None,
    ) -> None:
        """Open ``target`` (with its ``lock`` if already held); ``opened`` or ``failed`` tells
        the outcome."""
        if self._pending is not None:
            return
        if target == self.target:
            return
        from desktop_app.dblock import DatabaseLock  # hashlib: not before the first paint

        lock = lock or DatabaseLock(target)
        if not lock.acquire():
            self.failed.emit(target, _refusal(target, lock))
            return
        loader = StoreLoader(target, demo, self)
        loader.loaded.connect(self._on_loaded)
        loader.failed.connect(self._on_failed)
        self._pending = (target, lock, loader)
        self.busy.emit(target)
        if synchronous:
            loader.run()
        else:
            loader.start()

    def adopt(self, target: str, opened: OpenedStore) -> None:
        """Make ``opened``, a server database opened by the server dialog, the open one.

        A server database takes no lock (several windows share it), so there is none to hold.
        """
        self.close()
        self.database, self.target = opened.database, target
        self.damaged = None
        self.opened.emit(opened)

    def restore(self, candidate: Path) -> Path:
        """Replace the open database by the backup ``candidate`` and reopen it.

        Returns where the copy of the replaced database went. Raises a StoreError (and
        leaves the database as it was, reopened) if the backup is not restorable.
        """
        from desktop_app.paths import backup_dir
        from desktop_app.store.restore import check_restorable, restore_database

        assert self.database is not None and self.database.path is not None
        check_restorable(candidate)
        target, path = self.target, self.database.path
        assert target is not None
        # The lock stays held while the file is swapped: no other NetWise writes meanwhile.
        lock, self._lock = self._lock, None
        self.close()
        try:
            return restore_database(path, candidate, backup_dir())
        finally:
            self.open(target, synchronous=True, lock=lock)

    def restore_damaged(self, candidate: Path) -> Path:
        """Replace the file refused as damaged by the backup ``candidate`` and open it.

        Returns where the damaged file was kept. Raises a StoreError (and changes nothing)
        if the backup is not restorable.
        """
        from desktop_app.store.restore import check_restorable, replace_damaged_database

        assert self.damaged is not None
        check_restorable(candidate)
        target, path = self.damaged
        self.close()  # the database open before the damaged one was tried, if any
        kept = replace_damaged_database(path, candidate, damaged_file_backups(path))
        self.damaged = None
        self.open(target, synchronous=True)
        return kept

    def close(self) -> None:
        if self.database is not None:
            self.database.close()
            self.database = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self.target = None

    def _take_pending(self) -> tuple[str, DatabaseLock, StoreLoader]:
        assert self._pending is not None
        pending, self._pending = self._pending, None
        pending[2].deleteLater()
        return pending

    def _on_loaded(self, opened: OpenedStore) -> None:
        target, lock, _loader = self._take_pending()
        self.close()
        self.database, self.target, self._lock = opened.database, target, lock
        self.damaged = None
        self.opened.emit(opened)

    def _on_failed(self, message: str) -> None:
        from desktop_app.store.engine import sqlite_path
        from desktop_app.store.errors import (
            CorruptDatabaseError,
            NewerSchemaError,
            NotNetWiseDatabaseError,
        )
        from desktop_app.store.soundness import remove_new_empty_sidecars

        target, lock, loader = self._take_pending()
        path = sqlite_path(target)
        refused = (CorruptDatabaseError, NewerSchemaError, NotNetWiseDatabaseError)
        if isinstance(loader.error, refused) and path is not None:
            # The start-up preview read the file too: its empty log files go, under the lock.
            remove_new_empty_sidecars(path, existing=set())
        lock.release()
        if isinstance(loader.error, CorruptDatabaseError) and path is not None:
            self.damaged = (target, path)
        self.failed.emit(target, message)


def _refusal(target: str, lock: DatabaseLock) -> str:
    """Why the window cannot open ``target``: who holds it, and what to do."""
    from desktop_app.dblock import DatabaseInUseError

    holder = lock.holder()
    if lock.problem or (holder is not None and holder.program not in ("", lock.program)):
        return DatabaseInUseError(target, holder, lock.problem).message
    pid = holder.pid if holder else None
    who = f" (process {pid})" if pid else ""
    return (
        f"NetWise is already running on “{target}”{who}. Switch to that window, "
        "or open another database."
    )


def damaged_file_backups(path: Path) -> Path:
    """Where the store looked for this file's backups when it refused it (and keeps them)."""
    return path.parent / "backups"
