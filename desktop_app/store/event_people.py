"""The people of an event: who I plan to meet, who I met, and what came of it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, delete, func, or_, select, text

from desktop_app.store.changes import Change, Written, change
from desktop_app.store.database import Database
from desktop_app.store.events import OUTCOME_KINDS, aligned_met_count, outcome_counts
from desktop_app.store.fulltext import match_expression
from desktop_app.store.interactions import after_interactions_changed
from desktop_app.store.models import Contact, ContactEmail, Event, EventAttendee, Interaction


@dataclass(frozen=True)
class Attendee:
    contact_id: int
    name: str
    company: str
    title: str
    role: str  # "planned" or "met"
    followup_due: dt.date | None  # of the follow-up created from this event
    followup_done: bool
    outcome: str  # "replied", "meeting", "referral"... or ""


@dataclass(frozen=True)
class EventDetail:
    id: int
    name: str
    kind: str
    starts_at: dt.datetime
    place: str
    hours_invested: float
    cost_cents: int
    notes: str
    attendees: tuple[Attendee, ...]
    aligned_met: int = 0  # people met here whose alignment reaches the goal's mark
    replies: int = 0  # to my outreach logged against the event
    meetings: int = 0  # calls, meetings and coffees
    referrals: int = 0  # referrals and introductions

    @property
    def followups_created(self) -> int:
        return sum(1 for a in self.attendees if a.followup_due is not None)

    @property
    def outcomes(self) -> int:
        """As the Events table and the dashboard's return on time count them."""
        return self.aligned_met + self.replies + self.meetings + self.referrals


@dataclass(frozen=True)
class ContactEvent:
    event_id: int
    name: str
    starts_at: dt.datetime
    role: str


def find_contacts(db: Database, typed: str, limit: int = 20) -> list[tuple[int, str, str]]:
    """(id, name, company) of contacts whose name starts with what was typed."""
    expression = match_expression(typed)
    if expression is None:
        return []
    with db.transaction() as session:
        if session.get_bind().dialect.name == "sqlite":
            rows = session.execute(
                text(
                    "SELECT c.id, c.full_name, c.company FROM contacts_fts f "
                    "JOIN contacts c ON c.id = f.rowid WHERE contacts_fts MATCH :match "
                    "ORDER BY c.full_name LIMIT :limit"
                ),
                {"match": "full_name : (" + expression + ")", "limit": limit},
            )
        else:
            rows = session.execute(
                select(Contact.id, Contact.full_name, Contact.company)
                .where(Contact.full_name.ilike(f"%{typed.strip()}%"))
                .order_by(Contact.full_name)
                .limit(limit)
            )
        return [(row[0], row[1], row[2]) for row in rows]


def create_contact_at_event(
    db: Database,
    event_id: int,
    first_name: str,
    last_name: str,
    *,
    company: str = "",
    title: str = "",
    email: str = "",
    role: str = "met",
) -> Written[int]:
    """A new contact met (or to be met) at the event, with "how we met" filled in; its id
    is the value."""
    with db.transaction() as session:
        event = session.get_one(Event, event_id)
        contact = Contact(
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            full_name=" ".join(p for p in (first_name.strip(), last_name.strip()) if p),
            company=company.strip(),
            title=title.strip(),
            met_at_event_id=event_id,
            how_met=f"Met at {event.name}" if role == "met" else f"Planned for {event.name}",
        )
        session.add(contact)
        session.flush()
        if email.strip():
            session.add(ContactEmail(contact_id=contact.id, address=email.strip()))
        session.add(EventAttendee(event_id=event_id, contact_id=contact.id, role=role))
        return Written(change(moved=[contact.id]), contact.id)


def follow_up_everyone_met(db: Database, event_id: int, due_on: dt.date) -> Written[list[int]]:
    """Log the event conversation with each person met and schedule a follow-up.

    People who already have this event's conversation logged are left alone, so running
    it twice does not double anything. The value is the contacts given a follow-up.
    """
    with db.transaction() as session:
        event = session.get_one(Event, event_id)
        already = select(Interaction.contact_id).where(
            Interaction.event_id == event_id, Interaction.kind == "event_conversation"
        )
        met = list(
            session.scalars(
                select(EventAttendee.contact_id).where(
                    EventAttendee.event_id == event_id,
                    EventAttendee.role == "met",
                    EventAttendee.contact_id.not_in(already),
                )
            )
        )
        for contact_id in met:
            session.add(
                Interaction(
                    contact_id=contact_id,
                    event_id=event_id,
                    occurred_on=event.starts_at.date(),
                    kind="event_conversation",
                    initiated_by="me",
                    reply_status="none",
                    notes=f"Met at {event.name}",
                    followup_due=due_on,
                )
            )
        session.flush()
        after_interactions_changed(session.connection(), met)
        return Written(change(interactions=met), met)


def unfollow_everyone_met(db: Database, event_id: int, contact_ids: list[int]) -> Change:
    """Undo ``follow_up_everyone_met`` for ``contact_ids``: the event conversations it
    logged with them go, and their follow-ups with them."""
    with db.transaction() as session:
        session.execute(
            delete(Interaction).where(
                Interaction.event_id == event_id,
                Interaction.kind == "event_conversation",
                Interaction.contact_id.in_(contact_ids),
            )
        )
        after_interactions_changed(session.connection(), contact_ids)
    return change(interactions=contact_ids)


def event_detail(db: Database, event_id: int) -> EventDetail:
    """The event with its attendees, met first, each with the follow-up and what came of it."""
    conversation = (
        select(
            Interaction.contact_id.label("cid"),
            func.min(Interaction.followup_due).label("due"),
            func.max(Interaction.followup_done_at).label("done"),
        )
        .where(Interaction.event_id == event_id, Interaction.kind == "event_conversation")
        .group_by(Interaction.contact_id)
        .subquery()
    )
    outcome = (
        select(
            Interaction.contact_id.label("cid"),
            func.max(
                case((Interaction.reply_status == "replied", "replied"), else_=Interaction.kind)
            ).label("what"),
        )
        .where(
            Interaction.event_id == event_id,
            or_(Interaction.reply_status == "replied", Interaction.kind.in_(OUTCOME_KINDS)),
        )
        .group_by(Interaction.contact_id)
        .subquery()
    )
    statement = (
        select(
            Contact.id,
            Contact.full_name,
            Contact.company,
            Contact.title,
            EventAttendee.role,
            conversation.c.due,
            conversation.c.done,
            outcome.c.what,
        )
        .join(EventAttendee, EventAttendee.contact_id == Contact.id)
        .outerjoin(conversation, conversation.c.cid == Contact.id)
        .outerjoin(outcome, outcome.c.cid == Contact.id)
        .where(EventAttendee.event_id == event_id)
        .order_by(EventAttendee.role, Contact.full_name)  # "met" sorts before "planned"
    )
    with db.transaction() as session:
        event = session.get_one(Event, event_id)
        attendees = tuple(
            Attendee(
                contact_id=row[0],
                name=row[1],
                company=row[2],
                title=row[3],
                role=row[4],
                followup_due=row[5],
                followup_done=row[6] is not None,
                outcome=row[7] or "",
            )
            for row in session.execute(statement)
        )
        aligned, replies, meetings, referrals = session.execute(
            select(aligned_met_count(event_id), *outcome_counts(event_id))
        ).one()
        return EventDetail(
            id=event.id,
            name=event.name,
            kind=event.kind,
            starts_at=event.starts_at,
            place=event.place,
            hours_invested=event.hours_invested,
            cost_cents=event.cost_cents,
            notes=event.notes,
            attendees=attendees,
            aligned_met=aligned,
            replies=replies,
            meetings=meetings,
            referrals=referrals,
        )


def events_of_contact(db: Database, contact_id: int) -> list[ContactEvent]:
    """The events where the contact was met or is planned, newest first."""
    statement = (
        select(Event.id, Event.name, Event.starts_at, EventAttendee.role)
        .join(EventAttendee, EventAttendee.event_id == Event.id)
        .where(EventAttendee.contact_id == contact_id)
        .order_by(Event.starts_at.desc())
    )
    with db.transaction() as session:
        return [ContactEvent(*row) for row in session.execute(statement)]
