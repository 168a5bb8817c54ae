"""Opening databases: new, current, older, newer, foreign, corrupt — and the pragmas."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.store import migrate
from desktop_app.store.database import open_database
from desktop_app.store.errors import (
    CorruptDatabaseError,
    NewerSchemaError,
    NotNetWiseDatabaseError,
    StoreError,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_database_gets_the_whole_schema_at_head(database) -> None:
    with database.engine.connect() as connection:
        state = migrate.read_schema_state(connection)
    assert state.revision == migrate.HEAD_REVISION
    assert {"contacts", "events", "interactions", "goals", "pitches", "contacts_fts"} <= set(
        state.table_names
    )


def test_known_revisions_match_the_shipped_migration_scripts() -> None:
    assert migrate.script_revisions() == migrate.KNOWN_REVISIONS


def test_pragmas_hold_on_every_pooled_connection(database) -> None:
    connections = [database.engine.connect() for _ in range(3)]
    try:
        for connection in connections:
            values = {
                name: connection.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")
            }
            assert values == {
                "foreign_keys": 1,
                "journal_mode": "wal",
                "synchronous": 1,  # NORMAL
                "busy_timeout": 5000,
            }
    finally:
        for connection in connections:
            connection.close()


def test_foreign_keys_are_enforced(database) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), database.transaction() as session:
        session.execute(
            text(
                "INSERT INTO interactions (contact_id, occurred_on, kind, initiated_by, "
                "reply_status, help_given, help_received, minutes, notes, created_at) "
                "VALUES (999, '2026-01-01', 'call', 'me', 'none', 'none', 'none', 0, '', "
                "'2026-01-01')"
            )
        )


def test_files_are_owner_only(database, data_dir: Path, db_path: Path) -> None:
    assert mode(data_dir) == 0o700
    assert mode(db_path) == 0o600
    with database.transaction() as session:  # WAL files appear on the first write
        session.execute(text("INSERT INTO settings (key, value) VALUES ('k', '1')"))
    for sidecar in db_path.parent.glob(db_path.name + "-*"):
        assert mode(sidecar) == 0o600, sidecar


def test_existing_loose_permissions_are_tightened(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch(mode=0o644)
    db = open_database(str(db_path))
    db.close()
    assert mode(db_path) == 0o600


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    open_database(str(db_path)).close()
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(db_path)
    with pytest.raises(NewerSchemaError, match="newer version of NetWise"):
        open_database(str(db_path))
    assert digest(db_path) == before


def test_a_file_that_is_not_sqlite_is_refused_and_left_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"%PDF-1.7 definitely not a database\n" * 100)
    before = digest(db_path)
    with pytest.raises(NotNetWiseDatabaseError, match="not a NetWise database"):
        open_database(str(db_path))
    assert digest(db_path) == before


def test_another_programs_database_is_refused_and_left_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    before = digest(db_path)
    with pytest.raises(NotNetWiseDatabaseError, match="another program"):
        open_database(str(db_path))
    assert digest(db_path) == before


def test_a_corrupt_database_gives_a_message_and_is_not_overwritten(db_path: Path) -> None:
    open_database(str(db_path)).close()
    data = bytearray(db_path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page behind a valid header
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises((CorruptDatabaseError, NotNetWiseDatabaseError)) as caught:
        open_database(str(db_path))
    assert isinstance(caught.value, StoreError)
    assert "left untouched" in caught.value.message
    assert digest(db_path) == before


def test_an_older_schema_is_backed_up_then_upgraded(db_path: Path, data_dir: Path) -> None:
    from alembic import command
    from alembic.config import Config

    db = open_database(str(db_path))
    with db.transaction() as session:
        session.execute(text("INSERT INTO settings (key, value) VALUES ('kept', '42')"))
    config = Config()
    config.set_main_option("script_location", str(Path(migrate.__file__).parent / "migrations"))
    with db.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    db.close()

    backups = data_dir / "backups"
    db = open_database(str(db_path), backup_dir=backups)
    db.close()
    copies = list(backups.glob("*.sqlite3"))
    assert len(copies) == 1
    assert mode(copies[0]) == 0o600
    with closing(sqlite3.connect(copies[0])) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == []
    with db.engine.connect() as connection:
        assert migrate.read_schema_state(connection).is_current
    db.close()  # the check above opened a new pooled connection


def test_any_sqlalchemy_url_works(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'by-url.sqlite3'}")
    with db.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM contacts")).scalar() == 0
    db.close()
    memory = open_database("sqlite://")
    with memory.transaction() as session:
        assert session.execute(text("SELECT count(*) FROM goals")).scalar() == 0
    memory.close()


def test_saved_databases_of_every_released_schema_open_with_their_data(tmp_path: Path) -> None:
    saved = sorted((Path(__file__).parent.parent / "data" / "schemas").glob("*.sqlite3"))
    assert {p.stem for p in saved} == set(migrate.KNOWN_REVISIONS)
    for original in saved:
        copy = tmp_path / original.name
        copy.write_bytes(original.read_bytes())
        db = open_database(str(copy), backup_dir=tmp_path / "backups")
        with db.transaction() as session:
            assert session.execute(text("SELECT count(*) FROM contacts")).scalar() == 300
            assert session.execute(text("SELECT count(*) FROM interactions")).scalar() == 1500
            # Whatever revision it came from, the insight aggregates cover every interaction.
            summarised = "SELECT sum(interactions) FROM contact_summaries"
            assert session.execute(text(summarised)).scalar() == 1500
        db.close()
