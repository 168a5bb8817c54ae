"""Realistic goals: a statement in one sentence, a sustainable time budget, a date that is
near enough to plan for, and targets with numbers."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from desktop_app.datetext import format_day
from desktop_app.insights.findings import Finding, Level
from desktop_app.insights.goal_precision import PLACE, ROLE, TIME, assess_precision
from desktop_app.insights.goal_profile import Measure
from desktop_app.insights.wording import count_words, words
from desktop_app.wording import hours_of

MAX_STATEMENT_WORDS = 45
MIN_WEEKLY_HOURS = 0.5
SUSTAINABLE_WEEKLY_HOURS = 10.0
MAX_WEEKLY_HOURS = 40.0  # a full working week of networking is not a plan
SOON_DAYS = 14
FAR_DAYS = 2 * 365
MAX_DAYS = 5 * 365

# Measure names that say nothing countable on their own ("More networking").
_UNCOUNTABLE = frozenset(
    [
        "networking",
        "network",
        "progress",
        "success",
        "growth",
        "results",
        "more",
        "better",
        "good",
        "things",
        "stuff",
        "visibility",
        "contacts",
        "connections",
        "my",
        "a",
        "bigger",
        "grow",
    ]
)
# Whom to seek out for each kind of goal: relative to me (vocabulary of the store).
_DEFAULT_SENIORITY = {
    "land_job": "senior",
    "next_level": "senior",
    "change_industry": "peer",
    "grow_business": "executive",
    "mentors": "senior",
}


def default_seniority(goal_type: str) -> str:
    """Reaching the next level means meeting people above it, so "senior" for that."""
    return _DEFAULT_SENIORITY.get(goal_type, "peer")


# What to add for each part a statement leaves out.
_HOW_TO_ADD = {
    ROLE: "which role or field (e.g. “data engineer”, “in renewable energy”)",
    PLACE: "where (a city, the kind of company, or “remote”)",
    TIME: "by when (a date or a time frame, e.g. “by June”, “within six months”)",
}


def _check_precision(text: str) -> list[Finding]:
    """A goal others can act on names a role or field, a place, and a date or time frame.

    Two or more missing block the wizard; one missing is a warning, since the sentence
    may say it in words the check does not know.
    """
    precision = assess_precision(text)
    if not precision.missing:
        return []
    wanted = [_HOW_TO_ADD[part] for part in precision.missing]
    said = ", ".join(wanted[:-1]) + f" and {wanted[-1]}" if len(wanted) > 1 else wanted[0]
    message = f"“{text}” is not precise yet: say {said}."
    if precision.vague_time:
        message += f" “{precision.vague_time.capitalize()}” is not a date."
    level = Level.PROBLEM if len(precision.missing) > 1 else Level.WARNING
    return [Finding("goal.statement_vague", level, message)]


def check_statement(statement: str) -> list[Finding]:
    text = " ".join(statement.split())
    count = count_words(text)
    if count == 0:
        return [
            Finding(
                "goal.no_statement",
                Level.PROBLEM,
                "Write your goal in one sentence: what, where and by when.",
            )
        ]
    findings = _check_precision(text)
    sentences = [part for part in re.split(r"(?<=[.!?])\s+", text) if part.strip()]
    if len(sentences) > 1:
        findings.append(
            Finding(
                "goal.statement_several_sentences",
                Level.WARNING,
                f"{len(sentences)} sentences: a goal others can remember fits in one.",
            )
        )
    if count > MAX_STATEMENT_WORDS:
        findings.append(
            Finding(
                "goal.statement_too_long",
                Level.WARNING,
                f"{count} words: shorten the goal to the role, the place and the date.",
            )
        )
    return findings


def check_weekly_hours(hours: float, sustainable: float = SUSTAINABLE_WEEKLY_HOURS) -> Finding:
    if hours < MIN_WEEKLY_HOURS:
        return Finding(
            "time.too_few_hours",
            Level.PROBLEM,
            "Set aside at least half an hour a week: without time in the diary, nothing happens.",
        )
    if hours > MAX_WEEKLY_HOURS:
        return Finding(
            "time.unrealistic_hours",
            Level.PROBLEM,
            f"{hours:g} hours a week is more than a full working week of networking: choose "
            f"a number you can keep up (most people manage 2–{sustainable:g}).",
        )
    if hours > sustainable:
        return Finding(
            "time.unsustainable_hours",
            Level.WARNING,
            f"{hours:g} hours a week is past what most people sustain for months "
            f"({sustainable:g} or less); fine for a short, full-time search.",
        )
    return Finding(
        "time.hours_ok", Level.OK, f"{hours_of(hours)} a week is a budget you can keep up."
    )


def check_target_date(target: dt.date | None, today: dt.date) -> Finding:
    if target is None:
        return Finding("time.no_date", Level.PROBLEM, "Choose a target date for the goal.")
    days = (target - today).days
    if days <= 0:
        return Finding(
            "time.date_past",
            Level.PROBLEM,
            f"{format_day(target)} is not in the future: choose a date after today.",
        )
    if days > MAX_DAYS:
        return Finding(
            "time.date_too_far",
            Level.PROBLEM,
            f"{format_day(target)} is more than five years away: choose a milestone within "
            "two years that you can plan for.",
        )
    if days > FAR_DAYS:
        return Finding(
            "time.date_far",
            Level.WARNING,
            f"{format_day(target)} is more than two years away: a nearer milestone is easier "
            "to measure.",
        )
    if days < SOON_DAYS:
        return Finding(
            "time.date_soon",
            Level.WARNING,
            f"{format_day(target)} is less than two weeks away: relationships rarely pay off "
            "that fast.",
        )
    return Finding("time.date_ok", Level.OK, f"{format_day(target)} is a date you can plan for.")


def check_measures(measures: Sequence[Measure]) -> list[Finding]:
    """At least one measure; each with a name and a number above zero."""
    if not measures:
        return [
            Finding(
                "time.no_measures",
                Level.PROBLEM,
                "Add at least one measurable target with a number, e.g. “Informational "
                "meetings per month: 4”.",
            )
        ]
    findings = []
    for measure in measures:
        name = " ".join(measure.name.split())
        if not name:
            findings.append(
                Finding(
                    "time.measure_unnamed",
                    Level.PROBLEM,
                    "A measure has no name: say what you will count.",
                )
            )
        elif measure.target <= 0:
            findings.append(
                Finding(
                    "time.measure_no_number",
                    Level.PROBLEM,
                    f"“{name}” needs a number above zero to be measurable.",
                )
            )
        elif all(word.casefold() in _UNCOUNTABLE for word in words(name)):
            findings.append(
                Finding(
                    "time.measure_vague",
                    Level.WARNING,
                    f"“{name}” cannot be counted: name something you can count, e.g. "
                    "“Informational meetings per month”.",
                )
            )
    return findings
