"""``netwise import`` and ``netwise export`` as a user runs them: real processes, real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from tests.unit.processes import run_netwise

DATA = Path(__file__).resolve().parents[1] / "data" / "exchange"


def rows(path: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_import_export_and_restore_through_the_command_line(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    result = run_netwise("--db", str(db), "import", "linkedin", str(DATA / "linkedin-2024.csv"))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Read 8 contacts from “linkedin-2024.csv”" in out
    assert "Suggested matches, not merged" in out and "John Smith (Acme) ~ Jon Smith (ACME)" in out
    assert "line 15: the row has no name" in out
    assert "Imported: 8 created" in out
    assert rows(db, "SELECT count(*) FROM contacts") == [(8,)]

    again = run_netwise("--db", str(db), "import", "vcard", str(DATA / "iphone.vcf"))
    assert again.returncode == 0, again.stderr
    assert "Imported: 1 created" in again.stdout
    assert "Read 1 contact from “iphone.vcf”" in again.stdout

    for fmt, name in (("csv", "c.csv"), ("vcard", "c.vcf"), ("ics", "c.ics"), ("json", "all.json")):
        exported = run_netwise("--db", str(db), "export", fmt, str(tmp_path / name))
        assert exported.returncode == 0, exported.stderr
        assert (tmp_path / name).stat().st_mode & 0o077 == 0
    csv_text = (tmp_path / "c.csv").read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in csv_text and ",=HYPERLINK" not in csv_text
    assert (tmp_path / "c.vcf").read_text().count("BEGIN:VCARD") == 9
    assert json.loads((tmp_path / "all.json").read_text())["format"] == "netwise"

    copy = tmp_path / "copy.sqlite3"
    restored = run_netwise("--db", str(copy), "import", "json", str(tmp_path / "all.json"))
    assert restored.returncode == 0, restored.stderr
    everything = "SELECT id, full_name, company, created_at, updated_at FROM contacts ORDER BY id"
    assert rows(copy, everything) == rows(db, everything)


def test_bad_input_gives_a_message_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    broken = tmp_path / "Connections.csv"
    broken.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        'Ann,Lee,,,"Acme,CEO,12 Mar 2021\nBob,Ray,,,Beta,CTO,1 Jan 2020\n',
        encoding="utf-8",
    )
    result = run_netwise("--db", str(db), "import", "linkedin", str(broken))
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "netwise: “Connections.csv”, line 2: a quoted value that starts on this line is never "
        "closed. Nothing was imported."
    )
    assert "Traceback" not in result.stderr
    assert not db.exists()

    wrong = run_netwise("--db", str(db), "import", "vcard", str(DATA / "linkedin-2019.csv"))
    assert wrong.returncode == 1 and "no BEGIN:VCARD line" in wrong.stderr


def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    first = run_netwise("--db", str(db), "import", "google", "--dry-run", str(DATA / "gmail.vcf"))
    assert first.returncode == 1 and "not a Google Contacts CSV" in first.stderr
    fresh = run_netwise("--db", str(db), "import", "vcard", "--dry-run", str(DATA / "gmail.vcf"))
    assert "Plan: 2 to create" in fresh.stdout and not db.exists()
    assert (
        run_netwise(
            "--db", str(db), "import", "google", str(DATA / "google-contacts.csv")
        ).returncode
        == 0
    )
    before = rows(db, "SELECT * FROM contacts ORDER BY id")
    result = run_netwise(
        "--db", str(db), "import", "google", "--dry-run", str(DATA / "google-contacts-legacy.csv")
    )
    assert result.returncode == 0, result.stderr
    assert "Plan: 2 to create" in result.stdout and "Dry run: nothing was written." in result.stdout
    assert rows(db, "SELECT * FROM contacts ORDER BY id") == before


def test_command_line_format_names_match_the_formats() -> None:
    from desktop_app.commands.transfer import EXPORT_CHOICES, IMPORT_CHOICES
    from desktop_app.exchange.formats import EVIDENCE_FORMATS, EXPORT_FORMATS, IMPORT_FORMATS

    assert set(IMPORT_CHOICES) == set(IMPORT_FORMATS) | set(EVIDENCE_FORMATS)
    assert set(EXPORT_CHOICES) == set(EXPORT_FORMATS)
