"""Who is who: the people named in evidence files (messages, invitations, calendars)
matched to contacts.

A person is recognised by their profile address first, then by an e-mail address, then by
their exact full name (spaces and case aside) among contacts: re-saved exports have no
addresses. A name two contacts share matches neither. Someone not found is a stranger:
listed in the plan, created only when the user asks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import Connection

from desktop_app.exchange.merging import APPENDED_FIELDS, TEXT_FIELDS
from desktop_app.exchange.normalise import email_key, profile_key
from desktop_app.exchange.records import ContactRecord, Labelled
from desktop_app.store.contact_writes import insert_contacts
from desktop_app.validation import MAX_EMAIL, MAX_NAME_PART, MAX_WEB_ADDRESS

_AMBIGUOUS = -1


def fetch_all(connection: Connection, sql: str) -> list[tuple[Any, ...]]:
    """Every row of ``sql`` (no parameters) as plain tuples: on SQLite straight from the
    driver, several times faster than result rows for the 100,000s an import reads."""
    if connection.dialect.name == "sqlite":
        driver = connection.connection.driver_connection
        return driver.execute(sql).fetchall()  # type: ignore[union-attr, no-any-return]
    return [tuple(row) for row in connection.exec_driver_sql(sql).fetchall()]


def name_match_key(name: str) -> str:
    return " ".join(name.split()).casefold()


class NamedPerson(NamedTuple):
    """Someone an evidence file names; ``identity`` tells them apart within the file."""

    identity: str
    name: str
    profile_url: str = ""
    email: str = ""


class ContactIndex:
    """Contacts by profile address, e-mail and full name, for matching many people."""

    def __init__(self) -> None:
        self._by_profile: dict[str, int] = {}
        self._by_email: dict[str, int] = {}
        self._by_name: dict[str, int] = {}

    def add(
        self, contact_id: int, *, name: str, profile_url: str = "", emails: Iterable[str] = ()
    ) -> None:
        if key := profile_key(profile_url):
            self._by_profile.setdefault(key, contact_id)
        for address in emails:
            if key := email_key(address):
                self._by_email.setdefault(key, contact_id)
        if key := name_match_key(name):
            known = self._by_name.setdefault(key, contact_id)
            if known != contact_id:
                self._by_name[key] = _AMBIGUOUS

    def find(self, person: NamedPerson) -> int | None:
        if person.profile_url and (found := self._by_profile.get(profile_key(person.profile_url))):
            return found
        if person.email and (found := self._by_email.get(email_key(person.email))):
            return found
        found = self._by_name.get(name_match_key(person.name))
        return None if found is None or found == _AMBIGUOUS else found


def read_contact_index(connection: Connection) -> ContactIndex:
    index = ContactIndex()
    emails: dict[int, list[str]] = {}
    for contact_id, address in fetch_all(
        connection, "SELECT contact_id, address FROM contact_emails"
    ):
        emails.setdefault(contact_id, []).append(address)
    for contact_id, name, url in fetch_all(
        connection, "SELECT id, full_name, linkedin_url FROM contacts ORDER BY id"
    ):
        index.add(contact_id, name=name, profile_url=url, emails=emails.get(contact_id, ()))
    return index


def read_known_connections(connection: Connection) -> dict[str, ContactRecord]:
    """Profile address key → the contact with it, with the fields a merge compares (phones
    and tags left empty: a connection brings neither)."""
    emails: dict[int, list[Labelled]] = {}
    for contact_id, address, label in fetch_all(
        connection, "SELECT contact_id, address, label FROM contact_emails"
    ):
        emails.setdefault(contact_id, []).append(Labelled(address, label))
    columns = (*TEXT_FIELDS, *APPENDED_FIELDS)
    known: dict[str, ContactRecord] = {}
    for contact_id, *values in fetch_all(
        connection,
        f"SELECT id, {', '.join(columns)} FROM contacts WHERE linkedin_url <> '' ORDER BY id",
    ):
        record = ContactRecord(**dict(zip(columns, values, strict=True)))
        record.emails = emails.get(contact_id, [])
        known.setdefault(profile_key(record.linkedin_url), record)
    return known


def stranger_record(person: NamedPerson) -> ContactRecord:
    """A new contact for someone who wrote or met the user but was not a contact."""
    words = person.name.split() or [person.email or "Unknown"]
    first, last = words[0], " ".join(words[1:])
    email = email_key(person.email)
    return ContactRecord(
        first_name=first[:MAX_NAME_PART],
        last_name=last[:MAX_NAME_PART],
        linkedin_url=person.profile_url if len(person.profile_url) <= MAX_WEB_ADDRESS else "",
        emails=[Labelled(email)] if email and len(email) <= MAX_EMAIL else [],
    )


def create_strangers(
    connection: Connection, people: Sequence[NamedPerson], now: dt.datetime
) -> dict[str, int]:
    """Create a contact for each of ``people``; identity → the new contact's id."""
    ids = insert_contacts(connection, [stranger_record(p) for p in people], now)
    return {person.identity: contact_id for person, contact_id in zip(people, ids, strict=True)}
