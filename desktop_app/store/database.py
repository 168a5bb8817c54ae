"""Opening a NetWise database: the entry point of the store layer.

``open_database`` returns a ``Database`` ready for use, or raises a ``StoreError`` whose
message the ui shows as it is. Every unit of work runs in ``Database.transaction()``: one
short session, one transaction, committed whole or not at all.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.store import migrate
from desktop_app.store.backup import backup_database, backup_file_name
from desktop_app.store.engine import make_engine, sqlite_path
from desktop_app.store.errors import (
    DatabaseAccessError,
    NotNetWiseDatabaseError,
    StoreError,
    classify_sqlite_error,
)

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass
class Database:
    """An open database: the engine, where it lives, and how to run a transaction."""

    engine: Engine
    target: str
    path: Path | None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self, *, immediate: bool = False) -> Iterator[Session]:
        """One session, one transaction: committed on success, rolled back on any error.

        ``immediate`` is for a write that depends on what it reads (is this person new?):
        on SQLite the write lock is taken before the first read, so another writer waits
        (up to the busy timeout) instead of reading the same state and deciding the same.
        """
        with translate_errors(self.target), self._sessions.begin() as session:
            if immediate and self.engine.dialect.name == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def translate_errors(target: str) -> Iterator[None]:
    """Turn driver errors a user can act on (locked, full, corrupt...) into StoreErrors."""
    try:
        yield
    except DBAPIError as exc:
        friendly = classify_sqlite_error(exc.orig or exc, target)
        if friendly is None:
            raise
        raise friendly from exc


def _check_sqlite_file(path: Path, target: str) -> None:
    """Refuse a file that exists but is not SQLite, without writing a byte to it."""
    if path.is_dir():
        raise DatabaseAccessError(f"“{target}” is a folder, not a database file.", target=target)
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseAccessError(
            f"“{target}” cannot be read: {exc.strerror or exc}.", target=target
        ) from exc
    if header != SQLITE_HEADER:
        raise NotNetWiseDatabaseError(
            f"“{target}” is not a NetWise database (it is not an SQLite file). "
            "It was left untouched.",
            target=target,
        )


def peek_sqlite_state(path: Path, target: str) -> migrate.SchemaState | None:
    """The schema state of an existing file, read without changing a byte of it.

    Connecting through the engine would switch the file to WAL mode, which writes to it;
    a file that is not ours must be refused exactly as it was.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = frozenset(
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            )
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        friendly = classify_sqlite_error(exc, target)
        if friendly is None:
            raise
        raise friendly from exc
    return migrate.SchemaState(revision, tables)


def open_database(target: str, *, backup_dir: Path | None = None) -> Database:
    """Open (creating if new) and upgrade the database at ``target``, a path or a URL.

    Before an existing database is upgraded, a verified copy goes to ``backup_dir``
    (default: a ``backups`` folder beside the file).
    """
    path = sqlite_path(target)
    if path is not None:
        _check_sqlite_file(path, target)
        peeked = peek_sqlite_state(path, target)
        if peeked is not None:
            migrate.check_compatible(peeked, target)
    try:
        engine = make_engine(target)
    except OSError as exc:
        raise DatabaseAccessError(
            f"“{target}” cannot be created: {exc.strerror or exc}.", target=target
        ) from exc
    try:
        with translate_errors(target), engine.connect() as connection:
            state = migrate.read_schema_state(connection)
        migrate.check_compatible(state, target)
        if not state.is_current:
            if path is not None and not state.is_empty:
                folder = backup_dir or path.parent / "backups"
                backup_database(
                    path, folder / backup_file_name(path, f"before-{migrate.HEAD_REVISION}")
                )
            with translate_errors(target):
                migrate.upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    log.info("opened database %s", target)
    return Database(engine=engine, target=target, path=path)
