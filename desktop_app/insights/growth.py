"""Growth: the goal's measurable targets month by month, against their targets.

A measure ("Informational meetings per month", 4) is matched to something NetWise counts
(``METRICS``) by the words of its name. Named "per
month" (or per week) it is a monthly target; otherwise a total to reach since the goal was
set, by the target date when there is one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.datetext import format_day
from desktop_app.insights.goal_profile import GoalProfile, Measure
from desktop_app.insights.model import month_key, months_before
from desktop_app.insights.text import fold

METRICS = {
    "meetings": "calls, meetings and coffees",
    "referrals": "referrals and introductions",
    "replies": "replies to your outreach",
    "outreach": "outreach sent",
    "hours": "hours invested (interactions and events)",
    "events": "events attended",
    "new_contacts": "new contacts added",
    "new_aligned_contacts": "new contacts aligned with your goal",
}
# Words of a measure's name → what it counts; the first hit wins.
_KEYWORDS = (
    ("aligned", "new_aligned_contacts"),
    ("referr", "referrals"),
    ("introduc", "referrals"),
    ("intro", "referrals"),
    ("meeting", "meetings"),
    ("coffee", "meetings"),
    ("call", "meetings"),
    ("interview", "meetings"),
    ("repl", "replies"),
    ("response", "replies"),
    ("outreach", "outreach"),
    ("message", "outreach"),
    ("reach out", "outreach"),
    ("hour", "hours"),
    ("event", "events"),
    ("contact", "new_contacts"),
    ("connection", "new_contacts"),
    ("people", "new_contacts"),
)


@dataclass(frozen=True)
class MonthFigures:
    """What happened in one month (``month`` is ``YYYY-MM``)."""

    month: str
    meetings: int = 0
    referrals: int = 0
    replies: int = 0
    outreach: int = 0
    minutes: int = 0
    event_hours: float = 0.0
    events: int = 0
    new_contacts: int = 0
    new_aligned_contacts: int = 0

    def value(self, metric: str) -> float:
        if metric == "hours":
            return self.minutes / 60 + self.event_hours
        return float(getattr(self, metric))


@dataclass(frozen=True)
class MeasureGrowth:
    name: str
    metric: str  # "" when NetWise cannot count it
    target: float
    cadence: str  # "monthly" or "total"
    monthly_target: float | None
    months: tuple[tuple[str, float], ...]  # (YYYY-MM, value), oldest first
    current: float  # this month so far (monthly) or the total since the goal was set
    status: str  # on_track, behind, reached, too_early, unmeasured
    reasons: tuple[str, ...]


def metric_for(measure: Measure) -> str:
    """What ``measure`` counts (a key of ``METRICS``), or "" when NetWise cannot count it."""
    name = fold(measure.name)
    return next((metric for word, metric in _KEYWORDS if word in name), "")


def cadence_of(measure: Measure) -> tuple[str, float | None]:
    """("monthly", target per month) or ("total", None)."""
    name = fold(measure.name)
    if any(w in name for w in ("per month", "a month", "monthly", "each month", "every month")):
        return "monthly", measure.target
    if any(w in name for w in ("per week", "a week", "weekly", "each week", "every week")):
        return "monthly", measure.target * 52 / 12
    return "total", None


def measure_growth(
    goal: GoalProfile,
    months: Sequence[MonthFigures],
    today: dt.date,
    window: int = 12,
    set_on: dt.date | None = None,
) -> tuple[MeasureGrowth, ...]:
    """Each measure of ``goal`` (set on ``set_on``) over the last ``window`` months.

    ``months`` may hold more, and must hold every month since the goal was set for the
    totals; missing months count 0. Without ``set_on`` totals count the shown months.
    """
    by_month = {m.month: m for m in months}
    shown = [month_key(months_before(today, back)) for back in range(window - 1, -1, -1)]
    this_month = month_key(today)
    start = month_key(set_on) if set_on else shown[0]
    return tuple(
        _one(m, by_month, shown, this_month, start, goal, today, set_on) for m in goal.measures
    )


def _one(
    measure: Measure,
    by_month: dict[str, MonthFigures],
    shown: list[str],
    this_month: str,
    start: str,
    goal: GoalProfile,
    today: dt.date,
    set_on: dt.date | None,
) -> MeasureGrowth:
    metric = metric_for(measure)
    cadence, per_month = cadence_of(measure)
    if not metric:
        reason = (
            f"“{measure.name}” is not something NetWise can count; name it after meetings, "
            "referrals, replies, outreach, hours, events or new (aligned) contacts."
        )
        return MeasureGrowth(
            measure.name, "", measure.target, cadence, per_month, (), 0.0, "unmeasured", (reason,)
        )

    def value(month: str) -> float:
        figures = by_month.get(month)
        return figures.value(metric) if figures else 0.0

    points = tuple((month, value(month)) for month in shown)
    what = METRICS[metric]
    if cadence == "monthly":
        assert per_month is not None
        current = value(this_month)
        full = [m for m in shown if start <= m < this_month]
        reasons = [f"Counts {what}; target {per_month:g} a month. This month so far: {current:g}."]
        if full:
            last = full[-1]
            status = "on_track" if value(last) >= per_month else "behind"
            reasons.append(f"Last full month ({last}): {value(last):g} of {per_month:g}.")
        else:
            status = "on_track" if current >= per_month else "too_early"
            reasons.append("No full month has passed since you set the goal.")
        return MeasureGrowth(
            measure.name,
            metric,
            measure.target,
            cadence,
            per_month,
            points,
            current,
            status,
            tuple(reasons),
        )
    current = sum(f.value(metric) for month, f in by_month.items() if start <= month <= this_month)
    reasons = [f"Counts {what} since {start}: {current:g} of {measure.target:g}."]
    if current >= measure.target:
        status = "reached"
    elif set_on and goal.target_date and goal.target_date > set_on:
        elapsed = (today - set_on).days / (goal.target_date - set_on).days
        expected = measure.target * min(max(elapsed, 0.0), 1.0)
        status = "on_track" if current >= expected else "behind"
        reasons.append(
            f"By today ({elapsed:.0%} of the way to {format_day(goal.target_date)}) the pace "
            f"asks for {expected:.1f}."
        )
    else:
        status = "behind"
    return MeasureGrowth(
        measure.name,
        metric,
        measure.target,
        cadence,
        None,
        points,
        current,
        status,
        tuple(reasons),
    )
