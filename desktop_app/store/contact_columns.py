"""The SQL behind each column of the contacts table: its value and how it sorts.

Each column is keyed by a short name the ui uses too. A column sorts in SQL by ``order``
terms that an index serves (migration 0002; on PostgreSQL 0009, which holds each
ORDER BY exactly, the id last): give a new sortable column its index on both.

Other features add columns (alignment and verdict, for instance) by listing them in
``EXTRA_COLUMNS``; values may come from any table joined through a subquery on ``c.id``.
Keep this module free of SQLAlchemy: the table reads through ``store.reader``.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.insights.verdicts import VERDICTS
from desktop_app.store.vocab import SENIORITY_RANK_SQL


@dataclass(frozen=True)
class Term:
    """One ORDER BY term, rendered for the database's dialect."""

    expression: str
    nocase: bool = False
    nulls_last: bool = False
    reverse: bool = False  # runs against the column's direction (highest first, ascending)
    never_null: bool = False  # a NOT NULL column: PostgreSQL needs no NULL placement

    def descends(self, descending: bool) -> bool:
        return descending != self.reverse

    def key(self, dialect: str) -> str:
        """The value compared, without direction."""
        if not self.nocase:
            return self.expression
        if dialect == "sqlite":
            return f"{self.expression} COLLATE NOCASE"
        return f"lower({self.expression})"

    def render(self, dialect: str, descending: bool) -> str:
        text = self.key(dialect)
        if self.descends(descending):
            text += " DESC"
        if self.nulls_last:
            text += " NULLS LAST"
        elif dialect != "sqlite" and not self.never_null:
            # SQLite sorts NULL as the smallest value; PostgreSQL as the largest. The
            # PostgreSQL indexes (migration 0009) put NULL first, read backwards last.
            text += " NULLS LAST" if self.descends(descending) else " NULLS FIRST"
        return text


@dataclass(frozen=True)
class ColumnSql:
    key: str
    value: str  # an SQL expression over the contacts table aliased ``c``
    order: tuple[Term, ...] = ()
    # SQL selecting the ``id`` of the contacts whose value equals ``:value``, through an
    # index (a facet on the column); without it the facet compares ``value`` row by row.
    ids_sql: str = ""
    # The table (aliased ``s``, keyed by ``contact_id``) whose index serves ``order``, when
    # it is not the contacts': its rows in that order, then any contact missing from it.
    sort_from: str = ""
    # Conditions on ``sort_from`` listed one after the other (reversed when descending),
    # each in ``order``: a rank no index holds, made of index scans.
    sort_parts: tuple[str, ...] = ()

    @property
    def sortable(self) -> bool:
        return bool(self.order)


NAME = Term("c.full_name", nocase=True)

BASE_COLUMNS: tuple[ColumnSql, ...] = (
    ColumnSql("name", "c.full_name", (NAME,)),
    ColumnSql("title", "c.title", (Term("c.title", nocase=True), NAME)),
    ColumnSql("company", "c.company", (Term("c.company", nocase=True), NAME)),
    ColumnSql("industry", "c.industry", (Term("c.industry", nocase=True), NAME)),
    # The rank expression reads exactly as the index of migration 0002 is built on.
    ColumnSql("seniority", "c.seniority", (Term(SENIORITY_RANK_SQL), NAME)),
    ColumnSql("circle", "c.circle", (Term("c.circle"), NAME)),
    ColumnSql("tags", "c.tags_text", (Term("c.tags_text", nocase=True, nulls_last=True), NAME)),
    ColumnSql("last_contact", "c.last_interaction_on", (Term("c.last_interaction_on"),)),
    ColumnSql(
        "next_followup", "c.next_followup_on", (Term("c.next_followup_on", nulls_last=True),)
    ),
)


def _score(expression: str) -> str:
    """``expression`` over the contact's cached score (``store.scores``): NULL until the
    contact is first scored, a moment after it is created."""
    return f"(SELECT {expression} FROM contact_scores s WHERE s.contact_id = c.id)"


VERDICT_SEPARATOR = "/"  # the verdict column reads "verdict/basis" (the basis: its tooltip)
SCORES = "contact_scores s"
# The verdict sorts best first (Prioritise ... Move on); within each, by reason, those still
# active first, then the most aligned first: a scan of the verdict index per verdict.
BY_VERDICT = tuple(f"s.verdict = '{verdict}'" for verdict in VERDICTS)
WITHIN_VERDICT = tuple(
    Term(f"s.{name}", reverse=True, never_null=True) for name in ("basis", "active", "alignment")
)

# Columns supplied by other features, appended after the base ones. The cached scores are
# read by primary key for the rows on screen and sort in their own narrow table through
# its indexes (~25 ms for alignment, ~75 ms for the verdict at 100,000 contacts; equal
# scores by id); the verdict facet uses the verdict's index.
EXTRA_COLUMNS: tuple[ColumnSql, ...] = (
    ColumnSql(
        "alignment",
        _score("s.alignment"),
        (Term("s.alignment", never_null=True),),
        sort_from=SCORES,
    ),
    ColumnSql(
        "verdict",
        _score(f"s.verdict || '{VERDICT_SEPARATOR}' || s.basis"),
        WITHIN_VERDICT,
        ids_sql="SELECT contact_id AS id FROM contact_scores WHERE verdict = :value",
        sort_from=SCORES,
        sort_parts=BY_VERDICT,
    ),
)


def all_columns() -> dict[str, ColumnSql]:
    return {column.key: column for column in (*BASE_COLUMNS, *EXTRA_COLUMNS)}
