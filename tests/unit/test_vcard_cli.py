"""``netwise import vcard`` on real address-book exports and hostile cards: real processes."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from tests.unit.processes import run_netwise

BOOKS = Path(__file__).resolve().parents[1] / "data" / "exchange" / "address-books"


def names(db: Path) -> list[str]:
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT full_name FROM contacts ORDER BY full_name").fetchall()
    return [name for (name,) in rows]


def test_lotus_notes_and_iphone_exports_import_every_card(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    for name in ("lotus-notes.vcf", "iphone-photo.vcf"):
        result = run_netwise("--db", str(db), "import", "vcard", str(BOOKS / name))
        assert result.returncode == 0, result.stderr
        assert "Imported: 2 created" in result.stdout
        assert "Traceback" not in result.stderr
    assert names(db) == ["Camille Moreau", "Erik Lindqvist", "Greta Hoffmann", "Klaus Schneider"]


def test_cards_inside_cards_are_left_out_with_their_line(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    agents = "BEGIN:VCARD\nVERSION:2.1\nFN:Agent\nAGENT:\n" * 1000 + "END:VCARD\n" * 1000
    hostile = tmp_path / "agents.vcf"
    hostile.write_text(f"BEGIN:VCARD\nVERSION:2.1\nN:Deep;Dora\nAGENT:\n{agents}END:VCARD\n")
    result = run_netwise("--db", str(db), "import", "vcard", str(hostile))
    assert result.returncode == 0, result.stderr
    assert "line 5: a card written inside this card (an AGENT) was left out." in result.stdout
    assert names(db) == ["Dora Deep"]


def test_a_file_whose_only_card_cannot_be_read_is_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    bad = tmp_path / "bad.vcf"
    bad.write_text(
        "BEGIN:VCARD\nVERSION:2.1\nN;ENCODING=QUOTED-PRINTABLE,CHARSET=x:=41\nEND:VCARD\n"
    )
    result = run_netwise("--db", str(db), "import", "vcard", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "netwise: “bad.vcf”: no card could be read (line 1: this card cannot be read; "
        "it was skipped.). Nothing was imported."
    )
    assert not db.exists()


@pytest.mark.timeout(120)
def test_a_value_of_a_million_quoted_printable_soft_breaks_is_refused_at_once(
    tmp_path: Path,
) -> None:
    db = tmp_path / "mine.sqlite3"
    hostile = tmp_path / "soft-breaks.vcf"
    breaks = b"=41=\r\n" * 1_000_000
    hostile.write_bytes(
        b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Ann Bee\r\nNOTE;ENCODING=QUOTED-PRINTABLE:"
        + breaks
        + b"x\r\nEND:VCARD\r\n"
    )
    started = time.monotonic()
    result = run_netwise("--db", str(db), "import", "vcard", str(hostile), timeout=110)
    assert time.monotonic() - started < 30
    assert result.returncode == 1
    assert result.stderr == (
        "netwise: “soft-breaks.vcf”, line 1: the NOTE value is longer than 100,000 characters. "
        "Nothing was imported.\n"
    )
    assert not db.exists()
