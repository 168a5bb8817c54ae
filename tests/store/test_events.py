"""Events in the store: the list in SQL order, people met, and following up with them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from desktop_app.store import event_people, events
from desktop_app.store.models import Contact, Interaction

pytestmark = pytest.mark.both_databases

NOW = dt.datetime(2026, 11, 26, 12, 0)


def add_event(db, name: str, days: int, **extra) -> int:  # type: ignore[no-untyped-def]
    return events.create_event(
        db, events.EventInput(name=name, starts_at=NOW + dt.timedelta(days=days), **extra)
    )


def test_upcoming_past_search_and_sort(database) -> None:
    breakfast = add_event(database, "Product Breakfast", -10, kind="industry", cost_cents=1500)
    summit = add_event(database, "Climate Summit", 5, kind="conference", place="Lisbon")
    meetup = add_event(database, "Python Meetup", -3, kind="meetup", notes="talk on climate")
    query = events.EventQuery
    assert events.event_ids(database, query(view="upcoming"), NOW) == [summit]
    assert events.event_ids(database, query(view="past"), NOW) == [meetup, breakfast]
    assert events.event_ids(database, query(text="climate"), NOW) == [summit, meetup]
    assert events.event_ids(database, query(sort="name", descending=False), NOW) == [
        summit,
        breakfast,
        meetup,
    ]
    assert events.event_ids(database, query(sort="cost", descending=True), NOW)[0] == breakfast


def test_people_met_follow_ups_and_outcomes(database) -> None:
    event_id = add_event(database, "Alumni Evening", -2, kind="alumni", hours_invested=3)
    ann = event_people.create_contact_at_event(
        database, event_id, "Ann", "Okafor", company="Helix Cloud"
    ).value
    bo = event_people.create_contact_at_event(database, event_id, "Bo", "Chen").value
    cy = event_people.create_contact_at_event(
        database, event_id, "Cy", "Park", role="planned"
    ).value
    due = dt.date(2026, 11, 28)
    followed = event_people.follow_up_everyone_met(database, event_id, due).value
    assert sorted(followed) == [ann, bo]
    assert event_people.follow_up_everyone_met(database, event_id, due).value == []  # no doubles

    with database.transaction() as session:
        ann_row = session.get_one(Contact, ann)
        assert ann_row.how_met == "Met at Alumni Evening"
        assert ann_row.next_followup_on == due
        session.add(
            Interaction(
                contact_id=ann,
                event_id=event_id,
                occurred_on=due,
                kind="meeting",
                initiated_by="them",
            )
        )
        conversation = session.scalars(
            select(Interaction).where(Interaction.contact_id == bo)
        ).one()
        conversation.followup_done_at = NOW

    detail = event_people.event_detail(database, event_id)
    by_id = {a.contact_id: a for a in detail.attendees}
    assert [a.role for a in detail.attendees] == ["met", "met", "planned"]
    assert by_id[ann].outcome == "meeting" and by_id[ann].followup_due == due
    assert by_id[bo].followup_done and by_id[bo].outcome == ""
    assert by_id[cy].followup_due is None
    assert (detail.followups_created, detail.outcomes) == (2, 1)

    row = events.event_rows(database, [event_id])[event_id]
    assert (row.people_met, row.followups_done, row.outcomes) == (2, 1, 1)
    assert [e.name for e in event_people.events_of_contact(database, cy)] == ["Alumni Evening"]


def test_find_contacts_by_name_prefix(demo_database) -> None:
    found = event_people.find_contacts(demo_database, "am")
    assert found and all(
        name.lower().split()[0].startswith("am") or " am" in name.lower() for _, name, _ in found
    )
    assert event_people.find_contacts(demo_database, '"; DROP TABLE contacts; --') == []
