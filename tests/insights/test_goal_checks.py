"""A goal that is precise and realistic: statement, hours, date, measures."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.insights.findings import Level
from desktop_app.insights.goal_checks import (
    check_measures,
    check_statement,
    check_target_date,
    check_weekly_hours,
    default_seniority,
)
from desktop_app.insights.goal_profile import Measure

TODAY = dt.date(2025, 3, 10)


def test_default_seniority_is_higher_than_me_for_the_next_level() -> None:
    assert default_seniority("next_level") == "senior"
    assert default_seniority("mentors") == "senior"
    assert default_seniority("change_industry") == "peer"
    assert default_seniority("something new") == "peer"


@pytest.mark.parametrize(
    ("statement", "codes"),
    [
        ("", ["goal.no_statement"]),
        ("   ", ["goal.no_statement"]),
        ("Data engineer in Leeds by June", []),  # six words, all three parts
        ("Data engineer, remote, by Q3", []),
        (
            "Move from product manager to head of product at a climate-tech company by March.",
            [],
        ),
        ("Become a sommelier at a Lyon restaurant by 2027", []),
        ("Find two mentors in UX research in Berlin this year", []),
        ("Win three new clients for my studio in Manchester within six months", []),
        (
            "Become head of product in Berlin by June. Then join a board.",
            ["goal.statement_several_sentences"],
        ),
        (
            "Data engineer in Leeds by June, " + " ".join(["really"] * 39) + ".",
            [],
        ),  # 45 words
        (
            "Data engineer in Leeds by June, " + " ".join(["really"] * 40) + ".",
            ["goal.statement_too_long"],
        ),
    ],
)
def test_statement(statement: str, codes: list[str]) -> None:
    assert [f.code for f in check_statement(statement)] == codes


def test_a_vague_goal_blocks_and_says_which_parts_are_missing() -> None:
    (finding,) = check_statement("I want to get a better job soon")
    assert finding.code == "goal.statement_vague"
    assert finding.level is Level.PROBLEM
    assert "say which role or field" in finding.message
    assert "where (a city, the kind of company, or “remote”)" in finding.message
    assert "by when (a date or a time frame" in finding.message
    assert finding.message.endswith("“Soon” is not a date.")


@pytest.mark.parametrize(
    ("statement", "missing"),
    [
        ("Land a data engineering role in Leeds soon.", "by when"),
        ("Land a data engineering role by June", "where"),
        ("Move to London next year", "which role or field"),
    ],
)
def test_one_missing_part_is_a_warning_naming_it(statement: str, missing: str) -> None:
    (finding,) = check_statement(statement)
    assert finding.level is Level.WARNING
    assert f"say {missing} (" in finding.message
    assert finding.message.count(" (") == 1


@pytest.mark.parametrize(
    ("hours", "code", "level"),
    [
        (0, "time.too_few_hours", Level.PROBLEM),
        (0.25, "time.too_few_hours", Level.PROBLEM),
        (0.5, "time.hours_ok", Level.OK),
        (10, "time.hours_ok", Level.OK),
        (10.5, "time.unsustainable_hours", Level.WARNING),
        (40, "time.unsustainable_hours", Level.WARNING),
        (40.5, "time.unrealistic_hours", Level.PROBLEM),
    ],
)
def test_weekly_hours(hours: float, code: str, level: Level) -> None:
    finding = check_weekly_hours(hours)
    assert (finding.code, finding.level) == (code, level)


def test_the_sustainable_limit_is_a_parameter() -> None:
    assert check_weekly_hours(12, sustainable=15).level is Level.OK
    assert "past what most people sustain" in check_weekly_hours(16, sustainable=15).message


@pytest.mark.parametrize(
    ("days", "code", "level"),
    [
        (-30, "time.date_past", Level.PROBLEM),
        (0, "time.date_past", Level.PROBLEM),
        (1, "time.date_soon", Level.WARNING),
        (13, "time.date_soon", Level.WARNING),
        (14, "time.date_ok", Level.OK),
        (730, "time.date_ok", Level.OK),
        (731, "time.date_far", Level.WARNING),
        (1825, "time.date_far", Level.WARNING),
        (1826, "time.date_too_far", Level.PROBLEM),
    ],
)
def test_target_date(days: int, code: str, level: Level) -> None:
    finding = check_target_date(TODAY + dt.timedelta(days=days), TODAY)
    assert (finding.code, finding.level) == (code, level)


def test_no_target_date_blocks() -> None:
    assert check_target_date(None, TODAY).level is Level.PROBLEM


def test_a_past_date_is_named_in_the_message() -> None:
    assert (
        "9 Mar 2025 is not in the future" in check_target_date(dt.date(2025, 3, 9), TODAY).message
    )


def test_measures() -> None:
    assert [f.code for f in check_measures([])] == ["time.no_measures"]
    good = [Measure("Informational meetings per month", 4), Measure("Referrals", 3)]
    assert check_measures(good) == []
    (vague,) = check_measures([Measure("More networking", 5)])
    assert (vague.code, vague.level) == ("time.measure_vague", Level.WARNING)
    assert vague.message.startswith("“More networking” cannot be counted")
    assert check_measures([Measure("Informational meetings per month", 0.5)]) == []
    bad = [Measure("  ", 3), Measure("Meetings per month", 0), Measure("Coffees", -1)]
    findings = check_measures(bad)
    assert [f.code for f in findings] == [
        "time.measure_unnamed",
        "time.measure_no_number",
        "time.measure_no_number",
    ]
    assert all(f.blocks for f in findings)
    assert "“Meetings per month” needs a number above zero" in findings[1].message


def test_measure_as_dict_keeps_whole_numbers_whole() -> None:
    assert Measure("Referrals", 3.0).as_dict() == {"name": "Referrals", "target": 3}
    assert Measure("Hours", 1.5).as_dict() == {"name": "Hours", "target": 1.5}


def test_one_hour_a_week_is_said_in_the_singular() -> None:
    assert check_weekly_hours(1).message.startswith("1 hour a week is")
    assert check_weekly_hours(1.5).message.startswith("1.5 hours a week is")
