"""The plain values the rules read: a contact, its compact summary, and the dates the rules
compare with. (The goal is ``goal_profile.GoalProfile``, shared with the wizard.)

A ``ContactSummary`` holds counts, sums and dates only (never a list of interactions), so the
same rules run for one contact or for 100,000. The store keeps these summaries up to date in
the database; tests build them by hand.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from desktop_app.insights.settings import InsightSettings

SENIORITY_RANKS = {"junior": 0, "peer": 1, "senior": 2, "executive": 3}
HIGHER_LEVELS = frozenset({"senior", "executive"})


@dataclass(frozen=True)
class ContactProfile:
    """What alignment reads from a contact record."""

    contact_id: int
    name: str = ""
    industry: str = ""
    company: str = ""
    title: str = ""
    seniority: str | None = None
    shared_interests: str = ""
    location: str = ""
    can_help_with: str = ""
    circle: str = "familiar"
    status: str = "active"


@dataclass(frozen=True)
class ValueCounts:
    """How many acts of help of each size (small, medium, large)."""

    small: int = 0
    medium: int = 0
    large: int = 0

    def points(self, settings: InsightSettings) -> int:
        return (
            self.small * settings.points_small
            + self.medium * settings.points_medium
            + self.large * settings.points_large
        )


@dataclass(frozen=True)
class GoalHelp:
    """Help toward the goal received from a contact within the reciprocity window:
    referrals and introductions, advice, and leads (any other help received)."""

    referrals: int = 0
    advice: int = 0
    leads: int = 0

    @property
    def acts(self) -> int:
        return self.referrals + self.advice + self.leads


@dataclass(frozen=True)
class ContactSummary:
    """One contact's interactions, summarised.

    - ``outreach``: my messages that expected a reply; ``replies``: those marked replied.
    - ``last_from_them_on``: the last sign of life from them: anything they started, a reply
      to me, or a conversation in person or by phone (call, meeting, coffee, event talk).
    - ``pending``: the dates of my outreach sent after that sign of life and still without a
      reply, oldest first: the run of unanswered outreach "in a row".
    - ``given`` / ``received``: help by size within the reciprocity window only.
    - ``meetings``: calls, meetings and coffees; ``referrals``: referrals and introductions.
    - ``goal_help``: help toward the goal received within the reciprocity window;
      ``goal_help_last_on``: the day of the last such help, whenever it was.
    """

    contact_id: int
    interactions: int = 0
    minutes: int = 0
    first_on: dt.date | None = None
    last_on: dt.date | None = None
    outreach: int = 0
    replies: int = 0
    meetings: int = 0
    referrals: int = 0
    last_from_them_on: dt.date | None = None
    pending: tuple[dt.date, ...] = ()
    given: ValueCounts = field(default_factory=ValueCounts)
    received: ValueCounts = field(default_factory=ValueCounts)
    goal_help: GoalHelp = field(default_factory=GoalHelp)
    goal_help_last_on: dt.date | None = None

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def outcomes(self) -> int:
        """Replies, meetings and referrals: what time with this contact brought."""
        return self.replies + self.meetings + self.referrals


@dataclass(frozen=True)
class Cutoffs:
    """The dates a rule compares with, computed once from today and the settings.

    Every comparison is "strictly before" a cutoff, so the last day of a window is still in
    it: an outreach sent 14 days ago is within a 14-day reply window; 15 days ago is past it.
    ``*_iso`` twins let bulk code compare ISO date strings without parsing them.
    """

    today: dt.date
    reply_before: dt.date  # outreach sent before this is past the reply window
    quiet_before: dt.date  # a last sign of life before this is outside the silence window
    value_since: dt.date  # the reciprocity window starts on this day (inclusive)

    @classmethod
    def at(cls, today: dt.date, settings: InsightSettings) -> Cutoffs:
        return cls(
            today=today,
            reply_before=today - dt.timedelta(days=settings.reply_window_days),
            quiet_before=today - dt.timedelta(days=settings.silence_days),
            value_since=months_before(today, settings.reciprocity_months),
        )

    @property
    def reply_before_iso(self) -> str:
        return self.reply_before.isoformat()

    @property
    def quiet_before_iso(self) -> str:
        return self.quiet_before.isoformat()


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months earlier, clamped to the month's end."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def month_key(day: dt.date) -> str:
    """``YYYY-MM``: how months are keyed everywhere (and in the store's monthly table)."""
    return f"{day.year:04d}-{day.month:02d}"


def recent_months(today: dt.date, count: int) -> tuple[str, ...]:
    """The keys of the last ``count`` months up to and including today's, oldest first."""
    first = today.year * 12 + today.month - count
    return tuple(f"{i // 12:04d}-{i % 12 + 1:02d}" for i in range(first, first + count))
