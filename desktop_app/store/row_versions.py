"""Which row versions this window wrote itself, so its undo is not refused over them.

A save or an undo based on version ``v`` of a row may go ahead when the row is still at
``v``, or when every version since was written by this same window (an edit, then a tag
added here, then undone: the edit's undo must still work). A version written by anyone
else in between refuses it. Versions are noted once their transaction has committed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Table, Update
from sqlalchemy.orm import Session

_PENDING = "netwise_versions"


def note_written(session: Session, table: str, rows: Iterable[tuple[int, int]]) -> None:
    """(row id, new version) pairs this transaction wrote; kept if it commits."""
    session.info.setdefault(_PENDING, []).extend((table, row_id, v) for row_id, v in rows)


def take_written(session: Session) -> list[tuple[str, int, int]]:
    return session.info.pop(_PENDING, [])


def only_own_since(
    own: set[tuple[str, int, int]], table: str, row_id: int, base: int, now: int
) -> bool:
    """Whether the row went from ``base`` to ``now`` by this window's writes alone."""
    return base <= now and all((table, row_id, v) in own for v in range(base + 1, now + 1))


def bump(session: Session, table: Table, statement: Update) -> None:
    """Run an UPDATE of ``table`` that moves its rows' versions on, noting the new ones."""
    rows = session.connection().execute(statement.returning(table.c.id, table.c.version))
    note_written(session, table.name, [(row.id, row.version) for row in rows])
