"""Opening a NetWise database: the entry point of the store layer.

``open_database`` returns a ``Database`` ready for use, or raises a ``StoreError`` whose
message the ui shows as it is. Every unit of work runs in ``Database.transaction()``: one
short session, one transaction, committed whole or not at all.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, event, text
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.exc import ArgumentError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from desktop_app.paths import shown_database as shown_target
from desktop_app.store import migrate
from desktop_app.store.backup import backup_database, backup_file_name
from desktop_app.store.change_notices import (
    announce_if_written,
    forget_writes,
    new_window_id,
    track_writes,
)
from desktop_app.store.engine import make_engine, sqlite_path
from desktop_app.store.errors import (
    ConnectionLostError,
    CorruptDatabaseError,
    DatabaseAccessError,
    NotNetWiseDatabaseError,
    StoreError,
    classify_sqlite_error,
)
from desktop_app.store.row_versions import take_written
from desktop_app.store.server_errors import (
    classify_server_error,
    connection_lost,
    driver_missing_message,
)
from desktop_app.store.soundness import (
    SoundnessCheck,
    damage_found,
    damaged_database_error,
    read_only_connection,
    remove_new_empty_sidecars,
    sidecars_present,
)

log = logging.getLogger(__name__)
SQLITE_HEADER = b"SQLite format 3\x00"
# The PostgreSQL advisory lock of ``transaction(immediate=True)``: any number, NetWise's own.
DEPENDENT_WRITES_LOCK = 0x4E657457  # "NetW"
# After a lost connection, reads fail at once for this long (or until ``reach`` finds the
# server again) instead of each trying it: a window repaints many times a second, and a
# server that does not answer at all holds each try for the connect timeout.
READS_WAIT_AFTER_LOSS_S = 30.0


@dataclass
class Database:
    """An open database: the engine, where it lives, and how to run a transaction."""

    engine: Engine
    target: str
    path: Path | None
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    # Names this window in the change notices it sends (PostgreSQL only).
    window_id: str = field(default_factory=new_window_id)
    # (table, row id, version) of every row version this window's writes committed.
    own_versions: set[tuple[str, int, int]] = field(default_factory=set, repr=False)
    # A server's connection lost, and when (monotonic seconds), until it is reached again.
    lost: ConnectionLostError | None = field(default=None, init=False, repr=False)
    lost_at: float = field(default=0.0, init=False, repr=False)
    # Told each lost connection's message, from whichever thread lost it (the window).
    on_lost: Callable[[str], object] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.notifies = self.engine.dialect.name == "postgresql"
        if self.notifies:
            track_writes(self.engine)
            event.listen(self.engine, "handle_error", self._raise_connection_lost)

    def _raise_connection_lost(self, context: ExceptionContext) -> None:
        """Any work on the engine whose server went away raises ``ConnectionLostError``
        (the pool has already dropped the broken connection)."""
        if context.is_pre_ping:
            return  # the pool replaces a stale connection by itself
        driver_error = isinstance(context.sqlalchemy_exception, OperationalError | InterfaceError)
        if not (driver_error or context.is_disconnect):
            return
        found = connection_lost(
            context.original_exception, self.target, invalidated=context.is_disconnect
        )
        if isinstance(found, ConnectionLostError):
            self.lost, self.lost_at = found, time.monotonic()
            if self.on_lost is not None:
                self.on_lost(found.message)
            raise found from context.original_exception

    def check_reads(self) -> None:
        """Fail a read at once, without trying, while the server is out of reach (until
        ``reach`` or a write finds it again, or ``READS_WAIT_AFTER_LOSS_S`` have passed)."""
        lost = self.lost
        if lost is not None and time.monotonic() - self.lost_at < READS_WAIT_AFTER_LOSS_S:
            raise ConnectionLostError(lost.message, target=lost.target)

    def reach(self) -> bool:
        """Whether the server answers again (it forgets the loss when it does)."""
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
        except (StoreError, DBAPIError):
            return False
        self.lost = None
        return True

    @contextmanager
    def transaction(self, *, immediate: bool = False) -> Iterator[Session]:
        """One session, one transaction: committed on success, rolled back on any error.

        ``immediate`` is for a write that depends on what it reads (is this person new?):
        on SQLite the write lock is taken before the first read, so another writer waits
        (up to the busy timeout) instead of reading the same state and deciding the same.
        On PostgreSQL such writers queue on one advisory lock, held to the end of the
        transaction: other writes and every read go on meanwhile.
        """
        with translate_errors(self.target), self._sessions.begin() as session:
            if immediate and self.engine.dialect.name == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            elif immediate:
                session.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": DEPENDENT_WRITES_LOCK}
                )
            if self.notifies:
                forget_writes(session.connection())
            yield session
            if self.notifies:
                announce_if_written(session.connection(), self.window_id)
        self.own_versions.update(take_written(session))  # committed: they are this window's
        self.lost = None

    def own_version(self, table: str, row_id: int) -> int | None:
        """The latest version of the row that this window's writes committed, if any."""
        mine = [v for t, i, v in self.own_versions if t == table and i == row_id]
        return max(mine, default=None)

    def close(self) -> None:
        self.engine.dispose()


@contextmanager
def translate_errors(target: str) -> Iterator[None]:
    """Turn driver errors a user can act on (locked, full, corrupt...) into StoreErrors."""
    try:
        yield
    except DBAPIError as exc:
        if "://" in target and sqlite_path(target) is None:
            friendly = classify_server_error(exc.orig or exc, shown_target(target))
        else:
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


def peek_sqlite_state(
    path: Path,
    target: str,
    *,
    damage_check_backups: Path | None = None,
    soundness: SoundnessCheck | None = None,
) -> migrate.SchemaState | None:
    """The schema state of an existing file, read without changing a byte of it.

    Connecting through the engine would switch the file to WAL mode, which writes to it;
    a file that is not ours must be refused exactly as it was. With
    ``damage_check_backups``, a damaged file is refused too (its message names the newest
    sound backup in that folder); ``soundness`` is that check, already under way.
    """
    if not path.exists() or path.stat().st_size == 0:
        return None
    check = damage_check_backups is not None
    try:
        damage = None
        if check and soundness is not None:
            damage = soundness.result()  # before connecting: one reader at a time
            check = False
        with read_only_connection(path) as connection:
            if check:
                damage = damage_found(connection)
            if damage is None:
                state = migrate.read_file_schema(connection)
    except sqlite3.DatabaseError as exc:
        friendly = classify_sqlite_error(exc, target)
        if friendly is None:
            raise
        if isinstance(friendly, CorruptDatabaseError) and damage_check_backups is not None:
            raise damaged_database_error(path, target, [damage_check_backups]) from exc
        raise friendly from exc
    if damage is not None:
        assert damage_check_backups is not None
        log.info("%s is damaged: %s", target, damage)
        raise damaged_database_error(path, target, [damage_check_backups])
    return state


def revision_shown_by_tables(
    state: migrate.SchemaState, path: Path, target: str, backups: Path
) -> str | None:
    """The revision the file's tables are at, when its version row says otherwise.

    None when the version row is right; a damage error when the tables are those of no
    NetWise revision (migrating over them could only fail half-way).
    """
    from desktop_app.store import schema_shape

    if state.is_current or state.is_empty or state.shape is None:
        return None
    if state.revision is not None and state.revision not in migrate.KNOWN_REVISIONS:
        return None  # a newer NetWise's: refused as such
    recorded = state.revision or schema_shape.BASE
    shown = schema_shape.recognise(state.shape, recorded=recorded)
    if shown == recorded:
        return None
    if shown is None and "alembic_version" not in state.table_names:
        return None  # another program's database: refused as such
    if shown is None:
        log.info("%s: tables match no known schema (version row: %s)", target, recorded)
        raise damaged_database_error(
            path, target, [backups], problem="its tables are not those of any NetWise version"
        )
    log.info("%s: version row says %s, tables are at %s", target, recorded, shown)
    return shown


def open_database(
    target: str,
    *,
    backup_dir: Path | None = None,
    soundness: SoundnessCheck | None = None,
    password: str | None = None,
) -> Database:
    """Open (creating if new) and upgrade the database at ``target``, a path or a URL.

    An existing file is checked read-only first: a damaged one is refused untouched. Before
    an existing database is upgraded (or its lost version row written again), a verified
    copy goes to ``backup_dir`` (default: a ``backups`` folder beside the file).
    ``soundness``: the damage check of the file, if the caller started it early.
    ``password``: a server's, kept apart from its address (see ``make_engine``).
    """
    path = sqlite_path(target)
    repaired_revision = None
    backups = backup_dir or Path("backups")
    if path is not None:
        _check_sqlite_file(path, target)
        backups = backup_dir or path.parent / "backups"
        before = soundness.sidecars_before if soundness else sidecars_present(path)
        try:
            peeked = peek_sqlite_state(
                path, target, damage_check_backups=backups, soundness=soundness
            )
            if peeked is not None:
                repaired_revision = revision_shown_by_tables(peeked, path, target, backups)
                if repaired_revision is None:
                    migrate.check_compatible(peeked, target)
        except StoreError:
            remove_new_empty_sidecars(path, before)  # refused: left exactly as it was
            raise
    shown = shown_target(target)
    try:
        engine = make_engine(target, password=password)
    except OSError as exc:
        raise DatabaseAccessError(
            f"“{target}” cannot be created: {exc.strerror or exc}.", target=target
        ) from exc
    except ArgumentError as exc:
        raise DatabaseAccessError(f"{shown} is not a database address: {exc}.") from exc
    except ImportError as exc:
        raise DatabaseAccessError(driver_missing_message(exc, shown), target=shown) from exc
    try:
        with translate_errors(target), engine.connect() as connection:
            state = migrate.read_schema_state(connection)
        if repaired_revision is None:
            migrate.check_compatible(state, shown)
        if not state.is_current or repaired_revision is not None:
            if path is not None and not state.is_empty:
                reason = f"before-{migrate.HEAD_REVISION}"
                backup_database(path, backups / backup_file_name(path, reason))
            with translate_errors(target):
                if repaired_revision is not None:
                    migrate.record_revision(engine, repaired_revision)
                if repaired_revision != migrate.HEAD_REVISION:
                    migrate.upgrade(engine)
    except StoreError:
        engine.dispose()
        raise
    log.info("opened database %s", shown)
    return Database(engine=engine, target=shown, path=path)
