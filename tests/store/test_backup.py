"""Backups: consistent while the database is open, owner-only, verified."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.store.backup import backup_database, verify_database_file
from desktop_app.store.errors import BackupError


def test_backup_while_open_holds_every_committed_row(demo_database, tmp_path: Path) -> None:
    with demo_database.transaction() as session:
        session.execute(text("UPDATE contacts SET notes = 'after the backup?' WHERE id = 1"))
    copy = backup_database(demo_database.path, tmp_path / "copies" / "copy.sqlite3")
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    with closing(sqlite3.connect(copy)) as connection:
        assert connection.execute("SELECT count(*) FROM contacts").fetchone() == (300,)
        assert connection.execute("SELECT notes FROM contacts WHERE id = 1").fetchone() == (
            "after the backup?",
        )
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert not list(copy.parent.glob("*.part"))


def test_verify_rejects_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database" * 200)
    with pytest.raises(BackupError):
        verify_database_file(junk)


def test_backup_into_an_unwritable_place_is_a_message(demo_database, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackupError, match="could not be written"):
        backup_database(demo_database.path, blocker / "inside" / "copy.sqlite3")
