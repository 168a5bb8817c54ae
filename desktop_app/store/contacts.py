"""Writing contacts: create, update, delete (with a snapshot that undo puts back exactly),
archive and bulk tagging. Each function is one transaction and says what it changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, delete, func, insert, select, update

from desktop_app.insights.keep_in_touch import CADENCES
from desktop_app.store.changes import Change, Written, change
from desktop_app.store.database import Database
from desktop_app.store.errors import ChangedElsewhereError, InvalidInputError
from desktop_app.store.keep_in_touch import refresh_touch_due
from desktop_app.store.models import (
    Contact,
    ContactEmail,
    ContactPhone,
    ContactTag,
    Event,
    EventAttendee,
    Interaction,
    Tag,
)
from desktop_app.store.records import ContactInput, LabelledValue, full_name_of
from desktop_app.store.row_versions import bump, note_written, only_own_since
from desktop_app.store.tag_text import refresh_unless_triggered
from desktop_app.store.vocab import CIRCLES, CONTACT_STATUSES, SENIORITIES

_CHUNK = 500
_NOT_COLUMNS = ("emails", "phones", "tags", "birthday")
_SCALARS = tuple(f.name for f in fields(ContactInput) if f.name not in _NOT_COLUMNS)
# A contact's rows in other tables, in the order they are put back.
_CHILDREN: tuple[Table, ...] = (
    ContactEmail.__table__,  # type: ignore[assignment]
    ContactPhone.__table__,  # type: ignore[assignment]
    ContactTag.__table__,  # type: ignore[assignment]
    Interaction.__table__,  # type: ignore[assignment]
    EventAttendee.__table__,  # type: ignore[assignment]
)
CONTACTS: Table = Contact.__table__  # type: ignore[assignment]
CONTACT_CHANGED_ELSEWHERE = (
    "This contact was changed elsewhere meanwhile — reload it to see that change; "
    "nothing was overwritten."
)
# Every write of what a user edits moves the contact's version on.
NEXT_VERSION = {"version": CONTACTS.c.version + 1}
TAGS: Table = Tag.__table__  # type: ignore[assignment]


def chunks(ids: Sequence[int]) -> Iterator[Sequence[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def check_contact(data: ContactInput) -> None:
    """Refuse what the domain forbids; the dialog shows friendlier messages first."""
    if not full_name_of(data.first_name, data.middle_name, data.last_name):
        raise InvalidInputError("A contact needs a name.")
    if data.seniority is not None and data.seniority not in SENIORITIES:
        raise InvalidInputError(f"Unknown seniority “{data.seniority}”.")
    if data.circle not in CIRCLES:
        raise InvalidInputError(f"Unknown circle “{data.circle}”.")
    if data.status not in CONTACT_STATUSES:
        raise InvalidInputError(f"Unknown status “{data.status}”.")
    if data.touch_cadence is not None and data.touch_cadence not in CADENCES:
        raise InvalidInputError(f"Unknown keep-in-touch cadence “{data.touch_cadence}”.")


def _contact_values(data: ContactInput) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in _SCALARS:
        value = getattr(data, name)
        values[name] = value.strip() if isinstance(value, str) else value
    values["full_name"] = full_name_of(data.first_name, data.middle_name, data.last_name)
    birthday = data.birthday.parts() if data.birthday else (None, None, None)
    values.update(zip(("birth_month", "birth_day", "birth_year"), birthday, strict=True))
    return values


def clean_tags(names: Iterable[str]) -> list[str]:
    """Tag names trimmed, without blanks and without case-insensitive repeats."""
    seen: dict[str, str] = {}
    for name in names:
        name = " ".join(name.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return list(seen.values())


def tag_named(name: str) -> ColumnElement[bool]:
    """The tag called ``name`` in any case (SQLite's lower() and NOCASE both fold ASCII)."""
    return func.lower(TAGS.c.name) == func.lower(name)


def tag_ids(connection: Connection, names: Iterable[str]) -> list[int]:
    """The ids of the tags ``names``, creating the missing ones (names compare without case)."""
    ids = []
    for name in clean_tags(names):
        found = connection.execute(select(TAGS.c.id).where(tag_named(name))).scalar()
        if found is None:
            found = connection.execute(insert(TAGS).values(name=name)).inserted_primary_key[0]
        ids.append(found)
    return ids


def _write_lists(connection: Connection, contact_id: int, data: ContactInput) -> None:
    for table, items, column in (
        (ContactEmail.__table__, data.emails, "address"),
        (ContactPhone.__table__, data.phones, "number"),
    ):
        connection.execute(delete(table).where(table.c.contact_id == contact_id))
        rows = _labelled_rows(contact_id, items, column)
        if rows:
            connection.execute(insert(table), rows)


def _labelled_rows(
    contact_id: int, items: Sequence[LabelledValue], column: str
) -> list[dict[str, Any]]:
    return [
        {"contact_id": contact_id, column: item.value.strip(), "label": item.label.strip()}
        for item in items
        if item.value.strip()
    ]


def _write_tags(connection: Connection, contact_id: int, names: Sequence[str]) -> None:
    table = ContactTag.__table__
    wanted = set(tag_ids(connection, names))
    current = set(
        connection.execute(select(table.c.tag_id).where(table.c.contact_id == contact_id)).scalars()
    )
    gone = current - wanted
    if gone:
        connection.execute(
            delete(table).where(table.c.contact_id == contact_id, table.c.tag_id.in_(gone))
        )
    added = sorted(wanted - current)
    if added:
        connection.execute(insert(table), [{"contact_id": contact_id, "tag_id": t} for t in added])
    refresh_unless_triggered(connection, [contact_id])


def create_contact(db: Database, data: ContactInput) -> Written[int]:
    """Write a new contact with its e-mails, phones and tags; its id is the value."""
    check_contact(data)
    with db.transaction() as session:
        connection = session.connection()
        now = _now()
        result = connection.execute(
            insert(CONTACTS).values(**_contact_values(data), created_at=now, updated_at=now)
        )
        contact_id = int(result.inserted_primary_key[0])
        _write_lists(connection, contact_id, data)
        _write_tags(connection, contact_id, data.tags)
        refresh_touch_due(connection, [contact_id])  # their tags' or own cadence
    return Written(change(moved=[contact_id]), contact_id)


def update_contact(
    db: Database, contact_id: int, data: ContactInput, *, version: int | None = None
) -> Change:
    """Rewrite a contact; a new status also files it elsewhere (archived ones leave the
    default view), so lists showing contacts query again.

    With ``version`` (the one the contact had when it was read), a contact written by
    someone else since is refused."""
    check_contact(data)
    with db.transaction() as session:
        connection = session.connection()
        row = connection.execute(
            select(CONTACTS.c.status, CONTACTS.c.version).where(CONTACTS.c.id == contact_id)
        ).first()
        if row is None:
            raise InvalidInputError("This contact no longer exists; it was deleted meanwhile.")
        if version is not None and not only_own_since(
            db.own_versions, "contacts", contact_id, version, row.version
        ):
            raise ChangedElsewhereError(CONTACT_CHANGED_ELSEWHERE)
        # The version is compared in the UPDATE too: a writer in between makes it miss.
        written = connection.execute(
            update(CONTACTS)
            .where(CONTACTS.c.id == contact_id, CONTACTS.c.version == row.version)
            .values(**_contact_values(data), updated_at=_now(), version=row.version + 1)
        )
        if written.rowcount != 1:
            raise ChangedElsewhereError(CONTACT_CHANGED_ELSEWHERE)
        note_written(session, "contacts", [(contact_id, row.version + 1)])
        _write_lists(connection, contact_id, data)
        _write_tags(connection, contact_id, data.tags)
        refresh_touch_due(connection, [contact_id])  # a new cadence moves the due day now
    return change(edited=[contact_id], moved=[contact_id] if data.status != row.status else [])


@dataclass(frozen=True)
class ContactSnapshot:
    """Deleted contacts as they were, row for row, with their tags' names for undo."""

    contact_ids: tuple[int, ...]
    contacts: tuple[dict[str, Any], ...]
    children: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    tags: tuple[dict[str, Any], ...]


def _rows(connection: Connection, table: Table, column: str, ids: Sequence[int]) -> list[dict]:
    found: list[dict] = []
    for chunk in chunks(ids):
        statement = select(table).where(table.c[column].in_(chunk))
        found.extend(dict(row) for row in connection.execute(statement).mappings())
    return found


def delete_contacts(db: Database, contact_ids: Sequence[int]) -> Written[ContactSnapshot]:
    """Delete the contacts with everything that hangs on them; the value is what undo needs."""
    ids = sorted(set(contact_ids))
    with db.transaction() as session:
        connection = session.connection()
        contacts = _rows(connection, CONTACTS, "id", ids)
        children = tuple(
            (table.name, tuple(_rows(connection, table, "contact_id", ids))) for table in _CHILDREN
        )
        tag_ids_used = sorted(
            {row["tag_id"] for name, rows in children if name == "contact_tags" for row in rows}
        )
        tags = _rows(connection, TAGS, "id", tag_ids_used)
        for chunk in chunks(ids):
            # The children go by ON DELETE CASCADE; the search index by its trigger.
            connection.execute(delete(CONTACTS).where(CONTACTS.c.id.in_(chunk)))
    snapshot = ContactSnapshot(tuple(ids), tuple(contacts), children, tuple(tags))
    return Written(change(moved=ids), snapshot)


def restore_contacts(db: Database, snapshot: ContactSnapshot) -> Change:
    """Put deleted contacts back exactly: same ids, fields, tags, interactions, events.

    Whatever they pointed at that has gone since (an event deleted meanwhile) is dropped
    from the restored rows rather than failing the whole undo.
    """
    tables = {table.name: table for table in _CHILDREN}
    with db.transaction() as session:
        connection = session.connection()
        tag_map = _restore_tags(connection, snapshot.tags)
        events = _existing_events(connection, snapshot)
        contacts = [
            row if row["met_at_event_id"] in events else {**row, "met_at_event_id": None}
            for row in snapshot.contacts
        ]
        _insert(connection, CONTACTS, contacts)
        for name, rows in snapshot.children:
            if name == "contact_tags":
                rows = tuple({**row, "tag_id": tag_map[row["tag_id"]]} for row in rows)
            elif name == "interactions":
                rows = tuple(
                    row if row["event_id"] in events else {**row, "event_id": None} for row in rows
                )
            elif name == "event_attendees":
                rows = tuple(row for row in rows if row["event_id"] in events)
            _insert(connection, tables[name], list(rows))
    return change(moved=snapshot.contact_ids)


def _insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    for start in range(0, len(rows), _CHUNK):
        connection.execute(insert(table), rows[start : start + _CHUNK])


def _restore_tags(connection: Connection, tags: Sequence[dict[str, Any]]) -> dict[int, int]:
    """Old tag id → the id of the tag of that name now (recreated with its id if gone)."""
    mapping: dict[int, int] = {}
    for tag in tags:
        by_id = connection.execute(select(TAGS.c.name).where(TAGS.c.id == tag["id"])).scalar()
        if by_id is not None and by_id.casefold() == tag["name"].casefold():
            mapping[tag["id"]] = tag["id"]
            continue
        by_name = connection.execute(select(TAGS.c.id).where(tag_named(tag["name"]))).scalar()
        if by_name is not None:
            mapping[tag["id"]] = by_name
        elif by_id is None:
            connection.execute(insert(TAGS).values(id=tag["id"], name=tag["name"]))
            mapping[tag["id"]] = tag["id"]
        else:
            new = connection.execute(insert(TAGS).values(name=tag["name"])).inserted_primary_key
            mapping[tag["id"]] = int(new[0])
    return mapping


def _existing_events(connection: Connection, snapshot: ContactSnapshot) -> set[int | None]:
    wanted = {row["met_at_event_id"] for row in snapshot.contacts}
    for _name, rows in snapshot.children:
        wanted.update(row.get("event_id") for row in rows)
    wanted.discard(None)
    table = Event.__table__
    found = set(_rows_ids(connection, table, sorted(i for i in wanted if i is not None)))
    return {None, *found}


def _rows_ids(connection: Connection, table: Table, ids: Sequence[int]) -> Iterator[int]:
    for chunk in chunks(ids):
        yield from connection.execute(select(table.c.id).where(table.c.id.in_(chunk))).scalars()


def set_status(db: Database, contact_ids: Sequence[int], status: str) -> Written[dict[int, str]]:
    """Give the contacts ``status`` (archive them, say); the value is their previous statuses."""
    if status not in CONTACT_STATUSES:
        raise InvalidInputError(f"Unknown status “{status}”.")
    ids = sorted(set(contact_ids))
    previous: dict[int, str] = {}
    with db.transaction() as session:
        connection = session.connection()
        for chunk in chunks(ids):
            rows = connection.execute(
                select(CONTACTS.c.id, CONTACTS.c.status).where(CONTACTS.c.id.in_(chunk))
            )
            previous.update({row.id: row.status for row in rows})
            bump(
                session,
                CONTACTS,
                update(CONTACTS)
                .where(CONTACTS.c.id.in_(chunk))
                .values(status=status, updated_at=_now(), **NEXT_VERSION),
            )
    return Written(change(edited=ids, moved=ids), previous)


def restore_statuses(db: Database, previous: dict[int, str]) -> Change:
    by_status: dict[str, list[int]] = {}
    for contact_id, status in previous.items():
        by_status.setdefault(status, []).append(contact_id)
    with db.transaction() as session:
        for status, ids in by_status.items():
            for chunk in chunks(sorted(ids)):
                bump(
                    session,
                    CONTACTS,
                    update(CONTACTS)
                    .where(CONTACTS.c.id.in_(chunk))
                    .values(status=status, **NEXT_VERSION),
                )
    return change(edited=previous, moved=previous)


def add_tag(db: Database, contact_ids: Sequence[int], name: str) -> Written[tuple[int, ...]]:
    """Tag the contacts ``name``; the value is those that did not have it yet (for undo)."""
    if not clean_tags([name]):
        raise InvalidInputError("A tag needs a name.")
    table = ContactTag.__table__
    ids = sorted(set(contact_ids))
    added: list[int] = []
    with db.transaction() as session:
        connection = session.connection()
        (tag_id,) = tag_ids(connection, [name])
        for chunk in chunks(ids):
            have = set(
                connection.execute(
                    select(table.c.contact_id).where(
                        table.c.tag_id == tag_id, table.c.contact_id.in_(chunk)
                    )
                ).scalars()
            )
            new = [i for i in chunk if i not in have]
            if new:
                connection.execute(
                    insert(table), [{"contact_id": i, "tag_id": tag_id} for i in new]
                )
                bump(
                    session,
                    CONTACTS,
                    update(CONTACTS).where(CONTACTS.c.id.in_(new)).values(NEXT_VERSION),
                )
                added.extend(new)
    return Written(change(edited=ids), tuple(added))


def remove_tag(db: Database, contact_ids: Sequence[int], name: str) -> Change:
    table = ContactTag.__table__
    with db.transaction() as session:
        connection = session.connection()
        tag_id = connection.execute(select(TAGS.c.id).where(tag_named(name))).scalar()
        if tag_id is None:
            return Change()
        for chunk in chunks(sorted(set(contact_ids))):
            connection.execute(
                delete(table).where(table.c.tag_id == tag_id, table.c.contact_id.in_(chunk))
            )
            bump(
                session,
                CONTACTS,
                update(CONTACTS).where(CONTACTS.c.id.in_(chunk)).values(NEXT_VERSION),
            )
        refresh_unless_triggered(connection, contact_ids)
    return change(edited=contact_ids)
