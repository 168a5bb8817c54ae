"""The benchmark's calendar, at a small size, imported whole: what it adds is pinned.

A busy work calendar (tests/bench/ics_files.py) of 400 events, 40 of them weekly or
fortnightly series with a moved occurrence or a day left out, read over its two years and
written into an empty database with every stranger made a contact. However the reading,
planning or writing is made faster, these figures stay.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.exchange.ics_in import default_period, parse_calendar_bytes
from desktop_app.store.calendar_evidence import apply_calendar_plan, plan_calendar_import
from tests.bench.ics_files import calendar_text

pytestmark = pytest.mark.both_databases

TODAY = dt.date(2026, 12, 4)
NOW = dt.datetime(2026, 12, 4, 12, 0)
ZONE = dt.timezone(dt.timedelta(hours=-5))
OCCURRENCES, REPEATS = 2_136, 1_776
MEETINGS, MINUTES = 1_555, 82_590
SKIPPED = {"cancelled": 106, "still ahead": 355, "nobody else": 14}
INTERACTIONS, EVENTS, PEOPLE_MET, STRANGERS = 5_546, 106, 405, 990


def test_the_bench_calendar_adds_the_same_meetings_events_and_people(database) -> None:  # type: ignore[no-untyped-def]
    text = calendar_text(400, 40, today=TODAY)
    calendar = parse_calendar_bytes(
        text.encode(), "calendar.ics", period=default_period(TODAY), local_zone=ZONE
    )
    plan = plan_calendar_import(database, calendar, now=NOW)
    plan.create_strangers = True

    result = apply_calendar_plan(database, plan, now=NOW)

    assert calendar.problems == ()
    assert len(calendar.occurrences) == OCCURRENCES
    assert sum(1 for o in calendar.occurrences if o.recurrence_id) == REPEATS
    assert (plan.meetings, plan.minutes, dict(plan.skipped)) == (MEETINGS, MINUTES, SKIPPED)
    assert result.interactions.added == INTERACTIONS
    assert (result.events_added, result.people_met) == (EVENTS, PEOPLE_MET)
    assert (result.strangers_created, result.strangers_skipped) == (STRANGERS, 0)
