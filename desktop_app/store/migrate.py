"""Schema versions: check, back up, upgrade — or refuse.

The schema version lives in the database (Alembic's ``alembic_version``). Opening a
database at the current version costs one query and never imports Alembic; an older one is
copied to the backups folder and upgraded in a single transaction; a newer or foreign one is
refused and left exactly as it was.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from desktop_app.store.errors import NewerSchemaError, NotNetWiseDatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

    from desktop_app.store.schema_shape import Shape

log = logging.getLogger(__name__)

# Every revision this program knows, oldest first. A test checks it against the scripts.
KNOWN_REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
)
HEAD_REVISION = KNOWN_REVISIONS[-1]
# Alembic's ``op`` and ``context`` are module globals: one migration at a time per process.
ALEMBIC_LOCK = threading.Lock()


@dataclass(frozen=True)
class SchemaState:
    revision: str | None
    table_names: frozenset[str]
    shape: Shape | None = None  # tables and their columns, when read from a file

    @property
    def is_empty(self) -> bool:
        return not self.table_names

    @property
    def is_current(self) -> bool:
        return self.revision == HEAD_REVISION


def read_schema_state(connection: Connection) -> SchemaState:
    tables = frozenset(inspect(connection).get_table_names())
    revision = None
    if "alembic_version" in tables:
        revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    return SchemaState(revision, tables)


def read_file_schema(connection: sqlite3.Connection) -> SchemaState:
    """The schema state, with its tables' columns, through a plain (read-only) connection."""
    from desktop_app.store.schema_shape import file_shape

    shape = file_shape(connection)
    tables = frozenset(name for name, _columns in shape)
    revision = None
    if "alembic_version" in tables:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    return SchemaState(revision, tables, shape)


def check_compatible(state: SchemaState, target: str) -> None:
    """Raise a user-facing error if this program must not touch the database."""
    if state.is_empty or state.is_current:
        return
    if state.revision is None:
        if "alembic_version" in state.table_names:
            return  # a NetWise database at the base revision: upgraded like any older one
        raise NotNetWiseDatabaseError(
            f"“{target}” is a database of another program, not a NetWise database. "
            "It was left untouched.",
            target=target,
        )
    if state.revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"“{target}” was written by a newer version of NetWise (schema "
            f"{state.revision}; this version knows up to {HEAD_REVISION}). "
            "It was left untouched: install the newer NetWise to open it.",
            target=target,
        )


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return config


def record_revision(engine: Engine, revision: str) -> None:
    """Make the version row say ``revision`` (the schema the tables show it has).

    At the base (no revision applied yet) the version table holds no row at all.
    """
    with engine.begin() as connection:
        connection.execute(
            text(
                "CREATE TABLE IF NOT EXISTS alembic_version (version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
        )
        connection.execute(text("DELETE FROM alembic_version"))
        if revision in KNOWN_REVISIONS:
            connection.execute(
                text("INSERT INTO alembic_version (version_num) VALUES (:revision)"),
                {"revision": revision},
            )
    log.warning(
        "the version row was missing or wrong: written again as %s, as the tables show", revision
    )


def upgrade(engine: Engine) -> None:
    """Bring the schema to the head revision in one transaction."""
    from alembic import command

    config = alembic_config()
    with ALEMBIC_LOCK, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    log.info("database schema upgraded to %s", HEAD_REVISION)


def script_revisions() -> tuple[str, ...]:
    """The revisions of the shipped migration scripts, oldest first (for tests)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return tuple(rev.revision for rev in reversed(list(scripts.walk_revisions())))
