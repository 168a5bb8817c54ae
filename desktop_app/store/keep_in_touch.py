"""Keep in touch in the database: the overdue list, cadences, snoozes, verdict defaults.

The clock of each contact is ``contacts.last_interaction_on``, kept current by every
interaction write (``interactions.after_interactions_changed``: by hand, imports, the
LinkedIn archive and calendars, events, JSON restore), or the day they were added when
they have none. The overdue list is one pass over ``contacts`` in SQL: the effective
cadence is resolved there (own, tags' shortest, verdict default) and compared with one
precomputed day per cadence (``insights.keep_in_touch.latest_touch_still_due``), so no
interaction is read. Writes of many contacts are one transaction and return a ``Written``
whose value is what undoing needs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Date, bindparam, select, text, update

from desktop_app.insights import keep_in_touch as rules
from desktop_app.store.changes import Change, Written, change
from desktop_app.store.database import Database
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.models import Contact, Setting, Tag

CONTACTS = Contact.__table__
_CHUNK = 500
_DEFAULT_KEY = "keep_in_touch.default."
# Archived and moved-on contacts are left alone; dormant ones are exactly who to reach.
_KEPT_STATUSES = ("active", "dormant")

# previous value per contact id: what undoing a cadence or snooze change puts back
CadenceState = dict[int, str | None]
SnoozeState = dict[int, dt.date | None]


@dataclass(frozen=True)
class OverdueRow:
    """One line of the overdue list."""

    contact_id: int
    name: str
    company: str
    cadence: str
    last_touch_on: dt.date
    due_on: dt.date
    days_overdue: int
    alignment: int | None
    verdict: str | None


# ---- verdict defaults (settings table) ----


def read_cadence_defaults(db: Database) -> dict[str, str]:
    """The default cadence of each verdict: the settings' own, else the built-in ones."""
    with db.transaction() as session:
        return _cadence_defaults(session.connection())


def _cadence_defaults(connection: Connection) -> dict[str, str]:
    stored = dict(
        connection.execute(
            select(Setting.key, Setting.value).where(Setting.key.startswith(_DEFAULT_KEY))
        ).all()
    )
    return {
        verdict: str(stored.get(_DEFAULT_KEY + verdict, default))
        for verdict, default in rules.VERDICT_DEFAULTS.items()
    }


def write_cadence_defaults(db: Database, defaults: Mapping[str, str]) -> dict[str, str]:
    """Set the default cadence of the given verdicts; returns the previous defaults."""
    for verdict, code in defaults.items():
        if verdict not in rules.VERDICT_DEFAULTS:
            raise InvalidInputError(f"Unknown verdict {verdict!r}.")
        _checked(code)
    with db.transaction() as session:
        previous = _cadence_defaults(session.connection())
        for verdict, code in defaults.items():
            session.merge(Setting(key=_DEFAULT_KEY + verdict, value=code))
    return previous


# ---- the overdue list ----


def _case(column: str, mapping: Mapping[str, str], otherwise: str = "NULL") -> str:
    """``CASE column WHEN k THEN v ... END``, keys and values given as SQL."""
    whens = " ".join(f"WHEN {key} THEN {value}" for key, value in mapping.items())
    return f"CASE {column} {whens} ELSE {otherwise} END"


def _overdue_sql(dialect: str) -> str:
    codes = rules.CADENCES
    rank = _case("t.touch_cadence", {f"'{code}'": str(i) for i, code in enumerate(codes)})
    from_rank = _case("tc.rank", {str(i): f"'{code}'" for i, code in enumerate(codes)})
    default = _case(
        "s.verdict", {f"'{v}'": f":default_{v}" for v in rules.VERDICT_DEFAULTS}, "'never'"
    )
    added = "date(c.created_at)" if dialect == "sqlite" else "CAST(c.created_at AS DATE)"
    due = {f"'{code}'": f":touched_{code}" for code in codes if code != rules.NEVER}
    return f"""
    SELECT id, full_name, company, cadence, touched, alignment, verdict FROM (
        SELECT c.id, c.full_name, c.company, s.alignment, s.verdict,
            coalesce(c.last_interaction_on, {added}) AS touched,
            coalesce(c.touch_cadence, {from_rank}, {default}) AS cadence
        FROM contacts c
        LEFT JOIN contact_scores s ON s.contact_id = c.id
        LEFT JOIN (
            SELECT ct.contact_id, min({rank}) AS rank
            FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
            WHERE t.touch_cadence IS NOT NULL GROUP BY ct.contact_id
        ) tc ON tc.contact_id = c.id
        WHERE c.status IN ('active', 'dormant')
          AND (c.touch_snoozed_until IS NULL OR c.touch_snoozed_until <= :today)
    ) kept
    WHERE touched <= {_case("cadence", due)}
    """


def read_overdue(db: Database, today: dt.date | None = None) -> list[OverdueRow]:
    """Who is due today or overdue, most valuable first (``rules.priority``)."""
    day = today or dt.date.today()
    with db.transaction() as session:
        connection = session.connection()
        defaults = _cadence_defaults(connection)
        statement = text(_overdue_sql(connection.dialect.name))
        params: dict[str, Any] = {"today": day}
        types = [bindparam("today", type_=Date)]
        for code in rules.CADENCES:
            if code != rules.NEVER:
                params[f"touched_{code}"] = rules.latest_touch_still_due(day, code)
                types.append(bindparam(f"touched_{code}", type_=Date))
        for verdict, code in defaults.items():
            params[f"default_{verdict}"] = code
        rows = connection.execute(statement.bindparams(*types), params).all()
    found = []
    for contact_id, name, company, cadence, touched, alignment, verdict in rows:
        touched_on = _as_date(touched)
        due = rules.due_after(touched_on, cadence)
        days = rules.overdue_days(due, day)
        if due is None or days is None:
            continue
        found.append(
            OverdueRow(
                contact_id, name, company, cadence, touched_on, due, days, alignment, verdict
            )
        )
    found.sort(
        key=lambda r: (-rules.priority(r.alignment, r.days_overdue, r.cadence), r.contact_id)
    )
    return found


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


# ---- cadences ----


def _checked(code: str | None) -> str | None:
    if code is None:
        return None
    try:
        return rules.check_cadence(code)
    except ValueError as error:
        raise InvalidInputError(str(error).capitalize() + ".") from None


def _chunks(ids: Iterable[int]) -> list[list[int]]:
    ordered = sorted(set(ids))
    return [ordered[start : start + _CHUNK] for start in range(0, len(ordered), _CHUNK)]


def _read_column(connection: Connection, column: str, ids: Iterable[int]) -> dict[int, Any]:
    found: dict[int, Any] = {}
    for chunk in _chunks(ids):
        rows = connection.execute(
            select(CONTACTS.c.id, CONTACTS.c[column]).where(CONTACTS.c.id.in_(chunk))
        )
        found.update({int(contact_id): value for contact_id, value in rows})
    return found


def _set_column(db: Database, column: str, values: Mapping[int, Any]) -> Written[dict[int, Any]]:
    """Write ``column`` per contact in one transaction; the value is what it held before.

    Contacts deleted meanwhile are skipped (and left out of the change)."""
    with db.transaction() as session:
        connection = session.connection()
        previous = _read_column(connection, column, values)
        by_value: dict[Any, list[int]] = {}
        for contact_id in previous:
            by_value.setdefault(values[contact_id], []).append(contact_id)
        for value, ids in by_value.items():
            for chunk in _chunks(ids):
                connection.execute(
                    update(CONTACTS).where(CONTACTS.c.id.in_(chunk)).values({column: value})
                )
    return Written(change(edited=previous), previous)


def set_contact_cadence(
    db: Database, contact_ids: Iterable[int], cadence: str | None
) -> Written[CadenceState]:
    """Give these contacts their own cadence (None: follow their tags and verdict again)."""
    code = _checked(cadence)
    return _set_column(db, "touch_cadence", dict.fromkeys(contact_ids, code))


def restore_contact_cadence(db: Database, previous: CadenceState) -> Change:
    """Undo of ``set_contact_cadence``: each contact's cadence as it was."""
    return _set_column(db, "touch_cadence", previous).change


def set_tag_cadence(db: Database, tag_id: int, cadence: str | None) -> Written[str | None]:
    """Give a tag a cadence for the contacts that carry it; the value is the previous one."""
    code = _checked(cadence)
    table = Tag.__table__
    with db.transaction() as session:
        connection = session.connection()
        found = connection.execute(
            select(table.c.touch_cadence).where(table.c.id == tag_id)
        ).first()
        if found is None:
            raise InvalidInputError("This tag no longer exists; it was deleted meanwhile.")
        connection.execute(update(table).where(table.c.id == tag_id).values(touch_cadence=code))
        tagged = connection.execute(
            text("SELECT contact_id FROM contact_tags WHERE tag_id = :tag"), {"tag": tag_id}
        ).scalars()
        return Written(change(edited=tagged), found[0])


# ---- snooze ----


def snooze_contacts(
    db: Database, contact_ids: Iterable[int], until: dt.date
) -> Written[SnoozeState]:
    """Leave these contacts off the overdue list until ``until`` (they come back that day)."""
    return _set_column(db, "touch_snoozed_until", dict.fromkeys(contact_ids, until))


def unsnooze_contacts(db: Database, contact_ids: Iterable[int]) -> Written[SnoozeState]:
    return _set_column(db, "touch_snoozed_until", dict.fromkeys(contact_ids))


def restore_snoozes(db: Database, previous: SnoozeState) -> Change:
    """Undo of a snooze or unsnooze."""
    return _set_column(db, "touch_snoozed_until", previous).change
