"""The contacts table's alignment and verdict columns in SQL: values, order and facet."""

from __future__ import annotations

import pytest
from sqlalchemy import text

import desktop_app.store.contacts_query as q
from desktop_app.insights.verdicts import VERDICTS
from desktop_app.store.reader import DatabaseReader
from desktop_app.store.records import ContactInput
from desktop_app.store.scores import ensure_insights_current

pytestmark = pytest.mark.both_databases


def scores(db) -> dict[int, tuple[int, str, str, bool]]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as connection:
        rows = connection.execute(
            text("SELECT contact_id, alignment, verdict, basis, active FROM contact_scores")
        )
        return {cid: (a, v, b, bool(active)) for cid, a, v, b, active in rows}


def test_rows_carry_the_cached_alignment_and_verdict(demo_database) -> None:
    ensure_insights_current(demo_database)
    reader = DatabaseReader(demo_database)
    stored = scores(demo_database)
    ids = sorted(stored)[:50]
    rows = q.fetch_rows(reader, ids, ["alignment", "verdict"])
    for contact_id in ids:
        alignment, verdict, basis, _active = stored[contact_id]
        assert rows[contact_id][1:] == (alignment, f"{verdict}/{basis}")


def test_alignment_and_verdict_sort_every_contact(demo_database) -> None:
    from desktop_app.store.contacts import create_contact

    ensure_insights_current(demo_database)
    # Created after the scoring: no score yet, listed after every scored contact.
    fresh = create_contact(demo_database, ContactInput(first_name="Zed", last_name="New")).value
    reader = DatabaseReader(demo_database)
    stored = scores(demo_database)
    for descending in (False, True):
        ids = q.sorted_ids(reader, q.SortOrder("alignment", descending))
        assert len(ids) == len(set(ids)) == q.count_contacts(reader)
        assert ids[-1] == fresh
        values = [stored[i][0] for i in ids[:-1]]
        assert values == sorted(values, reverse=descending)
    for descending in (False, True):
        ids = q.sorted_ids(reader, q.SortOrder("verdict", descending))
        # Best verdict first; within one, by reason, the active first, the most aligned first.
        keys = [(VERDICTS.index(stored[i][1]),) for i in ids[:-1]]
        assert keys == sorted(keys, reverse=descending) and ids[-1] == fresh
        within = [(stored[i][1], stored[i][2], stored[i][3], stored[i][0]) for i in ids[:-1]]
        for verdict in VERDICTS:
            group = [key[1:] for key in within if key[0] == verdict]
            assert group == sorted(group, reverse=not descending)
    archived = set(q.ordered_ids(reader, q.ContactFilter(status="archived")))
    for key in ("alignment", "verdict"):
        for descending in (False, True):
            order = q.SortOrder(key, descending)
            shown = [i for i in q.sorted_ids(reader, order) if i not in archived]
            assert q.first_ids(reader, order, 40) == shown[:40]
    first = q.first_ids(reader, q.SortOrder("alignment", True), 10)
    assert [stored[i][0] for i in first] == sorted((stored[i][0] for i in first), reverse=True)


def test_the_verdict_facet_uses_the_scores(demo_database) -> None:
    ensure_insights_current(demo_database)
    reader = DatabaseReader(demo_database)
    stored = scores(demo_database)
    everyone = q.ContactFilter(status=q.STATUS_ANY, equals=(("verdict", "move_on"),))
    ids = q.ordered_ids(reader, everyone)
    assert ids and set(ids) == {i for i, (_a, v, _b, _c) in stored.items() if v == "move_on"}
