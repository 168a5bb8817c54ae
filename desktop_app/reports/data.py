"""What the printable documents show, as plain data (filled by the ui from the store)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class InteractionLine:
    on: dt.date
    kind: str  # already a label, e.g. "Coffee"
    summary: str  # e.g. "You gave medium help · replied"


@dataclass(frozen=True)
class FollowUpLine:
    due: dt.date
    about: str


@dataclass(frozen=True)
class ContactSheet:
    name: str
    title: str = ""
    company: str = ""
    industry: str = ""
    location: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    linkedin_url: str = ""
    how_met: str = ""
    tags: tuple[str, ...] = ()
    seniority: str = ""
    circle: str = ""
    alignment: int | None = None
    verdict: str = ""
    reasons: tuple[str, ...] = ()
    given_points: int | None = None
    received_points: int | None = None
    last_interactions: tuple[InteractionLine, ...] = ()
    open_followups: tuple[FollowUpLine, ...] = ()
    shared_interests: str = ""
    can_help_with: str = ""
    i_can_offer: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CompactRow:
    name: str
    company: str
    title: str
    verdict: str
    next_followup: dt.date | None


@dataclass(frozen=True)
class PitchText:
    text: str
    headline: str = ""


@dataclass(frozen=True)
class GoalCard:
    statement: str
    goal_type: str = ""
    target_roles: tuple[str, ...] = ()
    target_companies: tuple[str, ...] = ()
    target_industries: tuple[str, ...] = ()
    target_locations: tuple[str, ...] = ()
    target_seniority: str = ""
    weekly_hours: float = 0.0
    target_date: dt.date | None = None
    measures: tuple[tuple[str, float], ...] = ()
    organisations: tuple[tuple[str, str], ...] = ()  # (name, status label)
    pitch: PitchText | None = None


@dataclass(frozen=True)
class EventSheet:
    name: str
    starts_at: dt.datetime
    place: str = ""
    kind: str = ""
    notes: str = ""
    goal: GoalCard | None = None
    people: tuple[ContactSheet, ...] = field(default_factory=tuple)  # planned to meet
    met: tuple[ContactSheet, ...] = field(default_factory=tuple)
    past: bool = False  # the sheet looks back: who was met comes first
