"""Damaged databases: found read-only before anything is written, refused with one message."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.store import migrate
from desktop_app.store.backup import backup_database
from desktop_app.store.database import open_database
from desktop_app.store.errors import CorruptDatabaseError, StoreError
from tests.damaged_files import (
    fingerprint,
    leaf_page,
    netwise_database,
    scribble_in_the_middle,
    zero_a_page,
    zero_page,
)

DAMAGES: dict[str, Callable[[Path], Path]] = {
    "a zeroed page": zero_a_page,
    "8 KB of random bytes": scribble_in_the_middle,
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_file_is_refused_untouched_with_no_sidecars_left(
    damage: Callable[[Path], Path], db_path: Path
) -> None:
    damage(netwise_database(db_path))
    before = fingerprint(db_path)
    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(str(db_path))
    message = caught.value.message
    assert "is damaged" in message and "left untouched" in message
    assert "File → Restore…" in message
    assert fingerprint(db_path) == before == {"db": before["db"], "-wal": None, "-shm": None}
    assert not (db_path.parent / "backups").exists()


def test_the_message_names_the_newest_backup_that_is_sound(db_path: Path) -> None:
    netwise_database(db_path)
    backups = db_path.parent / "backups"
    older = backup_database(db_path, backups / f"{db_path.stem}-20260101-before-restore.sqlite3")
    newer = backup_database(db_path, backups / f"{db_path.stem}-20260301-before-restore.sqlite3")
    saved = dt.datetime(2026, 11, 30, 9, 15)
    os.utime(older, (saved.timestamp(),) * 2)
    zero_a_page(newer)  # the newest copy is damaged too: not the one to restore
    zero_a_page(db_path)
    with pytest.raises(CorruptDatabaseError) as caught:
        open_database(str(db_path))
    # When it was saved, in the program's one date format.
    assert f"restore the newest sound backup, “{older}” (saved 30 Nov 2026, 09:15)" in (
        caught.value.message
    )


def test_a_log_file_that_was_there_before_is_left_as_it_was(db_path: Path) -> None:
    netwise_database(db_path)
    zero_a_page(db_path)
    wal = Path(f"{db_path}-wal")
    wal.write_bytes(b"")  # as a program killed after a write would leave it (empty log)
    before = fingerprint(db_path)
    with pytest.raises(CorruptDatabaseError):
        open_database(str(db_path))
    assert fingerprint(db_path)["db"] == before["db"]
    assert wal.exists() and wal.read_bytes() == b""  # it was there before: not ours to remove


def version_row(path: Path) -> list[tuple[str]]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("SELECT version_num FROM alembic_version").fetchall()


@pytest.mark.parametrize(
    "sql",
    [
        "DELETE FROM alembic_version",
        "UPDATE alembic_version SET version_num = '0001'",
        "DROP TABLE alembic_version",
    ],
    ids=["row deleted", "row set back to 0001", "table dropped"],
)
def test_a_lost_version_row_on_the_current_schema_is_written_again(sql: str, db_path: Path) -> None:
    netwise_database(db_path)
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute(sql)
    db = open_database(str(db_path))
    with db.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM contacts")).scalar() == 300
    db.close()
    assert version_row(db_path) == [(migrate.HEAD_REVISION,)]
    copies = list((db_path.parent / "backups").glob("*.sqlite3"))
    assert len(copies) == 1  # the file as it was, before its version row was written


def test_tables_of_no_known_version_are_refused_untouched(db_path: Path) -> None:
    netwise_database(db_path)
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '0002'")
        connection.execute("DROP TABLE dismissed_flags")
    before = fingerprint(db_path)
    with pytest.raises(CorruptDatabaseError, match="not those of any NetWise version"):
        open_database(str(db_path))
    assert fingerprint(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_a_damaged_file_with_commits_in_its_log_keeps_both_byte_for_byte(
    db_path: Path, tmp_path: Path
) -> None:
    netwise_database(db_path)
    crashed = tmp_path / "crashed.sqlite3"
    page = leaf_page(db_path, "interactions")
    # A program that stopped with its last commits still in the log (no checkpoint).
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("PRAGMA wal_autocheckpoint = 0")
        connection.execute("INSERT INTO settings (key, value) VALUES ('in the log', '1')")
        connection.commit()
        for suffix in ("", "-wal"):
            Path(f"{crashed}{suffix}").write_bytes(Path(f"{db_path}{suffix}").read_bytes())
    zero_page(crashed, page)
    before = fingerprint(crashed)
    assert before["-wal"] is not None and Path(f"{crashed}-wal").stat().st_size > 0
    with pytest.raises(CorruptDatabaseError):
        open_database(str(crashed))
    after = fingerprint(crashed)
    assert (after["db"], after["-wal"]) == (before["db"], before["-wal"])


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE alembic_version SET version_num = '9999'",
        "DROP TABLE contacts",  # with the others: another program's tables, no version row
    ],
    ids=["newer version", "another program's"],
)
def test_other_refusals_leave_no_wal_or_shm_either(sql: str, db_path: Path) -> None:
    netwise_database(db_path)
    with closing(sqlite3.connect(db_path)) as connection, connection:
        if sql.startswith("DROP"):
            connection.execute("DROP TABLE alembic_version")
        connection.execute(sql)
    before = fingerprint(db_path)
    with pytest.raises(StoreError):
        open_database(str(db_path))
    assert fingerprint(db_path) == before == {"db": before["db"], "-wal": None, "-shm": None}
