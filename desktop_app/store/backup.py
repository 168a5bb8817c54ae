"""Consistent backup copies of an SQLite database, owner-only and verified."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path

from desktop_app.paths import make_private_dirs
from desktop_app.store.errors import BackupError

log = logging.getLogger(__name__)


def backup_file_name(source: Path, reason: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    return f"{source.stem}-{stamp}-{reason}.sqlite3"


def verify_database_file(path: Path) -> None:
    """Raise BackupError unless ``path`` is an SQLite file that passes ``integrity_check``."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"“{path}” is not a readable database: {exc}.") from exc
    if not result or result[0] != "ok":
        raise BackupError(f"“{path}” failed the integrity check: {result[0] if result else '?'}.")


def backup_database(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` with SQLite's online backup, then verify it.

    The online backup gives a consistent snapshot even while the program has the database
    open (WAL included); the copy is created owner-only before any byte is written.
    """
    tmp = destination.with_name(destination.name + ".part")
    try:
        make_private_dirs(destination.parent)
        fd = os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a single self-contained file
        finally:
            dst.close()
            src.close()
        verify_database_file(tmp)
        if os.name == "posix":
            os.chmod(tmp, 0o600)
        os.replace(tmp, destination)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise BackupError(f"The backup to “{destination}” could not be written: {exc}.") from exc
    except BackupError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise
    log.info("backed up %s to %s", source, destination)
    return destination
