"""Events and open follow-ups as an iCalendar file (RFC 5545), written with icalendar.

Each entry has what calendar programs require to accept and later update it: a stable
UID (the same item gets the same UID in every export, so re-importing updates rather
than duplicates), DTSTAMP, DTSTART and DTEND. Events are timed in local ("floating")
time, as NetWise stores them; follow-ups are all-day entries on their due date. Open
follow-ups are VEVENTs rather than VTODOs because most calendars ignore to-dos on import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from typing import BinaryIO

from icalendar import Calendar, Event

from desktop_app import APP_NAME, __version__
from desktop_app.exchange.ranges import clamped_day, clamped_hours, clamped_moment
from desktop_app.exchange.records import EventRecord, FollowupRecord

PRODID = f"-//{APP_NAME}//{APP_NAME} {__version__}//EN"
UID_DOMAIN = "netwise.invalid"


def uid(kind: str, item_id: int, created: dt.datetime | None) -> str:
    # The creation time tells apart item 7 of one database from item 7 of another.
    stamp = created.isoformat() if created else ""
    digest = hashlib.sha1(f"{kind}:{item_id}:{stamp}".encode()).hexdigest()[:16]
    return f"{kind}-{item_id}-{digest}@{UID_DOMAIN}"


def utc(value: dt.datetime) -> dt.datetime:
    """NetWise keeps timestamps in UTC without a zone; the calendar wants it said."""
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value


def build_calendar(
    events: Iterable[EventRecord],
    followups: Iterable[FollowupRecord],
    *,
    now: dt.datetime | None = None,
) -> Calendar:
    stamp = utc(now or dt.datetime.now(dt.UTC))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"{APP_NAME} events and follow-ups")
    for item in events:
        entry = Event()
        entry.add("uid", uid("event", item.id, item.created_at))
        entry.add("dtstamp", stamp)
        # Clamped: a database may hold a year 9999 or 1e308 hours from before they were
        # refused, and the end would overflow.
        starts_at = clamped_moment(item.starts_at)
        entry.add("dtstart", starts_at)
        hours = clamped_hours(item.hours_invested) or 1.0
        entry.add("dtend", starts_at + dt.timedelta(hours=hours))
        entry.add("summary", item.name)
        if item.place:
            entry.add("location", item.place)
        description = item.notes
        if item.attendees:
            people = "People: " + ", ".join(item.attendees)
            description = f"{description}\n\n{people}" if description else people
        if description:
            entry.add("description", description)
        entry.add("categories", [item.kind])
        if item.updated_at:
            entry.add("last-modified", utc(item.updated_at))
        calendar.add_component(entry)
    for followup in followups:
        entry = Event()
        entry.add("uid", uid("followup", followup.interaction_id, followup.created_at))
        entry.add("dtstamp", stamp)
        due = clamped_day(followup.due)
        entry.add("dtstart", due)
        entry.add("dtend", due + dt.timedelta(days=1))
        who = followup.contact_name
        if followup.company:
            who += f" ({followup.company})"
        entry.add("summary", f"Follow up: {who}")
        if followup.notes:
            entry.add("description", followup.notes)
        entry.add("categories", ["follow-up"])
        entry.add("transp", "TRANSPARENT")
        calendar.add_component(entry)
    return calendar


def write_calendar(
    events: Iterable[EventRecord],
    followups: Iterable[FollowupRecord],
    stream: BinaryIO,
    *,
    now: dt.datetime | None = None,
) -> None:
    stream.write(build_calendar(events, followups, now=now).to_ical())
