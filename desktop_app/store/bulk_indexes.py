"""Adding many rows to a table: its indexes are built once afterwards.

Inserting 90,000 contacts into a table of 10,000 updates thirteen indexes 90,000 times
each, at random places; dropping them and creating them again after the insert sorts each
once, which is about twice as fast. The sort covers the whole table, so it pays only when
the new rows are a good share of it. Measured (all contact indexes, 2 cores): into 10,000
contacts, 9,000 new ones cost 930 ms row by row and 300 ms rebuilt, 2,000 new ones 220 and
190 ms; into 100,000 contacts, 10,000 new ones cost 1.3 s row by row and 2.4 s rebuilt,
40,000 new ones 3.5 and 2.6 s. Hence a rebuild from a quarter of the rows there.

Both happen inside the caller's transaction, so a rollback (an error, a cancelled import)
restores the indexes as they were and other connections never see them missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

# Below this many new rows, updating the indexes row by row costs too little to matter.
REBUILD_FROM = 2_000
# Rebuilt when the new rows are at least this share of the rows already there.
REBUILD_SHARE = 0.25


@contextmanager
def indexes_rebuilt(connection: Connection, table: str, adding: int) -> Iterator[None]:
    """Around the insert of ``adding`` rows into ``table``: its indexes made afterwards,
    when the rows added are at least ``REBUILD_SHARE`` of the rows there."""
    if connection.dialect.name != "sqlite" or adding < REBUILD_FROM:
        yield
        return
    existing = connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar() or 0
    # DDL before the first write would be committed at once (Python's sqlite3 opens its
    # transaction only before INSERT/UPDATE/DELETE): a write that changes nothing first.
    connection.exec_driver_sql(f"UPDATE {table} SET rowid = rowid WHERE 0")
    in_transaction = getattr(connection.connection.dbapi_connection, "in_transaction", False)
    if adding < existing * REBUILD_SHARE or not in_transaction:
        yield
        return
    indexes = connection.execute(
        text(
            "SELECT name, sql FROM sqlite_master "
            "WHERE type = 'index' AND tbl_name = :table AND sql IS NOT NULL"
        ),
        {"table": table},
    ).all()
    for name, _ in indexes:
        connection.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        connection.exec_driver_sql(sql)


@contextmanager
def rewritten_whole(connection: Connection, table: str) -> Iterator[None]:
    """Around replacing every row of ``table``: its triggers and indexes are set aside and
    made again afterwards, inside the caller's transaction.

    Without triggers, ``DELETE FROM table`` empties it at once instead of row by row, and
    rows go in without an index to update each time (100,000 cached scores: 3.2 s written
    row by row with triggers and indexes). The caller sums whatever the triggers kept.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    connection.exec_driver_sql(f"UPDATE {table} SET rowid = rowid WHERE 0")  # see above
    if not getattr(connection.connection.dbapi_connection, "in_transaction", False):
        yield
        return
    kept = connection.execute(
        text(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = :table "
            "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type"
        ),
        {"table": table},
    ).all()
    for kind, name, _ in kept:
        connection.exec_driver_sql(f'DROP {kind.upper()} "{name}"')
    yield
    for _, _, sql in kept:  # indexes first ("index" sorts before "trigger")
        connection.exec_driver_sql(sql)
