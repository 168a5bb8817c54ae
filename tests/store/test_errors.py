"""Driver errors a user can act on become messages, each saying what to do."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event, text

from desktop_app.store.errors import (
    ConnectionLostError,
    DatabaseLockedError,
    StorageFullError,
    classify_sqlite_error,
)
from desktop_app.store.server_errors import connection_lost


def test_a_database_locked_by_another_program_is_a_message(database, db_path: Path) -> None:
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        waiting = sqlite3.connect(db_path, timeout=0)
        with pytest.raises(sqlite3.OperationalError) as caught:
            waiting.execute("INSERT INTO settings (key, value) VALUES ('a', '1')")
        waiting.close()
    finally:
        blocker.rollback()
        blocker.close()
    friendly = classify_sqlite_error(caught.value, str(db_path))
    assert isinstance(friendly, DatabaseLockedError)
    assert "locked by another program" in friendly.message


def test_a_locked_write_through_the_store_raises_the_message(database, db_path: Path) -> None:
    blocker = sqlite3.connect(db_path)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        # Give up at once instead of after the usual five seconds of waiting.
        @event.listens_for(database.engine, "connect")
        def no_wait(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.execute("PRAGMA busy_timeout = 0")

        database.engine.dispose()
        with pytest.raises(DatabaseLockedError), database.transaction() as session:
            session.execute(text("INSERT INTO settings (key, value) VALUES ('b', '1')"))
    finally:
        blocker.rollback()
        blocker.close()


def test_disk_full_is_a_message_that_says_nothing_was_lost() -> None:
    friendly = classify_sqlite_error(
        sqlite3.OperationalError("database or disk is full"), "/data/netwise.sqlite3"
    )
    assert isinstance(friendly, StorageFullError)
    assert "nothing was lost" in friendly.message


def test_an_unknown_error_is_not_disguised() -> None:
    assert classify_sqlite_error(sqlite3.OperationalError("no such column: x"), "t") is None


@pytest.mark.parametrize(
    ("driver_says", "reason"),
    [
        ("terminating connection due to administrator command", "the server ended it"),
        ("FATAL:  the database system is shutting down", "the server is shutting down"),
        ("consuming input failed: server closed the connection unexpectedly", "closed it"),
        ('connection to server at "10.0.0.5", port 5432 failed: Connection refused', "answer"),
        ("could not receive data from server: Connection reset by peer", "broke it off"),
        ("the connection is closed", "the server closed it"),
    ],
)
def test_a_server_lost_mid_session_says_so_in_one_line(driver_says: str, reason: str) -> None:
    lost = connection_lost(
        Exception(driver_says), "postgresql://anna@db/netwise", invalidated=False
    )
    assert isinstance(lost, ConnectionLostError)
    assert lost.message.startswith("The connection to the server of “postgresql://anna@db/netwise”")
    assert reason in lost.message and "\n" not in lost.message


def test_other_driver_errors_are_no_lost_connection() -> None:
    refused = Exception('duplicate key value violates unique constraint "tags_name_key"')
    assert connection_lost(refused, "db", invalidated=False) is None
    assert isinstance(connection_lost(refused, "db", invalidated=True), ConnectionLostError)
