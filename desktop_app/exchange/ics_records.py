"""Plain records of a calendar file: one per occurrence of a meeting in the imported period.

A recurring meeting becomes one record per occurrence, each with the series' UID and its
own recurrence id (the start it was scheduled for, as the file wrote it, in UTC when the
file gave a zone). ``key`` joins the two: it stays the same when an occurrence is moved
or renamed later, so importing a newer export of the same calendar adds nothing twice.
Times are local wall-clock times without a zone, as NetWise keeps them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.exchange.records import Problem

# PARTSTAT values, lower-cased as RFC 5545 spells them.
DECLINED = "declined"
CANCELLED = "cancelled"


@dataclass(frozen=True, slots=True)
class CalendarPerson:
    """An organiser or attendee: the name the calendar shows and the address it invited."""

    name: str
    email: str  # lower-case, without "mailto:"; "" when the file gave none
    status: str = ""  # participation: "accepted", "declined", "tentative", "needs-action"...

    @property
    def declined(self) -> bool:
        return self.status == DECLINED


@dataclass(frozen=True, slots=True)
class CalendarOccurrence:
    """One meeting on one day, as the calendar file describes it."""

    uid: str
    recurrence_id: str  # "" for a single event; "20250110T080000Z", "20250110"... otherwise
    title: str
    starts_at: dt.datetime  # local time, no zone; midnight for an all-day event
    ends_at: dt.datetime
    all_day: bool
    # Time spent: the duration of a timed meeting. An all-day entry says which days, not
    # how long anyone met, so it counts no minutes.
    minutes: int
    place: str
    categories: tuple[str, ...]
    organiser: CalendarPerson | None
    attendees: tuple[CalendarPerson, ...]
    status: str  # "confirmed", "tentative", "cancelled" or ""
    looks_like_networking: bool
    organised_by_owner: bool  # the calendar's owner organised it (or nobody is named)
    description: str = ""
    line: int = 0  # where the event starts in the file, for messages

    @property
    def key(self) -> str:
        """The same for the same occurrence in every export of the calendar."""
        return f"{self.uid}#{self.recurrence_id}" if self.recurrence_id else self.uid

    @property
    def cancelled(self) -> bool:
        return self.status == CANCELLED

    def attended(self, owner_emails: frozenset[str]) -> bool:
        """Whether the meeting took place with the owner: not cancelled, not declined."""
        return not self.cancelled and not any(
            person.declined and person.email in owner_emails for person in self.attendees
        )

    def guests(self, owner_emails: frozenset[str]) -> tuple[CalendarPerson, ...]:
        """The people met: the organiser and the attendees who did not decline, but not
        the owner (some calendars list the organiser among the attendees, some do not)."""
        people = (self.organiser, *self.attendees) if self.organiser else self.attendees
        met: dict[str, CalendarPerson] = {}
        for person in people:
            if person.declined or person.email in owner_emails:
                continue
            met.setdefault(person.email or person.name, person)
        return tuple(met.values())


@dataclass(frozen=True, slots=True)
class ParsedCalendar:
    """What was read from one calendar file over one period."""

    source: str
    encoding: str
    name: str  # the calendar's name (X-WR-CALNAME), "" if the file gives none
    owner_emails: frozenset[str]  # the addresses taken as the calendar owner's
    period_start: dt.date
    period_end: dt.date
    occurrences: tuple[CalendarOccurrence, ...]
    problems: tuple[Problem, ...] = field(default=())
