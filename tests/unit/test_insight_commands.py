"""``netwise review`` and ``netwise stats`` as a user runs them: real processes, real files."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest


def netwise(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env if env is not None else dict(os.environ),
    )


@pytest.fixture
def demo_file(data_dir: Path) -> Path:
    """The demo database, made once through the command line itself."""
    result = netwise("--demo", "stats")
    assert result.returncode == 0, result.stderr
    return data_dir / "netwise-demo.sqlite3"


def test_review_prints_the_wrong_people_grouped_by_reason(demo_file: Path) -> None:
    result = netwise("--db", str(demo_file), "review")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    today = dt.date.today()
    assert lines[0] == (  # the C locale's order: the day first, as the window writes it
        f"Are you networking with the wrong people? (as of {today.day} {today:%b} {today.year})"
    )
    assert lines[1].startswith("Goal: Move from product manager to head of product")
    assert lines[2].startswith("41 contacts take your time and give nothing back")
    assert "Give first to 18 contacts: they helped you or fit your goal" in lines[2]
    assert any(line.startswith("Move on: they take and never give back (") for line in lines)
    assert any(line.startswith("Give first: ") for line in lines)
    assert "Traceback" not in result.stderr


def test_review_json_lists_each_contact_with_reasons(demo_file: Path) -> None:
    result = netwise("--db", str(demo_file), "review", "--json")
    assert result.returncode == 0, result.stderr
    review = json.loads(result.stdout)
    assert review["goal"].startswith("Move from product manager")
    entries = [entry for group in review["groups"] for entry in group["contacts"]]
    assert entries
    assert {e["verdict"] for e in entries} == {"move_on", "give_first"}
    assert all(len(e["reasons"]) >= 2 for e in entries)
    with sqlite3.connect(demo_file) as connection:
        reviewed = connection.execute(
            "SELECT count(*) FROM contact_scores s JOIN contacts c ON c.id = s.contact_id "
            "WHERE s.verdict IN ('move_on', 'give_first') AND c.status IN ('active', 'dormant')"
        ).fetchone()[0]
    assert len(entries) == reviewed


def test_stats_prints_every_figure_and_json_has_them_all(demo_file: Path) -> None:
    text = netwise("--db", str(demo_file), "stats")
    assert text.returncode == 0, text.stderr
    for label in (
        "Aligned contacts",
        "Response rate",
        "Reciprocity balance",
        "Hours invested this month",
        "Outcomes per hour",
        "Higher-level contacts",
        "New territory",
        "Growth against your goal's targets",
        "Return on time by event kind",
    ):
        assert label in text.stdout
    document = json.loads(netwise("--db", str(demo_file), "stats", "--json").stdout)
    assert len(document["figures"]) == 7
    assert sum(document["verdict_counts"].values()) > 250
    assert {g["name"] for g in document["growth"]} >= {"Referrals"}


def test_the_database_comes_from_the_environment_too(demo_file: Path) -> None:
    env = dict(os.environ, NETWISE_DB=str(demo_file))
    by_env = netwise("stats", "--json", env=env)
    by_option = netwise("--db", str(demo_file), "stats", "--json")
    assert by_env.returncode == by_option.returncode == 0
    assert json.loads(by_env.stdout) == json.loads(by_option.stdout)


def test_options_after_the_command_are_understood(demo_file: Path) -> None:
    result = netwise("review", "--db", str(demo_file), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["groups"]


def test_a_missing_database_is_a_message_not_a_new_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    result = netwise("--db", str(missing), "review")
    assert result.returncode == 1
    assert result.stderr.strip() == f"netwise: There is no NetWise database at “{missing}”."
    assert not missing.exists()


def test_a_newer_database_is_refused(demo_file: Path) -> None:
    with sqlite3.connect(demo_file) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff'")
    result = netwise("--db", str(demo_file), "stats")
    assert result.returncode == 1
    assert "newer version of NetWise" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_commands_never_load_qt(demo_file: Path, tmp_path: Path) -> None:
    script = tmp_path / "probe.py"
    script.write_text(
        "import io, sys, contextlib\n"
        "from desktop_app.app import main\n"
        "out = io.StringIO()\n"
        "with contextlib.redirect_stdout(out):\n"
        f"    codes = [main(['--db', {str(demo_file)!r}, c]) for c in ('review', 'stats')]\n"
        "print(codes, sorted(m for m in sys.modules if m.startswith('PySide6')))\n"
    )
    result = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[0, 0] []"
