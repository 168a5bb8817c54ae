"""Restore a backup over the database: check it, keep a copy of the current one, replace."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from desktop_app.store import migrate
from desktop_app.store.backup import backup_database, backup_file_name, verify_database_file
from desktop_app.store.database import peek_sqlite_state
from desktop_app.store.errors import BackupError, NotNetWiseDatabaseError


def check_restorable(candidate: Path) -> None:
    """Raise a StoreError unless ``candidate`` is a sound NetWise database this version opens."""
    verify_database_file(candidate)
    state = peek_sqlite_state(candidate, str(candidate))
    if state is None or "alembic_version" not in state.table_names:
        raise NotNetWiseDatabaseError(
            f"“{candidate}” is not a NetWise database, so it cannot be restored.",
            target=str(candidate),
        )
    migrate.check_compatible(state, str(candidate))


def restore_database(current: Path, candidate: Path, backups: Path) -> Path:
    """Replace ``current`` (which must be closed) by a copy of ``candidate``.

    The current database is first backed up to ``backups``; that copy's path is returned
    so the user can be told where it went. If anything fails, ``current`` is unchanged.
    """
    check_restorable(candidate)
    safety = backup_database(current, backups / backup_file_name(current, "before-restore"))
    _replace(current, candidate)
    return safety


def replace_damaged_database(current: Path, candidate: Path, backups: Path) -> Path:
    """Replace the damaged ``current`` (not open) by a copy of ``candidate``.

    A damaged file cannot be backed up through SQLite (the copy would not verify), so its
    bytes are kept as they are, with its log if it has one; that copy's path is returned.
    """
    check_restorable(candidate)
    kept = backups / backup_file_name(current, "damaged")
    try:
        backups.mkdir(parents=True, exist_ok=True, mode=0o700)
        for suffix in ("", "-wal"):
            source = Path(f"{current}{suffix}")
            if source.exists() and (suffix == "" or source.stat().st_size > 0):
                _private_copy(source, Path(f"{kept}{suffix}"))
    except OSError as exc:
        raise BackupError(
            f"The damaged “{current}” could not be kept in “{backups}”: {exc}."
        ) from exc
    _replace(current, candidate)
    return kept


def _private_copy(source: Path, destination: Path) -> None:
    fd = os.open(destination, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    shutil.copyfile(source, destination)


def _replace(current: Path, candidate: Path) -> None:
    incoming = current.with_name(current.name + ".restoring")
    try:
        fd = os.open(incoming, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        os.close(fd)
        shutil.copyfile(candidate, incoming)
        verify_database_file(incoming)
        for sidecar in ("-wal", "-shm"):
            Path(str(current) + sidecar).unlink(missing_ok=True)
        os.replace(incoming, current)
    except OSError as exc:
        with contextlib.suppress(OSError):
            incoming.unlink(missing_ok=True)
        raise BackupError(f"“{candidate}” could not be restored: {exc}.") from exc
