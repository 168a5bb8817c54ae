"""Bad calendar files: refused in one line naming the file, or read with problems listed."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop_app.exchange import ics_in
from desktop_app.exchange.errors import (
    EmptyFileError,
    FileTooLargeError,
    ImportFileError,
    NotTextError,
    WrongFormatError,
)
from desktop_app.exchange.ics_in import parse_calendar
from desktop_app.exchange.ics_records import ParsedCalendar
from tests.exchange.calendars import CUSTOM_ZONE, calendar, event

YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
BERLIN = ZoneInfo("Europe/Berlin")


def read(path: Path, **options) -> ParsedCalendar:  # type: ignore[no-untyped-def]
    return parse_calendar(path, period=YEAR_2025, local_zone=BERLIN, **options)


def problems(parsed: ParsedCalendar) -> list[str]:
    return [str(problem) for problem in parsed.problems]


@pytest.mark.parametrize(
    ("content", "error", "says"),
    [
        (b"", EmptyFileError, "empty"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", NotTextError, "PDF"),
        (b"First Name,Last Name\nAna,Lima\n", WrongFormatError, "not a calendar"),
        (
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Lima\r\nEND:VCARD\r\n",
            WrongFormatError,
            "address book (vCard)",
        ),
    ],
)
def test_files_that_are_no_calendar(write, content: bytes, error: type, says: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error) as caught:
        read(write("meetings.ics", content))
    assert caught.value.message.startswith("“meetings.ics”: ")
    assert says in caught.value.message


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.ics"
    with path.open("wb") as handle:  # sparse: no disk is used
        handle.truncate(ics_in.MAX_CALENDAR_FILE_BYTES + 1)
    with pytest.raises(FileTooLargeError, match=r"“huge\.ics”: the file is 64\.0 MB"):
        read(path)


def test_a_file_cut_short_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(event("a", "DTSTART:20250310T100000Z"))
    cut = text[: text.index("SUMMARY")]
    with pytest.raises(WrongFormatError) as caught:
        read(write("cut.ics", cut))
    assert caught.value.message == (
        "“cut.ics”: the VEVENT that begins on line 4 never ends: the file is cut short."
    )


def test_a_stray_end_names_its_line(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(event("a", "DTSTART:20250310T100000Z", "", "END:VTODO"))
    with pytest.raises(WrongFormatError) as caught:
        read(write("stray.ics", text))
    assert caught.value.message == ("“stray.ics”, line 9: END:VTODO where END:VEVENT was expected.")


def test_broken_lines_are_skipped_with_their_line_number(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        event("a", "DTSTART:20250310T100000Z", "DTEND:20250310T110000Z", "this is no property"),
        event("b", "DTSTART:20250311T100000Z", "", 'ATTENDEE;CN="Unclosed:mailto:x@example.com'),
    )
    parsed = read(write("broken.ics", text))

    assert [o.uid for o in parsed.occurrences] == ["a", "b"]
    assert parsed.occurrences[0].minutes == 60
    assert problems(parsed) == [
        "line 10: this line cannot be read; it was skipped.",
        "line 17: this line cannot be read; it was skipped.",
    ]


def test_a_file_of_mostly_broken_lines_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    garbage = [f"garbage line {n}" for n in range(20)]
    text = calendar(event("a", "DTSTART:20250310T100000Z", "", *garbage))
    with pytest.raises(WrongFormatError, match="20 of its 30 lines cannot be read"):
        read(write("garbage.ics", text))


def test_events_with_unreadable_or_missing_start_are_skipped(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        event("no-start", "LOCATION:Somewhere"),
        event("bad-start", "DTSTART:2025-03-10 10:00"),
        event("good", "DTSTART:20250312T100000Z"),
    )
    parsed = read(write("starts.ics", text))

    assert [o.uid for o in parsed.occurrences] == ["good"]
    assert problems(parsed) == [
        "line 4: the event has no start (DTSTART); skipped.",
        "line 13: the event's date or time cannot be read; skipped.",
    ]


def test_a_broken_time_zone_falls_back_to_its_name(write) -> None:  # type: ignore[no-untyped-def]
    broken = (
        "BEGIN:VTIMEZONE\nTZID:Europe/Lisbon\nBEGIN:STANDARD\nDTSTART:garbage\n"
        "TZOFFSETFROM:+99\nEND:STANDARD\nEND:VTIMEZONE\n"
    )
    text = calendar(
        event("a", "DTSTART;TZID=Europe/Lisbon:20250310T100000"),
        event("b", "DTSTART;TZID=Europe/Lisbon:20250310T100000", "", "RRULE:FREQ=DAILY;COUNT=2"),
        zones=broken,
    )
    parsed = read(write("zone.ics", text))

    # 10:00 in Lisbon (UTC in March) is 11:00 in Berlin, in both kinds of event.
    assert [(o.uid, o.starts_at) for o in parsed.occurrences] == [
        ("a", dt.datetime(2025, 3, 10, 11, 0)),
        ("b", dt.datetime(2025, 3, 10, 11, 0)),
        ("b", dt.datetime(2025, 3, 11, 11, 0)),
    ]
    assert problems(parsed) == [
        "line 4: the time zone “Europe/Lisbon” is broken; its name is used instead."
    ]


def test_a_broken_custom_zone_and_an_unknown_zone_are_taken_as_local_time(write) -> None:  # type: ignore[no-untyped-def]
    broken = CUSTOM_ZONE.replace("TZOFFSETTO:+0100", "TZOFFSETTO:one hour")
    text = calendar(
        event("a", 'DTSTART;TZID="Customized Time Zone":20250310T100000'),
        event(
            "b", "DTSTART;TZID=Atlantis/Poseidonia:20250311T100000", "", "RRULE:FREQ=DAILY;COUNT=2"
        ),
        zones=broken,
    )
    parsed = read(write("zones.ics", text))

    assert [(o.uid, o.starts_at) for o in parsed.occurrences] == [
        ("a", dt.datetime(2025, 3, 10, 10, 0)),
        ("b", dt.datetime(2025, 3, 11, 10, 0)),
        ("b", dt.datetime(2025, 3, 12, 10, 0)),
    ]
    assert problems(parsed) == [
        "line 4: the time zone “Customized Time Zone” is broken; "
        "its times are taken as local time.",
        "line 28: the time zone “Atlantis/Poseidonia” is unknown; its times are taken as local.",
    ]


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=SECONDLY",  # every second since 2020, endless
        "FREQ=MINUTELY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR",
        "FREQ=HOURLY;COUNT=2000000000",
    ],
)
def test_a_rule_repeating_too_often_is_skipped_without_hanging(write, rule: str) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        event("flood", "DTSTART:20200101T000000Z", "DTEND:20200101T000001Z", f"RRULE:{rule}"),
        event("real", "DTSTART:20250310T100000Z"),
    )
    started = time.perf_counter()
    parsed = read(write("flood.ics", text))

    assert time.perf_counter() - started < 2
    assert [o.uid for o in parsed.occurrences] == ["real"]
    assert len(parsed.problems) == 1
    assert parsed.problems[0].line == 10  # its RRULE
    assert "too often to be meetings; skipped" in parsed.problems[0].message


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30",  # 30 February: dateutil alone walks to 9999
        "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5",
        "FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=31;UNTIL=29991231T000000Z",
    ],
)
def test_a_rule_that_never_matches_ends_with_the_period(write, rule: str) -> None:  # type: ignore[no-untyped-def]
    text = calendar(event("never", "DTSTART:20250101T090000Z", "", f"RRULE:{rule}"))
    started = time.perf_counter()
    parsed = read(write("never.ics", text))

    assert time.perf_counter() - started < 2
    # Only the first date, which a calendar always shows.
    assert [o.starts_at for o in parsed.occurrences] == [dt.datetime(2025, 1, 1, 10, 0)]
    assert problems(parsed) == [
        "line 9: its repeat rule is not followed (no date matches it); only its first date is kept."
    ]


def test_an_endless_daily_meeting_is_expanded_over_the_period_only(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(event("standup", "DTSTART:20100104T080000Z", "", "RRULE:FREQ=DAILY"))
    parsed = read(write("standup.ics", text))

    assert len(parsed.occurrences) == 365
    assert parsed.occurrences[0].starts_at == dt.datetime(2025, 1, 1, 9, 0)
    assert parsed.occurrences[-1].starts_at == dt.datetime(2025, 12, 31, 9, 0)


def test_an_unreadable_rule_keeps_the_first_date(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(event("odd", "DTSTART:20250310T100000Z", "", "RRULE:FREQ=FORTNIGHTLY"))
    parsed = read(write("odd.ics", text))

    assert [o.starts_at for o in parsed.occurrences] == [dt.datetime(2025, 3, 10, 11, 0)]
    assert problems(parsed) == [
        "line 9: its repeat rule cannot be read (FREQ=FORTNIGHTLY); only its first date is kept."
    ]


def test_too_many_meetings_in_the_period_are_refused(write, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ics_in, "MAX_OCCURRENCES", 100)
    text = calendar(event("standup", "DTSTART:20250101T080000Z", "", "RRULE:FREQ=DAILY"))
    with pytest.raises(FileTooLargeError) as caught:
        read(write("busy.ics", text))
    assert caught.value.message == (
        "“busy.ics”: the calendar holds more than 100 meetings between 1 Jan 2025 and "
        "31 Dec 2025; import a shorter period."
    )


def test_untrusted_text_is_cleaned_and_cut(write) -> None:  # type: ignore[no-untyped-def]
    long_title = "Strategy " * 40
    text = calendar(
        event(
            "a",
            "DTSTART:20250310T100000Z",
            "",
            "DESCRIPTION:" + "Notes. " * 2000,
            'ATTENDEE;CN="Eve\x1b]0;owned\x07 \u202eredaeH":mailto:eve@example.com',
            "LOCATION:Room\x7f 12",
            summary="Quarterly\x1b[2J review",
        ),
        event("b", "DTSTART:20250311T100000Z", summary=long_title),
    )
    parsed = read(write("untrusted.ics", text))

    first, second = parsed.occurrences
    assert first.title == "Quarterly[2J review"
    assert first.place == "Room 12"
    assert first.attendees[0].name == "Eve]0;owned redaeH"
    assert len(first.description) == 10_000
    assert first.description.endswith("…")
    assert len(second.title) == 300
    assert problems(parsed) == [
        "line 4: The description is longer than 10,000 characters; cut.",
        "line 13: The title is longer than 300 characters; cut.",
    ]


def test_an_old_outlook_file_in_windows_1252(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(event("a", "DTSTART:20250310T100000Z", summary="Café with José"))
    parsed = read(write("old.ics", text.encode("cp1252")))

    assert parsed.encoding == "Windows-1252"
    assert parsed.occurrences[0].title == "Café with José"


def test_every_refusal_is_an_import_file_error(write) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportFileError):
        read(write("x.ics", "BEGIN:VCALENDAR\r\n"))


def test_problems_of_events_outside_the_period_are_not_reported(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        event("old", "DTSTART:20190310T100000Z", summary="Strategy " * 40),
        event("new", "DTSTART:20250310T100000Z"),
    )
    parsed = read(write("old.ics", text))

    assert [o.uid for o in parsed.occurrences] == ["new"]
    assert parsed.problems == ()


def test_broken_parts_of_a_series_are_skipped_and_the_rest_read(write) -> None:  # type: ignore[no-untyped-def]
    text = calendar(
        # Twice the same start: icalendar would make a list of them.
        event(
            "twice",
            "DTSTART:20250303T100000Z",
            "",
            "DTSTART:20250304T100000Z",
            "RRULE:FREQ=WEEKLY;COUNT=2",
        ),
        # An EXDATE that is no date, and an exception whose RECURRENCE-ID is no date.
        event("odd", "DTSTART:20250310T100000Z", "", "RRULE:FREQ=DAILY;COUNT=2", "EXDATE:soon"),
        event("odd", "DTSTART:20250311T150000Z", "", "RECURRENCE-ID:2025"),
        # A series without a start cannot be placed at all.
        event("nowhen", "RRULE:FREQ=DAILY;COUNT=2"),
    )
    parsed = read(write("series.ics", text))

    assert [(o.uid, o.starts_at) for o in parsed.occurrences] == [
        ("twice", dt.datetime(2025, 3, 3, 11, 0)),
        ("twice", dt.datetime(2025, 3, 10, 11, 0)),
        ("odd", dt.datetime(2025, 3, 10, 11, 0)),
        ("odd", dt.datetime(2025, 3, 11, 11, 0)),
    ]
    assert problems(parsed) == [
        "line 18: these dates cannot be read; skipped.",
        "line 25: the event's date or time cannot be read; skipped.",
        "line 27: the event has no start (DTSTART); skipped.",
    ]
