"""Plain values the store hands out and takes in for contacts, interactions and follow-ups.

No ORM objects leave the store: the ui reads these frozen dataclasses and gives back
``ContactInput`` / ``InteractionInput`` to write. Free of SQLAlchemy, so dialogs can import
it at any time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop_app.insights.keep_in_touch import Birthday


@dataclass(frozen=True)
class LabelledValue:
    """An e-mail address or phone number with its label ("work", "mobile"...)."""

    value: str
    label: str = ""


@dataclass(frozen=True)
class ContactInput:
    """Everything the contact dialog edits; ``full_name`` is derived by the store."""

    first_name: str = ""
    middle_name: str = ""
    last_name: str = ""
    title: str = ""
    company: str = ""
    industry: str = ""
    location: str = ""
    linkedin_url: str = ""
    seniority: str | None = None
    circle: str = "familiar"
    how_met: str = ""
    met_at_event_id: int | None = None
    shared_interests: str = ""
    can_help_with: str = ""
    i_can_offer: str = ""
    notes: str = ""
    status: str = "active"
    emails: tuple[LabelledValue, ...] = ()
    phones: tuple[LabelledValue, ...] = ()
    tags: tuple[str, ...] = ()
    touch_cadence: str | None = None  # their own; None: their tags' or verdict's applies
    birthday: Birthday | None = None


def full_name_of(first: str, middle: str, last: str) -> str:
    """ "First Middle Last" without the gaps of missing parts."""
    return " ".join(part.strip() for part in (first, middle, last) if part.strip())


@dataclass(frozen=True)
class InteractionInput:
    contact_id: int
    occurred_on: dt.date
    kind: str = "email"
    initiated_by: str = "me"
    reply_status: str = "none"
    help_given: str = "none"
    help_received: str = "none"
    minutes: int = 0
    notes: str = ""
    followup_due: dt.date | None = None
    event_id: int | None = None


@dataclass(frozen=True)
class InteractionRecord:
    id: int
    contact_id: int
    occurred_on: dt.date
    kind: str
    initiated_by: str
    reply_status: str
    help_given: str
    help_received: str
    minutes: int
    notes: str
    followup_due: dt.date | None
    followup_done_at: dt.datetime | None
    event_id: int | None
    event_name: str

    @property
    def followup_open(self) -> bool:
        return self.followup_due is not None and self.followup_done_at is None

    def as_input(self) -> InteractionInput:
        return InteractionInput(
            contact_id=self.contact_id,
            occurred_on=self.occurred_on,
            kind=self.kind,
            initiated_by=self.initiated_by,
            reply_status=self.reply_status,
            help_given=self.help_given,
            help_received=self.help_received,
            minutes=self.minutes,
            notes=self.notes,
            followup_due=self.followup_due,
            event_id=self.event_id,
        )


@dataclass(frozen=True)
class EventLink:
    event_id: int
    name: str
    starts_at: dt.datetime
    role: str  # planned / met


@dataclass(frozen=True)
class TouchState:
    """How often to keep in touch with one contact, why, and when they are next due.

    ``default`` is the cadence that applies without one of their own: from ``source``
    ("tag": the tag ``source_name``; "verdict": their verdict ``source_name``; "unscored":
    no verdict yet, so never).
    """

    own: str | None
    default: str
    source: str
    source_name: str
    last_touch_on: dt.date
    due_on: dt.date | None
    snoozed_until: dt.date | None

    @property
    def cadence(self) -> str:
        return self.own or self.default


@dataclass(frozen=True)
class ContactDetail:
    """One contact, whole: every field, the timeline newest first, the open follow-ups."""

    id: int
    contact: ContactInput
    full_name: str
    met_at_event: str
    created_at: dt.datetime
    updated_at: dt.datetime
    last_interaction_on: dt.date | None
    next_followup_on: dt.date | None
    interactions: tuple[InteractionRecord, ...]
    events: tuple[EventLink, ...]
    keep_in_touch: TouchState | None = None
    # The row's version when read: a save based on it is refused once it has moved on.
    version: int = 1

    @property
    def open_followups(self) -> tuple[InteractionRecord, ...]:
        """Follow-ups not done yet, the soonest first."""
        found = [i for i in self.interactions if i.followup_open]
        return tuple(sorted(found, key=lambda i: (i.followup_due, i.id)))


@dataclass(frozen=True)
class FollowUp:
    """An open follow-up as the Follow-ups page lists it."""

    interaction_id: int
    contact_id: int
    contact_name: str
    company: str
    due: dt.date
    kind: str
    occurred_on: dt.date
    notes: str
