"""Birthdays and keep-in-touch days as plain records, for the calendar export."""

from __future__ import annotations

from sqlalchemy import text

from desktop_app.exchange.records import BirthdayRecord, TouchRecord
from desktop_app.insights.keep_in_touch import birthday_from_parts
from desktop_app.store.database import Database
from desktop_app.store.driver_values import day, moment

_BIRTHDAYS = """SELECT id, full_name, birth_month, birth_day, birth_year, created_at
FROM contacts WHERE birth_month IS NOT NULL AND status <> 'archived' ORDER BY id"""
# A snoozed contact is due again on the day the snooze ends, if that is later.
_TOUCHES = """SELECT id, full_name, company, touch_due_on, touch_snoozed_until, created_at
FROM contacts WHERE touch_due_on IS NOT NULL AND status IN ('active', 'dormant')
ORDER BY touch_due_on, id"""


def export_reminders(db: Database) -> tuple[list[BirthdayRecord], list[TouchRecord]]:
    """Every birthday, and every contact's next keep-in-touch day, for the calendar export.

    The days follow the verdicts, so the scores are brought up to date first (cheap when
    they are): an export right after a write or an import carries the days it changed."""
    from desktop_app.store.scores import ensure_insights_current

    ensure_insights_current(db)
    with db.transaction() as session:
        connection = session.connection()
        birthdays = []
        for contact_id, name, month, date, year, created in connection.execute(text(_BIRTHDAYS)):
            birthday = birthday_from_parts(month, date, year)
            if birthday is not None:
                birthdays.append(BirthdayRecord(contact_id, name, birthday, moment(created)))
        touches = []
        for contact_id, name, company, due, snoozed, created in connection.execute(text(_TOUCHES)):
            due_day = day(due) if snoozed is None else max(day(due), day(snoozed))
            touches.append(TouchRecord(contact_id, name, due_day, company, moment(created)))
    return birthdays, touches
