"""Plain data for printed documents that no screen shows in the same shape."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app.store.database import Database
from desktop_app.store.models import Contact, Event, EventAttendee


@dataclass(frozen=True)
class TalkingPoints:
    contact_id: int
    name: str
    title: str
    company: str
    shared_interests: str
    can_help_with: str
    i_can_offer: str


@dataclass(frozen=True)
class EventForSheet:
    name: str
    starts_at: dt.datetime
    place: str
    kind: str
    notes: str
    people: tuple[TalkingPoints, ...]  # the people planned to meet there
    met: tuple[TalkingPoints, ...]  # the people met there


def event_for_sheet(db: Database, event_id: int) -> EventForSheet:
    statement = (
        select(
            Contact.id,
            Contact.full_name,
            Contact.title,
            Contact.company,
            Contact.shared_interests,
            Contact.can_help_with,
            Contact.i_can_offer,
            EventAttendee.role,
        )
        .join(EventAttendee, EventAttendee.contact_id == Contact.id)
        .where(EventAttendee.event_id == event_id)
        .order_by(Contact.full_name, Contact.id)
    )
    with db.transaction() as session:
        event = session.get_one(Event, event_id)
        people: dict[str, list[TalkingPoints]] = {"planned": [], "met": []}
        for *row, role in session.execute(statement):
            people.setdefault(role, []).append(TalkingPoints(*row))
        return EventForSheet(
            event.name,
            event.starts_at,
            event.place,
            event.kind,
            event.notes,
            tuple(people["planned"]),
            tuple(people["met"]),
        )


@dataclass(frozen=True)
class ListedContact:
    """A line of the compact list: the maintained columns and the cached verdict."""

    name: str
    company: str
    title: str
    verdict: str  # the verdict's code, "" before the first scoring
    next_followup: dt.date | None


def listed_contacts(db: Database, contact_ids: list[int]) -> dict[int, ListedContact]:
    """The compact list's lines by contact id, in a few set-based reads (any number)."""
    from desktop_app.store.insight_models import ContactScore

    found: dict[int, ListedContact] = {}
    with db.transaction() as session:
        for start in range(0, len(contact_ids), 500):
            statement = (
                select(
                    Contact.id,
                    Contact.full_name,
                    Contact.company,
                    Contact.title,
                    ContactScore.verdict,
                    Contact.next_followup_on,
                )
                .outerjoin(ContactScore, ContactScore.contact_id == Contact.id)
                .where(Contact.id.in_(contact_ids[start : start + 500]))
            )
            for contact_id, name, company, title, verdict, due in session.execute(statement):
                found[contact_id] = ListedContact(name, company, title, verdict or "", due)
    return found


def contact_ids_for_print(
    db: Database, *, tag: str | None = None, archived: bool = False
) -> list[int]:
    """All contacts by name (or those with ``tag``), archived ones left out unless asked."""
    from desktop_app.store.models import ContactTag, Tag

    statement = select(Contact.id).order_by(Contact.full_name, Contact.id)
    if not archived:
        statement = statement.where(Contact.status != "archived")
    if tag is not None:
        statement = (
            statement.join(ContactTag, ContactTag.contact_id == Contact.id)
            .join(Tag, Tag.id == ContactTag.tag_id)
            .where(func.lower(Tag.name) == func.lower(tag))
        )
    with db.transaction() as session:
        return list(session.scalars(statement))
