"""Series, their exceptions, and the keys that keep a second import from adding anything."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from desktop_app.exchange.ics_in import parse_calendar
from desktop_app.exchange.ics_records import ParsedCalendar
from tests.exchange.calendars import calendar, event

YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
BERLIN = ZoneInfo("Europe/Berlin")


def read(write, text: str, name: str = "c.ics", **options) -> ParsedCalendar:  # type: ignore[no-untyped-def]
    options.setdefault("period", YEAR_2025)
    options.setdefault("local_zone", BERLIN)
    return parse_calendar(write(name, text), **options)


def test_an_all_day_yearly_series(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        event(
            "birthday",
            "DTSTART;VALUE=DATE:19900520",
            "DTEND;VALUE=DATE:19900521",
            "RRULE:FREQ=YEARLY",
            summary="Claire's birthday",
        )
    )
    [birthday] = read(write, text).occurrences

    assert birthday.all_day
    assert (birthday.starts_at, birthday.ends_at) == (
        dt.datetime(2025, 5, 20),
        dt.datetime(2025, 5, 21),
    )
    assert birthday.minutes == 0
    assert birthday.key == "birthday#20250520"


def test_rdate_adds_and_exdate_removes_dates(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        event(
            "club",
            "DTSTART;TZID=Europe/Berlin:20250106T190000",
            "DTEND;TZID=Europe/Berlin:20250106T210000",
            "RRULE:FREQ=MONTHLY;BYDAY=1MO;COUNT=3",
            "RDATE;TZID=Europe/Berlin:20250115T190000",
            "EXDATE;TZID=Europe/Berlin:20250203T190000",
            summary="Book club",
        )
    )
    parsed = read(write, text)

    assert [o.starts_at for o in parsed.occurrences] == [
        dt.datetime(2025, 1, 6, 19, 0),
        dt.datetime(2025, 1, 15, 19, 0),
        dt.datetime(2025, 3, 3, 19, 0),
    ]
    assert all(o.minutes == 120 for o in parsed.occurrences)


def test_one_cancelled_occurrence_of_a_series(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        event(
            "sync",
            "DTSTART:20250106T080000Z",
            "DTEND:20250106T083000Z",
            "RRULE:FREQ=WEEKLY;COUNT=3",
        ),
        event(
            "sync",
            "DTSTART:20250113T080000Z",
            "DTEND:20250113T083000Z",
            "RECURRENCE-ID:20250113T080000Z",
            "STATUS:CANCELLED",
        ),
    )
    parsed = read(write, text)

    assert [(o.starts_at.day, o.cancelled) for o in parsed.occurrences] == [
        (6, False),
        (13, True),
        (20, False),
    ]


def test_a_moved_occurrence_without_its_series_is_read_alone(write) -> None:  # type: ignore[no-untyped-def]
    # Invited to one occurrence of somebody else's series: only the exception is exported.
    text = calendar(
        event(
            "their-series",
            "DTSTART:20250306T150000Z",
            "DTEND:20250306T160000Z",
            "RECURRENCE-ID:20250305T150000Z",
            summary="Guest talk",
        )
    )
    [talk] = read(write, text).occurrences

    assert talk.starts_at == dt.datetime(2025, 3, 6, 16, 0)
    assert talk.key == "their-series#20250305T150000Z"


def test_occurrences_count_where_they_were_moved_to(write) -> None:  # type: ignore[no-untyped-def]
    # Mondays 16 December 2024 to 6 January 2025; the last moved back into 2024 and the
    # one of 30 December moved into 2025.
    text = calendar(
        event("s", "DTSTART:20241216T090000Z", "", "RRULE:FREQ=WEEKLY;COUNT=4"),
        event("s", "DTSTART:20241231T090000Z", "", "RECURRENCE-ID:20250106T090000Z"),
        event("s", "DTSTART:20250102T090000Z", "", "RECURRENCE-ID:20241230T090000Z"),
    )
    parsed = read(write, text)

    assert [(o.starts_at.date(), o.key) for o in parsed.occurrences] == [
        (dt.date(2025, 1, 2), "s#20241230T090000Z")
    ]


def test_the_same_event_twice_is_one_occurrence(write) -> None:  # type: ignore[no-untyped-def]
    twice = event("dup", "DTSTART:20250310T100000Z", "", "SEQUENCE:1")
    parsed = read(write, calendar(twice, twice))

    assert [o.uid for o in parsed.occurrences] == ["dup"]


def test_events_without_uid_get_a_key_that_stays(write) -> None:  # type: ignore[no-untyped-def]
    def without_uid(start: str, title: str) -> str:
        return event("x", start, summary=title).replace("UID:x\n", "")

    text = calendar(
        without_uid("DTSTART:20250310T100000Z", "Coffee"),
        without_uid("DTSTART:20250311T100000Z", "Coffee"),
    )
    first = read(write, text, "one.ics")
    again = read(write, text, "two.ics")

    keys = [o.key for o in first.occurrences]
    assert keys == [o.key for o in again.occurrences]
    assert len(set(keys)) == 2
    assert all(key.startswith("netwise-") for key in keys)


def test_a_meeting_the_owner_declined_did_not_take_place_for_them(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        event(
            "m",
            "DTSTART:20250310T100000Z",
            "",
            "ORGANIZER:mailto:boss@example.com",
            "ATTENDEE;PARTSTAT=DECLINED:mailto:me@example.com",
            "ATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@example.com",
        )
    )
    parsed = read(write, text, owner_emails=["me@example.com"])

    [meeting] = parsed.occurrences
    assert not meeting.attended(parsed.owner_emails)
    assert [p.email for p in meeting.guests(parsed.owner_emails)] == [
        "boss@example.com",
        "ana@example.com",
    ]


def test_each_file_keeps_its_own_customized_time_zone(write) -> None:  # type: ignore[no-untyped-def]
    # Outlook calls every zone it cannot name "Customized Time Zone"; here UTC+1, then UTC-5.
    def outlook(offset: str) -> str:
        zone = (
            "BEGIN:VTIMEZONE\nTZID:Customized Time Zone\nBEGIN:STANDARD\n"
            f"DTSTART:16010101T000000\nTZOFFSETFROM:{offset}\nTZOFFSETTO:{offset}\n"
            "END:STANDARD\nEND:VTIMEZONE\n"
        )
        start = 'DTSTART;TZID="Customized Time Zone":20250310T100000'
        return calendar(event("weekly", start, "", "RRULE:FREQ=WEEKLY;COUNT=2"), zones=zone)

    europe = read(write, outlook("+0100"), "europe.ics", local_zone=ZoneInfo("UTC"))
    america = read(write, outlook("-0500"), "america.ics", local_zone=ZoneInfo("UTC"))

    assert [o.starts_at.hour for o in europe.occurrences] == [9, 9]
    assert [o.starts_at.hour for o in america.occurrences] == [15, 15]
