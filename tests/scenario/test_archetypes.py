"""The article's archetypes through the command line: each person gets the verdict a
careful person gives, with the words that say why (the data is in
``tests/data/scenarios/archetypes.toml``)."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from desktop_app.insights.settings import DEFAULT_SETTINGS
from desktop_app.store.database import open_database
from desktop_app.store.dismissals import dismiss_contact_flag
from desktop_app.store.interactions import log_interaction
from desktop_app.store.preferences import Preferences, write_preferences
from desktop_app.store.records import InteractionInput
from tests.scenario.archetypes import PEOPLE, write_archetypes


@pytest.fixture
def archetypes(tmp_path: Path) -> Path:
    return write_archetypes(tmp_path / "archetypes.sqlite3")


def netwise(*args: str) -> str:
    """What ``netwise ARGS`` prints, run as a user runs it."""
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_archetype_gets_the_verdict_a_careful_person_gives(archetypes: Path) -> None:
    listed = json.loads(netwise("--db", str(archetypes), "review", "--all", "--json"))
    everyone = {e["name"]: e for members in listed["verdicts"].values() for e in members}
    assert set(everyone) == set(PEOPLE)
    for name, person in PEOPLE.items():
        entry = everyone[name]
        assert (entry["verdict"], entry["basis"]) == (person.verdict, person.basis), (
            name,
            person.archetype,
            entry["reasons"],
        )
        assert any(person.reason in reason for reason in entry["reasons"]), (
            name,
            entry["reasons"],
        )


def test_the_review_names_the_time_sink_with_its_hours(archetypes: Path) -> None:
    out = netwise("--db", str(archetypes), "review")
    group = "Move on: off your goal, and hours that bring nothing toward it (1)"
    assert group in out
    walter = out[out.index(group) :]
    assert walter.split("\n  - ", 1)[1].startswith("Walter Grey, Atlas Advisory")
    assert "Time sink: 6.0 hours spent together (at least 5)" in walter


def walter_in_review(path: Path) -> bool:
    listed = json.loads(netwise("--db", str(path), "review", "--json"))
    return any(e["name"] == "Walter Grey" for g in listed["groups"] for e in g["contacts"])


def change_the_network(path: Path, how: str) -> None:
    """What the window would write: a referral logged, the flag dismissed, a setting."""
    db = open_database(str(path))
    try:
        with closing(sqlite3.connect(path)) as connection:
            (walter,) = connection.execute(
                "SELECT id FROM contacts WHERE full_name = 'Walter Grey'"
            ).fetchone()
        if how == "referral":
            log_interaction(
                db,
                InteractionInput(
                    walter,
                    dt.date.today(),
                    kind="referral",
                    initiated_by="them",
                    help_received="small",
                ),
            )
        elif how == "dismissed":
            dismiss_contact_flag(db, walter, "time_sink")
        else:
            settings = DEFAULT_SETTINGS.replace(time_sink_hours=7.0)
            write_preferences(db, Preferences(insights=settings))
    finally:
        db.close()


@pytest.mark.parametrize("how", ["referral", "dismissed", "setting"])
def test_a_referral_a_dismissed_flag_or_a_setting_takes_the_time_sink_off(
    archetypes: Path, how: str
) -> None:
    assert walter_in_review(archetypes)
    change_the_network(archetypes, how)
    assert not walter_in_review(archetypes)
    listed = json.loads(netwise("--db", str(archetypes), "review", "--all", "--json"))
    walter = next(
        e for members in listed["verdicts"].values() for e in members if e["name"] == "Walter Grey"
    )
    assert (walter["verdict"], walter["basis"]) == ("nurture", "steady")
    expected = {
        "referral": "Helped toward your goal: 1 referral or introduction in the last 12 months.",
        "dismissed": "You dismissed the “time sink” flag.",
        "setting": "No warning signs; alignment 18/100 is below 60",
    }[how]
    assert any(expected in reason for reason in walter["reasons"]), walter["reasons"]
