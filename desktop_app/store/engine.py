"""The engine factory: the one place that turns a path or URL into a configured engine."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from desktop_app.paths import create_private_file

SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    # NORMAL in WAL mode never corrupts; at worst the last commit before a power cut is lost.
    "PRAGMA synchronous = NORMAL",
    "PRAGMA busy_timeout = 5000",
)
# Seconds a server may take to accept a connection before it counts as out of reach
# (libpq waits for ever by default, and reads run on the window's thread).
CONNECT_TIMEOUT_S = 10


def database_url(target: str) -> str:
    """An SQLAlchemy URL for ``target``, which is a URL or a filesystem path."""
    if "://" in target:
        return target
    return f"sqlite:///{Path(target)}"


def sqlite_path(target: str) -> Path | None:
    """The file behind ``target`` if it is an on-disk SQLite database, else None."""
    url = make_url(database_url(target))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _set_sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    try:
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def make_engine(target: str, *, create: bool = True, password: str | None = None) -> Engine:
    """An engine for ``target`` with NetWise's connection settings on every connection.

    A server's ``password`` (typed, or from the keyring) goes to the driver beside the
    address, never into it: the address is what is shown, logged and remembered. Without
    one, libpq reads its password file or service file itself.

    For an SQLite file the file is created owner-only first (SQLite itself would create it
    with the process umask), so personal data is never readable by other users.
    """
    path = sqlite_path(target)
    if path is not None and create:
        create_private_file(path)
    url = make_url(database_url(target))
    if url.drivername == "postgresql":
        # "postgresql://" names psycopg2 by default; NetWise ships psycopg (3).
        url = url.set(drivername="postgresql+psycopg")
    connect_args: dict[str, object] = (
        {"password": password} if password and url.password is None else {}
    )
    if path is not None or url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args=connect_args)
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    if "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = CONNECT_TIMEOUT_S
    # A server may restart while the window is open: a pooled connection is checked
    # before use, so the first work after the restart gets a fresh one instead of failing.
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)
