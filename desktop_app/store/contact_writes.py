"""Writing contacts from plain records in bulk: inserts with their e-mails, phones and tags,
and updates of merged contacts. Callers run these inside their one transaction.

Values from files are cleaned on the way in: vocabulary fields outside the vocabulary fall
back to their default, and ``full_name`` is built from the name parts as everywhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from sqlalchemy import Connection, insert, select, text

from desktop_app.exchange.records import ContactRecord, join_name
from desktop_app.store.models import Contact, ContactEmail, ContactPhone, ContactTag, Tag
from desktop_app.store.vocab import CIRCLES, CONTACT_STATUSES, SENIORITIES

_CHUNK = 2000
_UPDATED = (
    "first_name",
    "middle_name",
    "last_name",
    "full_name",
    "title",
    "company",
    "industry",
    "location",
    "linkedin_url",
    "how_met",
    "shared_interests",
    "can_help_with",
    "i_can_offer",
    "notes",
)


def contact_row(record: ContactRecord, now: dt.datetime) -> dict[str, object]:
    full = join_name(record.first_name, record.middle_name, record.last_name) or record.full_name
    return {
        "first_name": record.first_name,
        "middle_name": record.middle_name,
        "last_name": record.last_name,
        "full_name": full,
        "title": record.title,
        "company": record.company,
        "industry": record.industry,
        "location": record.location,
        "linkedin_url": record.linkedin_url,
        "seniority": record.seniority if record.seniority in SENIORITIES else None,
        "circle": record.circle if record.circle in CIRCLES else "familiar",
        "how_met": record.how_met,
        "shared_interests": record.shared_interests,
        "can_help_with": record.can_help_with,
        "i_can_offer": record.i_can_offer,
        "notes": record.notes,
        "status": record.status if record.status in CONTACT_STATUSES else "active",
        "created_at": now,
        "updated_at": now,
    }


def insert_contacts(
    connection: Connection,
    records: Sequence[ContactRecord],
    now: dt.datetime,
    *,
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Insert ``records`` as new contacts; their ids, in order."""
    ids: list[int] = []
    statement = insert(Contact.__table__).returning(
        Contact.__table__.c.id, sort_by_parameter_order=True
    )
    for start in range(0, len(records), _CHUNK):
        chunk = records[start : start + _CHUNK]
        rows = [contact_row(record, now) for record in chunk]
        ids.extend(connection.execute(statement, rows).scalars())
        if progress:
            progress(start + len(chunk))
    add_details(connection, list(zip(ids, records, strict=True)))
    return ids


def add_details(
    connection: Connection,
    pairs: Sequence[tuple[int, ContactRecord]],
    *,
    known: dict[int, ContactRecord] | None = None,
) -> None:
    """Insert the e-mails, phones and tags of ``pairs`` that ``known`` does not already hold."""
    emails, phones, tagged = [], [], []
    for contact_id, record in pairs:
        before = known.get(contact_id) if known else None
        skip_emails = len(before.emails) if before else 0
        skip_phones = len(before.phones) if before else 0
        old_tags = {t.casefold() for t in before.tags} if before else set()
        emails += [
            {"contact_id": contact_id, "address": e.value, "label": e.label}
            for e in record.emails[skip_emails:]
        ]
        phones += [
            {"contact_id": contact_id, "number": p.value, "label": p.label}
            for p in record.phones[skip_phones:]
        ]
        seen = set(old_tags)
        for tag in record.tags:
            if tag.strip() and tag.casefold() not in seen:
                seen.add(tag.casefold())
                tagged.append((contact_id, tag.strip()))
    for table, rows in ((ContactEmail, emails), (ContactPhone, phones)):
        for start in range(0, len(rows), _CHUNK * 5):
            connection.execute(insert(table.__table__), rows[start : start + _CHUNK * 5])
    if tagged:
        tag_ids = _tag_ids(connection, {name for _, name in tagged})
        rows = [{"contact_id": c, "tag_id": tag_ids[name.casefold()]} for c, name in tagged]
        connection.execute(insert(ContactTag.__table__), rows)


def _tag_ids(connection: Connection, names: set[str]) -> dict[str, int]:
    """Tag ids by case-folded name, creating the tags that do not exist yet."""
    found = {
        name.casefold(): tag_id for tag_id, name in connection.execute(select(Tag.id, Tag.name))
    }
    missing = {}
    for name in sorted(names):
        missing.setdefault(name.casefold(), name)
    new = [{"name": name} for key, name in missing.items() if key not in found]
    if new:
        statement = insert(Tag.__table__).returning(
            Tag.__table__.c.id, sort_by_parameter_order=True
        )
        for row, tag_id in zip(new, connection.execute(statement, new).scalars(), strict=True):
            found[row["name"].casefold()] = tag_id
    return found


def update_contacts(
    connection: Connection,
    changed: dict[int, tuple[ContactRecord, ContactRecord]],
    now: dt.datetime,
) -> None:
    """Write merged contacts: contact id → (as it was read, as it is to be)."""
    if not changed:
        return
    rows = []
    for contact_id, (_, after) in changed.items():
        row = contact_row(after, now)
        rows.append({"cid": contact_id, **{name: row[name] for name in _UPDATED}})
    assignments = ", ".join(f"{name} = :{name}" for name in _UPDATED)
    connection.execute(
        text(f"UPDATE contacts SET {assignments}, updated_at = :now WHERE id = :cid"),
        [{**row, "now": now} for row in rows],
    )
    add_details(
        connection,
        [(cid, after) for cid, (_, after) in changed.items()],
        known={cid: before for cid, (before, _) in changed.items()},
    )
