"""A calendar file into the database: a plan first, then one transaction.

``plan_calendar_import`` turns each occurrence of ``exchange.ics_in`` into what NetWise
keeps: a meeting held with contacts becomes an interaction with each of them (its minutes,
initiated by me when I organised it); a networking event becomes an Event with its place
and hours, the contacts among its attendees the people met there (planned, for one still
ahead). Cancelled meetings, those I declined, declined attendees, meetings still ahead and
entries with nobody but me are left out and counted. Each interaction and event is keyed by
the entry's UID and recurrence id, so importing the calendar again adds nothing twice.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import Connection, text

from desktop_app.exchange.ics_records import CalendarOccurrence, CalendarPerson, ParsedCalendar
from desktop_app.exchange.normalise import email_key
from desktop_app.store.contact_writes import bulk_insert
from desktop_app.store.database import Database
from desktop_app.store.evidence_people import (
    ContactIndex,
    NamedPerson,
    create_strangers,
    name_match_key,
    read_contact_index,
)
from desktop_app.store.evidence_writes import EvidenceRow, WriteCounts, source_key, write_evidence
from desktop_app.store.models import Event, EventAttendee
from desktop_app.validation import MAX_SHORT_TEXT

PREFIX = "ics"
# Words of the title or categories that say which kind of event it is; else "social".
_EVENT_KINDS = (
    ("online", ("webinar", "online", "virtual")),
    ("conference", ("conference", "summit", "symposium", "convention", "congress", "expo")),
    ("meetup", ("meetup", "meet-up", "meet up", "hackathon")),
    ("industry", ("trade", "fair", "forum", "panel")),
)
_EVENT_COLUMNS = (
    "name",
    "kind",
    "starts_at",
    "place",
    "hours_invested",
    "cost_cents",
    "notes",
    "created_at",
    "updated_at",
    "source_key",
)


@dataclass(frozen=True, slots=True)
class PlannedEvent:
    source_key: str
    name: str
    kind: str
    starts_at: dt.datetime
    place: str
    hours: float
    role: str  # "met", or "planned" for an event still ahead
    people: tuple[str, ...]  # identities of the attendees


@dataclass(slots=True)
class CalendarPlan:
    calendar: ParsedCalendar
    rows: list[EvidenceRow]
    events: list[PlannedEvent]
    people: dict[str, NamedPerson]
    contacts: dict[str, int]  # identity → contact, for the people who are contacts
    skipped: Counter[str] = field(default_factory=Counter)
    meetings: int = 0
    minutes: int = 0
    already_events: int = 0
    create_strangers: bool = False  # every stranger made a contact...
    to_create: set[str] = field(default_factory=set)  # ...or these (identities), chosen one by one

    @property
    def strangers(self) -> list[NamedPerson]:
        return [p for i, p in self.people.items() if i not in self.contacts]


@dataclass(frozen=True, slots=True)
class CalendarResult:
    interactions: WriteCounts
    events_added: int
    people_met: int
    strangers_created: int
    strangers_skipped: int


def is_calendar_address(person: CalendarPerson) -> bool:
    """A shared calendar or a room invited as a guest (Google's group and resource
    calendars): not a person."""
    return person.email.endswith((".calendar.google.com", "@resource.calendar.google.com"))


def _identity(person: CalendarPerson) -> str:
    return email_key(person.email) or f"name:{name_match_key(person.name)}"


def event_kind(occurrence: CalendarOccurrence) -> str:
    words = " ".join((occurrence.title, *occurrence.categories)).casefold()
    for kind, markers in _EVENT_KINDS:
        if any(marker in words for marker in markers):
            return kind
    return "social"


def plan_calendar_import(
    db: Database, calendar: ParsedCalendar, *, now: dt.datetime | None = None
) -> CalendarPlan:
    """What importing ``calendar`` would write, matched against the contacts as they are."""
    now = now or dt.datetime.now()
    owner = calendar.owner_emails
    plan = CalendarPlan(calendar, [], [], {}, {})
    with db.transaction() as session:
        connection = session.connection()
        index = read_contact_index(connection)
        stored_events = _stored_event_keys(connection)
    # The same people are in meeting after meeting (every occurrence of a series shares
    # its event's organiser and attendees): each is matched once, each list read once.
    matched: dict[CalendarPerson, _Match] = {}
    lists: dict[tuple[int, int], tuple[bool, list[_Match]]] = {}
    for occurrence in calendar.occurrences:
        if occurrence.cancelled:
            plan.skipped["cancelled"] += 1
            continue
        people = (id(occurrence.organiser), id(occurrence.attendees))
        if (known := lists.get(people)) is None:
            known = lists[people] = _people_of(occurrence, owner, index, matched)
        attended, guests = known
        if not attended:
            plan.skipped["declined"] += 1
            continue
        identities = []
        for identity, person, found in guests:
            plan.people.setdefault(identity, person)
            if found is not None:
                plan.contacts[identity] = found
            identities.append(identity)
        if occurrence.looks_like_networking:
            _plan_event(plan, occurrence, identities, now, stored_events)
        elif not guests:
            plan.skipped["nobody else"] += 1
        elif occurrence.starts_at > now:
            plan.skipped["still ahead"] += 1
        else:
            _plan_meeting(plan, occurrence, identities)
    # Only people of kept entries are listed (a skipped entry's guests are not strangers).
    kept = {row.identity for row in plan.rows} | {i for e in plan.events for i in e.people}
    plan.people = {i: p for i, p in plan.people.items() if i in kept}
    return plan


class _Match(NamedTuple):
    identity: str
    person: NamedPerson
    contact: int | None


def _people_of(
    occurrence: CalendarOccurrence,
    owner: frozenset[str],
    index: ContactIndex,
    matched: dict[CalendarPerson, _Match],
) -> tuple[bool, list[_Match]]:
    """Whether I attended (not cancelled), and the guests met with their contacts."""
    guests = []
    for guest in occurrence.guests(owner):
        if is_calendar_address(guest):
            continue
        if (known := matched.get(guest)) is None:
            identity = _identity(guest)
            person = NamedPerson(identity, guest.name or guest.email, email=guest.email)
            known = matched[guest] = _Match(identity, person, index.find(person))
        guests.append(known)
    return occurrence.attended(owner), guests


def _plan_meeting(plan: CalendarPlan, occurrence: CalendarOccurrence, people: list[str]) -> None:
    plan.meetings += 1
    minutes = occurrence.minutes
    plan.minutes += minutes
    key, day = occurrence.key, occurrence.starts_at.date()
    initiated_by = "me" if occurrence.organised_by_owner else "them"
    plan.rows.extend(
        EvidenceRow(
            source_key(PREFIX, f"{key}|{identity}"),
            identity,
            day,
            "meeting",
            initiated_by,
            "none",
            minutes,
        )
        for identity in people
    )


def _plan_event(
    plan: CalendarPlan,
    occurrence: CalendarOccurrence,
    people: list[str],
    now: dt.datetime,
    stored: set[str],
) -> None:
    key = source_key(PREFIX, occurrence.key)
    if key in stored:
        plan.already_events += 1
        return
    plan.events.append(
        PlannedEvent(
            source_key=key,
            name=(occurrence.title.strip() or "Event")[:MAX_SHORT_TEXT],
            kind=event_kind(occurrence),
            starts_at=occurrence.starts_at,
            place=occurrence.place[:MAX_SHORT_TEXT],
            hours=round(occurrence.minutes / 60, 2),
            role="planned" if occurrence.starts_at > now else "met",
            people=tuple(people),
        )
    )


def _stored_event_keys(connection: Connection) -> set[str]:
    return set(
        connection.execute(
            text("SELECT source_key FROM events WHERE source_key >= :low AND source_key < :high"),
            {"low": f"{PREFIX}:", "high": f"{PREFIX};"},
        ).scalars()
    )


def apply_calendar_plan(
    db: Database, plan: CalendarPlan, *, now: dt.datetime | None = None
) -> CalendarResult:
    """Write ``plan`` in one transaction: the events, then the meetings' interactions."""
    stamp = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    with db.transaction(immediate=True) as session:
        connection = session.connection()
        index = read_contact_index(connection)
        contact_of: dict[str, int] = {}
        strangers: list[NamedPerson] = []
        for identity, person in plan.people.items():
            found = index.find(person)
            if found is not None:
                contact_of[identity] = found
            else:
                strangers.append(person)
        wanted = [p for p in strangers if plan.create_strangers or p.identity in plan.to_create]
        if wanted:
            contact_of.update(create_strangers(connection, wanted, stamp))
        stored = _stored_event_keys(connection)  # (another import may have run since)
        events = [e for e in plan.events if e.source_key not in stored]
        bulk_insert(
            connection,
            Event.__table__,
            _EVENT_COLUMNS,
            [
                (e.name, e.kind, e.starts_at, e.place, e.hours, 0, "", stamp, stamp, e.source_key)
                for e in events
            ],
        )
        met = _add_attendees(connection, events, contact_of)
        counts = write_evidence(connection, plan.rows, contact_of, PREFIX, stamp)
    return CalendarResult(
        interactions=counts,
        events_added=len(events),
        people_met=met,
        strangers_created=len(wanted),
        strangers_skipped=len(strangers) - len(wanted),
    )


def _add_attendees(
    connection: Connection, events: list[PlannedEvent], contact_of: dict[str, int]
) -> int:
    if not events:
        return 0
    ids = dict(
        connection.execute(
            text(
                "SELECT source_key, id FROM events WHERE source_key >= :low AND source_key < :high"
            ),
            {"low": f"{PREFIX}:", "high": f"{PREFIX};"},
        ).all()
    )
    attendees = {
        (ids[e.source_key], contact_of[i]): e.role
        for e in events
        for i in e.people
        if i in contact_of
    }
    bulk_insert(
        connection,
        EventAttendee.__table__,
        ("event_id", "contact_id", "role"),
        [(event, contact, role) for (event, contact), role in attendees.items()],
    )
    return len(attendees)
