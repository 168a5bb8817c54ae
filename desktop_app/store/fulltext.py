"""Full-text search over contacts: an SQLite FTS5 index kept in step by triggers.

Triggers (rather than application code) keep the index right whatever writes the
contacts, imports and migrations included. On PostgreSQL its own text search does the
same (``search_pg``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, bindparam, text

FTS_TABLE = "contacts_fts"
_TAGS_OF = (
    "(SELECT coalesce(group_concat(t.name, ' '), '') FROM contact_tags ct "
    "JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = {cid})"
)

# The row being updated is named in full: a bare "rowid" inside the subquery is not the
# index's own and made every tag rename fail (fixed by migration 0002).
_RENAME_TRIGGER = f"""CREATE TRIGGER tags_fts_rename AFTER UPDATE OF name ON tags BEGIN
        UPDATE {FTS_TABLE} SET tags = {_TAGS_OF.format(cid=f"{FTS_TABLE}.rowid")}
        WHERE rowid IN (SELECT contact_id FROM contact_tags WHERE tag_id = new.id);
    END"""

_CREATE = [
    f"""CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(
        full_name, title, company, industry, location, tags, notes,
        tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3')""",
    f"""CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts BEGIN
        INSERT INTO {FTS_TABLE}(rowid, full_name, title, company, industry, location, tags, notes)
        VALUES (new.id, new.full_name, new.title, new.company, new.industry, new.location,
                {_TAGS_OF.format(cid="new.id")}, new.notes);
    END""",
    f"""CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER contacts_fts_update
        AFTER UPDATE OF full_name, title, company, industry, location, notes ON contacts BEGIN
        UPDATE {FTS_TABLE} SET full_name = new.full_name, title = new.title,
            company = new.company, industry = new.industry, location = new.location,
            notes = new.notes
        WHERE rowid = new.id;
    END""",
    f"""CREATE TRIGGER contact_tags_fts_insert AFTER INSERT ON contact_tags BEGIN
        UPDATE {FTS_TABLE} SET tags = {_TAGS_OF.format(cid="new.contact_id")}
        WHERE rowid = new.contact_id;
    END""",
    f"""CREATE TRIGGER contact_tags_fts_delete AFTER DELETE ON contact_tags BEGIN
        UPDATE {FTS_TABLE} SET tags = {_TAGS_OF.format(cid="old.contact_id")}
        WHERE rowid = old.contact_id;
    END""",
    _RENAME_TRIGGER,
]
_DROP = [
    "DROP TRIGGER IF EXISTS tags_fts_rename",
    "DROP TRIGGER IF EXISTS contact_tags_fts_delete",
    "DROP TRIGGER IF EXISTS contact_tags_fts_insert",
    "DROP TRIGGER IF EXISTS contacts_fts_update",
    "DROP TRIGGER IF EXISTS contacts_fts_delete",
    "DROP TRIGGER IF EXISTS contacts_fts_insert",
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


def create_contact_search(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return  # PostgreSQL's index reads tags_text: made with it (migration 0002)
    for statement in _CREATE:
        connection.execute(text(statement))


def drop_contact_search(connection: Connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    for statement in _DROP:
        connection.execute(text(statement))


def repair_tag_rename_trigger(connection: Connection) -> None:
    """Replace the tag-rename trigger of databases made before migration 0002."""
    if connection.dialect.name != "sqlite":
        return
    connection.execute(text("DROP TRIGGER IF EXISTS tags_fts_rename"))
    connection.execute(text(_RENAME_TRIGGER))


def rebuild_contact_search(connection: Connection) -> None:
    """Refill the index from the contacts table (after a bulk load with triggers off)."""
    if connection.dialect.name != "sqlite":
        return
    connection.execute(text(f"DELETE FROM {FTS_TABLE}"))
    connection.execute(
        text(
            f"""INSERT INTO {FTS_TABLE}(rowid, full_name, title, company, industry, location,
                tags, notes)
            SELECT c.id, c.full_name, c.title, c.company, c.industry, c.location,
                {_TAGS_OF.format(cid="c.id")}, c.notes FROM contacts c"""
        )
    )


_TOKEN = re.compile(r"\w+", re.UNICODE)


def match_expression(user_text: str) -> str | None:
    """An FTS5 MATCH expression for what the user typed: every word, as a prefix.

    User text never reaches FTS5's query syntax: only word characters are kept and
    each word is quoted, so ``AND``, ``*``, quotes or parentheses match literally.
    """
    words = _TOKEN.findall(user_text)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def _opened_for_ddl(connection: Connection) -> bool:
    """Whether DDL now runs inside the caller's transaction (SQLite only).

    Python's sqlite3 opens its transaction only before INSERT/UPDATE/DELETE: DDL issued
    earlier would be committed on the spot and survive a rollback. A write that changes
    nothing opens the transaction first; without one, triggers must be left alone.
    """
    connection.execute(text("UPDATE contacts SET id = id WHERE 0"))
    return bool(getattr(connection.connection.dbapi_connection, "in_transaction", False))


# Indexing many new contacts at once is several times faster than row by row through
# the insert trigger (one FTS5 insert statement instead of one per row).
BULK_INDEX_FROM = 1000


@contextmanager
def indexing_in_bulk(connection: Connection, first_id: int, count: int) -> Iterator[None]:
    """Inside the caller's transaction: contacts inserted from ``first_id`` on are indexed
    in one statement at the end instead of one by one.

    The insert trigger is dropped and created again within the same transaction, so a
    rollback restores it and other connections never see it missing.
    """
    if connection.dialect.name != "sqlite" or count < BULK_INDEX_FROM:
        yield
        return
    if not _opened_for_ddl(connection):
        yield
        return
    # A larger page cache for the many index pages a bulk insert touches (64 MB).
    previous = connection.execute(text("PRAGMA cache_size")).scalar()
    connection.execute(text("PRAGMA cache_size = -65536"))
    try:
        connection.execute(text("DROP TRIGGER contacts_fts_insert"))
        yield
        connection.execute(
            text(
                f"""INSERT INTO {FTS_TABLE}(rowid, full_name, title, company, industry,
                    location, tags, notes)
                SELECT c.id, c.full_name, c.title, c.company, c.industry, c.location,
                    {_TAGS_OF.format(cid="c.id")}, c.notes FROM contacts c
                WHERE c.id >= :first"""
            ),
            {"first": first_id},
        )
        connection.execute(text(_CREATE[1]))
    finally:
        connection.execute(text(f"PRAGMA cache_size = {int(previous or -2000)}"))


# Updating the index row by row through the update trigger costs about 0.3 ms a contact
# (FTS5 rewrites each document on its own); removing and adding them all at once, 0.04 ms.
BULK_REINDEX_FROM = 50
_CHUNK = 500


@contextmanager
def reindexing_in_bulk(connection: Connection, contact_ids: Collection[int]) -> Iterator[None]:
    """Inside the caller's transaction: contacts ``contact_ids`` updated in the block are
    indexed again in a few statements at the end instead of one by one.

    As with ``indexing_in_bulk``, the update trigger is dropped and created again within
    the transaction. Contacts of ``contact_ids`` that the block did not change are
    indexed again as they are, which changes nothing.
    """
    if (
        connection.dialect.name != "sqlite"
        or len(contact_ids) < BULK_REINDEX_FROM
        or not _opened_for_ddl(connection)
    ):
        yield
        return
    connection.execute(text("DROP TRIGGER contacts_fts_update"))
    yield
    ids = sorted(set(contact_ids))
    delete = text(f"DELETE FROM {FTS_TABLE} WHERE rowid IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    insert = text(
        f"""INSERT INTO {FTS_TABLE}(rowid, full_name, title, company, industry, location,
            tags, notes)
        SELECT c.id, c.full_name, c.title, c.company, c.industry, c.location,
            {_TAGS_OF.format(cid="c.id")}, c.notes FROM contacts c
        WHERE c.id IN :ids"""
    ).bindparams(bindparam("ids", expanding=True))
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        connection.execute(delete, {"ids": chunk})
        connection.execute(insert, {"ids": chunk})
    connection.execute(text(_CREATE[3]))
