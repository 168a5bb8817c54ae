"""Return on time: outcomes per hour, for a contact, an event, and events of one kind.

Outcomes are what time spent brought: replies to my outreach, meetings (calls, meetings,
coffees), referrals and introductions, and, for an event, the aligned people met there.
A contact's hours are the minutes logged on its interactions; an event's are the hours
invested in it. *No return*: at least ``no_return_hours`` spent and not one outcome.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from desktop_app.insights.model import ContactSummary
from desktop_app.insights.settings import InsightSettings
from desktop_app.wording import count_of, hours_of


@dataclass(frozen=True)
class ReturnOnTime:
    hours: float
    outcomes: int
    per_hour: float | None  # None when no time was logged
    no_return: bool
    reasons: tuple[str, ...]


def has_no_return(minutes: int, outcomes: int, settings: InsightSettings) -> bool:
    return outcomes == 0 and minutes >= settings.no_return_hours * 60


def _per_hour(outcomes: int, hours: float) -> float | None:
    return outcomes / hours if hours > 0 else None


def _rate_text(per_hour: float | None) -> str:
    return "no time logged" if per_hour is None else f"{per_hour:.2f} outcomes per hour"


def contact_return(summary: ContactSummary, settings: InsightSettings) -> ReturnOnTime:
    hours, outcomes = summary.hours, summary.outcomes
    per_hour = _per_hour(outcomes, hours)
    none_back = has_no_return(summary.minutes, outcomes, settings)
    reasons = [
        f"{hours:.1f} hours spent together brought {count_of(outcomes, 'outcome')} "
        f"({count_of(summary.replies, 'reply', 'replies')}, "
        f"{count_of(summary.meetings, 'meeting')}, {summary.referrals:,} "
        f"referrals or introductions): {_rate_text(per_hour)}."
    ]
    if none_back:
        reasons.insert(
            0,
            f"No return on your time: {hours:.1f} hours spent (at least "
            f"{settings.no_return_hours:g}) and not one reply, meeting or referral.",
        )
    return ReturnOnTime(hours, outcomes, per_hour, none_back, tuple(reasons))


@dataclass(frozen=True)
class EventFigures:
    """What the store knows about one event."""

    event_id: int
    name: str
    kind: str
    starts_on: dt.date
    hours: float
    cost_cents: int
    people_met: int
    aligned_met: int
    replies: int = 0
    meetings: int = 0
    referrals: int = 0


@dataclass(frozen=True)
class EventReturn:
    event_id: int
    name: str
    kind: str
    starts_on: dt.date
    hours: float
    cost_cents: int
    outcomes: int
    per_hour: float | None
    reasons: tuple[str, ...]


def event_return(event: EventFigures) -> EventReturn:
    outcomes = event.aligned_met + event.replies + event.meetings + event.referrals
    per_hour = _per_hour(outcomes, event.hours)
    reasons = (
        f"{hours_of(event.hours)} at {event.name}: met "
        f"{count_of(event.people_met, 'person', 'people')}, "
        f"{event.aligned_met:,} of them aligned with your goal; "
        f"{count_of(event.replies, 'reply', 'replies')}, {count_of(event.meetings, 'meeting')} "
        f"and {count_of(event.referrals, 'referral')} followed ({_rate_text(per_hour)}).",
    )
    return EventReturn(
        event.event_id,
        event.name,
        event.kind,
        event.starts_on,
        event.hours,
        event.cost_cents,
        outcomes,
        per_hour,
        reasons,
    )


@dataclass(frozen=True)
class KindReturn:
    kind: str
    events: int
    hours: float
    cost_cents: int
    outcomes: int
    per_hour: float | None
    reason: str


def returns_by_kind(
    totals: Iterable[tuple[str, int, float, int, int]],
) -> tuple[KindReturn, ...]:
    """Events summed by kind from (kind, events, hours, cost in cents, outcomes) rows (one
    kind may come in several rows), best return first, kinds without time last."""
    sums: dict[str, list[float]] = {}
    for kind, count, hours, cost, outcomes in totals:
        row = sums.setdefault(kind, [0, 0.0, 0, 0])
        row[0] += count
        row[1] += hours
        row[2] += cost
        row[3] += outcomes
    result = []
    for kind, (count, hours, cost, outcomes) in sums.items():
        per_hour = _per_hour(int(outcomes), hours)
        reason = (
            f"{count_of(int(count), f'{kind} event')}, {hours:,.1f} hours, "
            f"{count_of(int(outcomes), 'outcome')}: {_rate_text(per_hour)}."
        )
        result.append(
            KindReturn(kind, int(count), hours, int(cost), int(outcomes), per_hour, reason)
        )
    result.sort(key=lambda k: (k.per_hour is None, -(k.per_hour or 0), k.kind))
    return tuple(result)


def event_totals(events: Iterable[EventReturn]) -> list[tuple[str, int, float, int, int]]:
    """Rows for ``returns_by_kind`` from single events."""
    return [(e.kind, 1, e.hours, e.cost_cents, e.outcomes) for e in events]
