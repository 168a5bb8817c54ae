"""Which schema a database actually has, from its tables and columns.

The version row in ``alembic_version`` can be lost or wrong (deleted by hand, a restore of
a partial copy) while the tables are those of another revision. Migrating on the strength
of that row would run the migrations over tables that already exist. Each known revision's
tables and columns are known by migrating an empty in-memory database; a file is
recognised when it has exactly those of one revision.
"""

from __future__ import annotations

import functools
import sqlite3

from sqlalchemy import create_engine
from sqlalchemy.pool import StaticPool

# Table name -> its column names; every table except SQLite's own.
Shape = frozenset[tuple[str, frozenset[str]]]
BASE = "base"  # no revision applied: only the empty version table


def file_shape(connection: sqlite3.Connection) -> Shape:
    """The tables and columns of the database behind a plain sqlite3 connection."""
    names = [
        row[0]
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return frozenset(
        (
            name,
            frozenset(
                row[1] for row in connection.execute(f'PRAGMA table_info("{_quoted(name)}")')
            ),
        )
        for name in names
    )


def _quoted(name: str) -> str:
    return name.replace('"', '""')


@functools.cache
def revision_shapes() -> dict[str, Shape]:
    """Each known revision's shape (and the base's), by migrating an empty database."""
    from alembic import command

    from desktop_app.store.migrate import ALEMBIC_LOCK, KNOWN_REVISIONS, alembic_config

    memory = sqlite3.connect(":memory:", check_same_thread=False)
    engine = create_engine("sqlite://", creator=lambda: memory, poolclass=StaticPool)
    shapes: dict[str, Shape] = {}
    try:
        with ALEMBIC_LOCK:
            config = alembic_config()
            for revision in (BASE, *KNOWN_REVISIONS):
                with engine.begin() as connection:
                    config.attributes["connection"] = connection
                    if revision == BASE:
                        command.stamp(config, "base")
                        connection.exec_driver_sql(
                            "CREATE TABLE IF NOT EXISTS alembic_version ("
                            "version_num VARCHAR(32) NOT NULL PRIMARY KEY)"
                        )
                    else:
                        command.upgrade(config, revision)
                shapes[revision] = file_shape(memory)
    finally:
        engine.dispose()
        memory.close()
    return shapes


# Tables every NetWise schema has: without them a file is another program's, no need to
# work out the revisions' shapes (which loads Alembic) to say so.
CORE_TABLES = frozenset({"contacts", "events", "interactions", "goals"})


def recognise(shape: Shape, recorded: str | None = None) -> str | None:
    """The revision (or ``BASE``) whose tables and columns are exactly ``shape``, if any.

    ``recorded`` (what the version row says) wins where revisions look alike. A file that
    lost its whole version table is recognised by its other tables.
    """
    names = {name for name, _columns in shape}
    has_version_table = "alembic_version" in names
    if not CORE_TABLES.issubset(names) and names != {"alembic_version"}:
        return None
    shapes = revision_shapes()
    if recorded is not None and shapes.get(recorded) == shape:
        return recorded
    for revision, expected in shapes.items():
        if not has_version_table:
            if revision == BASE:
                continue
            expected = frozenset(t for t in expected if t[0] != "alembic_version")
        if shape == expected:
            return revision
    return None
