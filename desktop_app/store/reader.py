"""Read-only queries that return plain tuples: the path big tables read through.

SQL text uses named ``:name`` placeholders, which both ``sqlite3`` and SQLAlchemy's
``text()`` understand. On SQLite the statement runs on the driver's own connection, with no
ORM objects and no result processing in between (at 100,000 rows that processing costs
more than the query). ``FileReader`` needs nothing but ``sqlite3``: the contacts table uses
it to show its first rows at start-up, before SQLAlchemy has even been imported.

This module must not import SQLAlchemy at its top level, for that same reason.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop_app.store.database import Database

Params = Mapping[str, Any] | None
Run = Callable[[str, Params], list[tuple[Any, ...]]]


class Reader:
    """Runs read-only SQL; subclasses say how to get a connection."""

    dialect = "sqlite"
    _fulltext: bool | None = None

    @contextmanager
    def session(self) -> Iterator[Run]:
        """One connection for several statements; yields ``run(sql, params) -> rows``."""
        raise NotImplementedError
        yield  # pragma: no cover

    def rows(self, sql: str, params: Params = None) -> list[tuple[Any, ...]]:
        with self.session() as run:
            return run(sql, params)

    def value(self, sql: str, params: Params = None) -> Any:
        """The first column of the first row, or None."""
        found = self.rows(sql, params)
        return found[0][0] if found else None

    @property
    def has_fulltext(self) -> bool:
        """Whether the FTS5 contacts index exists (SQLite databases made by NetWise)."""
        if self._fulltext is None:
            self._fulltext = self.dialect == "sqlite" and bool(
                self.value("SELECT count(*) FROM sqlite_master WHERE name = 'contacts_fts'")
            )
        return self._fulltext


def _sqlite_run(connection: sqlite3.Connection) -> Run:
    def run(sql: str, params: Params) -> list[tuple[Any, ...]]:
        return connection.execute(sql, dict(params or {})).fetchall()

    return run


def _as_sqlite_gives(value: Any) -> Any:
    """Days and times as the text SQLite holds them, which is what readers expect."""
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class DatabaseReader(Reader):
    """Reads through an open ``Database``: its pool, its connection settings."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.dialect = database.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Run]:
        self.database.check_reads()
        with self.database.engine.connect() as connection:
            if self.dialect == "sqlite":
                yield _sqlite_run(connection.connection.driver_connection)  # type: ignore[arg-type]
                return
            from sqlalchemy import text

            def run(sql: str, params: Params) -> list[tuple[Any, ...]]:
                found = connection.execute(text(sql), dict(params or {}))
                return [tuple(map(_as_sqlite_gives, row)) for row in found]

            yield run


class FileReader(Reader):
    """Reads an SQLite file opened read-only with ``sqlite3`` alone (a connection per session)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._uri = f"{path.resolve().as_uri()}?mode=ro"

    @contextmanager
    def session(self) -> Iterator[Run]:
        with closing(sqlite3.connect(self._uri, uri=True)) as connection:
            yield _sqlite_run(connection)


def file_reader(target: str) -> FileReader | None:
    """A reader for ``target`` if it is an existing NetWise SQLite file, else None.

    Cheap and silent: anything unexpected (a URL, a missing or foreign file) gives None.
    """
    if "://" in target:
        return None
    path = Path(target).expanduser()
    if not path.is_file():
        return None
    reader = FileReader(path)
    try:
        found = reader.value("SELECT count(*) FROM sqlite_master WHERE name = 'contacts'")
    except sqlite3.Error:
        return None
    return reader if found else None
