"""Hostile values as a user meets them on the command line: a message, never a traceback.

A database from before imports refused such values may still hold them, so the exports,
the printouts and the terminal output must cope with them too.
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from desktop_app.cli import parse_args
from desktop_app.commands.transfer import run_import
from desktop_app.exchange import jsonformat
from tests.unit.processes import run_netwise

DEMO = Path(__file__).resolve().parents[1] / "data" / "exchange" / "netwise-demo.json"
ESCAPE = "\x1b]0;pwned\x07"


def restored(tmp_path: Path, *updates: tuple[str, tuple[object, ...]]) -> Path:
    """The demo export restored into a new database, then changed behind NetWise's back."""
    db = tmp_path / "old.sqlite3"
    result = run_netwise("--db", str(db), "import", "json", str(DEMO))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as connection:
        for sql, values in updates:
            connection.execute(sql, values)
    return db


def test_hostile_json_is_refused_with_the_field_and_nothing_is_written(tmp_path: Path) -> None:
    document = json.loads(DEMO.read_text(encoding="utf-8"))
    document["contacts"][0]["first_name"] = "\ud800"
    path = tmp_path / "all.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    db = tmp_path / "new.sqlite3"
    result = run_netwise("--db", str(db), "import", "json", str(path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        "netwise: “all.json”: contacts[0].first_name: the text holds a lone surrogate "
        "(\\ud800…), not a character. Nothing was imported.\n"
    )
    assert not db.exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.timeout(60)
def test_a_fifo_given_as_the_file(tmp_path: Path) -> None:
    pipe = tmp_path / "Connections.csv"
    os.mkfifo(pipe)
    db = tmp_path / "new.sqlite3"
    result = run_netwise("--db", str(db), "import", "linkedin", str(pipe), timeout=30)
    assert result.returncode == 1
    assert result.stderr == (
        "netwise: “Connections.csv”: this is a pipe, not a file. Nothing was imported.\n"
    )
    assert not db.exists()


def test_a_control_character_in_a_name_is_escaped_in_every_text_output(tmp_path: Path) -> None:
    db = restored(
        tmp_path,
        ("UPDATE contacts SET full_name = ?, first_name = ? WHERE id = 2", (ESCAPE + "Eve",) * 2),
    )
    review = run_netwise("--db", str(db), "review", "--all")
    assert review.returncode == 0, review.stderr
    assert "\x1b" not in review.stdout and "\x07" not in review.stdout
    assert "\\x1b]0;pwned\\x07Eve" in review.stdout
    as_json = run_netwise("--db", str(db), "review", "--all", "--json")
    names = [c["name"] for g in json.loads(as_json.stdout)["groups"] for c in g["contacts"]]
    assert ESCAPE + "Eve" in names  # JSON keeps the value, written as JSON escapes
    assert "\x1b" not in as_json.stdout


def test_a_right_to_left_override_in_a_name_does_not_reverse_the_terminal(tmp_path: Path) -> None:
    db = restored(
        tmp_path,
        ("UPDATE contacts SET full_name = ?, first_name = ? WHERE id = 2", ("Eve\u202eevil",) * 2),
    )
    review = run_netwise("--db", str(db), "review", "--all")
    assert review.returncode == 0, review.stderr
    assert "\u202e" not in review.stdout and "Eve\\u202eevil" in review.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names hold no control characters")
def test_a_control_character_in_a_file_name_is_escaped(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    named = tmp_path / f"{ESCAPE}.csv"
    named.write_text("First Name,Last Name,Company\nAnn,Lee,Acme\n", encoding="utf-8")
    imported = run_netwise("--db", str(db), "import", "linkedin", "--dry-run", str(named))
    assert imported.returncode == 0, imported.stderr
    assert "\x1b" not in imported.stdout and "“\\x1b]0;pwned\\x07.csv”" in imported.stdout
    exported = run_netwise("--db", str(db), "export", "csv", str(tmp_path / f"{ESCAPE}.out"))
    assert exported.returncode == 0 and "\x1b" not in exported.stdout


def test_a_calendar_exports_a_year_9999_follow_up_and_1e308_hours(tmp_path: Path) -> None:
    db = restored(
        tmp_path,
        (
            "UPDATE interactions SET followup_due = '9999-12-31', followup_done_at = NULL "
            "WHERE id = 1",
            (),
        ),
        ("UPDATE events SET hours_invested = 1e308 WHERE id = 1", ()),
    )
    result = run_netwise("--db", str(db), "export", "ics", str(tmp_path / "c.ics"))
    assert result.returncode == 0, result.stderr
    calendar = (tmp_path / "c.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:21991231" in calendar
    # The event of 13 July 2025 at 18:00 lasts 1,000 hours at most.
    assert "DTSTART:20250713T180000\nDTEND:20250824T100000\n" in calendar


def test_printing_cuts_an_overlong_note(tmp_path: Path) -> None:
    db = restored(tmp_path, ("UPDATE contacts SET notes = ? WHERE id = 1", ("word " * 60_000,)))
    pdf = tmp_path / "c.pdf"
    result = run_netwise("--db", str(db), "print", "contacts", "--ids", "1", "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    # 10,000 characters of the 300,000 and an ellipsis: three pages, not sixty.
    assert result.stdout == f"Wrote 3 pages to “{pdf}”.\n"


def test_a_goal_with_measures_and_targets_of_the_wrong_shape_still_reviews(
    tmp_path: Path,
) -> None:
    db = restored(
        tmp_path,
        (
            "UPDATE goals SET measures = ?, target_roles = ? WHERE id = 1",
            (
                '[{"kind": "zzz", "target": "x"}, 5, null, {"name": "Referrals", "target": 3}]',
                '[1, null, {}, "Head of Product"]',
            ),
        ),
    )
    for command in (["review"], ["stats"]):
        result = run_netwise("--db", str(db), *command)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    stats = run_netwise("--db", str(db), "stats").stdout
    assert "Referrals" in stats and "zzz" not in stats


def test_json_of_more_values_than_any_export_is_refused_before_it_fills_the_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each value costs Python some sixty bytes however short its text: at the real limit
    # (tens of millions of values) a gigabyte of "{}," would need tens of gigabytes.
    # The limit is lowered here so that the file stays small.
    monkeypatch.setattr(jsonformat, "MAX_JSON_VALUES", 1_000, raising=False)
    path = tmp_path / "all.json"
    path.write_text(
        '{"format": "netwise", "format_version": 1, "contacts": [' + "{}," * 2_000 + "{}]}"
    )
    db = tmp_path / "new.sqlite3"
    out, err = io.StringIO(), io.StringIO()
    code = run_import(parse_args(["--db", str(db), "import", "json", str(path)]), out, err)
    assert code == 1
    assert err.getvalue() == (
        "netwise: “all.json”: the JSON holds more than 1,000 values, more than NetWise reads "
        "in one file. Nothing was imported.\n"
    )
    assert not db.exists()


@pytest.mark.parametrize("window", [["--screenshot", "{out}"], ["--self-test"]])
def test_a_refused_database_is_told_with_control_characters_escaped_by_the_window(
    tmp_path: Path, window: list[str]
) -> None:
    db = restored(tmp_path, ("UPDATE alembic_version SET version_num = ?", (ESCAPE,)))
    picture = tmp_path / "window.png"
    args = [part.format(out=picture) for part in window]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = run_netwise("--db", str(db), *args, "--no-crash-dialog", env=env)
    assert result.returncode == 1
    assert "schema \\x1b]0;pwned\\x07;" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert not picture.exists()
