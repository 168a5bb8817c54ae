"""Birthdays and keep-in-touch days in the iCalendar export (RFC 5545).

A birthday is an all-day event repeating every year (a 29 February birthday on the last
day of February, so on the 28th in other years); a keep-in-touch day is a to-do (VTODO)
due that day, for the calendars and task lists that read them. UIDs are stable across
exports, as for events and follow-ups, so importing again updates rather than duplicates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar, Event, Todo

from desktop_app.exchange.ical_out import uid, utc
from desktop_app.exchange.ranges import clamped_day
from desktop_app.exchange.records import BirthdayRecord, TouchRecord

_LEAP_YEAR = 2000  # a start year for birthdays without one: 29 February exists in it


def add_reminders(
    calendar: Calendar,
    birthdays: Iterable[BirthdayRecord],
    touches: Iterable[TouchRecord],
    *,
    now: dt.datetime | None = None,
) -> None:
    """Add the birthdays and keep-in-touch days to a calendar of ``ical_out``."""
    stamp = utc(now or dt.datetime.now(dt.UTC))
    _add_birthdays(calendar, birthdays, stamp)
    _add_touches(calendar, touches, stamp)


def _add_birthdays(
    calendar: Calendar, birthdays: Iterable[BirthdayRecord], stamp: dt.datetime
) -> None:
    for item in birthdays:
        birthday = item.birthday
        entry = Event()
        entry.add("uid", uid("birthday", item.contact_id, item.created_at))
        entry.add("dtstamp", stamp)
        start = dt.date(birthday.year or _LEAP_YEAR, birthday.month, birthday.day)
        entry.add("dtstart", start)
        entry.add("dtend", start + dt.timedelta(days=1))
        if (birthday.month, birthday.day) == (2, 29):
            entry.add("rrule", {"freq": "yearly", "bymonth": 2, "bymonthday": -1})
        else:
            entry.add("rrule", {"freq": "yearly"})
        entry.add("summary", f"Birthday: {item.contact_name}")
        entry.add("categories", ["birthday"])
        entry.add("transp", "TRANSPARENT")
        calendar.add_component(entry)


def _add_touches(calendar: Calendar, touches: Iterable[TouchRecord], stamp: dt.datetime) -> None:
    for item in touches:
        entry = Todo()
        entry.add("uid", uid("keep-in-touch", item.contact_id, item.created_at))
        entry.add("dtstamp", stamp)
        entry.add("due", clamped_day(item.due))
        who = f"{item.contact_name} ({item.company})" if item.company else item.contact_name
        entry.add("summary", f"Keep in touch: {who}")
        entry.add("categories", ["keep-in-touch"])
        entry.add("status", "NEEDS-ACTION")
        calendar.add_component(entry)
