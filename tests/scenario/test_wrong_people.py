"""A small network where every verdict is obvious to a person, checked through the command
line, contact by contact (the network is in ``wrong_people_network``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.scenario.wrong_people_network import NETWORK, write_network


@pytest.fixture
def network(tmp_path: Path) -> Path:
    return write_network(tmp_path / "network.sqlite3")


def netwise(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def test_every_contact_gets_the_verdict_a_person_would_give(network: Path) -> None:
    result = netwise("--db", str(network), "review", "--all", "--json")
    assert result.returncode == 0, result.stderr
    everyone = {
        entry["name"]: entry
        for members in json.loads(result.stdout)["verdicts"].values()
        for entry in members
    }
    assert set(everyone) == set(NETWORK)
    for name, (_fields, _interactions, verdict, basis, phrase) in NETWORK.items():
        entry = everyone[name]
        assert (entry["verdict"], entry["basis"]) == (verdict, basis), name
        assert any(phrase in reason for reason in entry["reasons"]), (name, entry["reasons"])


def test_the_review_lists_the_wrong_people_grouped_by_reason(network: Path) -> None:
    result = netwise("--db", str(network), "review")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    groups = [
        "Move on: they take and never give back (1)",
        "Move on: off your goal and not answering you (1)",
        "Move on: off your goal, and your hours bring nothing back (1)",
        "Give first: they help you, you have not helped back (1)",
        "Give first: they fit your goal but are not answering you (1)",
    ]
    positions = [out.index(group) for group in groups]
    assert positions == sorted(positions)
    for name in ("Tom Baker", "Ian Moore", "Walter Grey", "Gabriel Costa", "Alice Wong"):
        assert name in out
    for name in ("Priya Patel", "Noah Fischer", "Rosa Romero"):
        assert name not in out
    assert "Tom Baker, Fieldstone Retail" in out
    assert "you gave 5 points of help in 12 months and received nothing back" in out


def test_the_figures_of_the_network(network: Path) -> None:
    result = netwise("--db", str(network), "stats", "--json")
    assert result.returncode == 0, result.stderr
    stats = json.loads(result.stdout)
    assert stats["verdict_counts"] == {
        "prioritise": 1,
        "nurture": 1,
        "re_engage": 1,
        "give_first": 2,
        "move_on": 3,
    }
    figures = {f["key"]: f for f in stats["figures"]}
    # Outreach that expected a reply: Priya 1 (replied), Ian 3, Alice 2.
    assert figures["response_rate"]["reasons"] == [
        "1 reply to 6 messages that expected one, over the last 12 months."
    ]
    # Aligned: Priya (100), Alice (VP Product at Solaria Power, executive) and Gabriel
    # (a product manager in software whose referral and introduction add 30 points).
    assert figures["aligned_share"]["reasons"][0].startswith("3 of 8 active contacts")
