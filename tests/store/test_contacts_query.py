"""The contacts table's queries: facets, every sort, text search, blocks of rows."""

from __future__ import annotations

import itertools

import pytest

from desktop_app.store import contacts_query as q
from desktop_app.store.contact_columns import BASE_COLUMNS, all_columns
from desktop_app.store.records import ContactInput

pytestmark = pytest.mark.both_databases


def names(reader, ids: list[int]) -> list[str]:  # type: ignore[no-untyped-def]
    rows = q.fetch_rows(reader, ids, ["name"])
    return [rows[i][1] for i in ids]


def test_archived_contacts_are_hidden_unless_asked_for(reader, network) -> None:
    shown = q.ordered_ids(reader, q.ContactFilter())
    assert network["Dora"] not in shown
    assert len(shown) == 4
    everyone = q.ordered_ids(reader, q.ContactFilter(status=q.STATUS_ANY))
    assert len(everyone) == 5
    archived = q.ordered_ids(reader, q.ContactFilter(status="archived"))
    assert archived == [network["Dora"]]


def test_names_sort_without_regard_to_case(reader, network) -> None:
    ids = q.ordered_ids(reader, q.ContactFilter(status=q.STATUS_ANY))
    assert names(reader, ids) == [
        "Ada Lovelace",
        "bob builder",
        "Chen Wei",
        "Dora Explorer",
        "Émile Zola",
    ]
    backwards = q.ordered_ids(
        reader, q.ContactFilter(status=q.STATUS_ANY), q.SortOrder("name", True)
    )
    assert backwards == ids[::-1]


@pytest.mark.parametrize(
    ("key", "ascending", "descending"),
    [
        ("title", "Émile bob Ada Chen Dora", "Dora Chen Ada bob Émile"),
        ("company", "bob Ada Dora Émile Chen", "Chen Émile Dora Ada bob"),
        ("industry", "bob Chen Émile Ada Dora", "Dora Ada Émile Chen bob"),
        ("seniority", "Émile Dora bob Chen Ada", "Ada Chen bob Dora Émile"),
        ("circle", "bob Dora Émile Ada Chen", "Chen Ada Émile Dora bob"),
        # Contacts without a tag or a follow-up stay last whichever the direction.
        ("tags", "bob Dora Ada Chen Émile", "Ada Dora bob Émile Chen"),
        ("next_followup", "Ada bob Chen Dora Émile", "Ada Émile Dora Chen bob"),
        ("last_contact", "bob Dora Émile Chen Ada", "Ada Chen Émile Dora bob"),
    ],
)
def test_every_column_sorts_both_ways(
    reader, network, key: str, ascending: str, descending: str
) -> None:
    by_id = {v: k for k, v in network.items()}
    everyone = q.ContactFilter(status=q.STATUS_ANY)
    for descend, expected in ((False, ascending), (True, descending)):
        ids = q.ordered_ids(reader, everyone, q.SortOrder(key, descend))
        assert " ".join(by_id[i] for i in ids) == expected


def test_facets_combine(reader, network) -> None:
    f = q.ContactFilter(status=q.STATUS_ANY, tag="climate")
    assert set(q.ordered_ids(reader, f)) == {network["Ada"], network["Dora"]}
    f = q.ContactFilter(status=q.STATUS_ANY, tag="CLIMATE", seniority="junior")
    assert q.ordered_ids(reader, f) == [network["Dora"]]
    f = q.ContactFilter(circle="new")
    assert set(q.ordered_ids(reader, f)) == {network["Ada"], network["Chen"]}
    f = q.ContactFilter(seniority=q.SENIORITY_UNSET)
    assert q.ordered_ids(reader, f) == [network["Émile"]]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("lov", {"Ada"}),  # last name, as a prefix
        ("helix", {"Ada"}),  # company (Dora works there too but is archived)
        ("product", {"Ada", "Chen"}),  # title
        ("alumni", {"bob"}),  # tag
        ("analytical", {"Ada"}),  # notes
        ("emile", {"Émile"}),  # accents do not matter
        ("product solaria", {"Chen"}),  # every word must match
        ('"AND (*', set()),  # query syntax is taken literally
        ("   ", {"Ada", "bob", "Chen", "Émile"}),  # nothing typed: everyone
    ],
)
def test_search_as_typed(reader, network, typed: str, expected: set[str]) -> None:
    ids = q.matching_ids(reader, q.ContactFilter(text=typed))
    by_id = {v: k for k, v in network.items()}
    assert {by_id[i] for i in ids} == expected


def test_search_without_the_fulltext_index_gives_the_same_answers(reader, network) -> None:
    for typed in ("helix", "product solaria", "alumni", "analytical"):
        with_index = q.text_matches(reader, typed)
        assert q._like_matches(reader, typed.split()) == with_index


def test_search_keeps_the_sort_order(reader, network) -> None:
    ids = q.matching_ids(
        reader, q.ContactFilter(text="product"), q.SortOrder("company", descending=True)
    )
    assert ids == [network["Chen"], network["Ada"]]


def test_rows_of_a_block(reader, network) -> None:
    keys = [c.key for c in BASE_COLUMNS]
    rows = q.fetch_rows(reader, [network["Ada"], network["Dora"], 99_999], keys)
    assert set(rows) == {network["Ada"], network["Dora"]}
    status, *values = rows[network["Ada"]]
    assert status == "active"
    assert dict(zip(keys, values, strict=True)) == {
        "name": "Ada Lovelace",
        "title": "Head of Product",
        "company": "Helix Cloud",
        "industry": "Software",
        "seniority": "executive",
        "circle": "new",
        "tags": "climate, mentor",
        "last_contact": "2025-03-04",
        "next_followup": "2025-03-16",
    }


def test_counts_and_tag_names(database, reader, network) -> None:
    from desktop_app.store.contacts import add_tag, create_contact

    assert q.count_contacts(reader) == 5
    assert q.tag_names(reader) == ["alumni", "climate", "mentor"]
    create_contact(database, ContactInput(first_name="Zed", tags=("zebra",)))
    add_tag(database, [network["bob"]], "Zoo")
    assert q.tag_names(reader, in_use=True)[-2:] == ["zebra", "Zoo"]


@pytest.mark.parametrize("key", [c.key for c in BASE_COLUMNS if c.order])
def test_sorts_are_index_scans_not_sorts(reader, key: str) -> None:
    """Each SQL sort reads one index in order: no temporary sort tree at 100,000 rows."""
    column = all_columns()[key]
    for descending in (False, True):
        order = ", ".join(t.render("sqlite", descending) for t in column.order)
        tie = "c.id DESC" if descending else "c.id"
        plan = reader.rows(
            f"EXPLAIN QUERY PLAN SELECT c.id FROM contacts c ORDER BY {order}, {tie}"
        )
        details = " | ".join(str(row[-1]) for row in plan)
        assert "TEMP B-TREE" not in details, details
        assert "COVERING INDEX" in details or key == "seniority", details


# PostgreSQL: every sort reads one index in order, the ties by id too (migration 0009).
# Its plain indexes put NULL last going up, where the table (as SQLite) shows it first,
# and hold no row id: these are made for that.
@pytest.mark.parametrize("key", [c.key for c in all_columns().values() if c.order])
def test_sorts_read_an_index_in_order_on_postgresql(reader, backend: str, key: str) -> None:
    if backend != "postgresql":
        pytest.skip("PostgreSQL's plans (SQLite's: the test above)")
    column = all_columns()[key]
    with reader.session() as run:
        for scan in ("seqscan", "bitmapscan"):  # a handful of rows: it would read them all
            run(f"SELECT set_config('enable_{scan}', 'off', false)", None)
        for descending, limit in itertools.product((False, True), (" LIMIT 40", "")):
            for sql in q.order_queries("postgresql", column, descending):
                plan = run(f"EXPLAIN {sql}{limit}", None)
                nodes = [str(row[0]).strip().removeprefix("->").strip() for row in plan]
                # No sort at all, not even of the ties: the index gives the whole order.
                assert not any("Sort" in node.split("  (")[0] for node in nodes), nodes
                scans = ("Index Scan", "Index Only Scan")
                assert any(node.startswith(scans) for node in nodes), nodes
