"""The SQL behind each column of the contacts table: its value and how it sorts.

Each column is keyed by a short name the ui uses too. A column sorts either in SQL, by
``order`` terms an index can serve (see migration 0002), or, when no index can help, by a
``sort_keys`` query whose (contact id, key) rows are sorted in Python over the name order.

Other features add columns (alignment and verdict, for instance) by listing them in
``EXTRA_COLUMNS``; values may come from any table joined through a subquery on ``c.id``.
Keep this module free of SQLAlchemy: the table reads through ``store.reader``.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.store.vocab import SENIORITY_RANK_SQL

# group_concat has no ORDER BY before SQLite 3.44, so the names are ordered in a subquery.
TAGS_OF_CONTACT = (
    "(SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM contact_tags ct "
    "JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id ORDER BY t.name COLLATE NOCASE))"
)
TAG_SORT_KEYS = (
    "SELECT contact_id, group_concat(name, ', ') FROM (SELECT ct.contact_id AS contact_id, "
    "t.name AS name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
    "ORDER BY ct.contact_id, t.name COLLATE NOCASE) GROUP BY contact_id"
)


@dataclass(frozen=True)
class Term:
    """One ORDER BY term, rendered for the database's dialect."""

    expression: str
    nocase: bool = False
    nulls_last: bool = False

    def render(self, dialect: str, descending: bool) -> str:
        text = self.expression
        if self.nocase:
            text = f"{text} COLLATE NOCASE" if dialect == "sqlite" else f"lower({text})"
        if descending:
            text += " DESC"
        if self.nulls_last:
            text += " NULLS LAST"
        return text


@dataclass(frozen=True)
class ColumnSql:
    key: str
    value: str  # an SQL expression over the contacts table aliased ``c``
    order: tuple[Term, ...] = ()
    # SELECT contact_id, key: sorted in Python; contacts without a row sort last.
    sort_keys: str | None = None

    @property
    def sortable(self) -> bool:
        return bool(self.order) or self.sort_keys is not None


NAME = Term("c.full_name", nocase=True)

BASE_COLUMNS: tuple[ColumnSql, ...] = (
    ColumnSql("name", "c.full_name", (NAME,)),
    ColumnSql("title", "c.title", (Term("c.title", nocase=True), NAME)),
    ColumnSql("company", "c.company", (Term("c.company", nocase=True), NAME)),
    ColumnSql("industry", "c.industry", (Term("c.industry", nocase=True), NAME)),
    # The rank expression reads exactly as the index of migration 0002 is built on.
    ColumnSql("seniority", "c.seniority", (Term(SENIORITY_RANK_SQL), NAME)),
    ColumnSql("circle", "c.circle", (Term("c.circle"), NAME)),
    ColumnSql("tags", TAGS_OF_CONTACT, sort_keys=TAG_SORT_KEYS),
    ColumnSql("last_contact", "c.last_interaction_on", (Term("c.last_interaction_on"),)),
    ColumnSql(
        "next_followup", "c.next_followup_on", (Term("c.next_followup_on", nulls_last=True),)
    ),
)

# Columns supplied by other features, appended after the base ones.
EXTRA_COLUMNS: tuple[ColumnSql, ...] = ()


def all_columns() -> dict[str, ColumnSql]:
    return {column.key: column for column in (*BASE_COLUMNS, *EXTRA_COLUMNS)}
