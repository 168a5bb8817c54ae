"""Plain records that cross the line between file formats and the store.

Parsers produce them, writers consume them; neither side knows about sessions or widgets.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop_app.insights.keep_in_touch import Birthday


@dataclass(frozen=True, slots=True)
class Labelled:
    """An e-mail address or phone number with its label ("work", "mobile"...)."""

    value: str
    label: str = ""


@dataclass(slots=True)
class ContactRecord:
    """One person as a file describes them (import) or as NetWise holds them (export)."""

    first_name: str = ""
    middle_name: str = ""
    last_name: str = ""
    full_name: str = ""
    title: str = ""
    company: str = ""
    industry: str = ""
    location: str = ""
    linkedin_url: str = ""
    emails: list[Labelled] = field(default_factory=list)
    phones: list[Labelled] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: str = ""
    how_met: str = ""
    shared_interests: str = ""
    can_help_with: str = ""
    i_can_offer: str = ""
    seniority: str | None = None
    circle: str = "familiar"
    status: str = "active"
    # LinkedIn's "Connected On": when the connection was made.
    connected_on: dt.date | None = None
    birthday: Birthday | None = None
    # The contact in the database (exports), or None for a record read from a file.
    id: int | None = None
    # Where the record starts in the imported file (1-based), for messages.
    line: int = 0

    def name(self) -> str:
        """The name to show: the full name, else the parts joined."""
        if self.full_name:
            return self.full_name
        return join_name(self.first_name, self.middle_name, self.last_name)


def join_name(*parts: str) -> str:
    return " ".join(part for part in (p.strip() for p in parts) if part)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in one record that was left out or skipped; the import goes on."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """How one column of a CSV header is used: the field it fills, or None if ignored."""

    header: str
    field: str | None


@dataclass(slots=True)
class ParsedFile:
    """What a parser read from one file."""

    source: str
    format: str
    encoding: str
    records: list[ContactRecord]
    problems: list[Problem] = field(default_factory=list)
    columns: list[ColumnMapping] = field(default_factory=list)
    header_line: int | None = None


@dataclass(frozen=True, slots=True)
class EventRecord:
    """An event for the calendar export."""

    id: int
    name: str
    kind: str
    starts_at: dt.datetime
    hours_invested: float = 0.0
    place: str = ""
    notes: str = ""
    created_at: dt.datetime | None = None
    updated_at: dt.datetime | None = None
    attendees: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FollowupRecord:
    """An open follow-up (an interaction with a due date) for the calendar export."""

    interaction_id: int
    contact_name: str
    due: dt.date
    kind: str
    notes: str = ""
    company: str = ""
    created_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class BirthdayRecord:
    """A contact's birthday for the calendar export (a yearly event)."""

    contact_id: int
    contact_name: str
    birthday: Birthday
    created_at: dt.datetime | None = None


@dataclass(frozen=True, slots=True)
class TouchRecord:
    """The day to be back in touch with a contact, for the calendar export (a to-do)."""

    contact_id: int
    contact_name: str
    due: dt.date
    company: str = ""
    created_at: dt.datetime | None = None


def split_name(full: str) -> tuple[str, str]:
    """(first, last) from a name given whole: the last word is the family name.

    A single word (or a name written without spaces, as in Chinese) stays the first name.
    """
    words = full.split()
    if len(words) < 2:
        return full.strip(), ""
    return " ".join(words[:-1]), words[-1]
