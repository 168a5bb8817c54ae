"""The words the ui shows for event kinds and attendance."""

from __future__ import annotations

EVENT_KIND_LABELS = {
    "social": "Social",
    "industry": "Industry event",
    "alumni": "Alumni",
    "conference": "Conference",
    "meetup": "Meetup",
    "online": "Online",
}
ROLE_LABELS = {"planned": "Plan to meet", "met": "Met"}
OUTCOME_LABELS = {
    "replied": "Replied",
    "meeting": "Meeting",
    "coffee": "Coffee",
    "referral": "Referral",
    "introduction": "Introduction",
}
