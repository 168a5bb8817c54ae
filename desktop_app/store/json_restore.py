"""Restoring a NetWise JSON export into an empty database: every row, with its id.

Restoring into a database that already holds data would have to renumber or overwrite;
it is refused with a message instead (open a new database file, or use File → Restore…
with a backup). Values outside the vocabularies are refused before anything is written,
and the rows of every table are counted before the transaction commits: a restore that
did not write all of them keeps nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.exc import IntegrityError

from desktop_app.exchange.errors import ImportFileError, WrongFormatError
from desktop_app.exchange.jsonformat import DataSet
from desktop_app.insights.keep_in_touch import CADENCES
from desktop_app.store import vocab
from desktop_app.store.database import Database
from desktop_app.store.denormalised import refresh_contact_dates
from desktop_app.store.dialect_sql import realign_id_sequences
from desktop_app.store.errors import StoreError
from desktop_app.store.keep_in_touch import refresh_touch_due
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
from desktop_app.store.replies import mark_answered_outreach
from desktop_app.store.summaries import paused_insight_triggers

_CHUNK = 5000
# (section, nested list or None, field) → allowed values
_VOCABULARY = {
    ("contacts", None, "seniority"): vocab.SENIORITIES,
    ("contacts", None, "circle"): vocab.CIRCLES,
    ("contacts", None, "status"): vocab.CONTACT_STATUSES,
    ("contacts", None, "touch_cadence"): CADENCES,
    ("tags", None, "touch_cadence"): CADENCES,
    ("events", None, "kind"): vocab.EVENT_KINDS,
    ("events", "attendees", "role"): vocab.ATTENDANCE_ROLES,
    ("interactions", None, "kind"): vocab.INTERACTION_KINDS,
    ("interactions", None, "initiated_by"): vocab.INITIATORS,
    ("interactions", None, "reply_status"): vocab.REPLY_STATUSES,
    ("interactions", None, "help_given"): vocab.HELP_VALUES,
    ("interactions", None, "help_received"): vocab.HELP_VALUES,
    ("goals", None, "goal_type"): vocab.GOAL_TYPES,
    ("goals", None, "target_seniority"): vocab.SENIORITIES,
    ("goals", "organisations", "kind"): vocab.ORGANISATION_KINDS,
    ("goals", "organisations", "status"): vocab.ORGANISATION_STATUSES,
}
_COUNTED = (Contact, Event, Interaction, Goal, Pitch, Tag, Setting)


class DatabaseNotEmptyError(ImportFileError):
    """A full restore needs an empty database."""


class RestoreMismatchError(StoreError):
    """The rows found after the restore are not the rows written: nothing was kept."""


def check_vocabulary(source: str, dataset: DataSet) -> None:
    for (section, nested, name), allowed in _VOCABULARY.items():
        for item in dataset[section]:
            for row in item[nested] if nested else [item]:
                value = row[name]
                if value is not None and value not in allowed:
                    where = f"{section[:-1]} {item['id']}"
                    raise WrongFormatError(
                        source,
                        f"{where}: {name} “{str(value)[:40]}” is not one of {', '.join(allowed)}.",
                    )


def is_empty(connection: Connection) -> bool:
    return not any(
        connection.execute(select(func.count()).select_from(model)).scalar() for model in _COUNTED
    )


def is_database_empty(db: Database) -> bool:
    """True if ``db`` holds no data: a complete export can be restored into it."""
    with db.transaction() as session:
        return is_empty(session.connection())


def _insert(connection: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), _CHUNK):
        connection.execute(insert(model.__table__), rows[start : start + _CHUNK])


def _flat(items: list[dict[str, Any]], nested: tuple[str, ...]) -> list[dict[str, Any]]:
    return [{k: v for k, v in item.items() if k not in nested} for item in items]


def restore_dataset(
    db: Database,
    dataset: DataSet,
    *,
    source: str,
    progress: Callable[[int, int], None] | None = None,
) -> dict[str, int]:
    """Write ``dataset`` into the empty database in one transaction; counts per section."""
    check_vocabulary(source, dataset)
    report = progress or (lambda done, total: None)
    steps = 8
    with db.transaction() as session:
        connection = session.connection()
        if not is_empty(connection):
            raise DatabaseNotEmptyError(
                source,
                "a complete NetWise export can only be restored into an empty database, and "
                "this one already holds data. Import it into a new file "
                "(netwise --db NEW-FILE import json …) or restore a backup instead.",
            )
        try:
            # A bulk load: the insight aggregates are rebuilt once at the end rather than
            # by a trigger run per row.
            with paused_insight_triggers(connection):
                written = _write(connection, dataset, report, steps)
            _verify(connection, written, source)
        except IntegrityError as exc:
            raise WrongFormatError(
                source, f"the data breaks a rule of the database ({exc.orig})."
            ) from None
        report(steps, steps)
    return {section: len(dataset[section]) for section in dataset if section != "settings"}


def _verify(connection: Connection, written: dict[Any, int], source: str) -> None:
    """Raise (rolling the restore back) unless every table holds the rows written."""
    found = {
        model: connection.execute(select(func.count()).select_from(model)).scalar() or 0
        for model in written
    }
    differing = [
        f"{model.__tablename__} {count:,} → {found[model]:,}"
        for model, count in written.items()
        if found[model] != count
    ]
    if differing:
        raise RestoreMismatchError(
            f"The restore of “{source}” did not write every row ({', '.join(differing)}), "
            "so none of it was kept."
        )


def _write(
    connection: Connection, dataset: DataSet, report: Callable[[int, int], None], steps: int
) -> dict[Any, int]:
    """Insert every row; the rows written, by table."""
    tags = list(dataset["tags"])
    tag_ids = {tag["name"].casefold(): tag["id"] for tag in tags}
    next_id = max(tag_ids.values(), default=0) + 1
    for contact in dataset["contacts"]:
        for name in contact["tags"]:
            if name.casefold() not in tag_ids:  # named on a contact only: created
                tag_ids[name.casefold()] = next_id
                tags.append({"id": next_id, "name": name})
                next_id += 1
    report(0, steps)
    _insert(connection, Tag, tags)
    _insert(connection, Event, _flat(dataset["events"], ("attendees",)))
    report(1, steps)
    contacts = dataset["contacts"]
    _insert(connection, Contact, _flat(contacts, ("emails", "phones", "tags")))
    report(2, steps)
    for name, model in (("emails", ContactEmail), ("phones", ContactPhone)):
        rows = [{**row, "contact_id": c["id"]} for c in contacts for row in c[name]]
        _insert(connection, model, rows)
    links = {(c["id"], tag_ids[name.casefold()]) for c in contacts for name in c["tags"]}
    _insert(connection, ContactTag, [{"contact_id": c, "tag_id": t} for c, t in sorted(links)])
    report(3, steps)
    attendees = [{**a, "event_id": e["id"]} for e in dataset["events"] for a in e["attendees"]]
    _insert(connection, EventAttendee, attendees)
    report(4, steps)
    _insert(connection, Interaction, dataset["interactions"])
    report(5, steps)
    _insert(connection, Goal, _flat(dataset["goals"], ("organisations",)))
    organisations = [
        {**o, "goal_id": g["id"]} for g in dataset["goals"] for o in g["organisations"]
    ]
    _insert(connection, Organisation, organisations)
    _insert(connection, Pitch, dataset["pitches"])
    report(6, steps)
    settings = [{"key": key, "value": value} for key, value in dataset["settings"].items()]
    _insert(connection, Setting, settings)
    mark_answered_outreach(connection, None)  # with the restored reply window, as any write
    refresh_contact_dates(connection)
    refresh_touch_due(connection)
    realign_id_sequences(connection)
    report(7, steps)
    return {
        Tag: len(tags),
        Event: len(dataset["events"]),
        Contact: len(contacts),
        ContactEmail: sum(len(c["emails"]) for c in contacts),
        ContactPhone: sum(len(c["phones"]) for c in contacts),
        ContactTag: len(links),
        EventAttendee: len(attendees),
        Interaction: len(dataset["interactions"]),
        Goal: len(dataset["goals"]),
        Organisation: len(organisations),
        Pitch: len(dataset["pitches"]),
        Setting: len(settings),
    }
