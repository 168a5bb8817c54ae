"""What users read for the store's vocabulary codes, and how dates are written."""

from __future__ import annotations

import datetime as dt

SENIORITY = {"junior": "Junior", "peer": "Peer", "senior": "Senior", "executive": "Executive"}
CIRCLE = {"familiar": "Familiar circle", "new": "New territory"}
CIRCLE_SHORT = {"familiar": "Familiar", "new": "New"}
STATUS = {"active": "Active", "dormant": "Dormant", "moved_on": "Moved on", "archived": "Archived"}
INTERACTION_KIND = {
    "outreach": "Outreach message",
    "email": "E-mail",
    "call": "Call",
    "meeting": "Meeting",
    "coffee": "Coffee",
    "event_conversation": "Event conversation",
    "introduction": "Introduction",
    "referral": "Referral",
    "advice": "Advice",
}
INITIATOR = {"me": "I did", "them": "They did"}
REPLY = {
    "none": "No reply expected",
    "awaiting": "Awaits reply",
    "replied": "Replied",
    "unanswered": "Unanswered",
}
HELP = {"none": "None", "small": "Small", "medium": "Medium", "large": "Large"}
FOLLOWUP_GROUP = {
    "overdue": "Overdue",
    "today": "Today",
    "this_week": "This week",
    "later": "Later",
}


def as_date(value: object) -> dt.date | None:
    """A date from a store value (a date, or ISO text as SQLite keeps it)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def format_date(value: object) -> str:
    """``14 Mar 2025`` in the locale's order (``ui.dates``); sorts by its own role."""
    from desktop_app.ui.common.dates import format_day

    return format_day(as_date(value))


def format_minutes(minutes: int) -> str:
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    return f"{hours} h {rest} min" if rest else f"{hours} h"


EVENT_KIND = {
    "social": "Social",
    "industry": "Industry event",
    "alumni": "Alumni",
    "conference": "Conference",
    "meetup": "Meetup",
    "online": "Online",
}
ATTENDANCE_ROLE = {"planned": "Plan to meet", "met": "Met"}
# What an event returned, per person: a reply, or one of these interactions.
EVENT_OUTCOME = {
    "replied": "Replied",
    **{
        kind: INTERACTION_KIND[kind]
        for kind in ("call", "meeting", "coffee", "referral", "introduction")
    },
}
