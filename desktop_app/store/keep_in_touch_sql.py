"""The SQL of keep in touch, spelled for each database: each contact's clock and
effective cadence, the overdue condition, and the overdue list's order."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from desktop_app.insights import keep_in_touch as rules


def case_sql(column: str, mapping: Mapping[str, str], otherwise: str = "NULL") -> str:
    """``CASE column WHEN k THEN v ... END``, keys and values given as SQL."""
    whens = " ".join(f"WHEN {key} THEN {value}" for key, value in mapping.items())
    return f"CASE {column} {whens} ELSE {otherwise} END"


def added_sql(dialect: str) -> str:
    """The day a contact was added: created_at is UTC, and the day is the user's local
    one, the one ``today`` is counted in (09:00 in Auckland is the day before in UTC)."""
    if dialect == "sqlite":
        return "date(c.created_at, 'localtime')"
    # The server's time zone may not be the user's: shifted by this machine's offset.
    return "CAST(c.created_at + make_interval(secs => :utc_offset) AS DATE)"


def local_offset() -> dict[str, float]:
    """The ``utc_offset`` parameter of ``_added_sql`` (unused on SQLite)."""
    offset = dt.datetime.now().astimezone().utcoffset() or dt.timedelta()
    return {"utc_offset": offset.total_seconds()}


def contact_sql(dialect: str, where: str) -> str:
    """Each contact's clock and effective cadence (with what a row of the list shows)."""
    codes = rules.CADENCES
    rank = case_sql("t.touch_cadence", {f"'{code}'": str(i) for i, code in enumerate(codes)})
    from_rank = case_sql("tc.rank", {str(i): f"'{code}'" for i, code in enumerate(codes)})
    default = case_sql(
        "s.verdict", {f"'{v}'": f":default_{v}" for v in rules.VERDICT_DEFAULTS}, "'never'"
    )
    added = added_sql(dialect)
    return f"""
    SELECT c.id, c.full_name, c.company, c.touch_due_on, s.alignment, s.verdict,
        coalesce(c.last_interaction_on, {added}) AS touched,
        coalesce(c.touch_cadence, {from_rank}, {default}) AS cadence
    FROM contacts c
    LEFT JOIN contact_scores s ON s.contact_id = c.id
    LEFT JOIN (
        SELECT ct.contact_id, min({rank}) AS rank
        FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
        WHERE t.touch_cadence IS NOT NULL AND ct.contact_id IN (SELECT c.id FROM contacts c
            WHERE {where})
        GROUP BY ct.contact_id
    ) tc ON tc.contact_id = c.id
    WHERE {where}"""


OVERDUE = (
    # status || '': the due day's index is the one to read, not the status index.
    "c.touch_due_on <= :today AND c.status || '' IN ('active', 'dormant')"
    " AND (c.touch_snoozed_until IS NULL OR c.touch_snoozed_until <= :today)"
)


def order_sql(dialect: str) -> str:
    """The overdue ids, most valuable first: ``rules.priority`` spelled in SQL, so the
    database sorts tens of thousands of rows (a test holds it to the rule)."""
    if dialect == "sqlite":
        least, most = "min", "max"

        def days(later: str, earlier: str) -> str:
            return f"(julianday({later}) - julianday({earlier}))"
    else:
        least, most = "LEAST", "GREATEST"

        def days(later: str, earlier: str) -> str:
            return f"CAST({later} - {earlier} AS DOUBLE PRECISION)"

    late = days(":today", "c.touch_due_on")
    cycle = days("c.touch_due_on", f"coalesce(c.last_interaction_on, {added_sql(dialect)})")
    lateness = f"{least}({late} / {most}({cycle}, 1), {rules.LATENESS_CAP})"
    return f"""
SELECT c.id, s.aligned FROM contacts c LEFT JOIN contact_scores s ON s.contact_id = c.id
WHERE {OVERDUE}
ORDER BY (coalesce(s.alignment, 0) + 10) * (1 + {lateness}) DESC, c.id"""
