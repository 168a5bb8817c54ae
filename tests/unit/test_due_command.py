"""``netwise due`` as a user or a scheduler runs it: a real process on a real file."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.insights import keep_in_touch as rules
from desktop_app.store import keep_in_touch as kit
from desktop_app.store.birthdays import set_birthday
from desktop_app.store.contacts import create_contact
from desktop_app.store.database import open_database
from desktop_app.store.interactions import log_interaction
from desktop_app.store.records import ContactInput, InteractionInput

TODAY = rules.add_months(dt.date.today(), 2)  # after every contact of the file was added


def netwise(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


@pytest.fixture
def due_file(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "due.sqlite3"
    db = open_database(str(path))
    ids = {
        name: create_contact(db, ContactInput(first_name=name, company=company)).value
        for name, company in (("Ada", "Helix"), ("Bob", ""), ("Cy", "Acme"))
    }
    kit.set_contact_cadence(db, ids.values(), rules.MONTH)
    log_interaction(db, InteractionInput(ids["Ada"], TODAY - dt.timedelta(days=40)))
    log_interaction(db, InteractionInput(ids["Cy"], TODAY - dt.timedelta(days=3)))
    log_interaction(
        db,
        InteractionInput(
            ids["Cy"], TODAY - dt.timedelta(days=3), followup_due=TODAY - dt.timedelta(days=1)
        ),
    )
    kit.snooze_contacts(db, [ids["Bob"]], TODAY + dt.timedelta(days=1))
    set_birthday(
        db, ids["Bob"], rules.Birthday(*(TODAY + dt.timedelta(days=2)).timetuple()[1:3], 1990)
    )
    db.close()
    return path, ids


def test_due_json_lists_followups_keep_in_touch_and_birthdays(due_file) -> None:  # type: ignore[no-untyped-def]
    path, ids = due_file
    result = netwise("--db", str(path), "due", "--json", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {"as_of", "birthday_days", "followups", "keep_in_touch", "birthdays"}
    assert document["as_of"] == TODAY.isoformat() and document["birthday_days"] == 7
    [followup] = document["followups"]
    assert (followup["contact_id"], followup["name"], followup["days_overdue"]) == (
        ids["Cy"],
        "Cy",
        1,
    )
    [overdue] = document["keep_in_touch"]  # Bob is snoozed, Cy was in touch 3 days ago
    assert overdue["contact_id"] == ids["Ada"]
    assert overdue["cadence"] == "1m" and overdue["company"] == "Helix"
    assert overdue["last_touch_on"] == (TODAY - dt.timedelta(days=40)).isoformat()
    assert (
        overdue["days_overdue"] == (TODAY - rules.add_months(TODAY - dt.timedelta(days=40), 1)).days
    )
    [birthday] = document["birthdays"]
    assert (birthday["name"], birthday["days_away"]) == ("Bob", 2)
    assert birthday["turns"] == (TODAY + dt.timedelta(days=2)).year - 1990
    fewer = netwise("--db", str(path), "due", "--json", "--today", TODAY.isoformat(), "--days", "1")
    assert json.loads(fewer.stdout)["birthdays"] == []


def test_due_prints_each_list_for_people(due_file) -> None:  # type: ignore[no-untyped-def]
    path, _ids = due_file
    result = netwise("--db", str(path), "due", "--today", TODAY.isoformat())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Due on ")
    assert "Follow-ups (1):" in lines and "  Cy (Acme): 1 day overdue" in lines
    assert "Keep in touch (1, most valuable first):" in lines
    assert any(
        line.startswith("  Ada (Helix): ") and "(monthly, last in touch" in line for line in lines
    )
    assert "Birthdays in the next 7 days:" in lines
    assert any(line.startswith("  Bob: ") and line.endswith(")") for line in lines)


def test_nothing_due_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    open_database(str(path)).close()
    result = netwise("--db", str(path), "due")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "Nothing is due, and no birthday in the next 7 days."


def test_a_missing_file_or_a_bad_day_count_is_one_line(tmp_path: Path) -> None:
    missing = netwise("--db", str(tmp_path / "nowhere.sqlite3"), "due")
    assert missing.returncode == 1 and "There is no NetWise database" in missing.stderr
    assert "Traceback" not in missing.stderr and not (tmp_path / "nowhere.sqlite3").exists()
    bad = netwise("--db", str(tmp_path / "nowhere.sqlite3"), "due", "--days", "many")
    assert bad.returncode == 2 and "not a number of days" in bad.stderr
