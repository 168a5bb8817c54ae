"""Writing contacts from plain records in bulk: inserts with their e-mails, phones and tags,
and updates of merged contacts. Callers run these inside their one transaction.

Values from files are cleaned on the way in: vocabulary fields outside the vocabulary fall
back to their default, and ``full_name`` is built from the name parts as everywhere else.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from itertools import chain

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from desktop_app.exchange.records import ContactRecord, join_name
from desktop_app.store.bulk_indexes import indexes_rebuilt
from desktop_app.store.contact_records import CONTACT_COLUMNS
from desktop_app.store.fulltext import indexing_in_bulk, reindexing_in_bulk
from desktop_app.store.models import Contact, ContactEmail, ContactPhone, ContactTag, Tag
from desktop_app.store.summaries import scoring_queued_in_bulk
from desktop_app.store.vocab import CIRCLES, CONTACT_STATUSES, SENIORITIES

_CHUNK = 2000
# Bound parameters a statement may hold on every SQLite build (older ones allow 999).
_MAX_VARIABLES = 999
_MAX_PG_VARIABLES = 65_535
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
    "birth_month",
    "birth_day",
    "birth_year",
)


_COLUMNS = (*CONTACT_COLUMNS, "created_at", "updated_at", "birth_month", "birth_day", "birth_year")


def contact_values(contact_id: int | None, record: ContactRecord, now: dt.datetime) -> tuple:  # type: ignore[type-arg]
    """The contacts row for ``record``, in ``_COLUMNS`` order."""
    full = join_name(record.first_name, record.middle_name, record.last_name) or record.full_name
    birthday = record.birthday
    return (
        contact_id,
        record.first_name,
        record.middle_name,
        record.last_name,
        full,
        record.title,
        record.company,
        record.industry,
        record.location,
        record.linkedin_url,
        record.seniority if record.seniority in SENIORITIES else None,
        record.circle if record.circle in CIRCLES else "familiar",
        record.how_met,
        record.shared_interests,
        record.can_help_with,
        record.i_can_offer,
        record.notes,
        record.status if record.status in CONTACT_STATUSES else "active",
        now,
        now,
        *((None, None, None) if birthday is None else birthday.parts()),
    )


def _remembering(processor: Callable[[object], object]) -> Callable[[object], object]:
    """``processor`` answering a repeated value (the one time stamp of an import) at once."""
    last: list[object] = [object(), None]

    def process(value: object) -> object:
        if value is not last[0]:
            last[0], last[1] = value, processor(value)
        return last[1]

    return process


def bulk_insert(
    connection: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[tuple],  # type: ignore[type-arg]
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) with as little overhead as the driver allows.

    On SQLite the rows go straight to the driver's ``executemany`` (values converted by
    the columns' own bind processors), and on PostgreSQL into one COPY: several times
    faster than Core's per-row parameter handling, which other databases get.
    """
    if not rows:
        return
    dialect = connection.dialect
    if dialect.name not in ("sqlite", "postgresql"):
        connection.execute(insert(table), [dict(zip(columns, row, strict=True)) for row in rows])
        return
    processors = [
        (i, _remembering(proc))
        for i, name in enumerate(columns)
        if (proc := table.c[name].type.dialect_impl(dialect).bind_processor(dialect)) is not None
    ]
    if processors:
        converted = []
        for row in rows:
            values = list(row)
            for i, proc in processors:
                values[i] = proc(values[i])
            converted.append(tuple(values))
        rows = converted
    if dialect.name == "postgresql":
        _copy_rows(connection, table, columns, rows)
        return
    # Many rows a statement: SQLite sets up a table's CHECK ... IN (...) lists once per
    # statement run, which cost more than the row itself (65,000 interactions: 760 ms
    # one a statement, 330 ms eighty a statement).
    per = max(1, _MAX_VARIABLES // len(columns))
    head = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES "
    marks = f"({', '.join('?' * len(columns))})"
    whole = len(rows) - len(rows) % per
    if whole:
        many = [tuple(chain.from_iterable(rows[i : i + per])) for i in range(0, whole, per)]
        connection.exec_driver_sql(head + ", ".join([marks] * per), many)
    if whole < len(rows):
        connection.exec_driver_sql(head + marks, list(rows[whole:]))


def _copy_rows(
    connection: Connection,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[tuple],  # type: ignore[type-arg]
) -> None:
    """PostgreSQL: the rows in one COPY, inside the connection's transaction (row triggers
    fire as for an INSERT). Statement by statement, even pipelined, the server parses and
    runs each row on its own: 10,000 contacts took 0.4 s more, and 50 rows a statement
    still 0.15 s more. A refusal is raised as Core raises it (an IntegrityError; a lost
    connection marked so)."""
    statement = f"COPY {table.name} ({', '.join(columns)}) FROM STDIN"
    driver = connection.connection.driver_connection
    dbapi = connection.dialect.loaded_dbapi
    cursor = driver.cursor()  # type: ignore[union-attr]
    try:
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
    except dbapi.Error as exc:
        lost = connection.dialect.is_disconnect(exc, driver, cursor)
        if lost:
            connection.invalidate(exc)
        raise DBAPIError.instance(
            statement, None, exc, dbapi.Error, connection_invalidated=lost
        ) from exc


def insert_contacts(
    connection: Connection,
    records: Sequence[ContactRecord],
    now: dt.datetime,
    *,
    progress: Callable[[int], None] | None = None,
) -> list[int]:
    """Insert ``records`` as new contacts; their ids, in order.

    Ids are given here, following the largest one, so that rows go in with one
    ``executemany`` (SQLite returns generated ids only one row at a time). Should another
    program write in between, SQLite refuses this transaction's write: no id is reused.
    """
    first = (connection.execute(select(func.max(Contact.id))).scalar() or 0) + 1
    ids = list(range(first, first + len(records)))
    with (
        indexing_in_bulk(connection, first, len(records)),
        indexes_rebuilt(connection, "contacts", len(records)),
        scoring_queued_in_bulk(connection, first, len(records)),
    ):
        for start in range(0, len(records), _CHUNK):
            chunk = records[start : start + _CHUNK]
            rows = [
                contact_values(contact_id, record, now)
                for contact_id, record in zip(ids[start : start + _CHUNK], chunk, strict=True)
            ]
            bulk_insert(connection, Contact.__table__, _COLUMNS, rows)
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
        emails += [(contact_id, e.value, e.label) for e in record.emails[skip_emails:]]
        phones += [(contact_id, p.value, p.label) for p in record.phones[skip_phones:]]
        seen = {t.casefold() for t in before.tags} if before else set()
        for tag in record.tags:
            if tag.strip() and tag.casefold() not in seen:
                seen.add(tag.casefold())
                tagged.append((contact_id, tag.strip()))
    bulk_insert(connection, ContactEmail.__table__, ("contact_id", "address", "label"), emails)
    bulk_insert(connection, ContactPhone.__table__, ("contact_id", "number", "label"), phones)
    if tagged:
        tag_ids = _tag_ids(connection, {name for _, name in tagged})
        links = [(c, tag_ids[name.casefold()]) for c, name in tagged]
        bulk_insert(connection, ContactTag.__table__, ("contact_id", "tag_id"), links)


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
        row = dict(zip(_COLUMNS, contact_values(contact_id, after, now), strict=True))
        rows.append({"cid": contact_id, **{name: row[name] for name in _UPDATED}})
    assignments = ", ".join(f"{name} = :{name}" for name in _UPDATED)
    with reindexing_in_bulk(connection, changed.keys()):
        connection.execute(
            text(
                f"UPDATE contacts SET {assignments}, updated_at = :now, version = version + 1 "
                "WHERE id = :cid"
            ),
            [{**row, "now": now} for row in rows],
        )
    add_details(
        connection,
        [(cid, after) for cid, (_, after) in changed.items()],
        known={cid: before for cid, (before, _) in changed.items()},
    )
