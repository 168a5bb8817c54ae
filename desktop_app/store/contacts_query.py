"""Which contacts the table shows, in which order, and the cells of a block of them.

The table holds contact ids only. ``ordered_ids`` applies the facets and the sort in SQL
(each sort is one index scan, see migration 0002); ``text_matches`` asks the FTS5 index
which contacts match what the user typed, and ``keep_matching`` filters the ordered ids by
it in Python, which at 100,000 contacts is several times faster than joining the match
into the sorted query at every keystroke. ``fetch_rows`` reads the visible block.

Free of SQLAlchemy (see ``store.reader``): this module must load before it at start-up.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from desktop_app.store.contact_columns import ColumnSql, Term, all_columns
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


def _facet_sql(
    facets: ContactFilter, columns: Mapping[str, ColumnSql]
) -> tuple[str, dict[str, Any]]:
    """A WHERE clause and its parameters for the facets (never the text).

    Each facet is an ``IN (subquery)`` on an indexed column, so the outer query still walks
    the sort index in order and only probes a set per row.
    """
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if facets.status == STATUS_NOT_ARCHIVED:
        clauses.append("c.id NOT IN (SELECT id FROM contacts WHERE status = 'archived')")
    elif facets.status != STATUS_ANY:
        clauses.append("c.id IN (SELECT id FROM contacts WHERE status = :status)")
        params["status"] = facets.status
    if facets.seniority == SENIORITY_UNSET:
        clauses.append(f"c.id IN (SELECT id FROM contacts WHERE {SENIORITY_RANK_SQL} IS NULL)")
    elif facets.seniority is not None:
        clauses.append(f"c.id IN (SELECT id FROM contacts WHERE {SENIORITY_RANK_SQL} = :rank)")
        params["rank"] = SENIORITIES.index(facets.seniority) + 1
    if facets.circle is not None:
        clauses.append("c.id IN (SELECT id FROM contacts WHERE circle = :circle)")
        params["circle"] = facets.circle
    if facets.tag is not None:
        clauses.append(
            "c.id IN (SELECT ct.contact_id FROM contact_tags ct JOIN tags t "
            "ON t.id = ct.tag_id WHERE t.name = :tag)"
        )
        params["tag"] = facets.tag
    for number, (key, value) in enumerate(facets.equals):
        clauses.append(f"{columns[key].value} = :equals_{number}")
        params[f"equals_{number}"] = value
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


def _ids(reader: Reader, sql: str, params: dict[str, Any]) -> list[int]:
    """The first column of ``sql`` as a list of ints, in order.

    On SQLite the ids come back as one JSON array: parsing it costs a fraction of building
    100,000 result tuples.
    """
    if reader.dialect == "sqlite":
        found = reader.value(f"SELECT json_group_array(id) FROM ({sql})", params)
        return json.loads(found) if found else []
    return [row[0] for row in reader.rows(sql, params)]


def ordered_ids(
    reader: Reader,
    facets: ContactFilter,
    sort: SortOrder = SortOrder(),
    columns: Mapping[str, ColumnSql] | None = None,
) -> list[int]:
    """Ids of the contacts passing the facets, in the sort order (the text is ignored)."""
    columns = columns or all_columns()
    column = columns[sort.key]
    where, params = _facet_sql(facets, columns)
    terms: Sequence[Term] = column.order or columns["name"].order
    descending = sort.descending and bool(column.order)
    order = ", ".join(term.render(reader.dialect, descending) for term in terms)
    tie = "c.id DESC" if descending else "c.id"
    ids = _ids(reader, f"SELECT c.id AS id FROM contacts c {where} ORDER BY {order}, {tie}", params)
    if column.sort_keys is not None:
        ids = _sort_in_python(reader, ids, column.sort_keys, sort.descending)
    return ids


def _sort_in_python(reader: Reader, ids: list[int], sql: str, descending: bool) -> list[int]:
    """A stable sort of ``ids`` (already in name order) by keys no index can serve."""
    keys = {row[0]: (row[1] or "").casefold() for row in reader.rows(sql)}
    present = [i for i in ids if i in keys]
    present.sort(key=keys.__getitem__, reverse=descending)
    return present + [i for i in ids if i not in keys]


_WORD = re.compile(r"\w+", re.UNICODE)
_LIKE_FIELDS = ("c.full_name", "c.title", "c.company", "c.industry", "c.location", "c.notes")


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
    return _like_matches(reader, _WORD.findall(text))


def _like_matches(reader: Reader, words: list[str]) -> set[int]:
    """The search without an FTS index (other databases): every word somewhere, any case."""
    from desktop_app.store.contact_columns import TAGS_OF_CONTACT

    fields = [f"lower({name})" for name in _LIKE_FIELDS]
    fields.append(f"lower(coalesce({TAGS_OF_CONTACT}, ''))")
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
    return [i for i in ids if i in matches]


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
