"""Open follow-ups grouped by when they are due, and the writes that close or move them.

A follow-up is an interaction's ``followup_due`` not yet done. Reading uses the partial
index on open follow-ups (the queries repeat its condition so SQLite can use it), through
``store.reader``. The writes (done, snooze, reschedule) are in ``store.interactions``;
``followup_target`` says which interaction a new follow-up goes on.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop_app.store.driver_values import day_or_none as as_date
from desktop_app.store.reader import Reader
from desktop_app.store.records import FollowUp

GROUPS = ("overdue", "today", "this_week", "later")
OPEN = "i.followup_due IS NOT NULL AND i.followup_done_at IS NULL"
_SELECT = f"""
SELECT i.id, i.contact_id, c.full_name, c.company, i.followup_due, i.kind, i.occurred_on, i.notes
FROM interactions i JOIN contacts c ON c.id = i.contact_id
WHERE {OPEN} AND {{where}}
ORDER BY i.followup_due, {{name_order}}, i.id
LIMIT :limit OFFSET :offset
"""


def group_bounds(today: dt.date) -> dict[str, tuple[str, dict[str, Any]]]:
    """Each group's condition on ``i.followup_due`` and its parameters.

    "This week" is the six days after today, so it never shrinks to nothing on a Saturday.
    """
    week_end = today + dt.timedelta(days=6)
    return {
        "overdue": ("i.followup_due < :start", {"start": today}),
        "today": ("i.followup_due = :start", {"start": today}),
        "this_week": (
            "i.followup_due > :start AND i.followup_due <= :end",
            {"start": today, "end": week_end},
        ),
        "later": ("i.followup_due > :end", {"end": week_end}),
    }


def _name_order(dialect: str) -> str:
    return "c.full_name COLLATE NOCASE" if dialect == "sqlite" else "lower(c.full_name)"


def _iso(params: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in params.items()}


def followup_counts(reader: Reader, today: dt.date | None = None) -> dict[str, int]:
    """How many open follow-ups each group holds."""
    today = today or dt.date.today()
    counts = {}
    with reader.session() as run:
        for group, (where, params) in group_bounds(today).items():
            sql = f"SELECT count(*) FROM interactions i WHERE {OPEN} AND {where}"
            counts[group] = int(run(sql, _iso(params))[0][0])
    return counts


def followups_in_group(
    reader: Reader, group: str, today: dt.date | None = None, *, offset: int = 0, limit: int = 200
) -> list[FollowUp]:
    """A page of the group's open follow-ups, the soonest due first."""
    where, params = group_bounds(today or dt.date.today())[group]
    rows = reader.rows(
        _SELECT.format(where=where, name_order=_name_order(reader.dialect)),
        {**_iso(params), "limit": limit, "offset": offset},
    )
    return [
        FollowUp(
            interaction_id=row[0],
            contact_id=row[1],
            contact_name=row[2],
            company=row[3],
            due=as_date(row[4]),  # type: ignore[arg-type]
            kind=row[5],
            occurred_on=as_date(row[6]),  # type: ignore[arg-type]
            notes=row[7],
        )
        for row in rows
    ]


_FOLLOW_UP_TARGET = f"""SELECT i.id FROM interactions i WHERE i.contact_id = :id
ORDER BY ({OPEN}) DESC, i.occurred_on DESC, i.id DESC
LIMIT 1"""


def followup_target(reader: Reader, contact_id: int) -> int | None:
    """The interaction a new follow-up with the contact goes on: their open follow-up, or
    else their latest interaction (None if none is logged). A follow-up never makes up an
    interaction, which would count as being in touch."""
    found = reader.value(_FOLLOW_UP_TARGET, {"id": contact_id})
    return int(found) if found is not None else None
