"""The dashboard's figure cards, from totals the store sums in SQL.

Each figure carries its value, the target it is held against when there is one, and the
sentence that explains how it was counted.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.mix import NetworkMix
from desktop_app.insights.settings import InsightSettings
from desktop_app.wording import count_of


@dataclass(frozen=True)
class Totals:
    """Network-wide sums over the reciprocity window (``months``) unless named otherwise."""

    months: int
    active_contacts: int  # contacts not archived or moved on
    aligned_contacts: int  # of those, alignment at or above aligned_at
    outreach: int
    replies: int
    given_points: int
    received_points: int
    outcomes: int  # replies, meetings, referrals and new aligned contacts
    minutes: int  # logged on interactions
    event_hours: float
    minutes_this_month: int
    event_hours_this_month: float


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: float | None  # None: nothing to measure yet
    unit: str  # "%", "h", "points", "per hour"
    target: float | None
    text: str  # the value as shown
    reasons: tuple[str, ...]
    warning: str = ""


def _percent(part: int, whole: int) -> float | None:
    return 100 * part / whole if whole else None


def shown_value(value: float | None, unit: str) -> str:
    if value is None:
        return "\u2013"  # an en dash: nothing to show yet
    if unit == "%":
        return f"{value:.0f}%"
    if unit == "h":
        return f"{value:,.1f} h"
    if unit == "per hour":
        return f"{value:.2f} / h"
    return f"{value:+,.0f}" if unit == "points" else f"{value:g}"


def dashboard_figures(
    totals: Totals,
    mix: NetworkMix,
    goal: GoalProfile | None,
    settings: InsightSettings,
    today: dt.date,
) -> tuple[Figure, ...]:
    months = totals.months
    aligned = _percent(totals.aligned_contacts, totals.active_contacts)
    response = _percent(totals.replies, totals.outreach)
    balance = totals.given_points - totals.received_points
    hours_month = totals.minutes_this_month / 60 + totals.event_hours_this_month
    days = calendar.monthrange(today.year, today.month)[1]
    budget = goal.weekly_hours * days / 7 if goal and goal.weekly_hours else None
    hours_window = totals.minutes / 60 + totals.event_hours
    per_hour = totals.outcomes / hours_window if hours_window else None
    higher = None if mix.higher_share is None else 100 * mix.higher_share
    new = None if mix.new_share is None else 100 * mix.new_share
    higher_warning = next((w for w in mix.warnings if "higher level" in w), "")
    new_warning = next((w for w in mix.warnings if "new territory" in w), "")
    lean = "you give more than you get" if balance > 0 else "you get more than you give"
    figures = [
        (
            "aligned_share",
            "Aligned contacts",
            aligned,
            "%",
            None,
            f"{totals.aligned_contacts:,} of {totals.active_contacts:,} active contacts score "
            f"{settings.aligned_at} or more against your goal.",
        ),
        (
            "response_rate",
            "Response rate",
            response,
            "%",
            None,
            f"{count_of(totals.replies, 'reply', 'replies')} to "
            f"{count_of(totals.outreach, 'message')} that expected one, over the last "
            f"{count_of(months, 'month')}.",
        ),
        (
            "reciprocity_balance",
            "Reciprocity balance",
            float(balance),
            "points",
            None,
            f"Over the last {count_of(months, 'month')} you gave "
            f"{count_of(totals.given_points, 'value point')} and "
            f"received {totals.received_points:,}"
            + (": balanced." if balance == 0 else f": {lean}."),
        ),
        (
            "hours_this_month",
            "Hours invested this month",
            hours_month,
            "h",
            budget,
            f"{totals.minutes_this_month / 60:,.1f} h on interactions and "
            f"{totals.event_hours_this_month:,.1f} h at events"
            + (
                f"; your budget is {goal.weekly_hours:g} h a week, {budget:.1f} h this month."
                if goal and budget
                else "; set a weekly budget in your goal to compare."
            ),
        ),
        (
            "outcomes_per_hour",
            "Outcomes per hour",
            per_hour,
            "per hour",
            None,
            f"{count_of(totals.outcomes, 'outcome')} (replies, meetings, referrals, new aligned "
            f"contacts) from {hours_window:,.1f} hours over the last {count_of(months, 'month')}.",
        ),
        (
            "higher_level_share",
            "Higher-level contacts",
            higher,
            "%",
            float(settings.higher_level_share_below),
            mix.reasons[0],
        ),
        (
            "new_territory_share",
            "New territory",
            new,
            "%",
            float(settings.new_territory_share_below),
            mix.reasons[-1],
        ),
    ]
    warnings = {"higher_level_share": higher_warning, "new_territory_share": new_warning}
    return tuple(
        Figure(
            key,
            label,
            value,
            unit,
            target,
            shown_value(value, unit),
            (reason,),
            warnings.get(key, ""),
        )
        for key, label, value, unit, target, reason in figures
    )
