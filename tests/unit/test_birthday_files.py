"""Birthdays in contact files: read from vCard ``BDAY`` and Google's ``Birthday`` column on
import, written back as ``BDAY`` on export. Real processes on real files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop_app.exchange.birthday_text import parse_birthday, vcard_birthday
from desktop_app.insights.keep_in_touch import Birthday
from tests.unit.processes import run_netwise

CARDS = """BEGIN:VCARD
VERSION:3.0
N:Lovelace;Ada;;;
FN:Ada Lovelace
BDAY:1815-12-10
END:VCARD
BEGIN:VCARD
VERSION:4.0
N:Leap;Lena;;;
FN:Lena Leap
BDAY:--0229
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Zero;Zed;;;
FN:Zed Zero
BDAY:0000-02-29
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Apple;Ann;;;
FN:Ann Apple
BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15
END:VCARD
BEGIN:VCARD
VERSION:3.0
N:Odd;Otto;;;
FN:Otto Odd
BDAY:1990-02-31
END:VCARD
"""


def birthdays(db: Path) -> dict[str, tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT full_name, birth_month, birth_day, birth_year FROM contacts"
        ).fetchall()
    return {name: tuple(parts) for name, *parts in rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1815-12-10", Birthday(12, 10, 1815)),
        ("18151210", Birthday(12, 10, 1815)),
        ("1990-02-28T00:00:00Z", Birthday(2, 28, 1990)),
        ("--0229", Birthday(2, 29)),
        ("--02-29", Birthday(2, 29)),
        ("0000-02-29", Birthday(2, 29)),
        (" 1992-02-29 ", Birthday(2, 29, 1992)),
        ("1991-02-29", None),
        ("10 December", None),
        ("", None),
    ],
)
def test_birthday_forms(text: str, expected: Birthday | None) -> None:
    assert parse_birthday(text) == expected


def test_written_as_vcard_4_does() -> None:
    assert vcard_birthday(Birthday(12, 10, 1815)) == "18151210"
    assert vcard_birthday(Birthday(2, 29)) == "--0229"


def test_vcard_birthdays_are_imported_and_exported_back(tmp_path: Path) -> None:
    source = tmp_path / "cards.vcf"
    source.write_text(CARDS, encoding="utf-8")
    db = tmp_path / "netwise.sqlite3"
    imported = run_netwise("--db", str(db), "import", "vcard", str(source))
    assert imported.returncode == 0, imported.stderr
    assert birthdays(db) == {
        "Ada Lovelace": (12, 10, 1815),
        "Lena Leap": (2, 29, None),
        "Zed Zero": (2, 29, None),
        "Ann Apple": (3, 15, None),
        "Otto Odd": (None, None, None),
    }
    out = tmp_path / "out.vcf"
    exported = run_netwise("--db", str(db), "export", "vcard", str(out))
    assert exported.returncode == 0, exported.stderr
    written = out.read_text(encoding="utf-8")
    assert "BDAY:18151210" in written and written.count("BDAY:--0229") == 2
    again = tmp_path / "again.sqlite3"
    assert run_netwise("--db", str(again), "import", "vcard", str(out)).returncode == 0
    assert birthdays(again) == birthdays(db)


def test_google_birthday_column_is_imported(tmp_path: Path) -> None:
    source = tmp_path / "google.csv"
    source.write_text(
        "First Name,Last Name,Birthday,E-mail 1 - Value\n"
        "Ada,Lovelace,1815-12-10,ada@example.com\n"
        "Lena,Leap, --02-29,lena@example.com\n"
        "Otto,Odd,,otto@example.com\n",
        encoding="utf-8",
    )
    db = tmp_path / "netwise.sqlite3"
    imported = run_netwise("--db", str(db), "import", "google", str(source))
    assert imported.returncode == 0, imported.stderr
    assert birthdays(db) == {
        "Ada Lovelace": (12, 10, 1815),
        "Lena Leap": (2, 29, None),
        "Otto Odd": (None, None, None),
    }


def test_an_import_merging_into_a_contact_fills_a_missing_birthday_only(tmp_path: Path) -> None:
    db = tmp_path / "netwise.sqlite3"
    first = tmp_path / "first.csv"
    first.write_text(
        "First Name,Last Name,Birthday,E-mail 1 - Value\n"
        "Ada,Lovelace,,ada@example.com\n"
        "Lena,Leap,1992-02-29,lena@example.com\n",
        encoding="utf-8",
    )
    assert run_netwise("--db", str(db), "import", "google", str(first)).returncode == 0
    second = tmp_path / "second.vcf"
    second.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nN:Lovelace;Ada;;;\nFN:Ada Lovelace\n"
        "EMAIL:ada@example.com\nBDAY:1815-12-10\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nN:Leap;Lena;;;\nFN:Lena Leap\n"
        "EMAIL:lena@example.com\nBDAY:1990-01-01\nEND:VCARD\n",
        encoding="utf-8",
    )
    merged = run_netwise("--db", str(db), "import", "vcard", str(second))
    assert merged.returncode == 0, merged.stderr
    assert "1 merged (1 already up to date)" in merged.stdout  # Lena's birthday is kept
    assert birthdays(db) == {"Ada Lovelace": (12, 10, 1815), "Lena Leap": (2, 29, 1992)}
