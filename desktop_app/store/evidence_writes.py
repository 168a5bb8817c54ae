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
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, text

from desktop_app.store.contact_writes import bulk_insert
from desktop_app.store.interactions import after_interactions_changed
from desktop_app.store.models import Interaction
from desktop_app.store.summaries import paused_insight_triggers

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


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One interaction to write, for the person of ``identity`` (matched at writing)."""

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


def stored_keys(connection: Connection, prefix: str) -> dict[str, tuple[int, str]]:
    """Source key → (interaction id, reply status) of the rows imported with ``prefix``."""
    return {
        key: (interaction_id, status)
        for key, interaction_id, status in connection.execute(
            text(
                "SELECT source_key, id, reply_status FROM interactions "
                "WHERE source_key >= :low AND source_key < :high"
            ),
            {"low": f"{prefix}:", "high": f"{prefix};"},
        )
    }


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
    already = 0
    for row in rows:
        contact_id = contact_of.get(row.identity)
        if contact_id is None:
            continue
        known = stored.get(row.source_key)
        if known is None:
            fresh.append(row)
            touched.add(contact_id)
            continue
        already += 1
        if row.reply_status in _MOVES.get(known[1], ()):
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
    with paused_insight_triggers(connection) if bulk else contextlib.nullcontext():
        for start in range(0, len(values), _CHUNK):
            bulk_insert(connection, Interaction.__table__, _COLUMNS, values[start : start + _CHUNK])
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
