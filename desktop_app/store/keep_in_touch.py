"""Keep in touch in the database: the overdue list, cadences, snoozes, verdict defaults.

Each contact's clock is ``contacts.last_interaction_on`` (or the day they were added when
they have none), and ``contacts.touch_due_on`` the day they fall due by their effective
cadence (own, else their tags' shortest, else their verdict's default; NULL: never).
``refresh_touch_due`` keeps that day current in the transaction of every write that moves
it: interactions (``interactions.after_interactions_changed``: by hand, imports, the
LinkedIn archive and calendars, events), a JSON restore, cadence and default changes here,
and rescoring (``scores.refresh_insights``: new verdicts, and contacts whose tags changed,
queued by a trigger). The overdue list is then a range read of that column's index.
Writes of many contacts are one transaction and return a ``Written`` whose value is what
undoing needs.

Reads: ``read_overdue_ids`` (in order) and ``read_overdue_rows`` (what a row shows) for a
lazy list, ``read_overdue`` for both at once, ``overdue_counts`` for a dashboard card,
``read_cadence_defaults``. Writes (undo in brackets): ``set_contact_cadence``
(``restore_contact_cadence``), ``set_tag_cadence`` (itself, with the value it returned),
``snooze_contacts`` / ``unsnooze_contacts`` (``restore_snoozes``),
``write_cadence_defaults`` (itself, with the defaults it returned); the Settings dialog
saves the last two with its other settings (``apply_tag_cadence``,
``apply_cadence_defaults``: the same in the caller's transaction). Birthdays are in
``store.birthdays``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Date, bindparam, select, text, update
from sqlalchemy.orm import Session

from desktop_app.bulkwork import collector_paused
from desktop_app.insights import keep_in_touch as rules
from desktop_app.store.changes import Change, Written, change
from desktop_app.store.database import Database
from desktop_app.store.driver_values import day as as_day
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.keep_in_touch_sql import OVERDUE, contact_sql, local_offset, order_sql
from desktop_app.store.models import Contact, Setting, Tag
from desktop_app.store.row_versions import bump
from desktop_app.store.touch_state import DEFAULT_KEY

CONTACTS = Contact.__table__
_CHUNK = 500

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
            select(Setting.key, Setting.value).where(Setting.key.startswith(DEFAULT_KEY))
        ).all()
    )
    # A value that names no cadence (a hand-edited or restored file) reads as the built-in.
    return {
        verdict: code if (code := stored.get(DEFAULT_KEY + verdict)) in rules.CADENCES else default
        for verdict, default in rules.VERDICT_DEFAULTS.items()
    }


def write_cadence_defaults(db: Database, defaults: Mapping[str, str]) -> dict[str, str]:
    """Set the default cadence of the given verdicts; returns the previous defaults."""
    with db.transaction() as session:
        return apply_cadence_defaults(session, defaults)


def apply_cadence_defaults(session: Session, defaults: Mapping[str, str]) -> dict[str, str]:
    """``write_cadence_defaults`` in the caller's transaction (Settings saves it with the
    rest); the due days follow at once."""
    for verdict, code in defaults.items():
        if verdict not in rules.VERDICT_DEFAULTS:
            raise InvalidInputError(f"Unknown verdict {verdict!r}.")
        _checked(code)
    previous = _cadence_defaults(session.connection())
    if all(previous[verdict] == code for verdict, code in defaults.items()):
        return previous  # nothing moves: no due day to recompute
    for verdict, code in defaults.items():
        session.merge(Setting(key=DEFAULT_KEY + verdict, value=code))
    session.flush()
    refresh_touch_due(session.connection())
    return previous


# ---- due days and the overdue list ----


def _read_contacts(
    connection: Connection, where: str, params: Mapping[str, Any], types: Iterable[Any] = ()
) -> list[Any]:
    defaults = {f"default_{v}": code for v, code in _cadence_defaults(connection).items()}
    dialect = connection.dialect.name
    statement = text(contact_sql(dialect, where)).bindparams(*types)
    if dialect != "sqlite":
        defaults.update(local_offset())
    return list(connection.execute(statement, {**params, **defaults}))


def refresh_touch_due(connection: Connection, contact_ids: Iterable[int] | None = None) -> None:
    """Recompute the due day of ``contact_ids`` (every contact when None), same transaction."""
    if contact_ids is None:
        batches: list[tuple[str, dict[str, Any]]] = [("1 = 1", {})]
    else:
        batches = [("c.id IN :ids", {"ids": chunk}) for chunk in _chunks(contact_ids)]
    write = text("UPDATE contacts SET touch_due_on = :due WHERE id = :id").bindparams(
        bindparam("due", type_=Date)
    )
    for where, params in batches:
        types = [bindparam("ids", expanding=True)] if params else []
        values = []
        for row in _read_contacts(connection, where, params, types):
            due = rules.due_after(as_day(row.touched), row.cadence)
            held = None if row.touch_due_on is None else as_day(row.touch_due_on)
            if due != held:  # a rescoring changes few verdicts: write only what moved
                values.append({"id": row.id, "due": due})
        if values:
            connection.execute(write, values)


def read_overdue_ids(db: Database, today: dt.date | None = None) -> list[int]:
    """The ids of who is due today or overdue, most valuable first (``rules.priority``).

    Compact, for a list that shows rows as they scroll into view (``read_overdue_rows``).
    Due days follow the verdicts of the last scoring (``scores.ensure_insights_current``).
    Snoozed contacts come back on their day; archived and moved-on contacts are left out.
    """
    return read_overdue_list(db, today).ids


@dataclass(frozen=True)
class OverdueList:
    ids: list[int]  # as ``read_overdue_ids`` orders them
    aligned: int  # how many of them are aligned (``overdue_counts`` without a second read)


def read_overdue_list(db: Database, today: dt.date | None = None) -> OverdueList:
    """``read_overdue_ids`` with how many of them are aligned, in one read (a list and
    its heading's counts)."""
    dialect = db.engine.dialect.name
    statement = text(order_sql(dialect)).bindparams(bindparam("today", type_=Date))
    params: dict[str, Any] = {"today": today or dt.date.today()}
    if dialect != "sqlite":
        params.update(local_offset())
    # Tens of thousands of rows made and dropped at once: no collector pause meanwhile.
    with collector_paused(collect_first=False, freeze=False), db.transaction() as session:
        rows = session.connection().execute(statement, params).all()
    return OverdueList([row[0] for row in rows], sum(1 for row in rows if row[1]))


def overdue_counts(db: Database, today: dt.date | None = None) -> tuple[int, int]:
    """How many contacts are due or overdue, and how many of them are aligned."""
    with db.transaction() as session:
        return count_overdue(session.connection(), today or dt.date.today())


def count_overdue(connection: Connection, today: dt.date) -> tuple[int, int]:
    """``overdue_counts`` in the caller's transaction (the dashboard reads it with the rest)."""
    statement = text(
        f"SELECT count(*), coalesce(sum(CASE WHEN s.aligned = 1 THEN 1 ELSE 0 END), 0) "
        f"FROM contacts c LEFT JOIN contact_scores s ON s.contact_id = c.id WHERE {OVERDUE}"
    ).bindparams(bindparam("today", type_=Date))
    overdue, aligned = connection.execute(statement, {"today": today}).one()
    return int(overdue), int(aligned)


def read_overdue_rows(
    db: Database, contact_ids: Iterable[int], today: dt.date | None = None
) -> dict[int, OverdueRow]:
    """What the overdue list shows for ``contact_ids`` (those no longer due are left out)."""
    day = today or dt.date.today()
    types = [bindparam("today", type_=Date), bindparam("ids", expanding=True)]
    found: dict[int, OverdueRow] = {}
    with db.transaction() as session:
        for chunk in _chunks(contact_ids):
            params = {"today": day, "ids": chunk}
            for row in _read_contacts(
                session.connection(), f"c.id IN :ids AND {OVERDUE}", params, types
            ):
                due = as_day(row.touch_due_on)
                found[row.id] = OverdueRow(
                    row.id,
                    row.full_name,
                    row.company,
                    row.cadence,
                    as_day(row.touched),
                    due,
                    (day - due).days,
                    row.alignment,
                    row.verdict,
                )
    return found


def read_overdue(db: Database, today: dt.date | None = None) -> list[OverdueRow]:
    """The whole overdue list in order (for the command line and small lists)."""
    ids = read_overdue_ids(db, today)
    rows = read_overdue_rows(db, ids, today)
    return [rows[contact_id] for contact_id in ids if contact_id in rows]


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


def _set_column(
    db: Database, column: str, values: Mapping[int, Any], *, moves_due: bool = False
) -> Written[dict[int, Any]]:
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
                bump(
                    session,
                    CONTACTS,
                    update(CONTACTS)
                    .where(CONTACTS.c.id.in_(chunk))
                    .values({column: value, "version": CONTACTS.c.version + 1}),
                )
        if moves_due:
            refresh_touch_due(connection, previous)
    return Written(change(edited=previous), previous)


def set_contact_cadence(
    db: Database, contact_ids: Iterable[int], cadence: str | None
) -> Written[CadenceState]:
    """Give these contacts their own cadence (None: follow their tags and verdict again)."""
    code = _checked(cadence)
    return _set_column(db, "touch_cadence", dict.fromkeys(contact_ids, code), moves_due=True)


def restore_contact_cadence(db: Database, previous: CadenceState) -> Change:
    """Undo of ``set_contact_cadence``: each contact's cadence as it was."""
    return _set_column(db, "touch_cadence", previous, moves_due=True).change


def set_tag_cadence(db: Database, tag_id: int, cadence: str | None) -> Written[str | None]:
    """Give a tag a cadence for the contacts that carry it; the value is the previous one."""
    with db.transaction() as session:
        return apply_tag_cadence(session.connection(), tag_id, cadence)


def apply_tag_cadence(
    connection: Connection, tag_id: int, cadence: str | None
) -> Written[str | None]:
    """``set_tag_cadence`` in the caller's transaction."""
    code = _checked(cadence)
    table = Tag.__table__
    found = connection.execute(select(table.c.touch_cadence).where(table.c.id == tag_id)).first()
    if found is None:
        raise InvalidInputError("This tag no longer exists; it was deleted meanwhile.")
    connection.execute(update(table).where(table.c.id == tag_id).values(touch_cadence=code))
    tagged = (
        connection.execute(
            text("SELECT contact_id FROM contact_tags WHERE tag_id = :tag"), {"tag": tag_id}
        )
        .scalars()
        .all()
    )
    refresh_touch_due(connection, tagged)
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
