"""Calendars as Google, Outlook, Apple and Thunderbird export them, read into occurrences."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop_app.exchange.ical_out import write_calendar
from desktop_app.exchange.ics_in import parse_calendar
from desktop_app.exchange.ics_records import CalendarOccurrence, ParsedCalendar
from desktop_app.exchange.records import EventRecord, FollowupRecord
from tests.exchange import calendars

YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
BERLIN = ZoneInfo("Europe/Berlin")


def read(write, name: str, text: str, **options) -> ParsedCalendar:  # type: ignore[no-untyped-def]
    options.setdefault("period", YEAR_2025)
    options.setdefault("local_zone", BERLIN)
    return parse_calendar(write(name, text), **options)


def titled(parsed: ParsedCalendar, title: str) -> list[CalendarOccurrence]:
    return [o for o in parsed.occurrences if o.title == title]


def test_google_export(write) -> None:  # type: ignore[no-untyped-def]
    parsed = read(write, "ana.lima@gmail.com.ics", calendars.GOOGLE)

    assert parsed.problems == ()
    assert parsed.name == "ana.lima@gmail.com"
    assert parsed.owner_emails == {"ana.lima@gmail.com"}
    [meetup] = titled(parsed, "Lisbon Tech Meetup #42")
    # 18:00 UTC is 19:00 in Berlin.
    assert (meetup.starts_at, meetup.ends_at) == (
        dt.datetime(2025, 3, 12, 19, 0),
        dt.datetime(2025, 3, 12, 21, 0),
    )
    assert meetup.minutes == 120
    assert meetup.place == "LX Factory, Rua Rodrigues de Faria 103, Lisboa"
    assert meetup.description == (
        "Talks on data engineering, then drinks.\nRSVP on the meetup page."
    )
    assert meetup.looks_like_networking
    assert not meetup.organised_by_owner  # the meetup group's calendar organised it
    # The owner is listed as an attendee under their address only; folded lines are joined.
    assert [(p.name, p.email, p.status) for p in meetup.attendees] == [
        ("", "ana.lima@gmail.com", "accepted"),
        ("Bruno Costa", "bruno.costa@example.pt", "needs-action"),
    ]
    assert meetup.key == "4k2j3h4k2j3hq0a9s8d7f6g5h4@google.com"
    assert meetup.recurrence_id == ""


def test_google_weekly_series_keeps_its_local_hour_across_summer_time(write) -> None:  # type: ignore[no-untyped-def]
    parsed = read(write, "google.ics", calendars.GOOGLE)

    mentoring = titled(parsed, "Mentoring: Marta")
    days = [o.starts_at.date() for o in mentoring]
    assert days[:4] == [
        dt.date(2025, 3, 3),
        dt.date(2025, 3, 10),
        dt.date(2025, 3, 24),  # 17 March is an EXDATE
        dt.date(2025, 3, 31),
    ]
    assert len(mentoring) == 43  # the 44 Mondays from 3 March to the year's end, less one
    # 09:30 in Lisbon is 10:30 in Berlin in winter and in summer alike.
    assert {o.starts_at.time() for o in mentoring} == {dt.time(10, 30)}
    # The recurrence id is the scheduled start in UTC: it moves with summer time.
    assert mentoring[0].recurrence_id == "20250303T093000Z"
    assert mentoring[4].recurrence_id == "20250407T083000Z"
    assert len({o.key for o in mentoring}) == 43
    assert all(o.organised_by_owner for o in mentoring)
    [first] = mentoring[:1]
    assert [p.email for p in first.guests(parsed.owner_emails)] == ["marta.silva@example.pt"]


def test_google_all_day_and_cancelled_events(write) -> None:  # type: ignore[no-untyped-def]
    parsed = read(write, "google.ics", calendars.GOOGLE)

    [volunteering] = titled(parsed, "Web Summit volunteer day")
    assert volunteering.all_day
    assert volunteering.starts_at == dt.datetime(2025, 4, 5)
    assert volunteering.ends_at == dt.datetime(2025, 4, 6)
    assert volunteering.minutes == 0
    assert volunteering.looks_like_networking
    [lunch] = titled(parsed, "Lunch with Bruno")
    assert lunch.cancelled
    assert not titled(parsed, "Web Summit volunteer day")[0].cancelled


def test_outlook_export_with_windows_zone_names(write) -> None:  # type: ignore[no-untyped-def]
    parsed = read(write, "Calendar.ics", calendars.OUTLOOK, owner_emails=["Me@Example.nl"])

    assert parsed.problems == ()
    assert parsed.encoding == "UTF-8"
    sync = [o for o in parsed.occurrences if o.uid == calendars.OUTLOOK_UID]
    # Mondays 6 January to 24 February (UNTIL), 20 January left out (EXDATE), and the
    # 13 January meeting moved to Tuesday 14 January at 14:00 (RECURRENCE-ID).
    assert [o.starts_at for o in sync] == [
        dt.datetime(2025, 1, 6, 9, 30),
        dt.datetime(2025, 1, 14, 14, 0),
        dt.datetime(2025, 1, 27, 9, 30),
        dt.datetime(2025, 2, 3, 9, 30),
        dt.datetime(2025, 2, 10, 9, 30),
        dt.datetime(2025, 2, 17, 9, 30),
        dt.datetime(2025, 2, 24, 9, 30),
    ]
    moved = sync[1]
    assert moved.title == "Weekly sync (moved to Tuesday)"
    assert moved.minutes == 60
    assert moved.place == "Room 4.12"
    assert moved.recurrence_id == "20250113T083000Z"  # the Monday it was scheduled for
    regular = sync[0]
    assert regular.title == "Weekly sync"
    assert regular.minutes == 30
    assert regular.organiser is not None
    assert regular.organiser.email == "pieter.jansen@example.nl"
    assert not regular.organised_by_owner
    # The meeting room Outlook invites is no person; Sophie declined.
    assert [p.email for p in regular.attendees] == [
        "jan.devries@example.nl",
        "sophie.bakker@example.nl",
    ]
    assert [p.email for p in regular.guests(parsed.owner_emails)] == [
        "pieter.jansen@example.nl",
        "jan.devries@example.nl",
    ]


def test_outlook_customized_zone_cancelled_and_all_day(write) -> None:  # type: ignore[no-untyped-def]
    parsed = read(
        write,
        "Calendar.ics",
        calendars.OUTLOOK,
        owner_emails=["me@example.nl"],
        local_zone=ZoneInfo("Europe/London"),
    )

    [review] = [o for o in parsed.occurrences if o.title == "Canceled: Design review"]
    # 10:00 in the file's own "Customized Time Zone" (UTC+1 in March) is 09:00 in London.
    assert review.starts_at == dt.datetime(2025, 3, 5, 9, 0)
    assert review.minutes == 90
    assert review.cancelled
    assert review.organised_by_owner
    [summit] = titled(parsed, "Data Summit Amsterdam")
    assert summit.all_day
    assert (summit.starts_at, summit.ends_at) == (
        dt.datetime(2025, 3, 13),
        dt.datetime(2025, 3, 15),
    )
    assert summit.looks_like_networking


def test_apple_export(write) -> None:  # type: ignore[no-untyped-def]
    parsed = read(write, "Work.ics", calendars.APPLE, local_zone=ZoneInfo("America/New_York"))

    assert parsed.problems == ()
    # Apple writes the owner as a path on its server, with the address beside it.
    assert parsed.owner_emails == {"me@icloud.com"}
    [mixer, coffee] = parsed.occurrences
    assert mixer.title == "Founders mixer"
    assert mixer.starts_at == dt.datetime(2025, 4, 15, 17, 0)
    assert mixer.place == "WeWork, 115 W 18th St, New York NY 10011, United States"
    assert mixer.looks_like_networking
    assert mixer.organised_by_owner
    assert [(p.name, p.email, p.status) for p in mixer.guests(parsed.owner_emails)] == [
        ("Priya Shah", "priya@example.com", "accepted"),  # the address from EMAIL=
        ("Sam Lee", "sam.lee@example.com", "tentative"),
    ]
    assert coffee.title == "Coffee with Priya"
    assert coffee.minutes == 45
    assert not coffee.organised_by_owner
    assert [p.email for p in coffee.guests(parsed.owner_emails)] == ["priya@example.com"]


def test_thunderbird_export(write) -> None:  # type: ignore[no-untyped-def]
    parsed = read(write, "Home.ics", calendars.THUNDERBIRD, owner_emails=["moi@example.fr"])

    assert parsed.problems == ()
    [conference] = [o for o in parsed.occurrences if o.title == "Conférence Web2Day"]
    assert conference.all_day
    assert (conference.starts_at.date(), conference.ends_at.date()) == (
        dt.date(2025, 6, 18),
        dt.date(2025, 6, 21),
    )
    assert conference.categories == ("Business", "Salon, Nantes")
    assert conference.looks_like_networking  # "Conférence", accent and all
    # An old Lightning zone name: "/mozilla.org/20070129_1/Europe/Paris".
    [lunch] = [o for o in parsed.occurrences if o.title == "Déjeuner avec Claire"]
    assert lunch.starts_at == dt.datetime(2025, 5, 20, 12, 30)
    assert lunch.minutes == 90
    assert [p.email for p in lunch.guests(parsed.owner_emails)] == ["claire.martin@example.fr"]
    weekly = [o for o in parsed.occurrences if o.title == "Point hebdo"]
    assert [o.starts_at.date() for o in weekly] == [
        dt.date(2025, 3, 20),
        dt.date(2025, 3, 27),
        dt.date(2025, 4, 3),
        dt.date(2025, 4, 10),
    ]  # COUNT=4


def test_reading_the_same_export_again_gives_the_same_keys(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = read(write, "one.ics", calendars.OUTLOOK)
    # A later export: the series changed its title; the keys of its occurrences stay.
    renamed = calendars.OUTLOOK.replace("Weekly sync\r\n", "Weekly team sync\r\n")
    second = read(write, "two.ics", renamed)

    assert [o.key for o in first.occurrences] == [o.key for o in second.occurrences]
    assert "Weekly team sync" in {o.title for o in second.occurrences}
    assert len({o.key for o in first.occurrences}) == len(first.occurrences)


def test_only_the_period_is_read(write) -> None:  # type: ignore[no-untyped-def]
    parsed = read(
        write, "google.ics", calendars.GOOGLE, period=(dt.date(2025, 3, 10), dt.date(2025, 3, 31))
    )

    assert [(o.starts_at.date(), o.title) for o in parsed.occurrences] == [
        (dt.date(2025, 3, 10), "Mentoring: Marta"),
        (dt.date(2025, 3, 12), "Lisbon Tech Meetup #42"),
        (dt.date(2025, 3, 24), "Mentoring: Marta"),
        (dt.date(2025, 3, 31), "Mentoring: Marta"),
    ]
    assert (parsed.period_start, parsed.period_end) == (dt.date(2025, 3, 10), dt.date(2025, 3, 31))


def test_default_period_is_two_years_back_and_ninety_days_ahead(write) -> None:  # type: ignore[no-untyped-def]
    today = dt.date.today()
    text = calendars.calendar(
        calendars.event("old", (today - dt.timedelta(days=800)).strftime("DTSTART:%Y%m%dT100000")),
        calendars.event(
            "recent", (today - dt.timedelta(days=700)).strftime("DTSTART:%Y%m%dT100000")
        ),
        calendars.event("soon", (today + dt.timedelta(days=80)).strftime("DTSTART:%Y%m%dT100000")),
        calendars.event(
            "later", (today + dt.timedelta(days=100)).strftime("DTSTART:%Y%m%dT100000")
        ),
    )
    parsed = parse_calendar(write("c.ics", text))

    assert [o.uid for o in parsed.occurrences] == ["recent", "soon"]
    assert parsed.occurrences[0].starts_at.time() == dt.time(10, 0)  # floating: as written


def test_netwise_own_calendar_export_reads_back(tmp_path: Path) -> None:
    events = [
        EventRecord(7, "Data Summit", "conference", dt.datetime(2025, 3, 13, 9, 0), 7.5, "RAI"),
        EventRecord(8, "Team lunch", "social", dt.datetime(2025, 3, 14, 12, 0)),
    ]
    followups = [FollowupRecord(3, "Ana Lima", dt.date(2025, 3, 20), "call", company="Acme")]
    path = tmp_path / "netwise.ics"
    with path.open("wb") as stream:
        write_calendar(events, followups, stream, now=dt.datetime(2025, 3, 1, tzinfo=dt.UTC))

    parsed = parse_calendar(path, period=YEAR_2025)

    assert parsed.problems == ()
    assert [(o.title, o.starts_at, o.minutes, o.all_day) for o in parsed.occurrences] == [
        ("Data Summit", dt.datetime(2025, 3, 13, 9, 0), 450, False),
        ("Team lunch", dt.datetime(2025, 3, 14, 12, 0), 60, False),
        ("Follow up: Ana Lima (Acme)", dt.datetime(2025, 3, 20), 0, True),
    ]
    assert parsed.occurrences[0].categories == ("conference",)
    assert parsed.occurrences[0].looks_like_networking
