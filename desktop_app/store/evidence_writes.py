"""Writing interactions made from evidence files, keyed so each is written once.

Each row carries a source key (migration 0004). A row whose key is already stored is not
written again; an earlier *awaiting* or *unanswered* outreach turns *replied* (or
*awaiting* turns *unanswered*) when the newer file says so; a reply set by hand is never
taken back. Many rows go in with the insight triggers paused and one rebuild at the end;
then the reply rule and the contacts' dates run as after any interaction write.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Connection, text

from desktop_app.store.bulk_indexes import indexes_rebuilt
from desktop_app.store.contact_writes import bulk_insert
from desktop_app.store.evidence_people import fetch_all
from desktop_app.store.interactions import after_interactions_changed
from desktop_app.store.models import Interaction
from desktop_app.store.summaries import paused_insight_triggers
from desktop_app.store.vocab import HELP_VALUES, INITIATORS, INTERACTION_KINDS, REPLY_STATUSES

# Past this many new rows one rebuild of the aggregates beats a trigger run per row.
BULK_FROM = 2_000
_CHUNK = 5_000
# An outreach may move on (left) to these (right), never back.
_MOVES = {"awaiting": ("replied", "unanswered"), "unanswered": ("replied",)}
_COLUMNS = (
    "contact_id",
    "event_id",
    "occurred_on",
    "kind",
    "initiated_by",
    "reply_status",
    "help_given",
    "help_received",
    "minutes",
    "notes",
    "created_at",
    "source_key",
)


def source_key(prefix: str, key: str) -> str:
    """The stored key: short and of one length, whatever the file's identifiers."""
    return f"{prefix}:{hashlib.sha256(key.encode('utf-8')).hexdigest()[:40]}"


class EvidenceRow(NamedTuple):
    """One interaction to write, for the person of ``identity`` (matched at writing).

    A named tuple: an archive makes 100,000s of them, built several times faster than
    frozen dataclasses."""

    source_key: str
    identity: str
    occurred_on: dt.date
    kind: str
    initiated_by: str
    reply_status: str
    minutes: int = 0
    notes: str = ""
    event_key: str = ""  # the source key of the event it happened at, if any


@dataclass(frozen=True, slots=True)
class WriteCounts:
    added: int
    updated: int
    already: int
    contacts: int  # the contacts the added rows are with


@dataclass(frozen=True, slots=True)
class StoredKeys:
    """The source keys already imported with one prefix, and the open outreach among them."""

    keys: frozenset[str]
    open: dict[str, tuple[int, str]]  # key → (interaction id, "awaiting" or "unanswered")


def stored_keys(connection: Connection, prefix: str) -> StoredKeys:
    if not prefix.isalpha():
        raise ValueError(prefix)  # (it is written into the SQL)
    in_range = f"source_key >= '{prefix}:' AND source_key < '{prefix};'"
    keys = fetch_all(connection, f"SELECT source_key FROM interactions WHERE {in_range}")
    # A scan of the table beats a lookup of every keyed row through the index (4 times).
    table = "interactions NOT INDEXED" if connection.dialect.name == "sqlite" else "interactions"
    pending = fetch_all(
        connection,
        f"SELECT source_key, id, reply_status FROM {table} "
        f"WHERE reply_status IN ('awaiting', 'unanswered') AND {in_range}",
    )
    return StoredKeys(
        frozenset(key for (key,) in keys),
        {key: (interaction_id, status) for key, interaction_id, status in pending},
    )


@contextlib.contextmanager
def larger_cache(connection: Connection) -> Iterator[None]:
    """A 64 MB page cache while many rows go in: each lands in four indexes (one of them
    the source keys, in random order), and with SQLite's 2 MB default the pages of those
    indexes are read and written again and again (ten times slower)."""
    previous = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size = -65536")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size = {int(previous or -2000)}")


def _within_checks(values: Sequence[tuple]) -> bool:  # type: ignore[type-arg]
    """Whether every row (in ``_COLUMNS`` order) meets the interactions table's CHECK
    constraints, which models.Interaction writes from these same vocabularies."""
    known = all(
        kind in INTERACTION_KINDS
        and initiated_by in INITIATORS
        and reply in REPLY_STATUSES
        and given in HELP_VALUES
        and received in HELP_VALUES
        for kind, initiated_by, reply, given, received in {row[3:8] for row in values}
    )
    return known and all(type(row[8]) is int and row[8] >= 0 for row in values)


@contextlib.contextmanager
def checked_here(connection: Connection, values: Sequence[tuple]) -> Iterator[None]:  # type: ignore[type-arg]
    """Around the insert of ``values``: SQLite's CHECKs off when the rows were found to
    meet them here, all at once. SQLite checks each row's IN lists at a cost larger than
    the insert itself (65,000 interactions: 320 ms with the checks, 140 without). A row
    outside them leaves the checks on, so that SQLite refuses it as always."""
    if not values or connection.dialect.name != "sqlite" or not _within_checks(values):
        yield
        return
    connection.exec_driver_sql("PRAGMA ignore_check_constraints = ON")
    try:
        yield
    finally:
        connection.exec_driver_sql("PRAGMA ignore_check_constraints = OFF")


def write_evidence(
    connection: Connection,
    rows: Sequence[EvidenceRow],
    contact_of: dict[str, int],
    prefix: str,
    now: dt.datetime,
    event_ids: dict[str, int] | None = None,
) -> WriteCounts:
    """Write the rows not yet stored for people in ``contact_of`` (identity → contact id)."""
    stored = stored_keys(connection, prefix)
    event_ids = event_ids or {}
    fresh: list[EvidenceRow] = []
    moves: list[tuple[str, int]] = []  # (new reply status, interaction id)
    touched: set[int] = set()
    seen: set[str] = set()
    already = 0
    for row in rows:
        contact_id = contact_of.get(row.identity)
        if contact_id is None:
            continue
        if row.source_key not in stored.keys and row.source_key not in seen:
            seen.add(row.source_key)  # (a key twice in one file: the first is kept)
            fresh.append(row)
            touched.add(contact_id)
            continue
        already += 1
        known = stored.open.get(row.source_key)
        if known is not None and row.reply_status in _MOVES.get(known[1], ()):
            moves.append((row.reply_status, known[0]))
            touched.add(contact_id)
    values = [
        (
            contact_of[row.identity],
            event_ids.get(row.event_key),
            row.occurred_on,
            row.kind,
            row.initiated_by,
            row.reply_status,
            "none",
            "none",
            row.minutes,
            row.notes,
            now,
            row.source_key,
        )
        for row in fresh
    ]
    bulk = len(values) >= BULK_FROM and connection.dialect.name == "sqlite"
    with (
        larger_cache(connection) if bulk else contextlib.nullcontext(),
        paused_insight_triggers(connection) if bulk else contextlib.nullcontext(),
    ):
        with (
            indexes_rebuilt(connection, "interactions", len(values)),
            checked_here(connection, values if bulk else []),
        ):
            for start in range(0, len(values), _CHUNK):
                chunk = values[start : start + _CHUNK]
                bulk_insert(connection, Interaction.__table__, _COLUMNS, chunk)
        if moves:
            connection.execute(
                text("UPDATE interactions SET reply_status = :status WHERE id = :id"),
                [{"status": status, "id": interaction_id} for status, interaction_id in moves],
            )
        after_interactions_changed(connection, touched)
    return WriteCounts(
        added=len(values),
        updated=len(moves),
        already=already,
        contacts=len({value[0] for value in values}),
    )
