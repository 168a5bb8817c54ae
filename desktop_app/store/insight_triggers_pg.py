"""The insight triggers of ``insight_triggers``, for PostgreSQL: the same work in PL/pgSQL.

Each table gets one trigger function, run for every changed row (once per statement for
new contacts: ``_PER_STATEMENT``), that does what SQLite's triggers do (see
``insight_triggers`` for why triggers): recompute the contact's summary from its
interactions, add to or take from the month's totals and the score totals, and queue the
contact for rescoring. Like SQLite's, they rest while a bulk writer has paused
them (``insight_state.paused``), except those of dismissed flags.

The SQL is SQLite's, spelled for PostgreSQL: a month is ``to_char``, a condition becomes 0
or 1 by a cast, and an upsert names the table's own row (``excluded`` is the new one).
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from desktop_app.store.insight_triggers import (
    ACTIVE,
    MEETING_KINDS,
    REFERRAL_KINDS,
    SUMMARY_TABLE_COLUMNS,
    summary_select,
)

PG = "postgresql"
_TOTAL_KEYS = ("created_month", "active", "verdict", "basis", "level", "circle", "in_touch")
_TOTAL_SUMS = ("contacts", "aligned", "given_points", "received_points")
_MONTH_SUMS = ("interactions", "minutes", "outreach", "replies", "meetings", "referrals")
_SCORED_COLUMNS = (
    "industry, company, title, seniority, shared_interests, location, can_help_with, status, "
    "circle, created_at"
)


def _flag(condition: str) -> str:
    return f"CAST(({condition}) AS INTEGER)"


def _queue(contact: str) -> str:
    return (
        f"INSERT INTO contact_score_queue (contact_id) VALUES ({contact}) ON CONFLICT DO NOTHING;\n"
    )


def _recompute(contact: str) -> str:
    return (
        f"DELETE FROM contact_summaries WHERE contact_id = {contact};\n"
        f"INSERT INTO contact_summaries ({SUMMARY_TABLE_COLUMNS})"
        f"{summary_select(f'i.contact_id = {contact}', dialect=PG)};\n" + _queue(contact)
    )


def _adding(table: str, columns: tuple[str, ...]) -> str:
    return ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in columns)


def _monthly(row: str, sign: str) -> str:
    """Add (sign '+') or take away (sign '-') one interaction's share of its month."""
    outreach = f"{row}.initiated_by = 'me' AND {row}.reply_status <> 'none'"
    values = ", ".join(
        (
            f"to_char({row}.occurred_on, 'YYYY-MM')",
            f"{sign}1",
            f"{sign}{row}.minutes",
            f"{sign}{_flag(outreach)}",
            f"{sign}{_flag(f'{outreach} AND {row}.reply_status = ' + repr('replied'))}",
            f"{sign}{_flag(f'{row}.kind IN {MEETING_KINDS}')}",
            f"{sign}{_flag(f'{row}.kind IN {REFERRAL_KINDS}')}",
        )
    )
    return (
        f"INSERT INTO monthly_activity (month, {', '.join(_MONTH_SUMS)}) VALUES ({values}) "
        f"ON CONFLICT (month) DO UPDATE SET {_adding('monthly_activity', _MONTH_SUMS)};\n"
    )


def _totals(row: str, sign: str) -> str:
    """Add (sign '+') or take away (sign '-') one cached score's share of the totals."""
    keys = ", ".join(f"{row}.{key}" for key in _TOTAL_KEYS)
    sums = ", ".join(
        f"{sign}{v}"
        for v in ("1", f"{row}.aligned", f"{row}.given_points", f"{row}.received_points")
    )
    return (
        f"INSERT INTO score_totals ({', '.join(_TOTAL_KEYS)}, {', '.join(_TOTAL_SUMS)}) "
        f"VALUES ({keys}, {sums}) ON CONFLICT ({', '.join(_TOTAL_KEYS)}) "
        f"DO UPDATE SET {_adding('score_totals', _TOTAL_SUMS)};\n"
    )


_DROP_EMPTY = "DELETE FROM score_totals WHERE contacts = 0;\n"
# Run once per statement over the rows it added (a transition table): an import of
# 10,000 contacts queues them in one INSERT rather than 10,000 (a fifth of a second).
_PER_STATEMENT = frozenset({"contacts_insights_insert"})
_ADDED = "added_rows"

# name: (table, events, body); the body runs for each row, NEW and OLD as PL/pgSQL has them.
_TRIGGERS: dict[str, tuple[str, str, str]] = {
    "interactions_insights": (
        "interactions",
        "INSERT OR UPDATE OR DELETE",
        f"""IF TG_OP = 'INSERT' THEN
            {_recompute("NEW.contact_id")}{_monthly("NEW", "+")}
        ELSIF TG_OP = 'DELETE' THEN
            {_recompute("OLD.contact_id")}{_monthly("OLD", "-")}
        ELSE
            {_recompute("OLD.contact_id")}{_monthly("OLD", "-")}{_monthly("NEW", "+")}
            IF NEW.contact_id <> OLD.contact_id THEN
                {_recompute("NEW.contact_id")}
            END IF;
        END IF;""",
    ),
    "contacts_insights_insert": (
        "contacts",
        "INSERT",
        f"INSERT INTO contact_score_queue (contact_id) SELECT id FROM {_ADDED} "
        "ON CONFLICT DO NOTHING;",
    ),
    "contacts_insights_update": ("contacts", f"UPDATE OF {_SCORED_COLUMNS}", _queue("NEW.id")),
    "contact_scores_totals": (
        "contact_scores",
        "INSERT OR UPDATE OR DELETE",
        f"""IF TG_OP IN ('UPDATE', 'DELETE') THEN
            {_totals("OLD", "-")}
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
            {_totals("NEW", "+")}
        END IF;
        {_DROP_EMPTY}""",
    ),
    # A contact's tags may carry a cadence: a change of them asks for a rescoring (0005).
    "contact_tags_touch": (
        "contact_tags",
        "INSERT OR DELETE",
        f"""IF TG_OP = 'DELETE' THEN {_queue("OLD.contact_id")}
        ELSE {_queue("NEW.contact_id")} END IF;""",
    ),
}
# Dismissing or restoring a flag always asks for a rescoring, paused or not.
_ALWAYS = {
    "dismissed_flags_insights": (
        "dismissed_flags",
        "INSERT OR DELETE",
        f"""IF TG_OP = 'DELETE' THEN {_queue("OLD.contact_id")}
        ELSE {_queue("NEW.contact_id")} END IF;""",
    ),
}


def _function(name: str, body: str, *, when_active: bool) -> str:
    guard = f"IF NOT ({ACTIVE}) THEN RETURN NULL; END IF;" if when_active else ""
    return (
        f"CREATE OR REPLACE FUNCTION netwise_{name}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
        f"BEGIN\n{guard}\n{body}\nRETURN NULL;\nEND $$"
    )


def create_pg_insight_triggers(connection: Connection) -> None:
    drop_pg_insight_triggers(connection)
    for triggers, when_active in ((_TRIGGERS, True), (_ALWAYS, False)):
        for name, (table, events, body) in triggers.items():
            connection.execute(text(_function(name, body, when_active=when_active)))
            each = (
                f"REFERENCING NEW TABLE AS {_ADDED} FOR EACH STATEMENT"
                if name in _PER_STATEMENT
                else "FOR EACH ROW"
            )
            connection.execute(
                text(
                    f"CREATE TRIGGER {name} AFTER {events} ON {table} "
                    f"{each} EXECUTE FUNCTION netwise_{name}()"
                )
            )


def drop_pg_insight_triggers(connection: Connection) -> None:
    for name, (table, _events, _body) in {**_TRIGGERS, **_ALWAYS}.items():
        connection.execute(text(f"DROP TRIGGER IF EXISTS {name} ON {table}"))
        connection.execute(text(f"DROP FUNCTION IF EXISTS netwise_{name}()"))
