"""Per-contact summaries and monthly totals: rebuild, move the value window, read fast.

The triggers of ``insight_triggers`` keep both tables right on every write; the functions
here rebuild them from scratch (after a bulk load, a migration, or on databases without
triggers), slide the reciprocity window as days pass, and read compact rows for the rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial

from sqlalchemy import Connection, bindparam, text

from desktop_app.insights.bulk import Row
from desktop_app.insights.settings import InsightSettings
from desktop_app.insights.time_sink import time_sink_since
from desktop_app.store.dialect_sql import count_true, month_of
from desktop_app.store.insight_triggers import (
    MEETING_KINDS,
    OUTREACH,
    REFERRAL_KINDS,
    SUMMARY_TABLE_COLUMNS,
    TRIGGERS,
    summary_select,
)

_CHUNK = 500
# From this many new contacts on, they are queued for scoring in one statement.
BULK_QUEUE_FROM = 1000
_QUEUE_TRIGGER = "contacts_insights_insert"


def value_since(connection: Connection) -> dt.date | None:
    """The first day of the reciprocity window the summaries currently hold."""
    value = connection.execute(text("SELECT value_since FROM insight_state WHERE id = 1")).scalar()
    return None if value is None else dt.date.fromisoformat(str(value)[:10])


def _set_state(connection: Connection, **values: object) -> None:
    assignments = ", ".join(f"{name} = :{name}" for name in values)
    connection.execute(text(f"UPDATE insight_state SET {assignments} WHERE id = 1"), values)


def rebuild_contact_summaries(connection: Connection, since: dt.date | None = None) -> None:
    """Recompute every contact summary and monthly total from the interactions.

    ``since`` moves the reciprocity window first (default: keep it). The cached scores are
    marked out of date.
    """
    if since is not None:
        _set_state(connection, value_since=since.isoformat())
    connection.execute(text("DELETE FROM contact_summaries"))
    connection.execute(
        text(
            f"INSERT INTO contact_summaries ({SUMMARY_TABLE_COLUMNS}) "
            + summary_select(
                "1 = 1",
                whole_table=connection.dialect.name == "sqlite",
                dialect=connection.dialect.name,
            )
        )
    )
    rebuild_monthly_activity(connection)
    _set_state(connection, scored_for=None)


def rebuild_monthly_activity(connection: Connection) -> None:
    dialect = connection.dialect.name
    month = month_of(dialect, "i.occurred_on")
    total = partial(count_true, dialect)
    connection.execute(text("DELETE FROM monthly_activity"))
    connection.execute(
        text(
            f"""INSERT INTO monthly_activity
                (month, interactions, minutes, outreach, replies, meetings, referrals)
            SELECT {month}, count(*), coalesce(sum(i.minutes), 0),
                {total(OUTREACH)}, {total(f"{OUTREACH} AND i.reply_status = 'replied'")},
                {total(f"i.kind IN {MEETING_KINDS}")}, {total(f"i.kind IN {REFERRAL_KINDS}")}
            FROM interactions i GROUP BY {month}"""
        )
    )


def recompute_contacts(connection: Connection, contact_ids: Sequence[int]) -> None:
    """Recompute the summaries of ``contact_ids`` (and queue them for scoring)."""
    ids = sorted(set(contact_ids))
    delete = text("DELETE FROM contact_summaries WHERE contact_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    insert = text(
        f"INSERT INTO contact_summaries ({SUMMARY_TABLE_COLUMNS}) "
        f"{summary_select('i.contact_id IN :ids', dialect=connection.dialect.name)}"
    ).bindparams(bindparam("ids", expanding=True))
    queue = text("INSERT INTO contact_score_queue (contact_id) VALUES (:id) ON CONFLICT DO NOTHING")
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        connection.execute(delete, {"ids": chunk})
        connection.execute(insert, {"ids": chunk})
        connection.execute(queue, [{"id": i} for i in chunk])


def move_value_window(connection: Connection, since: dt.date) -> int:
    """Make the summaries count value given/received from ``since`` on.

    Moving forward (a new day) recomputes only the contacts whose oldest counted act of
    help fell out of the window (an indexed lookup); moving back (a longer window in the
    settings) rebuilds everything. Returns how many contacts were recomputed.
    """
    held = value_since(connection)
    if held == since:
        return 0
    if held is None or since < held:
        rebuild_contact_summaries(connection, since)
        return -1
    _set_state(connection, value_since=since.isoformat())
    expired = (
        connection.execute(
            text("SELECT contact_id FROM contact_summaries WHERE value_oldest_on < :since"),
            {"since": since.isoformat()},
        )
        .scalars()
        .all()
    )
    recompute_contacts(connection, expired)
    return len(expired)


@contextmanager
def paused_insight_triggers(connection: Connection, since: dt.date | None = None) -> Iterator[None]:
    """Switch the insight triggers off for a bulk write, then rebuild once at the end.

    The switch lives in the database but inside the caller's transaction: other
    connections never see it, and a failed bulk write rolls it back with everything else.
    """
    _set_state(connection, paused=1)
    yield
    rebuild_contact_summaries(connection, since)
    _set_state(connection, paused=0)


@contextmanager
def scoring_queued_in_bulk(connection: Connection, first_id: int, count: int) -> Iterator[None]:
    """Around the insert of many contacts with ids from ``first_id`` on: they are queued for
    scoring in one statement at the end, not by the insert trigger row by row.

    The trigger is dropped and created again inside the caller's transaction (as the
    full-text index's is): a rollback restores it, other connections never see it missing.
    Only the queueing is deferred, so nothing needs rebuilding. When the triggers are
    paused already (a bulk writer around this one), they are left so.
    """
    if connection.dialect.name != "sqlite" or count < BULK_QUEUE_FROM:
        yield
        return
    paused = connection.execute(text("SELECT paused FROM insight_state WHERE id = 1")).scalar()
    # A write first: Python's sqlite3 would commit DDL issued before one on the spot.
    connection.execute(text("UPDATE insight_state SET paused = paused WHERE id = 1"))
    in_transaction = getattr(connection.connection.dbapi_connection, "in_transaction", False)
    exists = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = :name"),
        {"name": _QUEUE_TRIGGER},
    ).first()
    if paused is None or paused or not in_transaction or exists is None:
        yield
        return
    connection.execute(text(f"DROP TRIGGER {_QUEUE_TRIGGER}"))
    yield
    connection.execute(
        text(
            "INSERT OR IGNORE INTO contact_score_queue (contact_id) "
            "SELECT id FROM contacts WHERE id >= :first"
        ),
        {"first": first_id},
    )
    connection.execute(text(f"CREATE TRIGGER {_QUEUE_TRIGGER} {TRIGGERS[_QUEUE_TRIGGER]}"))


_PROFILE = (
    "c.id, c.industry, c.company, c.title, c.seniority, c.shared_interests, c.location, "
    "c.can_help_with"
)
_GOAL_HELP = "coalesce(s.help_referrals + s.help_advice + s.help_leads, 0)"

_SUMMARY_SELECT = f"""
SELECT {_PROFILE},
    coalesce(s.interactions, 0), coalesce(s.minutes, 0), s.first_on, s.last_on,
    coalesce(s.outreach, 0), coalesce(s.replies, 0), coalesce(s.meetings, 0),
    coalesce(s.referrals, 0), s.last_from_them_on, coalesce(s.pending, 0),
    coalesce(s.pending_dates, ''),
    coalesce(s.given_small, 0), coalesce(s.given_medium, 0), coalesce(s.given_large, 0),
    coalesce(s.received_small, 0), coalesce(s.received_medium, 0),
    coalesce(s.received_large, 0),
    coalesce(s.help_referrals, 0), coalesce(s.help_advice, 0), coalesce(s.help_leads, 0),
    s.help_last_on
FROM contacts c LEFT JOIN contact_summaries s ON s.contact_id = c.id"""

# The lean row of ``insights.bulk.SCORING_COLUMNS``: sums done here, by the settings' points.
_SCORING_SELECT = f"""
SELECT {_PROFILE},
    coalesce(s.minutes, 0), s.last_on,
    coalesce(s.replies + s.meetings + s.referrals, 0), s.last_from_them_on,
    coalesce(s.pending, 0), CASE WHEN s.pending >= :in_a_row THEN s.pending_dates END,
    coalesce(s.given_small * :small + s.given_medium * :medium + s.given_large * :large, 0),
    coalesce(s.received_small * :small + s.received_medium * :medium
             + s.received_large * :large, 0),
    {_GOAL_HELP}, s.help_last_on
FROM contacts c LEFT JOIN contact_summaries s ON s.contact_id = c.id"""


# ``insights.bulk.LEAN_COLUMNS``: what the scoring of every contact reads.
_LEAN_SELECT = f"""
SELECT {_PROFILE},
    CASE WHEN coalesce(s.replies + s.meetings + s.referrals, 0) = 0
         THEN coalesce(s.minutes, 0) END,
    s.last_on,
    CASE WHEN s.pending >= :in_a_row
         THEN s.pending_dates || ';' || coalesce(CAST(s.last_from_them_on AS TEXT), '') END,
    coalesce(s.given_small * :small + s.given_medium * :medium + s.given_large * :large, 0),
    coalesce(s.received_small * :small + s.received_medium * :medium
             + s.received_large * :large, 0),
    {_GOAL_HELP},
    CASE WHEN s.replies + s.meetings + s.referrals > 0 AND s.last_on >= :sink_since
              AND (s.help_last_on IS NULL OR s.help_last_on < :sink_since)
         THEN s.minutes END
FROM contacts c LEFT JOIN contact_summaries s ON s.contact_id = c.id"""


def read_summary_rows(
    connection: Connection, contact_ids: Sequence[int] | None = None
) -> list[Row]:
    """Whole summaries (``insights.bulk.SUMMARY_COLUMNS``) of all contacts or of some."""
    return _read(connection, _SUMMARY_SELECT, {}, contact_ids)


def read_scoring_rows(
    connection: Connection,
    settings: InsightSettings,
    contact_ids: Sequence[int] | None = None,
) -> list[Row]:
    """Lean rows (``insights.bulk.SCORING_COLUMNS``) of all contacts or of some."""
    return _read(connection, _SCORING_SELECT, _points(settings), contact_ids)


def read_lean_rows(
    connection: Connection,
    settings: InsightSettings,
    contact_ids: Sequence[int] | None = None,
    today: dt.date | None = None,
) -> Iterable[Row]:
    """``insights.bulk.LEAN_COLUMNS`` rows of all contacts or of some, as of ``today`` (the
    time-sink window). Rows of all contacts come straight off the driver's cursor (no list
    of 100,000 tuples kept alive): consume them at once, before the connection runs
    anything else."""
    since = time_sink_since(today or dt.date.today(), settings)
    parameters: dict[str, int | str] = {**_points(settings), "sink_since": since.isoformat()}
    if contact_ids is None and connection.dialect.name == "sqlite":
        raw = connection.connection.driver_connection
        return raw.execute(_LEAN_SELECT + " ORDER BY c.id", parameters)
    return _read(connection, _LEAN_SELECT, parameters, contact_ids)


def _points(settings: InsightSettings) -> dict[str, int]:
    return {
        "in_a_row": settings.unanswered_in_a_row,
        "small": settings.points_small,
        "medium": settings.points_medium,
        "large": settings.points_large,
    }


def _read(
    connection: Connection,
    select: str,
    parameters: Mapping[str, int | str],
    contact_ids: Sequence[int] | None,
) -> list[Row]:
    """Rows through the driver's own cursor: plain tuples, no per-row objects, because
    100,000 of them are read for every full scoring."""
    if connection.dialect.name != "sqlite":
        return _read_portably(connection, select, parameters, contact_ids)
    raw = connection.connection.driver_connection
    if contact_ids is None:
        return raw.execute(select + " ORDER BY c.id", parameters).fetchall()
    rows: list[Row] = []
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), _CHUNK):
        chunk = {f"id{n}": i for n, i in enumerate(ids[start : start + _CHUNK])}
        marks = ", ".join(f":{name}" for name in chunk)
        rows.extend(
            raw.execute(f"{select} WHERE c.id IN ({marks})", {**parameters, **chunk}).fetchall()
        )
    return rows


def _read_portably(
    connection: Connection,
    select: str,
    parameters: Mapping[str, int | str],
    contact_ids: Sequence[int] | None,
) -> list[Row]:
    if contact_ids is None:
        found = connection.execute(text(select + " ORDER BY c.id"), parameters)
    else:
        statement = text(select + " WHERE c.id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        found = connection.execute(statement, {**parameters, "ids": sorted(set(contact_ids))})
    # The rules read days as SQLite hands them over: ISO text.
    return [tuple(v.isoformat() if isinstance(v, dt.date) else v for v in row) for row in found]


def triggers_maintain_summaries(connection: Connection) -> bool:
    """Whether triggers keep the summaries (SQLite, PostgreSQL); elsewhere they are
    rebuilt to be read."""
    return connection.dialect.name in ("sqlite", "postgresql")
