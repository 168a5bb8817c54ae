"""The fields of NetWise's JSON export, section by section, with their types.

Type codes: ``int``, ``float``, ``bool``, ``str``, ``date`` (``YYYY-MM-DD``), ``datetime``
(ISO 8601 without an offset, as stored), ``list`` and ``dict`` (any JSON). A ``?`` suffix
allows ``null``; a ``!`` suffix makes the field required (others take a default when
absent). A test checks these against the database's columns so that nothing is left out.
"""

from __future__ import annotations

FORMAT_ID = "netwise"
FORMAT_VERSION = 1

CONTACT = {
    "id": "int!",
    "first_name": "str",
    "middle_name": "str",
    "last_name": "str",
    "full_name": "str!",
    "title": "str",
    "company": "str",
    "industry": "str",
    "location": "str",
    "linkedin_url": "str",
    "seniority": "str?",
    "circle": "str",
    "how_met": "str",
    "met_at_event_id": "int?",
    "shared_interests": "str",
    "can_help_with": "str",
    "i_can_offer": "str",
    "notes": "str",
    "status": "str",
    "created_at": "datetime!",
    "updated_at": "datetime!",
    "touch_cadence": "str?",
    "touch_snoozed_until": "date?",
    "birth_month": "int?",
    "birth_day": "int?",
    "birth_year": "int?",
}
EMAIL = {"id": "int!", "address": "str!", "label": "str"}
PHONE = {"id": "int!", "number": "str!", "label": "str"}
TAG = {"id": "int!", "name": "str!", "touch_cadence": "str?"}
EVENT = {
    "id": "int!",
    "name": "str!",
    "kind": "str!",
    "starts_at": "datetime!",
    "place": "str",
    "hours_invested": "float",
    "cost_cents": "int",
    "notes": "str",
    "created_at": "datetime!",
    "updated_at": "datetime!",
    "source_key": "str?",
}
ATTENDEE = {"contact_id": "int!", "role": "str!"}
INTERACTION = {
    "id": "int!",
    "contact_id": "int!",
    "event_id": "int?",
    "occurred_on": "date!",
    "kind": "str!",
    "initiated_by": "str!",
    "reply_status": "str!",
    "help_given": "str!",
    "help_received": "str!",
    "minutes": "int",
    "notes": "str",
    "followup_due": "date?",
    "followup_done_at": "datetime?",
    "created_at": "datetime!",
    "source_key": "str?",
}
GOAL = {
    "id": "int!",
    "version": "int!",
    "is_active": "bool",
    "created_at": "datetime!",
    "goal_type": "str!",
    "statement": "str",
    "target_roles": "list",
    "target_companies": "list",
    "target_industries": "list",
    "target_locations": "list",
    "target_seniority": "str?",
    "weekly_hours": "float",
    "target_date": "date?",
    "measures": "list",
    "checklist": "dict",
}
ORGANISATION = {"id": "int!", "name": "str!", "kind": "str!", "status": "str!"}
PITCH = {
    "id": "int!",
    "goal_id": "int!",
    "version": "int!",
    "created_at": "datetime!",
    "parts": "dict",
    "text": "str",
    "variants": "dict",
}

# section → (fields, {nested list → its fields}); tags inside a contact are names.
SECTIONS: dict[str, tuple[dict[str, str], dict[str, dict[str, str]]]] = {
    "tags": (TAG, {}),
    "contacts": (CONTACT, {"emails": EMAIL, "phones": PHONE}),
    "events": (EVENT, {"attendees": ATTENDEE}),
    "interactions": (INTERACTION, {}),
    "goals": (GOAL, {"organisations": ORGANISATION}),
    "pitches": (PITCH, {}),
}
# Columns not carried in the file: derived ones, recomputed on import, and the row
# versions that detect a save over another window's change (a restored row starts at 1).
DERIVED = {
    "contacts": ("last_interaction_on", "next_followup_on", "tags_text", "touch_due_on", "version"),
    "events": ("version",),
}
