"""One contact with everything about it, read as plain records for the detail pane.

A handful of indexed queries through ``store.reader``: a contact with 500 interactions
reads in a few milliseconds. Free of SQLAlchemy.
"""

from __future__ import annotations

from typing import Any

from desktop_app.insights.keep_in_touch import birthday_from_parts
from desktop_app.store.driver_values import day_or_none, moment
from desktop_app.store.reader import Reader
from desktop_app.store.records import (
    ContactDetail,
    ContactInput,
    EventLink,
    InteractionRecord,
    LabelledValue,
)
from desktop_app.store.touch_state import read_touch_state

_CONTACT = """
SELECT c.first_name, c.middle_name, c.last_name, c.title, c.company, c.industry, c.location,
       c.linkedin_url, c.seniority, c.circle, c.how_met, c.met_at_event_id,
       c.shared_interests, c.can_help_with, c.i_can_offer, c.notes, c.status,
       c.full_name, coalesce(e.name, ''), c.created_at, c.updated_at,
       c.last_interaction_on, c.next_followup_on,
       c.touch_cadence, c.touch_snoozed_until, c.birth_month, c.birth_day, c.birth_year,
       c.version
FROM contacts c LEFT JOIN events e ON e.id = c.met_at_event_id
WHERE c.id = :id
"""
_INTERACTIONS = """
SELECT i.id, i.contact_id, i.occurred_on, i.kind, i.initiated_by, i.reply_status,
       i.help_given, i.help_received, i.minutes, i.notes, i.followup_due,
       i.followup_done_at, i.event_id, coalesce(e.name, '')
FROM interactions i LEFT JOIN events e ON e.id = i.event_id
WHERE i.contact_id = :id
ORDER BY i.occurred_on DESC, i.id DESC
"""
_TAGS = """
SELECT t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
WHERE ct.contact_id = :id ORDER BY lower(t.name)
"""
_EVENTS = """
SELECT e.id, e.name, e.starts_at, a.role FROM event_attendees a JOIN events e ON e.id = a.event_id
WHERE a.contact_id = :id ORDER BY e.starts_at DESC
"""


def interaction_from_row(row: tuple[Any, ...]) -> InteractionRecord:
    return InteractionRecord(
        id=row[0],
        contact_id=row[1],
        occurred_on=day_or_none(row[2]),  # type: ignore[arg-type]
        kind=row[3],
        initiated_by=row[4],
        reply_status=row[5],
        help_given=row[6],
        help_received=row[7],
        minutes=row[8],
        notes=row[9],
        followup_due=day_or_none(row[10]),
        followup_done_at=moment(row[11]),
        event_id=row[12],
        event_name=row[13],
    )


def read_contact_detail(reader: Reader, contact_id: int) -> ContactDetail | None:
    """The contact ``contact_id`` whole, or None if it no longer exists."""
    params = {"id": contact_id}
    with reader.session() as run:
        found = run(_CONTACT, params)
        if not found:
            return None
        row = found[0]
        emails = run(
            "SELECT address, label FROM contact_emails WHERE contact_id = :id ORDER BY id", params
        )
        phones = run(
            "SELECT number, label FROM contact_phones WHERE contact_id = :id ORDER BY id", params
        )
        tags = run(_TAGS, params)
        interactions = run(_INTERACTIONS, params)
        events = run(_EVENTS, params)
        created = moment(row[19])
        touched = day_or_none(row[21]) or created.date()  # type: ignore[union-attr]
        touch = read_touch_state(run, contact_id, row[23], touched, day_or_none(row[24]))
    contact = ContactInput(
        *row[:17],
        emails=tuple(LabelledValue(a, b) for a, b in emails),
        phones=tuple(LabelledValue(a, b) for a, b in phones),
        tags=tuple(name for (name,) in tags),
        touch_cadence=touch.own,
        birthday=birthday_from_parts(*row[25:28]),
    )
    return ContactDetail(
        id=contact_id,
        contact=contact,
        full_name=row[17],
        met_at_event=row[18],
        created_at=created,  # type: ignore[arg-type]
        updated_at=moment(row[20]),  # type: ignore[arg-type]
        last_interaction_on=day_or_none(row[21]),
        next_followup_on=day_or_none(row[22]),
        interactions=tuple(interaction_from_row(r) for r in interactions),
        events=tuple(
            EventLink(event_id, name, moment(starts), role)  # type: ignore[arg-type]
            for event_id, name, starts, role in events
        ),
        keep_in_touch=touch,
        version=row[28],
    )


def contact_name(reader: Reader, contact_id: int) -> str | None:
    """The contact's full name, or None if there is no such contact."""
    found = reader.value("SELECT full_name FROM contacts WHERE id = :id", {"id": contact_id})
    return str(found) if found is not None else None


def read_interaction(reader: Reader, interaction_id: int) -> InteractionRecord | None:
    rows = reader.rows(
        _INTERACTIONS.replace("i.contact_id = :id", "i.id = :id"), {"id": interaction_id}
    )
    return interaction_from_row(rows[0]) if rows else None
