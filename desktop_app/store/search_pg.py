"""Full-text search over contacts on PostgreSQL: its own text search, as FTS5 on SQLite.

A GIN index on one expression — every searched field, accents removed, split into words
by the ``simple`` configuration (lower case, no stemming) — answers "every typed word as
a word prefix" as FTS5 does. It is an expression index rather than a column kept by
triggers: PostgreSQL keeps it right whatever writes the contacts. Tags are searched
through ``contacts.tags_text``, which the store keeps on every tag write.

``unaccent`` (a trusted extension shipped with PostgreSQL) is not IMMUTABLE, which an
index needs; ``netwise_unaccent`` wraps it with its dictionary named, the documented way.
Where the extension cannot be created, the wrapper returns the text as it is: search
then works, but an accent must be typed.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

INDEX = "ix_contacts_search"
UNACCENT = "netwise_unaccent"
_FIELDS = ("full_name", "title", "company", "industry", "location", "coalesce(tags_text, '')")
DOCUMENT = (
    f"to_tsvector('simple'::regconfig, {UNACCENT}(" + " || ' ' || ".join((*_FIELDS, "notes")) + "))"
)


def _define_unaccent(connection: Connection) -> None:
    try:
        with connection.begin_nested():
            connection.execute(text("CREATE EXTENSION IF NOT EXISTS unaccent"))
            schema = connection.execute(
                text(
                    "SELECT n.nspname FROM pg_extension e "
                    "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'"
                )
            ).scalar()
        body = f"SELECT {schema}.unaccent('{schema}.unaccent'::regdictionary, $1)"
    except DBAPIError:
        body = "SELECT $1"
    connection.execute(
        text(
            f"CREATE OR REPLACE FUNCTION {UNACCENT}(text) RETURNS text "
            f"LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ {body} $$"
        )
    )


def create_search(connection: Connection) -> None:
    _define_unaccent(connection)
    connection.execute(text(f"CREATE INDEX {INDEX} ON contacts USING gin ({DOCUMENT})"))


def drop_search(connection: Connection) -> None:
    connection.execute(text(f"DROP INDEX IF EXISTS {INDEX}"))
    connection.execute(text(f"DROP FUNCTION IF EXISTS {UNACCENT}(text)"))


def prefix_query(words: list[str]) -> str:
    """A to_tsquery text: every word (word characters only, so no query syntax) as a
    prefix, all of them required."""
    return " & ".join(f"{word}:*" for word in words)


# The document is written as the index's expression, so that the index answers.
MATCHING_IDS = (
    f"SELECT id FROM contacts WHERE {DOCUMENT} "
    f"@@ to_tsquery('simple'::regconfig, {UNACCENT}(:query))"
)
