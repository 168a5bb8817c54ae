"""Contacts as plain ``ContactRecord``s (with e-mails, phones and tags), read in bulk.

Shared by the importer (the contacts a merge changes) and the exporter (all of them).
Reads run as a few set-based queries, never one query per contact.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from sqlalchemy import Connection, bindparam, text

from desktop_app.exchange.matching import Existing
from desktop_app.exchange.records import ContactRecord, Labelled
from desktop_app.insights.keep_in_touch import birthday_from_parts

CONTACT_COLUMNS = (
    "id",
    "first_name",
    "middle_name",
    "last_name",
    "full_name",
    "title",
    "company",
    "industry",
    "location",
    "linkedin_url",
    "seniority",
    "circle",
    "how_met",
    "shared_interests",
    "can_help_with",
    "i_can_offer",
    "notes",
    "status",
)
_CHUNK = 500


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), _CHUNK):
        yield ids[start : start + _CHUNK]


def _select(  # type: ignore[no-untyped-def]
    connection: Connection, sql: str, column: str, chunk: list[int] | None, then: str
):
    order = f" ORDER BY {column}, {then}"
    if chunk is None:
        return connection.execute(text(sql + order))
    statement = text(f"{sql} WHERE {column} IN :ids{order}")
    return connection.execute(
        statement.bindparams(bindparam("ids", expanding=True)), {"ids": chunk}
    )


def read_contact_records(
    connection: Connection, ids: Iterable[int] | None = None
) -> dict[int, ContactRecord]:
    """Contacts by id (all of them when ``ids`` is None), in id order."""
    chunks: list[list[int] | None] = [None] if ids is None else list(_chunks(sorted(set(ids))))
    columns = ", ".join(CONTACT_COLUMNS)
    records: dict[int, ContactRecord] = {}
    for chunk in chunks:
        select = f"SELECT {columns}, birth_month, birth_day, birth_year FROM contacts"
        for row in _select(connection, select, "id", chunk, "id"):
            records[row[0]] = ContactRecord(
                **dict(zip(CONTACT_COLUMNS, row[:-3], strict=True)),
                birthday=birthday_from_parts(*row[-3:]),
            )
        emails = "SELECT contact_id, address, label FROM contact_emails"
        for contact_id, address, label in _select(connection, emails, "contact_id", chunk, "id"):
            records[contact_id].emails.append(Labelled(address, label))
        phones = "SELECT contact_id, number, label FROM contact_phones"
        for contact_id, number, label in _select(connection, phones, "contact_id", chunk, "id"):
            records[contact_id].phones.append(Labelled(number, label))
        tags = "SELECT ct.contact_id, t.name FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id"
        for contact_id, name in _select(connection, tags, "ct.contact_id", chunk, "t.name"):
            records[contact_id].tags.append(name)
    return records


def read_existing(connection: Connection) -> list[Existing]:
    """Every contact reduced to what duplicate matching needs: one pass over two tables."""
    # Straight to the driver: at 100,000 contacts, per-row result processing shows.
    emails: dict[int, list[str]] = {}
    for contact_id, address in connection.exec_driver_sql(
        "SELECT contact_id, address FROM contact_emails"
    ).fetchall():
        emails.setdefault(contact_id, []).append(address)
    rows = connection.exec_driver_sql(
        "SELECT id, full_name, company, linkedin_url FROM contacts"
    ).fetchall()
    return [
        Existing(contact_id, full_name, company, url, tuple(emails.get(contact_id, ())))
        for contact_id, full_name, company, url in rows
    ]
