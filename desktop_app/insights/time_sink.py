"""Time sink: hours with someone who answers, but from whom nothing comes toward the goal.

*No return on your time* (``return_on_time``) catches the people who never answer. The
cost the article warns about is wider: someone pleasant who replies and meets you, but
who neither is what your goal looks for nor moves it forward. The flag is raised when

- at least ``time_sink_hours`` (5) were spent with them (the minutes of every
  interaction), and
- they do show up: at least one reply, meeting, or referral (else it is *no return*), and
- you are still spending time with them: in touch within the last ``time_sink_months``
  (6), and
- nothing toward the goal came from them in those months: no referral, introduction,
  advice or lead (``goal_help``).

The verdict counts it only for a contact who is not aligned (Move on), like *no return*;
the user can dismiss it like the other flags.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.datetext import format_day
from desktop_app.insights.model import ContactSummary, months_before
from desktop_app.insights.settings import InsightSettings
from desktop_app.wording import count_of


@dataclass(frozen=True)
class TimeSink:
    hours: float
    raised: bool
    reason: str


def time_sink_since(today: dt.date, settings: InsightSettings) -> dt.date:
    """The first day of the window in which something toward the goal should have come."""
    return months_before(today, settings.time_sink_months)


def is_time_sink(minutes: int | None, settings: InsightSettings) -> bool:
    """The rule on the minutes of a contact who shows up, is still in touch since the
    window began and gave nothing toward the goal in it (``None``: not such a contact)."""
    return minutes is not None and minutes >= settings.time_sink_hours * 60 and minutes > 0


def sink_minutes(summary: ContactSummary, since: dt.date) -> int | None:
    """The minutes spent with the contact when every condition but the hours holds."""
    shows_up = summary.outcomes > 0
    in_touch = summary.last_on is not None and summary.last_on >= since
    helped = summary.goal_help_last_on is not None and summary.goal_help_last_on >= since
    return summary.minutes if shows_up and in_touch and not helped else None


def assess_time_sink(
    summary: ContactSummary, settings: InsightSettings, today: dt.date
) -> TimeSink:
    raised = is_time_sink(sink_minutes(summary, time_sink_since(today, settings)), settings)
    months = count_of(settings.time_sink_months, "month")
    hours = summary.hours
    if raised:
        reason = (
            f"Time sink: {hours:.1f} hours spent together (at least "
            f"{settings.time_sink_hours:g}); they answer and meet you, but nothing toward "
            f"your goal came from them in the last {months}: no referral, introduction, "
            "advice or lead."
        )
        if summary.goal_help_last_on is not None:
            reason += f" Their last help toward it came on {format_day(summary.goal_help_last_on)}."
    elif summary.goal_help_last_on is not None:
        reason = (
            f"Their last help toward your goal came on {format_day(summary.goal_help_last_on)}."
        )
    else:
        reason = f"{hours:.1f} hours spent together; no help toward your goal from them yet."
    return TimeSink(hours, raised, reason)
