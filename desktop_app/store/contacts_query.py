"""Which contacts the table shows, in which order, and the cells of a block of them.

The table holds contact ids only. ``sorted_ids`` lists every contact in the sort order
(one scan of an index, see migrations 0002 and 0009); each facet and the typed text
(through the FTS5 index) give a set of ids from an indexed query, and the sorted ids are
filtered by those sets in Python: at 100,000 contacts that is several times faster than
joining them into the sorted query, and a changed facet or keystroke never sorts again.
``fetch_rows`` reads the visible block.

Free of SQLAlchemy (see ``store.reader``): this module must load before it at start-up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import filterfalse
from typing import Any

from desktop_app.store.contact_columns import ColumnSql, all_columns
from desktop_app.store.dialect_sql import SQLITE, id_list
from desktop_app.store.reader import Reader
from desktop_app.store.vocab import SENIORITIES, SENIORITY_RANK_SQL

STATUS_NOT_ARCHIVED = "not_archived"
STATUS_ANY = "any"
SENIORITY_UNSET = "unset"
_ID_CHUNK = 500


@dataclass(frozen=True)
class ContactFilter:
    """What the user narrowed the table to. ``None`` in a facet means any value."""

    text: str = ""
    tag: str | None = None
    seniority: str | None = None  # a seniority, SENIORITY_UNSET, or None
    status: str = STATUS_NOT_ARCHIVED  # a status, STATUS_NOT_ARCHIVED or STATUS_ANY
    circle: str | None = None
    # (column key, value) pairs: facets over columns other features add.
    equals: tuple[tuple[str, Any], ...] = field(default=())

    def facets_only(self) -> ContactFilter:
        return replace(self, text="")


@dataclass(frozen=True)
class SortOrder:
    key: str = "name"
    descending: bool = False


@dataclass(frozen=True)
class FacetSets:
    """The facets as sets of ids: contacts must be in ``include`` (when given) and not in
    ``exclude``. Built from indexed queries, applied in Python to the sorted ids."""

    include: frozenset[int] | None
    exclude: frozenset[int]

    def apply(self, ids: Sequence[int]) -> list[int]:
        # filter() with a set's own method runs the loop in C: ~4 times a comprehension.
        found: Iterable[int] = ids
        if self.include is not None:
            found = filter((self.include - self.exclude).__contains__, found)
        elif self.exclude:
            found = filterfalse(self.exclude.__contains__, found)
        return list(found)


def _id_set(reader: Reader, sql: str, params: dict[str, Any] | None = None) -> frozenset[int]:
    return frozenset(_ids(reader, sql, params or {}))


def facet_sets(
    reader: Reader, facets: ContactFilter, columns: Mapping[str, ColumnSql] | None = None
) -> FacetSets:
    """Each facet's contacts through its index (the default, not archived, is a small
    exclusion rather than a large inclusion)."""
    columns = columns or all_columns()
    wanted: list[frozenset[int]] = []
    exclude: frozenset[int] = frozenset()
    if facets.status == STATUS_NOT_ARCHIVED:
        exclude = _id_set(reader, "SELECT id FROM contacts WHERE status = 'archived'")
    elif facets.status != STATUS_ANY:
        sql = "SELECT id FROM contacts WHERE status = :status"
        wanted.append(_id_set(reader, sql, {"status": facets.status}))
    if facets.seniority == SENIORITY_UNSET:
        sql = f"SELECT id FROM contacts WHERE {SENIORITY_RANK_SQL} IS NULL"
        wanted.append(_id_set(reader, sql))
    elif facets.seniority is not None:
        sql = f"SELECT id FROM contacts WHERE {SENIORITY_RANK_SQL} = :rank"
        wanted.append(_id_set(reader, sql, {"rank": SENIORITIES.index(facets.seniority) + 1}))
    if facets.circle is not None:
        sql = "SELECT id FROM contacts WHERE circle = :circle"
        wanted.append(_id_set(reader, sql, {"circle": facets.circle}))
    if facets.tag is not None:
        sql = (
            "SELECT ct.contact_id AS id FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id "
            "WHERE lower(t.name) = lower(:tag)"
        )
        wanted.append(_id_set(reader, sql, {"tag": facets.tag}))
    for key, value in facets.equals:
        column = columns[key]
        sql = column.ids_sql or f"SELECT c.id AS id FROM contacts c WHERE {column.value} = :value"
        wanted.append(_id_set(reader, sql, {"value": value}))
    include = None
    if wanted:
        include = wanted[0].intersection(*wanted[1:]) if len(wanted) > 1 else wanted[0]
    return FacetSets(include, exclude)


def _ids(reader: Reader, sql: str, params: dict[str, Any]) -> list[int]:
    """The first column of ``sql`` as a list of ints, in order.

    On SQLite and PostgreSQL the ids come back as one JSON array: parsing it costs a
    fraction of building 100,000 result tuples.
    """
    if reader.dialect in ("sqlite", "postgresql"):
        found = reader.value(id_list(reader.dialect, "id", f"({sql}) AS ordered"), params)
        return json.loads(found) if found else []
    return [row[0] for row in reader.rows(sql, params)]


def order_queries(dialect: str, column: ColumnSql, descending: bool, where: str = "") -> list[str]:
    """Queries whose ids, one list after the other, are every contact in ``column``'s order
    (``where``: a condition on the id, ``{id}`` standing for its column)."""
    terms, parts = column.order, column.sort_parts[::-1] if descending else column.sort_parts
    if dialect != SQLITE and terms and terms[0].nulls_last and not parts:
        # A PostgreSQL index reads NULL at one end, first going up: the contacts with a
        # value, then those without, so that they come last both ways from one index.
        key = terms[0].key(dialect)
        terms = (replace(terms[0], nulls_last=False), *terms[1:])
        parts = (f"{key} IS NOT NULL", f"{key} IS NULL")
    order = ", ".join(term.render(dialect, descending) for term in terms)
    # Ties follow the last term, so that one index scan serves the whole order.
    tie_descends = terms[-1].descends(descending) if terms else descending
    alias, source = (
        ("s.contact_id", column.sort_from) if column.sort_from else ("c.id", "contacts c")
    )
    tie = f"{alias} DESC" if tie_descends else alias
    conditions = [" AND ".join(c for c in (part, where.format(id=alias)) if c) for part in parts]
    return [
        f"SELECT {alias} AS id FROM {source} {f'WHERE {condition}' if condition else ''} "
        f"ORDER BY {order}, {tie}"
        for condition in conditions or [where.format(id=alias)]
    ]


def sorted_ids(
    reader: Reader, sort: SortOrder = SortOrder(), columns: Mapping[str, ColumnSql] | None = None
) -> list[int]:
    """Every contact's id in the sort order: one scan of the sort column's index (or a few:
    ``ColumnSql.sort_parts``); contacts a column's own table lacks come last."""
    columns = columns or all_columns()
    column = columns[sort.key] if columns[sort.key].order else columns["name"]
    descending = sort.descending and bool(columns[sort.key].order)
    ids: list[int] = []
    for sql in order_queries(reader.dialect, column, descending):
        ids.extend(_ids(reader, sql, {}))
    if column.sort_from and len(ids) < count_contacts(reader):
        lacking = f"c.id NOT IN (SELECT s.contact_id FROM {column.sort_from})"
        ids.extend(
            _ids(reader, f"SELECT c.id AS id FROM contacts c WHERE {lacking} ORDER BY c.id", {})
        )
    return ids


def first_ids(reader: Reader, sort: SortOrder, limit: int) -> list[int]:
    """The first ``limit`` contacts not archived, in the sort order: what the table shows
    first while the whole list is still being read (the index scan stops after them)."""
    column = all_columns()[sort.key]
    where = "{id} NOT IN (SELECT id FROM contacts WHERE status = 'archived')"
    found: list[int] = []
    for sql in order_queries(reader.dialect, column, sort.descending, where):
        found.extend(row[0] for row in reader.rows(f"{sql} LIMIT {int(limit) - len(found)}"))
        if len(found) >= limit:
            break
    return found


def count_not_archived(reader: Reader) -> int:
    return int(
        reader.value(
            "SELECT (SELECT count(*) FROM contacts) - "
            "(SELECT count(*) FROM contacts WHERE status = 'archived')"
        )
        or 0
    )


def ordered_ids(
    reader: Reader,
    facets: ContactFilter,
    sort: SortOrder = SortOrder(),
    columns: Mapping[str, ColumnSql] | None = None,
) -> list[int]:
    """Ids of the contacts passing the facets, in the sort order (the text is ignored)."""
    return facet_sets(reader, facets, columns).apply(sorted_ids(reader, sort, columns))


_WORD = re.compile(r"\w+", re.UNICODE)
_LIKE_FIELDS = (
    "c.full_name",
    "c.title",
    "c.company",
    "c.industry",
    "c.location",
    "coalesce(c.tags_text, '')",
    "c.notes",
)


def text_matches(reader: Reader, text: str) -> set[int] | None:
    """Ids of the contacts whose name, title, company, industry, location, tags or notes
    hold every word of ``text`` (as a word prefix); None when there is nothing to match."""
    if not _WORD.search(text):
        return None
    if reader.has_fulltext:
        from desktop_app.store.fulltext import FTS_TABLE, match_expression

        found = reader.value(
            f"SELECT json_group_array(rowid) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :match",
            {"match": match_expression(text)},
        )
        return set(json.loads(found)) if found else set()
    if reader.dialect == "postgresql":
        from desktop_app.store.search_pg import MATCHING_IDS, prefix_query

        return set(_ids(reader, MATCHING_IDS, {"query": prefix_query(_WORD.findall(text))}))
    return _like_matches(reader, _WORD.findall(text))


def _like_matches(reader: Reader, words: list[str]) -> set[int]:
    """The search without an FTS index (other databases): every word somewhere, any case."""
    fields = [f"lower({name})" for name in _LIKE_FIELDS]
    clauses, params = [], {}
    for number, word in enumerate(words):
        escaped = word.lower().replace("\\", "\\\\").replace("_", "\\_")
        params[f"w{number}"] = f"%{escaped}%"
        either = " OR ".join(f"{name} LIKE :w{number} ESCAPE '\\'" for name in fields)
        clauses.append(f"({either})")
    rows = reader.rows(f"SELECT c.id FROM contacts c WHERE {' AND '.join(clauses)}", params)
    return {row[0] for row in rows}


def keep_matching(ids: Sequence[int], matches: set[int] | None) -> list[int]:
    """``ids`` in their order, without those not in ``matches`` (all when it is None)."""
    if matches is None:
        return list(ids)
    return list(filter(matches.__contains__, ids))


def matching_ids(
    reader: Reader, contact_filter: ContactFilter, sort: SortOrder = SortOrder()
) -> list[int]:
    """Facets, sort and text in one call (the model keeps the steps apart to reuse them)."""
    ids = ordered_ids(reader, contact_filter.facets_only(), sort)
    return keep_matching(ids, text_matches(reader, contact_filter.text))


def _id_list(ids: Iterable[int]) -> str:
    return ", ".join(str(int(i)) for i in ids)


def fetch_rows(
    reader: Reader,
    ids: Sequence[int],
    keys: Sequence[str],
    columns: Mapping[str, ColumnSql] | None = None,
) -> dict[int, tuple[Any, ...]]:
    """``{id: (status, value of each key...)}`` for the contacts ``ids`` that still exist."""
    columns = columns or all_columns()
    values = ", ".join(columns[key].value for key in keys)
    found: dict[int, tuple[Any, ...]] = {}
    with reader.session() as run:
        for start in range(0, len(ids), _ID_CHUNK):
            chunk = ids[start : start + _ID_CHUNK]
            sql = (
                f"SELECT c.id, c.status, {values} FROM contacts c WHERE c.id IN ({_id_list(chunk)})"
            )
            for row in run(sql, None):
                found[row[0]] = row[1:]
    return found


def count_contacts(reader: Reader) -> int:
    return int(reader.value("SELECT count(*) FROM contacts") or 0)


def tag_names(reader: Reader, *, in_use: bool = False) -> list[str]:
    """Every tag name (or those on at least one contact), in alphabetical order."""
    where = "WHERE id IN (SELECT tag_id FROM contact_tags)" if in_use else ""
    order = "name COLLATE NOCASE" if reader.dialect == "sqlite" else "lower(name)"
    return [row[0] for row in reader.rows(f"SELECT name FROM tags {where} ORDER BY {order}")]
