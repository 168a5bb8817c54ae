"""Everything in the database as plain records and data for the exchange writers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from desktop_app.exchange.jsonformat import DataSet, empty_dataset
from desktop_app.exchange.jsonschema import SECTIONS
from desktop_app.exchange.records import ContactRecord, EventRecord, FollowupRecord
from desktop_app.store.contact_records import read_contact_records
from desktop_app.store.database import Database
from desktop_app.store.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Event,
    EventAttendee,
    Goal,
    Interaction,
    Organisation,
    Pitch,
    Setting,
    Tag,
)

_TABLES = {
    "tags": Tag,
    "contacts": Contact,
    "events": Event,
    "interactions": Interaction,
    "goals": Goal,
    "pitches": Pitch,
}
_NESTED = {
    ("contacts", "emails"): (ContactEmail, "contact_id"),
    ("contacts", "phones"): (ContactPhone, "contact_id"),
    ("events", "attendees"): (EventAttendee, "event_id"),
    ("goals", "organisations"): (Organisation, "goal_id"),
}


def export_contacts(db: Database, contact_ids: list[int] | None = None) -> list[ContactRecord]:
    """Every contact in id order (or those of ``contact_ids``, in that order), with
    e-mails, phones and tags."""
    with db.transaction() as session:
        records = read_contact_records(session.connection(), contact_ids)
    if contact_ids is None:
        return list(records.values())
    return [records[i] for i in dict.fromkeys(contact_ids) if i in records]


def export_calendar(
    db: Database, *, include_done: bool = False
) -> tuple[list[EventRecord], list[FollowupRecord]]:
    """Events (with the names of the people planned or met there) and follow-ups."""
    with db.transaction() as session:
        names: dict[int, list[str]] = {}
        people = (
            select(EventAttendee.event_id, Contact.full_name)
            .join(Contact, Contact.id == EventAttendee.contact_id)
            .order_by(EventAttendee.event_id, Contact.full_name)
        )
        for event_id, name in session.execute(people):
            names.setdefault(event_id, []).append(name)
        events = [
            EventRecord(
                e.id,
                e.name,
                e.kind,
                e.starts_at,
                e.hours_invested,
                e.place,
                e.notes,
                e.created_at,
                e.updated_at,
                tuple(names.get(e.id, ())),
            )
            for e in session.execute(select(Event).order_by(Event.starts_at, Event.id)).scalars()
        ]
        query = (
            select(Interaction, Contact.full_name, Contact.company)
            .join(Contact, Contact.id == Interaction.contact_id)
            .where(Interaction.followup_due.is_not(None))
            .order_by(Interaction.followup_due, Interaction.id)
        )
        if not include_done:
            query = query.where(Interaction.followup_done_at.is_(None))
        followups = [
            FollowupRecord(i.id, name, i.followup_due, i.kind, i.notes, company, i.created_at)
            for i, name, company in session.execute(query)
        ]
    return events, followups


def _rows(connection: Connection, model: Any, fields: dict[str, str]) -> list[dict[str, Any]]:
    table = model.__table__
    statement = select(*(table.c[name] for name in fields)).order_by(*table.primary_key.columns)
    return [dict(row._mapping) for row in connection.execute(statement)]


def _one_snapshot(connection: Connection) -> None:
    """Read every table as of one moment, so that a contact another window (or this one)
    adds meanwhile is not half in the export: its tags without the contact.

    PostgreSQL's statements each see the latest commits by default; SQLite's driver runs
    reads outside a transaction unless one is begun (deferred: it takes no lock).
    """
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
    else:
        connection.exec_driver_sql("BEGIN")


def export_dataset(db: Database) -> DataSet:
    """The whole database as the JSON format's dataset (see ``exchange.jsonschema``), read
    as of one moment."""
    dataset = empty_dataset()
    with db.transaction() as session:
        connection = session.connection()
        _one_snapshot(connection)
        for section, (fields, nested) in SECTIONS.items():
            items = _rows(connection, _TABLES[section], fields)
            by_id = {item["id"]: item for item in items}
            for name, child_fields in nested.items():
                model, parent = _NESTED[(section, name)]
                for item in items:
                    item[name] = []
                for row in _rows(connection, model, {parent: "int", **child_fields}):
                    by_id[row.pop(parent)][name].append(row)
            dataset[section] = items
        tag_names = {tag["id"]: tag["name"] for tag in dataset["tags"]}
        contacts = {c["id"]: c for c in dataset["contacts"]}
        for contact in contacts.values():
            contact["tags"] = []
        links = select(ContactTag.contact_id, ContactTag.tag_id).order_by(
            ContactTag.contact_id, ContactTag.tag_id
        )
        for contact_id, tag_id in connection.execute(links):
            contacts[contact_id]["tags"].append(tag_names[tag_id])
        dataset["settings"] = {
            key: value
            for key, value in connection.execute(
                select(Setting.key, Setting.value).order_by(Setting.key)
            )
        }
    return dataset
