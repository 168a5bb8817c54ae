"""SQL fragments that SQLite and PostgreSQL spell differently, in one place.

The store's hand-written SQL is SQLite's (the embedded default); where PostgreSQL needs
other words the fragment comes from here, chosen by the connection's dialect name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the fragments are plain text: readers use them before SQLAlchemy loads
    from sqlalchemy import Connection, Engine

SQLITE = "sqlite"


def joined(dialect: str, value: str, separator: str, source: str, order: str) -> str:
    """A scalar subquery: ``value`` of the rows of ``source`` (FROM ... WHERE ...), in
    ``order``, joined by ``separator`` (NULL when there are none)."""
    if dialect == SQLITE:
        # group_concat has no ORDER BY before SQLite 3.44: the values are ordered first.
        return (
            f"(SELECT group_concat(joined_value, '{separator}') FROM "
            f"(SELECT {value} AS joined_value FROM {source} ORDER BY {order}))"
        )
    return (
        f"(SELECT string_agg(CAST({value} AS TEXT), '{separator}' ORDER BY {order}) FROM {source})"
    )


def month_of(dialect: str, column: str) -> str:
    """'YYYY-MM' of a date or timestamp column."""
    if dialect == SQLITE:
        return f"substr({column}, 1, 7)"
    return f"to_char({column}, 'YYYY-MM')"


def count_true(dialect: str, condition: str) -> str:
    """How many rows of the group meet ``condition`` (SQLite sums its 0/1 truth values)."""
    if dialect == SQLITE:
        return f"sum({condition})"
    return f"count(*) FILTER (WHERE {condition})"


def as_flag(dialect: str, condition: str) -> str:
    """``condition`` as 0 or 1 (the insight caches keep flags as small integers)."""
    if dialect == SQLITE:
        return f"({condition})"
    return f"CAST(({condition}) AS INTEGER)"


def id_list(dialect: str, column: str, source: str) -> str:
    """A query returning the ids of ``column`` over ``source`` as one JSON array."""
    if dialect == SQLITE:
        return f"SELECT json_group_array({column}) FROM {source}"
    return f"SELECT coalesce(json_agg({column}), '[]'::json)::text FROM {source}"


def realign_id_sequences(connection: Connection) -> None:
    """After rows were written with their ids given (a restore, a copy): PostgreSQL's id
    sequences move on past the largest id, so the next new row does not collide with one.
    SQLite needs nothing: its next id is always the largest plus one."""
    if connection.dialect.name == SQLITE:
        return
    from sqlalchemy import text

    from desktop_app.store import insight_models  # noqa: F401  (its tables join the metadata)
    from desktop_app.store.models import Base

    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key:
            connection.execute(
                text(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce(max(id), 0) + 1, false) FROM {table.name}"
                )
            )


def settle_after_bulk_load(engine: Engine) -> None:
    """After a whole network was written at once (a copy, a restore): PostgreSQL's
    statistics and visibility map brought up to date now rather than when autovacuum next
    passes, so the contacts table's sorts read their indexes from the first minute. VACUUM
    runs outside a transaction; tables this user may not vacuum are passed over by the
    server with a warning. SQLite needs nothing: its planner reads the indexes as they are."""
    if engine.dialect.name == SQLITE:
        return
    import logging

    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.execute(text("VACUUM (ANALYZE)"))
    except DBAPIError:  # only slower for a while: autovacuum will do it
        logging.getLogger(__name__).warning("VACUUM after a bulk load failed", exc_info=True)
