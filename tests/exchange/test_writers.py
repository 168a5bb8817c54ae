"""CSV out (spreadsheet-safe) and iCalendar out (accepted by calendar programs)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import stat
from pathlib import Path

import pytest
from icalendar import Calendar

from desktop_app.exchange.csv_out import neutralise, write_contacts_csv
from desktop_app.exchange.ical_out import write_calendar
from desktop_app.exchange.outfile import ExportFileError, atomic_text_output
from desktop_app.exchange.records import ContactRecord, EventRecord, FollowupRecord, Labelled


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=1+1", "'=1+1"),
        ('=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'),
        ("+49 30 1234", "'+49 30 1234"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Ann = great", "Ann = great"),
        ("", ""),
        ("Zoë 🚀", "Zoë 🚀"),
    ],
)
def test_neutralise(cell: str, safe: str) -> None:
    assert neutralise(cell) == safe


def test_contacts_csv_neutralises_every_column() -> None:
    record = ContactRecord(
        first_name="=cmd|' /C calc'!A0",
        last_name="Lee",
        company='=HYPERLINK("http://evil.example","click")',
        title="@boss",
        emails=[Labelled("-x@y.example")],
        phones=[Labelled("+1 555 0100")],
        notes='line one\nline two, with "quotes"',
        tags=["a", "b"],
    )
    out = io.StringIO(newline="")
    assert write_contacts_csv([record], out) == 1
    header, row = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    values = dict(zip(header, row, strict=True))
    for name, value in values.items():
        assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), name
    assert values["Company"] == '\'=HYPERLINK("http://evil.example","click")'
    assert values["Phone"] == "'+1 555 0100"
    assert values["Notes"] == 'line one\nline two, with "quotes"'
    assert values["Tags"] == "a; b"


def test_icalendar_entries_have_what_calendars_require() -> None:
    event = EventRecord(
        7,
        "Climate Meetup, Berlin; 2024",
        "meetup",
        dt.datetime(2024, 5, 3, 18, 30),
        2.5,
        "Kulturbrauerei",
        "Bring cards\nAsk about grid data",
        dt.datetime(2024, 1, 1),
        dt.datetime(2024, 2, 1),
        ("Ann Lee", "Bob Ray"),
    )
    followup = FollowupRecord(42, "Ann Lee", dt.date(2024, 6, 1), "call", "Ask about X", "Acme")
    out = io.BytesIO()
    now = dt.datetime(2024, 4, 1, 12, 0, tzinfo=dt.UTC)
    write_calendar([event], [followup], out, now=now)
    raw = out.getvalue()
    assert b"\r\n" in raw and raw.startswith(b"BEGIN:VCALENDAR\r\n")
    calendar = Calendar.from_ical(raw)
    assert str(calendar["version"]) == "2.0" and "NetWise" in str(calendar["prodid"])
    first, second = calendar.walk("VEVENT")
    for entry in (first, second):
        for required in ("uid", "dtstamp", "dtstart", "dtend", "summary"):
            assert required in entry, required
        assert entry["dtstamp"].dt == now
    assert str(first["summary"]) == "Climate Meetup, Berlin; 2024"
    assert first["dtend"].dt - first["dtstart"].dt == dt.timedelta(hours=2.5)
    assert "Ann Lee, Bob Ray" in str(first["description"])
    assert second["dtstart"].dt == dt.date(2024, 6, 1)
    assert str(second["summary"]) == "Follow up: Ann Lee (Acme)"
    # The same item keeps its UID from one export to the next; different items differ.
    again = io.BytesIO()
    write_calendar([event], [followup], again)
    assert [str(e["uid"]) for e in Calendar.from_ical(again.getvalue()).walk("VEVENT")] == [
        str(first["uid"]),
        str(second["uid"]),
    ]
    assert first["uid"] != second["uid"]


def test_export_file_is_private_and_all_or_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("previous export")
    with pytest.raises(RuntimeError), atomic_text_output(target) as stream:
        stream.write("half")
        raise RuntimeError("disk trouble")
    assert target.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
    with atomic_text_output(target) as stream:
        stream.write("new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with (
        pytest.raises(ExportFileError, match="cannot be written"),
        atomic_text_output(tmp_path / "no-such-folder" / "x.csv"),
    ):
        pass
