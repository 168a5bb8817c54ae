"""Alignment and verdict for every contact, by the rules of ``desktop_app.insights``, cached
in ``contact_scores`` so that tables sort and filter on them in SQL.

The cache is right when it was computed for the same goal, settings and day
(``insight_state.scored_for``) and no contact waits in ``contact_score_queue`` (filled by
triggers on every write that changes a score). ``ensure_insights_current`` checks that with
a few cheap reads and does only the work needed: the queued contacts, or everything after
the goal, the settings or the day changed (at most once a day, about a second for 100,000
contacts).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, text

from desktop_app.insights.bulk import Scored, score_lean_rows
from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.model import HIGHER_LEVELS, months_before
from desktop_app.insights.settings import InsightSettings
from desktop_app.store.bulk_indexes import rewritten_whole
from desktop_app.store.database import Database
from desktop_app.store.dialect_sql import as_flag, month_of
from desktop_app.store.insight_inputs import (
    read_dismissed_flags,
    read_insight_goal,
    read_insight_settings,
)
from desktop_app.store.insight_triggers import REBUILD_TOTALS
from desktop_app.store.keep_in_touch import refresh_touch_due
from desktop_app.store.summaries import (
    move_value_window,
    read_lean_rows,
    rebuild_contact_summaries,
    triggers_maintain_summaries,
    value_since,
)

# Archived contacts and those already moved on from are left out of the review and sums.
REVIEWED_STATUSES = ("active", "dormant")


@dataclass(frozen=True)
class InsightInputs:
    """Everything besides the summaries that the rules read, as of ``today``."""

    today: dt.date
    settings: InsightSettings
    goal: GoalProfile | None
    goal_set_on: dt.date | None  # when the active goal version was saved
    dismissed: dict[int, frozenset[str]]

    @property
    def value_since(self) -> dt.date:
        return months_before(self.today, self.settings.reciprocity_months)

    @property
    def key(self) -> str:
        """What a set of cached scores was computed for."""
        basis = {
            "goal": repr(self.goal),
            "goal_set_on": repr(self.goal_set_on),
            "settings": self.settings.to_dict(),
            "today": self.today.isoformat(),
        }
        return hashlib.sha256(json.dumps(basis, sort_keys=True).encode()).hexdigest()


def read_inputs(connection: Connection, today: dt.date | None = None) -> InsightInputs:
    goal, set_on = read_insight_goal(connection)
    return InsightInputs(
        today or dt.date.today(),
        read_insight_settings(connection),
        goal,
        set_on,
        read_dismissed_flags(connection),
    )


def compute_all_verdicts(
    connection: Connection, today: dt.date | None = None, inputs: InsightInputs | None = None
) -> list[Scored]:
    """(contact_id, alignment, verdict, basis) for every contact, from the summaries."""
    inputs = inputs or read_inputs(connection, today)
    rows = read_lean_rows(connection, inputs.settings, today=inputs.today)
    return score_lean_rows(rows, inputs.goal, inputs.settings, inputs.today, inputs.dismissed)


def compute_verdicts(
    connection: Connection, contact_ids: Sequence[int], inputs: InsightInputs
) -> list[Scored]:
    rows = read_lean_rows(connection, inputs.settings, contact_ids, inputs.today)
    return score_lean_rows(rows, inputs.goal, inputs.settings, inputs.today, inputs.dismissed)


@dataclass(frozen=True)
class Freshness:
    """What ``ensure_insights_current`` had to do."""

    window_recomputed: int  # contacts whose value window was recomputed (-1: all)
    rescored: int  # contacts whose cached score was recomputed
    full: bool  # every score was recomputed (goal, settings or day changed)


def _stale(connection: Connection, inputs: InsightInputs) -> bool:
    if not triggers_maintain_summaries(connection):
        return True
    state = connection.execute(text("SELECT scored_for FROM insight_state WHERE id = 1")).scalar()
    if state != inputs.key or value_since(connection) != inputs.value_since:
        return True
    return connection.execute(text("SELECT 1 FROM contact_score_queue LIMIT 1")).first() is not None


def ensure_insights_current(db: Database, today: dt.date | None = None) -> Freshness:
    """Bring the value window and the cached scores up to date; cheap when they are.

    The check only reads. When work is needed it runs in a transaction that takes the
    write lock with its first statement, so a write elsewhere in between cannot make it
    fail half-way.
    """
    with db.engine.connect() as connection:
        inputs = read_inputs(connection, today)
        if not _stale(connection, inputs):
            return Freshness(0, 0, False)
    with db.transaction() as session:
        connection = session.connection()
        connection.execute(text("UPDATE insight_state SET paused = paused WHERE id = 1"))
        inputs = read_inputs(connection, today)
        return refresh_insights(connection, inputs)


def refresh_insights(connection: Connection, inputs: InsightInputs) -> Freshness:
    """Within a write transaction: slide the window, then rescore what is out of date."""
    if triggers_maintain_summaries(connection):
        moved = move_value_window(connection, inputs.value_since)
    else:
        rebuild_contact_summaries(connection, inputs.value_since)
        moved = -1
    state = connection.execute(text("SELECT scored_for FROM insight_state WHERE id = 1")).scalar()
    if state != inputs.key:
        scored = compute_all_verdicts(connection, inputs=inputs)
        # Rewriting every row: the totals triggers are paused and the totals summed once.
        paused = connection.execute(text("SELECT paused FROM insight_state WHERE id = 1")).scalar()
        connection.execute(text("UPDATE insight_state SET paused = 1 WHERE id = 1"))
        with rewritten_whole(connection, "contact_scores"):
            connection.execute(text("DELETE FROM contact_scores"))
            _write_scores(connection, scored, inputs)
        connection.execute(text("DELETE FROM contact_score_queue"))
        connection.execute(text("DELETE FROM score_totals"))
        connection.execute(text(REBUILD_TOTALS))
        connection.execute(
            text("UPDATE insight_state SET paused = :paused, scored_for = :key WHERE id = 1"),
            {"key": inputs.key, "paused": paused or 0},
        )
        refresh_touch_due(connection)  # the verdicts set the default cadences
        return Freshness(moved, len(scored), True)
    queued = connection.execute(text("SELECT contact_id FROM contact_score_queue")).scalars().all()
    if not queued:
        return Freshness(moved, 0, False)
    scored = compute_verdicts(connection, queued, inputs)
    delete = text("DELETE FROM contact_score_queue WHERE contact_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for start in range(0, len(queued), 500):
        connection.execute(delete, {"ids": queued[start : start + 500]})
    _write_scores(connection, scored, inputs, queued)
    refresh_touch_due(connection, queued)
    return Freshness(moved, len(scored), False)


_SCORED = (
    "contact_id",
    "alignment",
    "verdict",
    "basis",
    "given_points",
    "received_points",
    "in_touch",
)


def _level_sql() -> str:
    """The contact's level relative to me, as the network mix counts it."""
    higher = ", ".join(f"'{s}'" for s in sorted(HIGHER_LEVELS))
    return (
        f"CASE WHEN c.seniority IN ({higher}) THEN 'higher' WHEN c.seniority = 'peer' "
        "THEN 'peers' WHEN c.seniority = 'junior' THEN 'junior' ELSE 'unknown' END"
    )


def _write_scores(
    connection: Connection,
    scored: list[Scored],
    inputs: InsightInputs,
    contact_ids: Sequence[int] | None = None,
) -> None:
    """Upsert ``scored``, then copy the contact facts beside them (of ``contact_ids``, or
    of every row when None) in one UPDATE ... FROM."""
    if not scored:
        return
    columns = ", ".join(_SCORED)
    updates = ", ".join(f"{c} = excluded.{c}" for c in _SCORED[1:])
    upsert = (
        f"INSERT INTO contact_scores ({columns}, aligned, active, created_month, level, circle) "
        f"VALUES ({{}}, 0, 1, '', 'unknown', 'familiar') "
        f"ON CONFLICT (contact_id) DO UPDATE SET {updates}"
    )
    if connection.dialect.name == "sqlite":
        # 100,000 rows: the driver's executemany, without a parameter dict per row.
        cursor = connection.connection.driver_connection.cursor()
        try:
            cursor.executemany(upsert.format(", ".join("?" * len(_SCORED))), scored)
        finally:
            cursor.close()
    else:
        connection.execute(
            text(upsert.format(", ".join(f":{c}" for c in _SCORED))),
            # in_touch is a flag, 0 or 1, in the table (a boolean is no integer there).
            [dict(zip(_SCORED, (*s[:-1], int(s[-1])), strict=True)) for s in scored],
        )
    statuses = ", ".join(f"'{s}'" for s in REVIEWED_STATUSES)
    dialect = connection.dialect.name
    facts = (
        f"UPDATE contact_scores SET aligned = {as_flag(dialect, 'alignment >= :mark')}, "
        f"active = {as_flag(dialect, f'c.status IN ({statuses})')}, "
        f"created_month = {month_of(dialect, 'c.created_at')}, level = {_level_sql()}, "
        "circle = c.circle FROM contacts c WHERE c.id = contact_scores.contact_id"
    )
    mark = {"mark": inputs.settings.aligned_at}
    if contact_ids is None:
        connection.execute(text(facts), mark)
        return
    some = text(facts + " AND contact_scores.contact_id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    ids = sorted(set(contact_ids))
    for start in range(0, len(ids), 500):
        connection.execute(some, {"ids": ids[start : start + 500], **mark})
