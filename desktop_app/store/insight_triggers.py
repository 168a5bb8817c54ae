"""SQLite triggers that keep the insight aggregates right, whoever writes the interactions.

Why triggers rather than a store function called by every write: the contacts page, the
importer, the demo filler, a future sync, a migration or a user's own ``sqlite3`` session
all write interactions; a trigger cannot be forgotten by any of them, and it runs inside
the writer's transaction, so an aggregate is never out of step with what was committed.

On every insert, update or delete of an interaction the triggers

- recompute that contact's row of ``contact_summaries`` from its own interactions (a few
  rows, read through the ``(contact_id, occurred_on)`` index; recomputing, rather than
  adding and subtracting, keeps maxima, the pending run and the windowed sums exact);
- add to (or take from) the month's row of ``monthly_activity``;
- queue the contact in ``contact_score_queue``, so the cached alignment and verdict are
  recomputed by the Python rules before they are next read.

Writes of ``contact_scores`` (by the scoring, or a contact's deletion) keep
``score_totals`` (counts by every combination of the cached facts) in step the same way,
so the dashboard sums a few hundred rows.

Edits of a contact's industry, company, title, seniority, shared interests, location, what
they can help with, status, circle or creation time, new contacts and dismissed flags
queue the contact too. A bulk writer
may switch the triggers off for its transaction (``insight_state.paused``) and rebuild
everything at the end (``summaries.paused_insight_triggers``). PostgreSQL has the same
triggers in PL/pgSQL (``insight_triggers_pg``); other databases have none: there the store
rebuilds the aggregates before reading them.

A migration that recreates ``interactions`` or ``contacts`` (Alembic batch mode on SQLite)
drops their triggers: it must call ``create_insight_triggers`` again.
"""

from __future__ import annotations

from functools import partial

from sqlalchemy import Connection, text

from desktop_app.store.dialect_sql import SQLITE, count_true, joined

ACTIVE = "coalesce((SELECT paused FROM insight_state WHERE id = 1), 0) = 0"

# My messages that expected a reply; a sign of life from them; what counts as an outcome.
OUTREACH = "i.initiated_by = 'me' AND i.reply_status <> 'none'"
PENDING = "i.initiated_by = 'me' AND i.reply_status IN ('awaiting', 'unanswered')"
FROM_THEM = (
    "i.initiated_by = 'them' OR i.reply_status = 'replied' "
    "OR i.kind IN ('call', 'meeting', 'coffee', 'event_conversation')"
)
MEETING_KINDS = "('call', 'meeting', 'coffee')"
REFERRAL_KINDS = "('referral', 'introduction')"
# Help toward the goal received (``insights.goal_help``): a referral, an introduction or
# advice on which help was received, and a lead: medium or large help received on any
# other interaction. Help received only: "they only take" and this never disagree.
GOAL_KINDS = "('referral', 'introduction', 'advice')"
FROM_THEM_HELP = "i.help_received <> 'none'"
LEAD = f"(i.kind NOT IN {GOAL_KINDS} AND i.help_received IN ('medium', 'large'))"
GOAL_HELP = f"(i.kind IN {GOAL_KINDS} AND {FROM_THEM_HELP} OR {LEAD})"

SUMMARY_TABLE_COLUMNS = (
    "contact_id, interactions, minutes, first_on, last_on, outreach, replies, meetings, "
    "referrals, last_from_them_on, pending, pending_dates, given_small, given_medium, "
    "given_large, received_small, received_medium, received_large, value_oldest_on, "
    "help_referrals, help_advice, help_leads, help_last_on"
)


SINCE = "(SELECT value_since FROM insight_state WHERE id = 1)"


def _window(column: str, size: str, dialect: str = SQLITE) -> str:
    return count_true(dialect, f"i.occurred_on >= {SINCE} AND i.{column} = '{size}'")


REFERRED = f"i.kind IN {REFERRAL_KINDS} AND {FROM_THEM_HELP}"


def _help_window(condition: str, dialect: str = SQLITE) -> str:
    return count_true(dialect, f"i.occurred_on >= {SINCE} AND {condition}")


def summary_select(where: str, *, whole_table: bool = False, dialect: str = SQLITE) -> str:
    """SELECT of whole summary rows for the contacts whose interactions match ``where``.

    ``where`` filters ``interactions i``. The pending run is read after the aggregate:
    my outreach without a reply sent after their last sign of life, oldest first. For the
    whole table a plain scan and sort beats walking the index (random reads of every row).
    """
    source = "interactions i NOT INDEXED" if whole_table else "interactions i"
    # No sign of life yet: every pending message counts (SQLite compares dates as text).
    never = "''" if dialect == SQLITE else "DATE '0001-01-01'"
    run = (
        f"interactions i WHERE i.contact_id = a.contact_id AND ({PENDING}) "
        f"AND i.occurred_on > coalesce(a.last_from_them_on, {never})"
    )
    if dialect == SQLITE:
        pending_dates = (
            f"(SELECT group_concat(d, ',') FROM (SELECT i.occurred_on AS d FROM {run}\n"
            "              ORDER BY i.occurred_on))"
        )
    else:
        pending_dates = joined(dialect, "i.occurred_on", ",", run, "i.occurred_on")
    total = partial(count_true, dialect)
    return f"""
SELECT a.contact_id, a.interactions, a.minutes, a.first_on, a.last_on, a.outreach, a.replies,
    a.meetings, a.referrals, a.last_from_them_on,
    (SELECT count(*) FROM {run}),
    coalesce({pending_dates}, ''),
    a.given_small, a.given_medium, a.given_large,
    a.received_small, a.received_medium, a.received_large, a.value_oldest_on,
    a.help_referrals, a.help_advice, a.help_leads, a.help_last_on
FROM (
    SELECT i.contact_id AS contact_id,
        count(*) AS interactions,
        coalesce(sum(i.minutes), 0) AS minutes,
        min(i.occurred_on) AS first_on,
        max(i.occurred_on) AS last_on,
        {total(OUTREACH)} AS outreach,
        {total(f"{OUTREACH} AND i.reply_status = 'replied'")} AS replies,
        {total(f"i.kind IN {MEETING_KINDS}")} AS meetings,
        {total(f"i.kind IN {REFERRAL_KINDS}")} AS referrals,
        max(CASE WHEN {FROM_THEM} THEN i.occurred_on END) AS last_from_them_on,
        {_window("help_given", "small", dialect)} AS given_small,
        {_window("help_given", "medium", dialect)} AS given_medium,
        {_window("help_given", "large", dialect)} AS given_large,
        {_window("help_received", "small", dialect)} AS received_small,
        {_window("help_received", "medium", dialect)} AS received_medium,
        {_window("help_received", "large", dialect)} AS received_large,
        min(CASE WHEN i.occurred_on >= {SINCE}
                  AND (i.help_given <> 'none' OR i.help_received <> 'none'
                       OR i.kind IN {GOAL_KINDS})
             THEN i.occurred_on END) AS value_oldest_on,
        {_help_window(REFERRED, dialect)} AS help_referrals,
        {_help_window(f"i.kind = 'advice' AND {FROM_THEM_HELP}", dialect)} AS help_advice,
        {_help_window(LEAD, dialect)} AS help_leads,
        max(CASE WHEN {GOAL_HELP} THEN i.occurred_on END) AS help_last_on
    FROM {source}
    WHERE {where}
    GROUP BY i.contact_id
) a
WHERE EXISTS (SELECT 1 FROM contacts c WHERE c.id = a.contact_id)"""


def _recompute(contact: str) -> str:
    return (
        f"DELETE FROM contact_summaries WHERE contact_id = {contact};\n"
        f"INSERT INTO contact_summaries ({SUMMARY_TABLE_COLUMNS})"
        f"{summary_select(f'i.contact_id = {contact}')};\n"
        f"INSERT OR IGNORE INTO contact_score_queue (contact_id) VALUES ({contact});\n"
    )


def _monthly(row: str, sign: str) -> str:
    """Add (sign '+') or take away (sign '-') one interaction's share of its month."""
    outreach = f"({row}.initiated_by = 'me' AND {row}.reply_status <> 'none')"
    return f"""INSERT INTO monthly_activity
        (month, interactions, minutes, outreach, replies, meetings, referrals)
    VALUES (substr({row}.occurred_on, 1, 7), {sign}1, {sign}{row}.minutes, {sign}{outreach},
        {sign}({outreach} AND {row}.reply_status = 'replied'),
        {sign}({row}.kind IN {MEETING_KINDS}), {sign}({row}.kind IN {REFERRAL_KINDS}))
    ON CONFLICT (month) DO UPDATE SET
        interactions = interactions + excluded.interactions,
        minutes = minutes + excluded.minutes,
        outreach = outreach + excluded.outreach,
        replies = replies + excluded.replies,
        meetings = meetings + excluded.meetings,
        referrals = referrals + excluded.referrals;
"""


def _queue(contact: str) -> str:
    return f"INSERT OR IGNORE INTO contact_score_queue (contact_id) VALUES ({contact});"


_TOTAL_KEYS = "created_month, active, verdict, basis, level, circle, in_touch"
_TOTAL_SUMS = ("contacts", "aligned", "given_points", "received_points")


def _totals(row: str, sign: str) -> str:
    """Add (sign '+') or take away (sign '-') one cached score's share of the totals."""
    keys = ", ".join(f"{row}.{key}" for key in _TOTAL_KEYS.split(", "))
    sums = ", ".join(
        f"{sign}{v}"
        for v in ("1", f"{row}.aligned", f"{row}.given_points", f"{row}.received_points")
    )
    updates = ", ".join(f"{c} = {c} + excluded.{c}" for c in _TOTAL_SUMS)
    return f"""INSERT INTO score_totals ({_TOTAL_KEYS}, {", ".join(_TOTAL_SUMS)})
    VALUES ({keys}, {sums})
    ON CONFLICT ({_TOTAL_KEYS}) DO UPDATE SET {updates};
"""


REBUILD_TOTALS = f"""INSERT INTO score_totals ({_TOTAL_KEYS}, {", ".join(_TOTAL_SUMS)})
SELECT {_TOTAL_KEYS}, count(*), sum(aligned), sum(given_points), sum(received_points)
FROM contact_scores GROUP BY {_TOTAL_KEYS}"""
_DROP_EMPTY = "DELETE FROM score_totals WHERE contacts = 0;"

# Columns behind a contact's score or the dashboard facts cached beside it.
_SCORED_COLUMNS = (
    "industry, company, title, seniority, shared_interests, location, can_help_with, status, "
    "circle, created_at"
)
TRIGGERS = {
    "interactions_insights_insert": f"""AFTER INSERT ON interactions WHEN {ACTIVE} BEGIN
        {_recompute("new.contact_id")}{_monthly("new", "+")} END""",
    "interactions_insights_delete": f"""AFTER DELETE ON interactions WHEN {ACTIVE} BEGIN
        {_recompute("old.contact_id")}{_monthly("old", "-")} END""",
    "interactions_insights_update": f"""AFTER UPDATE ON interactions WHEN {ACTIVE} BEGIN
        {_recompute("old.contact_id")}{_monthly("old", "-")}{_monthly("new", "+")}
        DELETE FROM contact_summaries
            WHERE contact_id = new.contact_id AND new.contact_id <> old.contact_id;
        INSERT INTO contact_summaries ({SUMMARY_TABLE_COLUMNS})
            {summary_select("i.contact_id = new.contact_id AND new.contact_id <> old.contact_id")};
        {_queue("new.contact_id")} END""",
    "contacts_insights_insert": f"""AFTER INSERT ON contacts WHEN {ACTIVE} BEGIN
        {_queue("new.id")} END""",
    "contacts_insights_update": f"""AFTER UPDATE OF {_SCORED_COLUMNS} ON contacts
        WHEN {ACTIVE} BEGIN {_queue("new.id")} END""",
    "contact_scores_totals_insert": f"""AFTER INSERT ON contact_scores WHEN {ACTIVE} BEGIN
        {_totals("new", "+")} END""",
    "contact_scores_totals_delete": f"""AFTER DELETE ON contact_scores WHEN {ACTIVE} BEGIN
        {_totals("old", "-")}{_DROP_EMPTY} END""",
    "contact_scores_totals_update": f"""AFTER UPDATE ON contact_scores WHEN {ACTIVE} BEGIN
        {_totals("old", "-")}{_totals("new", "+")}{_DROP_EMPTY} END""",
    "dismissed_flags_insights_insert": f"""AFTER INSERT ON dismissed_flags BEGIN
        {_queue("new.contact_id")} END""",
    "dismissed_flags_insights_delete": f"""AFTER DELETE ON dismissed_flags BEGIN
        {_queue("old.contact_id")} END""",
}


def create_insight_triggers(connection: Connection) -> None:
    """(Re)create every insight trigger: SQLite's, or PostgreSQL's in PL/pgSQL."""
    if connection.dialect.name == "postgresql":
        from desktop_app.store.insight_triggers_pg import create_pg_insight_triggers

        create_pg_insight_triggers(connection)
    if connection.dialect.name != "sqlite":
        return
    drop_insight_triggers(connection)
    for name, body in TRIGGERS.items():
        connection.execute(text(f"CREATE TRIGGER {name} {body}"))


def drop_insight_triggers(connection: Connection) -> None:
    if connection.dialect.name == "postgresql":
        from desktop_app.store.insight_triggers_pg import drop_pg_insight_triggers

        drop_pg_insight_triggers(connection)
    if connection.dialect.name != "sqlite":
        return
    for name in TRIGGERS:
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
