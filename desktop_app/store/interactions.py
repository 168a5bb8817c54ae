"""Writing interactions: log, edit, delete (and put back), and the one-click actions.

Every write refreshes the contact's derived dates (last contact, next follow-up) in the
same transaction, through ``after_interactions_changed``: the one place other per-contact
aggregates should be refreshed from too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from desktop_app.store.changes import Change, Written, change
from desktop_app.store.database import Database
from desktop_app.store.denormalised import refresh_contact_dates
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.keep_in_touch import refresh_touch_due
from desktop_app.store.models import Contact, Interaction
from desktop_app.store.records import InteractionInput
from desktop_app.store.replies import mark_answered_outreach
from desktop_app.store.vocab import HELP_VALUES, INITIATORS, INTERACTION_KINDS, REPLY_STATUSES

INTERACTIONS = Interaction.__table__
HELP_KIND = "advice"


def after_interactions_changed(connection: Connection, contact_ids: Iterable[int]) -> None:
    """Keep what is derived from a contact's interactions current (same transaction): my
    outreach they answered in time is replied, and the contact's dates follow (the last
    touch, the next follow-up, the day they fall due to keep in touch)."""
    ids = sorted(set(contact_ids))
    mark_answered_outreach(connection, ids)
    refresh_contact_dates(connection, ids)
    refresh_touch_due(connection, ids)


def check_interaction(data: InteractionInput) -> None:
    for value, allowed, what in (
        (data.kind, INTERACTION_KINDS, "kind of interaction"),
        (data.initiated_by, INITIATORS, "initiator"),
        (data.reply_status, REPLY_STATUSES, "reply status"),
        (data.help_given, HELP_VALUES, "value of help given"),
        (data.help_received, HELP_VALUES, "value of help received"),
    ):
        if value not in allowed:
            raise InvalidInputError(f"Unknown {what} “{value}”.")
    if data.minutes < 0:
        raise InvalidInputError("Minutes spent cannot be negative.")


def _values(data: InteractionInput) -> dict[str, Any]:
    return {
        "contact_id": data.contact_id,
        "event_id": data.event_id,
        "occurred_on": data.occurred_on,
        "kind": data.kind,
        "initiated_by": data.initiated_by,
        "reply_status": data.reply_status,
        "help_given": data.help_given,
        "help_received": data.help_received,
        "minutes": data.minutes,
        "notes": data.notes.strip(),
        "followup_due": data.followup_due,
    }


def _contact_exists(connection: Connection, contact_id: int) -> None:
    found = connection.execute(select(Contact.id).where(Contact.id == contact_id)).scalar()
    if found is None:
        raise InvalidInputError("This contact no longer exists; it was deleted meanwhile.")


def log_interaction(db: Database, data: InteractionInput) -> Written[int]:
    """Write a new interaction; its id is the value."""
    check_interaction(data)
    with db.transaction() as session:
        connection = session.connection()
        _contact_exists(connection, data.contact_id)
        result = connection.execute(insert(INTERACTIONS).values(**_values(data)))
        after_interactions_changed(connection, [data.contact_id])
    return Written(change(interactions=[data.contact_id]), int(result.inserted_primary_key[0]))


def update_interaction(db: Database, interaction_id: int, data: InteractionInput) -> Change:
    """Rewrite an interaction; a follow-up date that changes is open again."""
    check_interaction(data)
    with db.transaction() as session:
        connection = session.connection()
        old = connection.execute(
            select(INTERACTIONS.c.contact_id, INTERACTIONS.c.followup_due).where(
                INTERACTIONS.c.id == interaction_id
            )
        ).first()
        if old is None:
            raise InvalidInputError("This interaction no longer exists; it was deleted meanwhile.")
        values = _values(data)
        if data.followup_due != old.followup_due:
            values["followup_done_at"] = None
        connection.execute(
            update(INTERACTIONS).where(INTERACTIONS.c.id == interaction_id).values(**values)
        )
        after_interactions_changed(connection, {old.contact_id, data.contact_id})
    return change(interactions={old.contact_id, data.contact_id})


def delete_interaction(db: Database, interaction_id: int) -> Written[dict[str, Any] | None]:
    """Delete an interaction; the value is its row for ``restore_interaction`` (None if
    it was gone already)."""
    with db.transaction() as session:
        connection = session.connection()
        row = (
            connection.execute(select(INTERACTIONS).where(INTERACTIONS.c.id == interaction_id))
            .mappings()
            .first()
        )
        if row is None:
            return Written(Change(), None)
        connection.execute(delete(INTERACTIONS).where(INTERACTIONS.c.id == interaction_id))
        after_interactions_changed(connection, [row["contact_id"]])
    return Written(change(interactions=[row["contact_id"]]), dict(row))


def restore_interaction(db: Database, row: dict[str, Any]) -> Change:
    with db.transaction() as session:
        connection = session.connection()
        _contact_exists(connection, row["contact_id"])
        connection.execute(insert(INTERACTIONS).values(**row))
        after_interactions_changed(connection, [row["contact_id"]])
    return change(interactions=[row["contact_id"]])


# -- one-click actions ------------------------------------------------------------------
def log_outreach(db: Database, contact_id: int, today: dt.date | None = None) -> Written[int]:
    """I reached out; the message awaits a reply."""
    return log_interaction(
        db,
        InteractionInput(
            contact_id=contact_id,
            occurred_on=today or dt.date.today(),
            kind="outreach",
            initiated_by="me",
            reply_status="awaiting",
        ),
    )


def mark_replied(db: Database, contact_id: int) -> Written[tuple[int, str] | None]:
    """The latest message of mine awaiting a reply (or unanswered) got one.

    The value is the interaction marked and its reply status before (for undo), or None
    when nothing of mine awaits a reply.
    """
    with db.transaction() as session:
        connection = session.connection()
        found = connection.execute(
            select(INTERACTIONS.c.id, INTERACTIONS.c.reply_status)
            .where(
                INTERACTIONS.c.contact_id == contact_id,
                INTERACTIONS.c.initiated_by == "me",
                INTERACTIONS.c.reply_status.in_(("awaiting", "unanswered")),
            )
            .order_by(INTERACTIONS.c.occurred_on.desc(), INTERACTIONS.c.id.desc())
            .limit(1)
        ).first()
        if found is None:
            return Written(Change(), None)
        connection.execute(
            update(INTERACTIONS).where(INTERACTIONS.c.id == found.id).values(reply_status="replied")
        )
        after_interactions_changed(connection, [contact_id])
    return Written(change(interactions=[contact_id]), (int(found.id), str(found.reply_status)))


def set_reply_status(db: Database, interaction_id: int, status: str) -> Change:
    """Put an interaction's reply status back (undoing a "Replied")."""
    if status not in REPLY_STATUSES:
        raise InvalidInputError(f"Unknown reply status “{status}”.")
    with db.transaction() as session:
        connection = session.connection()
        contact_id = connection.execute(
            select(INTERACTIONS.c.contact_id).where(INTERACTIONS.c.id == interaction_id)
        ).scalar()
        if contact_id is None:
            return Change()  # deleted meanwhile: nothing to put back
        connection.execute(
            update(INTERACTIONS)
            .where(INTERACTIONS.c.id == interaction_id)
            .values(reply_status=status)
        )
        after_interactions_changed(connection, [contact_id])
    return change(interactions=[contact_id])


def log_help(
    db: Database,
    contact_id: int,
    direction: str,
    value: str = "small",
    today: dt.date | None = None,
) -> Written[int]:
    """Help I gave them (``direction`` "given") or they gave me ("received")."""
    if direction not in ("given", "received"):
        raise InvalidInputError(f"Unknown direction of help “{direction}”.")
    given = direction == "given"
    return log_interaction(
        db,
        InteractionInput(
            contact_id=contact_id,
            occurred_on=today or dt.date.today(),
            kind=HELP_KIND,
            initiated_by="me" if given else "them",
            help_given=value if given else "none",
            help_received="none" if given else value,
        ),
    )


# -- follow-ups -------------------------------------------------------------------------
FollowUpState = dict[int, tuple[dt.date | None, dt.datetime | None]]


def _change_followups(
    db: Database, interaction_ids: Iterable[int], new_values: Callable[[dt.date | None], dict]
) -> Written[FollowUpState]:
    """Apply ``new_values(due)`` to each follow-up; the value is the states before."""
    table = INTERACTIONS
    previous: FollowUpState = {}
    with db.transaction() as session:
        connection = session.connection()
        rows = connection.execute(
            select(
                table.c.id, table.c.contact_id, table.c.followup_due, table.c.followup_done_at
            ).where(table.c.id.in_(sorted(set(interaction_ids))))
        ).all()
        for row in rows:
            previous[row.id] = (row.followup_due, row.followup_done_at)
            connection.execute(
                update(table).where(table.c.id == row.id).values(**new_values(row.followup_due))
            )
        contacts = {row.contact_id for row in rows}
        after_interactions_changed(connection, contacts)
    return Written(change(interactions=contacts), previous)


def mark_followups_done(
    db: Database, interaction_ids: Iterable[int], when: dt.datetime | None = None
) -> Written[FollowUpState]:
    done = when or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    return _change_followups(db, interaction_ids, lambda _due: {"followup_done_at": done})


def snooze_followups(
    db: Database, interaction_ids: Iterable[int], days: int, today: dt.date | None = None
) -> Written[FollowUpState]:
    """Move each follow-up ``days`` later than it was due, or than today if that is later."""
    base = today or dt.date.today()

    def later(due: dt.date | None) -> dict[str, Any]:
        start = max(due, base) if due else base
        return {"followup_due": start + dt.timedelta(days=days), "followup_done_at": None}

    return _change_followups(db, interaction_ids, later)


def reschedule_followups(
    db: Database, interaction_ids: Iterable[int], due: dt.date
) -> Written[FollowUpState]:
    return _change_followups(
        db, interaction_ids, lambda _due: {"followup_due": due, "followup_done_at": None}
    )


def restore_followups(db: Database, previous: FollowUpState) -> Change:
    """Put follow-ups back as ``previous`` says (undo of done, snooze or reschedule)."""
    table = INTERACTIONS
    with db.transaction() as session:
        connection = session.connection()
        contacts = set()
        for interaction_id, (due, done) in previous.items():
            connection.execute(
                update(table)
                .where(table.c.id == interaction_id)
                .values(followup_due=due, followup_done_at=done)
            )
            found = connection.execute(
                select(table.c.contact_id).where(table.c.id == interaction_id)
            ).scalar()
            if found is not None:
                contacts.add(found)
        after_interactions_changed(connection, contacts)
    return change(interactions=contacts)
