"""Answered outreach: when a contact writes, calls or meets me within the reply window of
my open outreach to them, that outreach is replied.

Run from ``after_interactions_changed`` (every interaction write) and after a restore, in
the writer's transaction, so the response rate never waits for someone to mark a reply by
hand.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, bindparam, text

from desktop_app.store.driver_values import day
from desktop_app.store.insight_inputs import read_insight_settings

# Their interactions, and my outreach still open (awaiting a reply, or marked unanswered).
_ROWS = """
SELECT id, contact_id, occurred_on, initiated_by FROM interactions
WHERE (initiated_by = 'them'
    OR (initiated_by = 'me' AND reply_status IN ('awaiting', 'unanswered')))
"""
_MARK = text("UPDATE interactions SET reply_status = 'replied' WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)
_OPEN = text(
    "SELECT DISTINCT contact_id FROM interactions WHERE initiated_by = 'me' "
    "AND reply_status IN ('awaiting', 'unanswered') AND contact_id IN :ids ORDER BY contact_id"
).bindparams(bindparam("ids", expanding=True))
_CHUNK = 500


def answered_outreach(rows: Iterable[tuple[int, int, object, str]], window_days: int) -> list[int]:
    """Ids of my open outreach that the same contact answered within ``window_days``."""
    mine: dict[int, list[tuple[int, dt.date]]] = defaultdict(list)
    theirs: dict[int, list[dt.date]] = defaultdict(list)
    for interaction_id, contact_id, occurred_on, initiated_by in rows:
        if initiated_by == "them":
            theirs[contact_id].append(day(occurred_on))
        else:
            mine[contact_id].append((interaction_id, day(occurred_on)))
    window = dt.timedelta(days=window_days)
    return sorted(
        interaction_id
        for contact_id, outreach in mine.items()
        for interaction_id, sent in outreach
        if any(sent <= answer <= sent + window for answer in theirs.get(contact_id, ()))
    )


def mark_answered_outreach(connection: Connection, contact_ids: Iterable[int] | None) -> int:
    """Mark replied the open outreach answered in time, of ``contact_ids`` (everyone when
    None); how many were marked."""
    window = read_insight_settings(connection).reply_window_days
    if contact_ids is None:
        rows = connection.execute(text(_ROWS)).all()
    else:
        # Only a contact with outreach still open can have some answered: the others'
        # interactions (all of an import's meetings, say) are not read.
        wanted = sorted(set(contact_ids))
        ids = [
            contact_id
            for start in range(0, len(wanted), _CHUNK)
            for contact_id in connection.execute(_OPEN, {"ids": wanted[start : start + _CHUNK]})
            .scalars()
            .all()
        ]
        statement = text(_ROWS + " AND contact_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        )
        rows = [
            row
            for start in range(0, len(ids), _CHUNK)
            for row in connection.execute(statement, {"ids": ids[start : start + _CHUNK]})
        ]
    answered = answered_outreach(rows, window)
    for start in range(0, len(answered), _CHUNK):
        connection.execute(_MARK, {"ids": answered[start : start + _CHUNK]})
    return len(answered)
