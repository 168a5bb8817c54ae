"""Birthdays in the database: set and read one contact's, list those coming up."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update

from desktop_app.insights.keep_in_touch import Birthday, birthday_from_parts, birthday_within
from desktop_app.store.changes import Written, change
from desktop_app.store.database import Database
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.models import Contact
from desktop_app.store.row_versions import bump

CONTACTS = Contact.__table__


@dataclass(frozen=True)
class ComingBirthday:
    contact_id: int
    name: str
    birthday: Birthday
    on: dt.date
    days_away: int


def read_birthday(db: Database, contact_id: int) -> Birthday | None:
    with db.transaction() as session:
        row = (
            session.connection()
            .execute(
                select(CONTACTS.c.birth_month, CONTACTS.c.birth_day, CONTACTS.c.birth_year).where(
                    CONTACTS.c.id == contact_id
                )
            )
            .first()
        )
    return None if row is None else birthday_from_parts(*row)


def set_birthday(
    db: Database, contact_id: int, birthday: Birthday | None
) -> Written[Birthday | None]:
    """Set (or clear, with None) a contact's birthday; the value is the previous one."""
    values = (
        {"birth_month": None, "birth_day": None, "birth_year": None}
        if birthday is None
        else {"birth_month": birthday.month, "birth_day": birthday.day, "birth_year": birthday.year}
    )
    with db.transaction() as session:
        connection = session.connection()
        row = connection.execute(
            select(CONTACTS.c.birth_month, CONTACTS.c.birth_day, CONTACTS.c.birth_year).where(
                CONTACTS.c.id == contact_id
            )
        ).first()
        if row is None:
            raise InvalidInputError("This contact no longer exists; it was deleted meanwhile.")
        bump(
            session,
            CONTACTS,
            update(CONTACTS)
            .where(CONTACTS.c.id == contact_id)
            .values({**values, "version": CONTACTS.c.version + 1}),
        )
    return Written(change(edited=[contact_id]), birthday_from_parts(*row))


def read_birthdays_within(db: Database, today: dt.date, days: int) -> list[ComingBirthday]:
    """Birthdays from today to ``days`` ahead, soonest first (archived contacts left out)."""
    with db.transaction() as session:
        rows = session.connection().execute(
            select(
                CONTACTS.c.id,
                CONTACTS.c.full_name,
                CONTACTS.c.birth_month,
                CONTACTS.c.birth_day,
                CONTACTS.c.birth_year,
            ).where(CONTACTS.c.birth_month.is_not(None), CONTACTS.c.status != "archived")
        )
        coming = []
        for contact_id, name, month, day, year in rows:
            birthday = birthday_from_parts(month, day, year)
            on = None if birthday is None else birthday_within(birthday, today, days)
            if birthday is not None and on is not None:
                coming.append(ComingBirthday(contact_id, name, birthday, on, (on - today).days))
    coming.sort(key=lambda c: (c.on, c.name.casefold(), c.contact_id))
    return coming
