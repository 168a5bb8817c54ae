"""What one VEVENT says besides its times: title, place, people, status, categories.

Everything in an event is untrusted text from whoever sent the invitation: control
characters, invisible and bidirectional-override characters are removed (they could
disguise a name or rewrite a terminal), one-line fields are made one line, and every
field is cut at the length NetWise keeps for its kind, with a problem saying so.

People are the ORGANIZER and the ATTENDEEs with their e-mail addresses (lower-case,
"mailto:" removed; Apple puts the address in an EMAIL parameter when the value is a
server path). Rooms and other resources that Outlook invites as attendees are left out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from desktop_app.exchange.ics_lines import Block, Property, split_text_list, unescape
from desktop_app.exchange.ics_networking import looks_like_networking
from desktop_app.exchange.ics_records import CANCELLED, CalendarPerson
from desktop_app.exchange.records import Problem
from desktop_app.validation import (
    MAX_EMAIL,
    MAX_FREE_TEXT,
    MAX_SHORT_TEXT,
    MAX_TAG,
    check_email,
)

_UNSAFE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]"
)
_SPACES = re.compile(r"\s+")
# Outlook marks a cancelled meeting in its title as well as (or instead of) its STATUS.
_CANCELLED_TITLE = re.compile(r"^\s*(cancell?ed|abgesagt|annulé)\s*:", re.IGNORECASE)
_NOT_PEOPLE = {"ROOM", "RESOURCE"}
# The owner is guessed from who is in the meetings only when there are enough of them.
MIN_MEETINGS_TO_GUESS = 5
OWNER_SHARE = 0.8


@dataclass(frozen=True, slots=True)
class EntryDetails:
    title: str
    place: str
    description: str
    categories: tuple[str, ...]
    organiser: CalendarPerson | None
    attendees: tuple[CalendarPerson, ...]
    status: str
    looks_like_networking: bool
    owner_paths: tuple[CalendarPerson, ...] = ()  # people written as Apple's owner path


def clean_text(text: str, *, multiline: bool = False) -> str:
    text = unescape(text)
    if not text.isprintable():  # (every character of _UNSAFE is unprintable)
        text = _UNSAFE.sub("", text)
    if multiline:
        return text.replace("\r\n", "\n").replace("\r", "\n").strip()
    return _SPACES.sub(" ", text).strip()


def _cut(label: str, text: str, limit: int, line: int, problems: list[Problem] | None) -> str:
    if len(text) <= limit:
        return text
    if problems is not None:
        problems.append(Problem(line, f"{label} is longer than {limit:,} characters; cut."))
    return text[: limit - 1].rstrip() + "…"


def _email(value: str, email_param: str) -> str:
    for candidate in (value, email_param):
        address = candidate.strip()
        if address[:7].casefold() == "mailto:":
            address = address[7:].strip()
        if len(address) <= MAX_EMAIL and check_email(address) is None:
            return address.casefold()
    return ""


def person(prop: Property) -> CalendarPerson | None:
    params = prop.params
    if params.get("CUTYPE", "").upper() in _NOT_PEOPLE:
        return None
    named = _name_and_email(prop.value, params.get("CN", ""), params.get("EMAIL", ""))
    if named is None:
        return None
    return CalendarPerson(named[0], named[1], params.get("PARTSTAT", "").strip().lower())


# The same colleagues are in meeting after meeting: each is read once (whatever their
# answer to each invitation, which would make several thousand keys of a busy calendar).
@lru_cache(maxsize=4096)
def _name_and_email(value: str, common_name: str, email_param: str) -> tuple[str, str] | None:
    email = _email(value, email_param)
    name = _cut("A name", clean_text(common_name), MAX_SHORT_TEXT, 0, None)
    if name.casefold() == email or "@" in name:
        name = ""  # Google and Outlook repeat the address when they know no name
    if not (name or email):
        return None
    return name, email


def details_of(block: Block, problems: list[Problem]) -> EntryDetails:
    def text(name: str) -> str:
        found = block.first(name)
        return found.value if found else ""

    line = block.line
    title = _cut("The title", clean_text(text("SUMMARY")), MAX_SHORT_TEXT, line, problems)
    # Apple writes a street address over several lines: one line, parts after commas.
    lines_of_place = clean_text(text("LOCATION"), multiline=True).split("\n")
    place = ", ".join(part.strip() for part in lines_of_place if part.strip())
    place = _cut("The place", _SPACES.sub(" ", place), MAX_SHORT_TEXT, line, problems)
    description = _cut(
        "The description",
        clean_text(text("DESCRIPTION"), multiline=True),
        MAX_FREE_TEXT,
        line,
        problems,
    )
    categories: list[str] = []
    for prop in block.properties.get("CATEGORIES", []):
        for item in split_text_list(prop.value):
            category = _cut("A category", clean_text(item), MAX_TAG, line, problems)
            if category and category not in categories:
                categories.append(category)
    organiser_property = block.first("ORGANIZER")
    organiser = person(organiser_property) if organiser_property else None
    attendees: list[CalendarPerson] = []
    owner_paths: list[CalendarPerson] = []
    seen: set[str] = set()
    for prop in block.properties.get("ATTENDEE", []) + block.properties.get("ORGANIZER", []):
        found = person(prop)
        if found is not None and prop.value.rstrip().endswith("/principal/"):
            owner_paths.append(found)
        if found is None or prop.name == "ORGANIZER" or (found.email and found.email in seen):
            continue
        seen.add(found.email)
        attendees.append(found)
    status = clean_text(text("STATUS")).lower()
    if _CANCELLED_TITLE.match(title):
        status = CANCELLED
    return EntryDetails(
        title=title,
        place=place,
        description=description,
        categories=tuple(categories),
        organiser=organiser,
        attendees=tuple(attendees),
        status=status,
        looks_like_networking=looks_like_networking(title, categories),
        owner_paths=tuple(owner_paths),
    )


def guess_owner(calendar_name: str, entries: Iterable[EntryDetails]) -> frozenset[str]:
    """The calendar owner's addresses, where the file tells them.

    Google names a calendar after its owner's address. Apple writes the owner as a path
    on its calendar server (".../principal/") with the address in EMAIL. Otherwise the
    owner is the one address in nearly all of many meetings (Outlook and Thunderbird
    list the owner in each of their meetings; in a handful, a colleague can be too).
    """
    named = calendar_name.strip().casefold()
    if check_email(named) is None:
        return frozenset({named})
    entries = list(entries)
    principals = {p.email for entry in entries for p in entry.owner_paths if p.email}
    if principals:
        return frozenset(principals)
    counts: Counter[str] = Counter()
    meetings = 0
    for entry in entries:
        people = {p.email for p in (entry.organiser, *entry.attendees) if p and p.email}
        if people:
            meetings += 1
            counts.update(people)
    if meetings < MIN_MEETINGS_TO_GUESS:
        return frozenset()
    address, times = counts.most_common(1)[0]
    return frozenset({address}) if times >= OWNER_SHARE * meetings else frozenset()
