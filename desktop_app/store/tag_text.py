"""``contacts.tags_text``: a contact's tag names joined in name order, kept by triggers.

The contacts table sorts by tags; at 100,000 contacts that needs an indexed column rather
than a concatenation per row. Untagged contacts hold NULL (they sort last). Like the
search index, triggers keep it right whatever writes the tags (on PostgreSQL triggers in
PL/pgSQL); other databases get it refreshed by the store's writes (``refresh_tags_text``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, text

from desktop_app.store.dialect_sql import SQLITE, joined

# group_concat has no ORDER BY before SQLite 3.44: the names are ordered in a subquery.
TAGS_TEXT_OF = (
    "(SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM contact_tags ct "
    "JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = {cid} ORDER BY lower(t.name)))"
)
_CREATE = [
    f"""CREATE TRIGGER contact_tags_text_insert AFTER INSERT ON contact_tags BEGIN
        UPDATE contacts SET tags_text = {TAGS_TEXT_OF.format(cid="new.contact_id")}
        WHERE id = new.contact_id;
    END""",
    f"""CREATE TRIGGER contact_tags_text_delete AFTER DELETE ON contact_tags BEGIN
        UPDATE contacts SET tags_text = {TAGS_TEXT_OF.format(cid="old.contact_id")}
        WHERE id = old.contact_id;
    END""",
    f"""CREATE TRIGGER tags_text_rename AFTER UPDATE OF name ON tags BEGIN
        UPDATE contacts SET tags_text = {TAGS_TEXT_OF.format(cid="contacts.id")}
        WHERE id IN (SELECT contact_id FROM contact_tags WHERE tag_id = new.id);
    END""",
]
_DROP = [
    "DROP TRIGGER IF EXISTS tags_text_rename",
    "DROP TRIGGER IF EXISTS contact_tags_text_delete",
    "DROP TRIGGER IF EXISTS contact_tags_text_insert",
]


# PostgreSQL: one trigger function, run for each changed row of contact_tags or tags.
_PG_SOURCE = "contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = contacts.id"
_PG_NAMES = joined("postgresql", "t.name", ", ", _PG_SOURCE, "lower(t.name)")
_PG_FUNCTION = f"""CREATE OR REPLACE FUNCTION netwise_tags_text() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'tags' THEN
        UPDATE contacts SET tags_text = {_PG_NAMES}
        WHERE id IN (SELECT contact_id FROM contact_tags WHERE tag_id = NEW.id);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE contacts SET tags_text = {_PG_NAMES}
        WHERE id = OLD.contact_id;
    ELSE
        UPDATE contacts SET tags_text = {_PG_NAMES}
        WHERE id = NEW.contact_id;
    END IF;
    RETURN NULL;
END $$"""
_PG_CREATE = [
    _PG_FUNCTION,
    "CREATE TRIGGER contact_tags_text AFTER INSERT OR DELETE ON contact_tags "
    "FOR EACH ROW EXECUTE FUNCTION netwise_tags_text()",
    "CREATE TRIGGER tags_text_rename AFTER UPDATE OF name ON tags "
    "FOR EACH ROW EXECUTE FUNCTION netwise_tags_text()",
]
_PG_DROP = [
    "DROP TRIGGER IF EXISTS tags_text_rename ON tags",
    "DROP TRIGGER IF EXISTS contact_tags_text ON contact_tags",
    "DROP FUNCTION IF EXISTS netwise_tags_text()",
]


def create_tag_text_triggers(connection: Connection) -> None:
    statements = _CREATE if connection.dialect.name == SQLITE else _PG_CREATE
    for statement in statements:
        connection.execute(text(statement))


def drop_tag_text_triggers(connection: Connection) -> None:
    statements = _DROP if connection.dialect.name == SQLITE else _PG_DROP
    for statement in statements:
        connection.execute(text(statement))


def refresh_tags_text(connection: Connection, contact_ids: Iterable[int] | None = None) -> None:
    """Recompute the column for ``contact_ids`` (every contact when None)."""
    dialect = connection.dialect.name
    if dialect == SQLITE:
        names = TAGS_TEXT_OF.format(cid="contacts.id")
    else:
        source = "contact_tags ct JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = contacts.id"
        names = joined(dialect, "t.name", ", ", source, "lower(t.name)")
    statement = f"UPDATE contacts SET tags_text = {names}"
    if contact_ids is None:
        connection.execute(text(statement))
        return
    ids = sorted(set(contact_ids))
    query = text(statement + " WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
    for start in range(0, len(ids), 500):
        connection.execute(query, {"ids": ids[start : start + 500]})


def refresh_unless_triggered(connection: Connection, contact_ids: Iterable[int]) -> None:
    """After tag writes: the triggers of SQLite and PostgreSQL did it already; other
    databases need it done."""
    if connection.dialect.name not in (SQLITE, "postgresql"):
        refresh_tags_text(connection, contact_ids)
