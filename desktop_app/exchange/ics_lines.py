"""The content lines of an iCalendar file, with the line each starts on.

The file is unfolded and split into its events and time zones here rather than by
icalendar for two reasons: every problem can name its line (icalendar keeps none), and
a broken line, an unclosed event or a stray END is found before anything else runs.
Lines that are not ``NAME;PARAM=value:value`` are left out with a problem each; a
calendar that does not begin, or never ends, is refused. Components other than events
and time zones (to-dos, journals, free/busy) are skipped whole; alarms inside an event
are skipped too, and so are the properties of an event that are never read (DTSTAMP,
Outlook's many X-MICROSOFT-... lines): only their colon is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from desktop_app.exchange.errors import WrongFormatError
from desktop_app.exchange.records import Problem

_LINE = re.compile(
    r'([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)',
    re.S,
)
_NAME = re.compile(r"[A-Za-z0-9-]+")
# The properties of an event that are read; the others (DTSTAMP, X-MICROSOFT-...) are not.
EVENT_PROPERTIES = frozenset(
    (
        "UID",
        "DTSTART",
        "DTEND",
        "DURATION",
        "RRULE",
        "RDATE",
        "EXDATE",
        "RECURRENCE-ID",
        "SEQUENCE",
        "SUMMARY",
        "LOCATION",
        "DESCRIPTION",
        "CATEGORIES",
        "ORGANIZER",
        "ATTENDEE",
        "STATUS",
    )
)
_PARAM = re.compile(r';([A-Za-z0-9-]+)=((?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)')
# A real calendar nests three deep (calendar, event, alarm); more is a broken file.
MAX_DEPTH = 8
# Broken lines are skipped one by one, but a file of little else is not a calendar.
MAX_BROKEN_SHARE = 0.2


class Property(NamedTuple):
    """One content line. A tuple, not a dataclass: a calendar has a hundred thousand."""

    name: str  # upper-case
    params: dict[str, str]  # names upper-case, values unquoted
    value: str  # as written (still escaped)
    line: int


# What ``scan`` finds for a line it has not read yet (None: a line that cannot be read).
_UNREAD = Property("", {}, "", 0)


@dataclass(slots=True)
class Block:
    """One VEVENT or VTIMEZONE: its properties by name and its lines as written."""

    kind: str
    line: int
    raw: list[str] = field(default_factory=list)  # a time zone's lines, unfolded
    properties: dict[str, list[Property]] = field(default_factory=dict)

    def first(self, name: str) -> Property | None:
        found = self.properties.get(name)
        return found[0] if found else None

    def text(self) -> str:
        """A time zone's definition as iCalendar text again."""
        return "\r\n".join([f"BEGIN:{self.kind}", *self.raw, f"END:{self.kind}"])


@dataclass(slots=True)
class ScannedCalendar:
    properties: dict[str, Property]  # the calendar's own (X-WR-CALNAME...), first of each
    events: list[Block]
    zones: list[Block]
    problems: list[Problem]


def unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the physical line each starts on (1-based), blank ones left out."""
    logical: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if line[:1] in (" ", "\t") and logical:
            start, previous = logical[-1]
            logical[-1] = (start, previous + line[1:])
        elif line.strip():
            logical.append((number, line))
    return logical


def parse_property(line: str, number: int) -> Property | None:
    head, colon, value = line.partition(":")
    if colon and '"' not in head:
        # The common case, without quoted parameters: no regular expression needed.
        name, *pairs = head.split(";")
        params: dict[str, str] = {}
        for pair in pairs:
            key, equals, text = pair.partition("=")
            if not equals or not _NAME.fullmatch(key):
                return None
            params[key.upper()] = text
        if not _NAME.fullmatch(name):
            return None
        return Property(name.upper(), params, value, number)
    return _parse_quoted(line, number)


def _parse_quoted(line: str, number: int) -> Property | None:
    match = _LINE.fullmatch(line)
    if match is None:
        return None
    params = {}
    if match[2]:
        for name, value in _PARAM.findall(match[2]):
            params[name.upper()] = value.replace('"', "")
    return Property(match[1].upper(), params, match[3], number)


def scan(text: str, source: str) -> ScannedCalendar:
    lines = unfold(text)
    if not any(line.strip().upper() == "BEGIN:VCALENDAR" for _, line in lines[:50]):
        raise WrongFormatError(source, _not_a_calendar(lines))
    scanned = ScannedCalendar({}, [], [], [])
    # The same attendees, places and answers come back event after event: a line written
    # before is read once (its parameters are shared, and nothing changes them).
    read_before: dict[str, Property | None] = {}
    stack: list[tuple[str, int]] = []
    block: Block | None = None
    broken = 0
    for number, line in lines:
        word = line[:6].upper()
        if word == "BEGIN:" or word[:4] == "END:":
            begins = word == "BEGIN:"
            kind = line[6 if begins else 4 :].strip().upper()
            if begins:
                stack.append((kind, number))
                if len(stack) > MAX_DEPTH:
                    raise WrongFormatError(source, "components nest too deep.", line=number)
                if len(stack) == 1 and kind != "VCALENDAR":
                    raise WrongFormatError(source, _not_a_calendar(lines), line=number)
                if len(stack) == 2 and kind in ("VEVENT", "VTIMEZONE"):
                    block = Block(kind, number)
                elif block is not None and block.kind == "VTIMEZONE":
                    block.raw.append(line)
                continue
            if not stack or stack[-1][0] != kind:
                expected = f"END:{stack[-1][0]}" if stack else "nothing more"
                raise WrongFormatError(
                    source, f"END:{kind} where {expected} was expected.", line=number
                )
            stack.pop()
            if len(stack) == 1 and block is not None:
                (scanned.events if block.kind == "VEVENT" else scanned.zones).append(block)
                block = None
            elif block is not None and block.kind == "VTIMEZONE":
                block.raw.append(line)
            continue
        if not stack:
            continue  # text before the calendar begins (a mail header...)
        in_event = block is not None and block.kind == "VEVENT"
        if in_event and (len(stack) > 2 or _name(line) not in EVENT_PROPERTIES):
            if ":" in line:
                continue  # an alarm, or a property NetWise does not read
            prop = None
        elif (known := read_before.get(line, _UNREAD)) is None:
            prop = None
        elif known is not _UNREAD:
            prop = Property(known.name, known.params, known.value, number)
        else:
            prop = read_before[line] = parse_property(line, number)
        if prop is None:
            broken += 1
            scanned.problems.append(Problem(number, "this line cannot be read; it was skipped."))
            continue
        if len(stack) == 1:
            scanned.properties.setdefault(prop.name, prop)
        elif block is not None and (len(stack) == 2 or block.kind == "VTIMEZONE"):
            if not in_event:
                block.raw.append(line)
            block.properties.setdefault(prop.name, []).append(prop)
    if stack:
        kind, begun = stack[-1]
        raise WrongFormatError(
            source,
            f"the {kind} that begins on line {begun} never ends: the file is cut short.",
        )
    if broken > MAX_BROKEN_SHARE * len(lines):
        raise WrongFormatError(
            source, f"{broken:,} of its {len(lines):,} lines cannot be read as a calendar."
        )
    return scanned


def _name(line: str) -> str:
    match = _NAME.match(line)
    return match[0].upper() if match else ""


def _not_a_calendar(lines: list[tuple[int, str]]) -> str:
    starts = " ".join(line.upper() for _, line in lines[:20])
    if "BEGIN:VCARD" in starts:
        return "this is an address book (vCard), not a calendar; import it as vCard."
    return "this is not a calendar file: it has no BEGIN:VCALENDAR line."


def unescape(value: str) -> str:
    """TEXT as RFC 5545 escapes it: backslash before comma, semicolon, backslash, n."""
    if "\\" not in value:
        return value
    return re.sub(r"\\(.)", lambda m: "\n" if m[1] in "nN" else m[1], value, flags=re.S)


def split_text_list(value: str) -> list[str]:
    """A comma-separated TEXT list (CATEGORIES), escaped commas kept inside their item."""
    return [unescape(part).strip() for part in re.split(r"(?<!\\),", value) if part.strip()]
