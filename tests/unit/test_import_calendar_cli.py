"""``netwise import ics``: a calendar's meetings with contacts and its networking events,
through the real command line, on files the tests write around today."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

from tests.exchange.calendars import OUTLOOK_ZONE, calendar, event
from tests.unit.processes import run_netwise

CONTACTS = (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Jan de Vries\nN:de Vries;Jan;;;\n"
    "EMAIL:jan@example.nl\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Sophie Bakker\nN:Bakker;Sophie;;;\n"
    "EMAIL:sophie@example.nl\nEND:VCARD\n"
)
ME = "ORGANIZER;CN=Me:mailto:me@example.com"
JAN = 'ATTENDEE;CN="Jan de Vries";PARTSTAT=ACCEPTED:mailto:jan@example.nl'
SOPHIE_DECLINED = 'ATTENDEE;CN="Sophie Bakker";PARTSTAT=DECLINED:mailto:sophie@example.nl'
STRANGER = 'ATTENDEE;CN="Lena Vogel";PARTSTAT=ACCEPTED:mailto:lena@example.de'


def stamp(days_ago: int, hour: int, *, utc: bool = True) -> str:
    day = dt.date.today() - dt.timedelta(days=days_ago)
    return f"{day:%Y%m%d}T{hour:02d}0000" + ("Z" if utc else "")


def calendar_file(tmp_path: Path) -> Path:
    """A weekly meeting of mine with Jan (four times, Sophie declined), one Jan organised,
    a cancelled one, a meetup where I met Jan and a stranger; in an Outlook zone."""
    zone = "TZID=W. Europe Standard Time"
    text = calendar(
        event(
            "weekly-1",
            f"DTSTART;{zone}:{stamp(40, 9, utc=False)}",
            f"DTEND;{zone}:{stamp(40, 9, utc=False)[:-4]}3000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
            ME,
            JAN,
            SOPHIE_DECLINED,
            summary="Weekly sync",
        ),
        event(
            "jan-asks",
            f"DTSTART:{stamp(5, 14)}",
            f"DTEND:{stamp(5, 15)}",
            "ORGANIZER;CN=Jan de Vries:mailto:jan@example.nl",
            "ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com",
            summary="Advice on my move",
        ),
        event(
            "cancelled",
            f"DTSTART:{stamp(3, 10)}",
            f"DTEND:{stamp(3, 11)}",
            ME,
            JAN,
            "STATUS:CANCELLED",
            summary="Lunch",
        ),
        event(
            "meetup",
            f"DTSTART:{stamp(10, 17)}",
            f"DTEND:{stamp(10, 19)}",
            "LOCATION:Factory Berlin\\, Rheinsberger Str. 76",
            "ORGANIZER;CN=Lena Vogel:mailto:lena@example.de",
            JAN,
            "ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com",
            summary="Berlin Python Meetup",
        ),
        zones=OUTLOOK_ZONE,
        head="X-WR-CALNAME:me@example.com\n",
    )
    path = tmp_path / "work.ics"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def with_contacts(tmp_path: Path) -> Path:
    db = tmp_path / "mine.sqlite3"
    cards = tmp_path / "people.vcf"
    cards.write_text(CONTACTS, encoding="utf-8")
    assert run_netwise("--db", str(db), "import", "vcard", str(cards)).returncode == 0
    return db


MEETINGS = (
    "SELECT c.full_name, i.occurred_on, i.kind, i.initiated_by, i.minutes "
    "FROM interactions i JOIN contacts c ON c.id = i.contact_id ORDER BY i.occurred_on"
)


def test_meetings_and_a_networking_event_are_imported_once(tmp_path: Path) -> None:
    db = with_contacts(tmp_path)
    path = calendar_file(tmp_path)
    result = run_netwise("--db", str(db), "import", "ics", str(path))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "yours: me@example.com" in out
    assert "5 meetings held with others (3 hours) → 5 interactions with 1 contact" in out
    assert "1 networking event; 1 skipped: 1 cancelled" in out
    assert "Lena Vogel <lena@example.de>" in out and "1 stranger skipped" in out
    assert "Added 5 interactions with 1 contact and 1 event (1 contact met there)" in out
    meetings = rows(db, MEETINGS)
    weekly = [dt.date.today() - dt.timedelta(days=d) for d in (40, 33, 26, 19)]
    assert meetings == [
        *(("Jan de Vries", day.isoformat(), "meeting", "me", 30) for day in weekly),
        (
            "Jan de Vries",
            (dt.date.today() - dt.timedelta(days=5)).isoformat(),
            "meeting",
            "them",
            60,
        ),
    ]
    assert rows(db, "SELECT name, kind, place, hours_invested FROM events") == [
        ("Berlin Python Meetup", "meetup", "Factory Berlin, Rheinsberger Str. 76", 2.0)
    ]
    assert rows(
        db,
        "SELECT c.full_name, a.role FROM event_attendees a JOIN contacts c ON c.id = a.contact_id",
    ) == [("Jan de Vries", "met")]
    before = hashlib.sha256(repr(rows(db, "SELECT * FROM interactions")).encode()).hexdigest()

    again = run_netwise("--db", str(db), "import", "ics", str(path))
    assert again.returncode == 0, again.stderr
    assert "Added 0 interactions with 0 contacts and 0 events" in again.stdout
    assert (
        hashlib.sha256(repr(rows(db, "SELECT * FROM interactions")).encode()).hexdigest() == before
    )
    assert rows(db, "SELECT count(*) FROM events") == [(1,)]


def test_strangers_met_are_created_when_asked(tmp_path: Path) -> None:
    db = with_contacts(tmp_path)
    result = run_netwise(
        "--db", str(db), "import", "ics", str(calendar_file(tmp_path)), "--create-strangers"
    )
    assert result.returncode == 0, result.stderr
    assert "1 stranger created" in result.stdout
    assert rows(db, "SELECT address FROM contact_emails ORDER BY address") == [
        ("jan@example.nl",),
        ("lena@example.de",),
        ("sophie@example.nl",),
    ]
    met = "SELECT c.full_name FROM event_attendees a JOIN contacts c ON c.id = a.contact_id"
    assert sorted(rows(db, met)) == [("Jan de Vries",), ("Lena Vogel",)]


def test_a_file_that_is_no_calendar_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    db = with_contacts(tmp_path)
    before = db.read_bytes()
    broken = tmp_path / "notes.ics"
    broken.write_text("Shopping list\nmilk\n", encoding="utf-8")
    result = run_netwise("--db", str(db), "import", "ics", str(broken))
    assert result.returncode == 1
    assert "notes.ics" in result.stderr and "Nothing was imported." in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    dry = run_netwise("--db", str(db), "import", "ics", str(calendar_file(tmp_path)), "--dry-run")
    assert dry.returncode == 0 and "Dry run: nothing was written." in dry.stdout
    assert db.read_bytes() == before
