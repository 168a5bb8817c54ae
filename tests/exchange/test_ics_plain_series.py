"""Plain series, expanded without icalendar's objects, give what recurring-ical-events gives.

Each calendar here is read by the import and, independently, by icalendar and
recurring-ical-events over the same period; the occurrences must be the same: starts,
ends and keys, across summer time, zones, UTC and floating times, intervals, weekdays,
counts, end dates, dates left out in another zone than the series', and occurrences moved
(to another day, another zone, or from a time the rule never gives).
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from desktop_app.exchange.ics_in import parse_calendar
from desktop_app.exchange.ics_lines import scan
from desktop_app.exchange.ics_plain_series import plain_occurrences
from desktop_app.exchange.ics_zones import ZoneResolver, recurrence_id_text, to_local
from tests.exchange.calendars import calendar, event

PERIOD = (dt.date(2024, 3, 1), dt.date(2025, 11, 30))
SPAN = (dt.datetime(2024, 3, 1), dt.datetime(2025, 12, 1))
LOCAL = ZoneInfo("America/Chicago")
# Zones with summer time on other days than Chicago's, a half-hour one, UTC, floating.
ZONES = ("Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Z", "")
RULES = (
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;INTERVAL=2",
    "FREQ=WEEKLY;BYDAY=MO,WE",
    "FREQ=DAILY;INTERVAL=3",
    "FREQ=MONTHLY;BYDAY=1TU",
    "FREQ=MONTHLY;BYMONTHDAY=31",
    "FREQ=WEEKLY;COUNT=12",
    "FREQ=DAILY;COUNT=40",
)


def _stamp(moment: dt.datetime, zone: str) -> str:
    if zone == "Z":
        return f":{moment:%Y%m%dT%H%M%S}Z"
    return f";TZID={zone}:{moment:%Y%m%dT%H%M%S}" if zone else f":{moment:%Y%m%dT%H%M%S}"


def _random_series(rng: random.Random, number: int) -> str:
    zone = rng.choice(ZONES)
    # Around the summer-time changes (March, October, November) as well as elsewhere.
    day = dt.date(2024, rng.choice((1, 3, 3, 9, 10, 10, 11)), rng.randrange(1, 29))
    start = dt.datetime.combine(day, dt.time(rng.choice((0, 1, 2, 3, 9, 23)), rng.choice((0, 30))))
    minutes = rng.choice((0, 30, 90, 24 * 60 + 15, -60))  # a DTEND before DTSTART too
    end_zone = rng.choice((zone, zone, "Z")) if zone else ""
    end = start + dt.timedelta(minutes=minutes)
    rule = rng.choice(RULES)
    if rng.random() < 0.3 and "COUNT" not in rule:
        until = start + dt.timedelta(days=rng.randrange(30, 500))
        rule += f";UNTIL={until:%Y%m%dT%H%M%S}" + ("Z" if zone else "")
    extra = [f"RRULE:{rule}"]
    for _ in range(rng.randrange(0, 3)):
        skipped = start + dt.timedelta(weeks=rng.randrange(0, 30))
        # Left out as written in the series' zone, in UTC, or at that wall-clock in another.
        shown = rng.choice((zone, "Z", "America/New_York")) if zone else ""
        if shown == "Z" and zone not in ("Z", ""):
            skipped = skipped.replace(tzinfo=ZoneInfo(zone)).astimezone(dt.UTC)
        extra.append("EXDATE" + _stamp(skipped.replace(tzinfo=None), shown))
    series = event(
        f"series-{number}",
        "DTSTART" + _stamp(start, zone),
        "DTEND" + _stamp(end, end_zone),
        *extra,
    )
    for _ in range(rng.choice((0, 0, 1, 2))):
        series += _moved(rng, number, start, zone)
    return series


def _moved(rng: random.Random, number: int, start: dt.datetime, zone: str) -> str:
    """An occurrence moved (or one the rule never gives: a few hours off its times)."""
    scheduled = start + dt.timedelta(weeks=rng.randrange(0, 40), hours=rng.choice((0, 0, 0, 5)))
    shown = rng.choice((zone, "Z")) if zone else ""
    if shown == "Z" and zone != "Z":
        scheduled = scheduled.replace(tzinfo=ZoneInfo(zone)).astimezone(dt.UTC)
    new_start = scheduled.replace(tzinfo=None) + dt.timedelta(hours=rng.choice((-30, 1, 26)))
    new_zone = rng.choice((zone, "Asia/Kolkata")) if zone else ""
    return event(
        f"series-{number}",
        "DTSTART" + _stamp(new_start, new_zone),
        "DTEND" + _stamp(new_start + dt.timedelta(minutes=45), new_zone),
        "RECURRENCE-ID" + _stamp(scheduled.replace(tzinfo=None), shown),
        summary="Moved",
    )


def _by_the_library(text: str) -> list[tuple[str, str, dt.datetime, dt.datetime]]:
    found = []
    for occurrence in recurring_ical_events.of(icalendar.Calendar.from_ical(text)).between(*SPAN):
        starts_at = to_local(occurrence["DTSTART"].dt, LOCAL)
        if PERIOD[0] <= starts_at.date() <= PERIOD[1]:
            key = f"{occurrence['UID']}#{recurrence_id_text(occurrence['RECURRENCE-ID'].dt)}"
            found.append((key, starts_at, to_local(occurrence["DTEND"].dt, LOCAL)))
    return sorted(found)


@pytest.mark.parametrize("seed", range(12))
def test_plain_series_match_recurring_ical_events(write, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    text = calendar(*(_random_series(rng, number) for number in range(25)))

    parsed = parse_calendar(write("c.ics", text), period=PERIOD, local_zone=LOCAL)

    assert parsed.problems == ()
    mine = sorted((o.key, o.starts_at, o.ends_at) for o in parsed.occurrences)
    assert mine == _by_the_library(text)


def test_a_weekly_meeting_with_a_day_off_and_one_moved_is_a_plain_series() -> None:
    text = calendar(
        event(
            "sync",
            "DTSTART;TZID=Europe/Berlin:20250303T090000",
            "DTEND;TZID=Europe/Berlin:20250303T093000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
            "EXDATE;TZID=Europe/Berlin:20250317T090000",
        ),
        event(
            "sync",
            "DTSTART;TZID=Europe/Berlin:20250325T140000",
            "DTEND;TZID=Europe/Berlin:20250325T150000",
            "RECURRENCE-ID;TZID=Europe/Berlin:20250324T090000",
        ),
    )
    series, moved = scan(text, "c.ics").events
    berlin = ZoneInfo("Europe/Berlin")

    def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(2025, 3, day, hour, minute, tzinfo=berlin)

    found = plain_occurrences([series, moved], "FREQ=WEEKLY;COUNT=4", ZoneResolver([]), SPAN, 1_000)

    assert found == [
        (series, at(3, 9), at(3, 9, 30), at(3, 9)),
        (series, at(10, 9), at(10, 9, 30), at(10, 9)),
        (moved, at(25, 14), at(25, 15), at(24, 9)),
    ]
