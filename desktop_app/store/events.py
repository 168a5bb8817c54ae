"""Events: the list (sorted and filtered in SQL), writes, and who was there.

Rows leave the store as small frozen dataclasses; the figures per event (people met,
follow-ups done, outcomes) are computed for the rows asked for, not for the whole table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Select, and_, delete, func, or_, select, update

from desktop_app.store.changes import Change, change
from desktop_app.store.database import Database
from desktop_app.store.errors import ChangedElsewhereError, InvalidInputError
from desktop_app.store.insight_models import ContactScore
from desktop_app.store.models import Contact, Event, EventAttendee, Interaction
from desktop_app.store.row_versions import note_written, only_own_since

# What an event returned, as the dashboard's return on time counts it: the aligned people
# met there, replies to my outreach, meetings (calls, meetings, coffees) and referrals or
# introductions logged against the event.
MEETING_KINDS = ("call", "meeting", "coffee")
REFERRAL_KINDS = ("referral", "introduction")
OUTCOME_KINDS = MEETING_KINDS + REFERRAL_KINDS
SORT_COLUMNS = ("name", "kind", "starts_at", "place", "hours", "cost", "met", "done", "outcomes")


@dataclass(frozen=True)
class EventInput:
    name: str
    starts_at: dt.datetime
    kind: str = "social"
    place: str = ""
    hours_invested: float = 0.0
    cost_cents: int = 0
    notes: str = ""


@dataclass(frozen=True)
class EventRow:
    id: int
    name: str
    kind: str
    starts_at: dt.datetime
    place: str
    hours_invested: float
    cost_cents: int
    people_met: int
    followups_done: int
    outcomes: int


@dataclass(frozen=True)
class EventQuery:
    text: str = ""
    view: str = "all"  # "upcoming", "past" or "all"
    sort: str = "starts_at"
    descending: bool = True


def _met_count():  # type: ignore[no-untyped-def]
    return (
        select(func.count())
        .where(EventAttendee.event_id == Event.id, EventAttendee.role == "met")
        .scalar_subquery()
    )


def _done_count():  # type: ignore[no-untyped-def]
    return (
        select(func.count())
        .where(Interaction.event_id == Event.id, Interaction.followup_done_at.is_not(None))
        .scalar_subquery()
    )


def aligned_met_count(event_id):  # type: ignore[no-untyped-def]
    """People met at the event whose alignment reaches the goal's mark."""
    return (
        select(func.count())
        .select_from(EventAttendee)
        .join(ContactScore, ContactScore.contact_id == EventAttendee.contact_id)
        .where(
            EventAttendee.event_id == event_id,
            EventAttendee.role == "met",
            ContactScore.aligned == 1,  # a flag (0 or 1) on both databases
        )
        .scalar_subquery()
    )


def outcome_counts(event_id):  # type: ignore[no-untyped-def]
    """(replies, meetings, referrals) logged against the event, each a scalar subquery."""

    def count(condition):  # type: ignore[no-untyped-def]
        return (
            select(func.count())
            .where(Interaction.event_id == event_id, condition)
            .scalar_subquery()
        )

    return (
        count(and_(Interaction.initiated_by == "me", Interaction.reply_status == "replied")),
        count(Interaction.kind.in_(MEETING_KINDS)),
        count(Interaction.kind.in_(REFERRAL_KINDS)),
    )


def _outcome_count():  # type: ignore[no-untyped-def]
    replies, meetings, referrals = outcome_counts(Event.id)
    return aligned_met_count(Event.id) + replies + meetings + referrals


def _sort_key(name: str):  # type: ignore[no-untyped-def]
    return {
        "name": func.lower(Event.name),
        "kind": Event.kind,
        "starts_at": Event.starts_at,
        "place": func.lower(Event.place),
        "hours": Event.hours_invested,
        "cost": Event.cost_cents,
        "met": _met_count(),
        "done": _done_count(),
        "outcomes": _outcome_count(),
    }[name]


def _filtered(query: EventQuery, now: dt.datetime) -> Select:
    statement = select(Event.id)
    if query.view == "upcoming":
        statement = statement.where(Event.starts_at >= now)
    elif query.view == "past":
        statement = statement.where(Event.starts_at < now)
    words = query.text.split()
    for word in words:
        pattern = f"%{word.replace('%', '').replace('_', '')}%"
        statement = statement.where(
            or_(Event.name.ilike(pattern), Event.place.ilike(pattern), Event.notes.ilike(pattern))
        )
    return statement


def event_ids(db: Database, query: EventQuery, now: dt.datetime | None = None) -> list[int]:
    """Ids of the events ``query`` selects, in its order (ties broken by id)."""
    now = now or dt.datetime.now()
    key = _sort_key(query.sort if query.sort in SORT_COLUMNS else "starts_at")
    order = key.desc() if query.descending else key.asc()
    tie = Event.id.desc() if query.descending else Event.id.asc()
    statement = _filtered(query, now).order_by(order, tie)
    with db.transaction() as session:
        return list(session.scalars(statement))


def event_count(db: Database) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(Event)) or 0


def event_rows(db: Database, ids: Sequence[int]) -> dict[int, EventRow]:
    """The rows for ``ids`` (a visible block), by id."""
    if not ids:
        return {}
    statement = select(
        Event.id,
        Event.name,
        Event.kind,
        Event.starts_at,
        Event.place,
        Event.hours_invested,
        Event.cost_cents,
        _met_count(),
        _done_count(),
        _outcome_count(),
    ).where(Event.id.in_(list(ids)))
    with db.transaction() as session:
        return {row[0]: EventRow(*row) for row in session.execute(statement)}


def create_event(db: Database, data: EventInput) -> int:
    with db.transaction() as session:
        event = Event(**data.__dict__)
        session.add(event)
        session.flush()
        return event.id


EVENT_CHANGED_ELSEWHERE = (
    "This event was changed elsewhere meanwhile — reload it to see that change; "
    "nothing was overwritten."
)


def update_event(
    db: Database, event_id: int, data: EventInput, *, version: int | None = None
) -> None:
    """Rewrite the event. With ``version`` (the one it had when read), an event written
    by someone else since is refused."""
    with db.transaction() as session:
        now = session.scalar(select(Event.version).where(Event.id == event_id))
        if now is None:
            raise InvalidInputError("This event no longer exists; it was deleted meanwhile.")
        if version is not None and not only_own_since(
            db.own_versions, "events", event_id, version, now
        ):
            raise ChangedElsewhereError(EVENT_CHANGED_ELSEWHERE)
        # The version is compared in the UPDATE too: a writer in between makes it miss.
        written = session.execute(
            update(Event)
            .where(Event.id == event_id, Event.version == now)
            .values(**data.__dict__, version=now + 1),
            execution_options={"synchronize_session": False},
        )
        if written.rowcount != 1:  # type: ignore[attr-defined]
            raise ChangedElsewhereError(EVENT_CHANGED_ELSEWHERE)
        note_written(session, "events", [(event_id, now + 1)])


def _event_input(event: Event) -> EventInput:
    return EventInput(
        name=event.name,
        starts_at=event.starts_at,
        kind=event.kind,
        place=event.place,
        hours_invested=event.hours_invested,
        cost_cents=event.cost_cents,
        notes=event.notes,
    )


def read_event(db: Database, event_id: int) -> EventInput:
    return read_versioned_event(db, event_id)[0]


def read_versioned_event(db: Database, event_id: int) -> tuple[EventInput, int]:
    """The event's values and its version, read together (for a dialog that edits it)."""
    with db.transaction() as session:
        event = session.get(Event, event_id)
        if event is None:
            raise InvalidInputError("This event no longer exists; it was deleted meanwhile.")
        return _event_input(event), event.version


@dataclass(frozen=True)
class DeletedEvent:
    """Everything needed to put a deleted event back exactly (for undo)."""

    id: int
    values: EventInput
    attendances: tuple[tuple[int, str], ...]  # (contact id, role)
    interaction_ids: tuple[int, ...]  # interactions that pointed at the event


def delete_event(db: Database, event_id: int) -> DeletedEvent:
    """Delete the event; attendances go with it, interactions stay (unlinked)."""
    values = read_event(db, event_id)
    with db.transaction() as session:
        attendances = tuple(
            (row.contact_id, row.role)
            for row in session.execute(
                select(EventAttendee.contact_id, EventAttendee.role).where(
                    EventAttendee.event_id == event_id
                )
            )
        )
        linked = tuple(
            session.scalars(select(Interaction.id).where(Interaction.event_id == event_id))
        )
        session.execute(delete(Event).where(Event.id == event_id))
    return DeletedEvent(event_id, values, attendances, linked)


def restore_event(db: Database, deleted: DeletedEvent) -> None:
    """Undo ``delete_event``: same id, same people, interactions linked again."""
    with db.transaction() as session:
        session.add(Event(id=deleted.id, **deleted.values.__dict__))
        session.flush()
        session.add_all(
            EventAttendee(event_id=deleted.id, contact_id=contact_id, role=role)
            for contact_id, role in deleted.attendances
        )
        if deleted.interaction_ids:
            session.execute(
                update(Interaction)
                .where(Interaction.id.in_(deleted.interaction_ids))
                .values(event_id=deleted.id)
            )


def set_attendance(db: Database, event_id: int, contact_id: int, role: str) -> Change:
    """Record that the contact is planned for, or was met at, the event."""
    with db.transaction() as session:
        session.merge(EventAttendee(event_id=event_id, contact_id=contact_id, role=role))
    return change(edited=[contact_id])


def remove_attendance(db: Database, event_id: int, contact_id: int) -> Change:
    with db.transaction() as session:
        session.execute(
            delete(EventAttendee).where(
                and_(EventAttendee.event_id == event_id, EventAttendee.contact_id == contact_id)
            )
        )
    return change(edited=[contact_id])


def attendee_facts(db: Database, event_id: int, contact_id: int) -> tuple[str, str | None]:
    """The contact's name and their role at the event (None if not there): what undoing a
    change of attendance puts back, and what its message names."""
    with db.transaction() as session:
        name = session.scalar(select(Contact.full_name).where(Contact.id == contact_id))
        role = session.scalar(
            select(EventAttendee.role).where(
                EventAttendee.event_id == event_id, EventAttendee.contact_id == contact_id
            )
        )
    return str(name or "this contact"), role
