"""Evidence files for the window's import tests: LinkedIn's data export (as a ZIP, a folder)
and a calendar around today, with a database seeded with the contacts they name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tests.exchange.calendars import OUTLOOK_ZONE, calendar, event
from tests.exchange.linkedin_export import EXPORT, write_folder, write_zip
from tests.ui.importing import query

# Contacts known before the import: Cleo (by her profile address) and Jan (by e-mail).
CLEO_AND_JAN = (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Cleo Dubois\nN:Dubois;Cleo;;;\n"
    "URL:https://www.linkedin.com/in/cleo-dubois\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Jan de Vries\nN:de Vries;Jan;;;\n"
    "EMAIL:jan@example.nl\nEND:VCARD\n"
)
ME = "ORGANIZER;CN=Me:mailto:me@example.com"
JAN = 'ATTENDEE;CN="Jan de Vries";PARTSTAT=ACCEPTED:mailto:jan@example.nl'
LENA = 'ATTENDEE;CN="Lena Vogel";PARTSTAT=ACCEPTED:mailto:lena@example.de'


def seed_contacts(db_path: Path) -> None:
    """Cleo Dubois and Jan de Vries, imported with the store before the window opens."""
    from desktop_app.exchange.vcard_in import parse_vcard
    from desktop_app.store.database import open_database
    from desktop_app.store.importer import import_file

    db_path.parent.mkdir(parents=True, exist_ok=True)
    source = db_path.parent / "known.vcf"
    source.write_text(CLEO_AND_JAN, encoding="utf-8")
    db = open_database(str(db_path))
    try:
        import_file(db, parse_vcard(source))
    finally:
        db.close()


def export_zip(folder: Path, name: str = "Basic_LinkedInDataExport_06-30-2026.zip") -> Path:
    return write_zip(folder / name, dict(EXPORT))


def export_folder(folder: Path) -> Path:
    target = folder / "Basic_LinkedInDataExport_06-30-2026"
    target.mkdir()
    return write_folder(target, {k: v for k, v in EXPORT.items() if isinstance(v, str)})


def _stamp(days_ago: int, hour: int, *, utc: bool = True) -> str:
    day = dt.date.today() - dt.timedelta(days=days_ago)
    return f"{day:%Y%m%d}T{hour:02d}0000" + ("Z" if utc else "")


def calendar_file(folder: Path, name: str = "work.ics") -> Path:
    """A weekly sync of mine with Jan (four times), one Jan organised, a cancelled lunch,
    a meetup with Jan and Lena (a stranger), and a dinner with Lena; an Outlook zone."""
    zone = "TZID=W. Europe Standard Time"
    text = calendar(
        event(
            "weekly-1",
            f"DTSTART;{zone}:{_stamp(40, 9, utc=False)}",
            f"DTEND;{zone}:{_stamp(40, 9, utc=False)[:-4]}3000",
            "RRULE:FREQ=WEEKLY;COUNT=4",
            ME,
            JAN,
            summary="Weekly sync",
        ),
        event(
            "jan-asks",
            f"DTSTART:{_stamp(5, 14)}",
            f"DTEND:{_stamp(5, 15)}",
            "ORGANIZER;CN=Jan de Vries:mailto:jan@example.nl",
            "ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com",
            summary="Advice on my move",
        ),
        event(
            "cancelled",
            f"DTSTART:{_stamp(3, 10)}",
            f"DTEND:{_stamp(3, 11)}",
            ME,
            JAN,
            "STATUS:CANCELLED",
            summary="Lunch",
        ),
        event(
            "meetup",
            f"DTSTART:{_stamp(10, 17)}",
            f"DTEND:{_stamp(10, 19)}",
            "LOCATION:Factory Berlin\\, Rheinsberger Str. 76",
            "ORGANIZER;CN=Lena Vogel:mailto:lena@example.de",
            JAN,
            "ATTENDEE;CN=Me;PARTSTAT=ACCEPTED:mailto:me@example.com",
            summary="Berlin Python Meetup",
        ),
        event(
            "dinner",
            f"DTSTART:{_stamp(20, 19)}",
            f"DTEND:{_stamp(20, 21)}",
            ME,
            LENA,
            JAN,
            "LOCATION:Prater Garten",
            summary="Founders dinner",
        ),
        zones=OUTLOOK_ZONE,
        head="X-WR-CALNAME:me@example.com\n",
    )
    path = folder / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def interactions_of(db_path: Path, name: str) -> list[tuple[str, str, str, str]]:
    """(day, kind, initiated by, notes) of the contact's interactions, oldest first."""
    return query(  # type: ignore[return-value]
        db_path,
        "SELECT i.occurred_on, i.kind, i.initiated_by, i.notes FROM interactions i "
        "JOIN contacts c ON c.id = i.contact_id WHERE c.full_name = ? ORDER BY i.occurred_on",
        name,
    )


def evidence_counts(db_path: Path) -> tuple[int, int, int]:
    """Contacts, interactions and events in the database."""
    return tuple(  # type: ignore[return-value]
        query(db_path, f"SELECT count(*) FROM {table}")[0][0]
        for table in ("contacts", "interactions", "events")
    )


def mark_encrypted(path: Path) -> Path:
    """Set the "encrypted" flag of every entry of the ZIP at ``path`` (in its local and
    central headers), as a password-protecting archiver leaves it."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 0x1
            start += 4
    path.write_bytes(bytes(data))
    return path
