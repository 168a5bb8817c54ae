"""SQL fragments that SQLite and PostgreSQL spell differently, in one place.

The store's hand-written SQL is SQLite's (the embedded default); where PostgreSQL needs
other words the fragment comes from here, chosen by the connection's dialect name.
"""

from __future__ import annotations

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
