"""Calendar files (iCalendar .ics) read into one record per meeting occurrence.

Google Calendar, Outlook, Apple Calendar and Thunderbird all export RFC 5545 files, each
with its habits (Outlook's Windows zone names and "Customized Time Zone", Apple's EMAIL
parameters, Thunderbird's vendor-prefixed zone names, Google's calendar named after its
owner); the modules beside this one deal with them. The file is read through the shared
text reader (size cap, byte-order marks, Windows-1252 from old Outlook versions), checked
line by line (``ics_lines``), and only the events that fall in the imported period are
kept: by default the last two years and the next 90 days, so a ten-year calendar does not
bring in meetings no one remembers, nor an endless series its whole future.

Nothing is decided here about who is a contact: each occurrence keeps its organiser,
attendees with their answers, and status, and the import decides (declined attendees and
cancelled events are left out there). Problems in single events are listed and the rest
goes on; a file that is not a calendar at all is refused with an ``ImportFileError``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from icalendar import vDuration

from desktop_app.datetext import format_day
from desktop_app.exchange.errors import FileTooLargeError
from desktop_app.exchange.ics_entries import EntryDetails, details_of, guess_owner
from desktop_app.exchange.ics_lines import Block, Property, scan
from desktop_app.exchange.ics_records import CalendarOccurrence, ParsedCalendar
from desktop_app.exchange.ics_series import Expanded, expand_series
from desktop_app.exchange.ics_zones import ZoneResolver, to_local
from desktop_app.exchange.records import Problem
from desktop_app.exchange.textfile import MB, decode_bytes, read_bytes

FORMAT = "ics"
# Ten years of a busy work calendar exported by Outlook is about 40 MB.
MAX_CALENDAR_FILE_BYTES = 64 * MB
# Far more meetings than anyone has in a period; past it the file is not a calendar.
MAX_OCCURRENCES = 100_000
PAST_DAYS = 730
FUTURE_DAYS = 90


def default_period(today: dt.date | None = None) -> tuple[dt.date, dt.date]:
    """The last two years up to 90 days ahead (both days included)."""
    today = today or dt.date.today()
    return today - dt.timedelta(days=PAST_DAYS), today + dt.timedelta(days=FUTURE_DAYS)


def parse_calendar(
    path: str | Path,
    *,
    period: tuple[dt.date, dt.date] | None = None,
    local_zone: dt.tzinfo | None = None,
    owner_emails: Iterable[str] = (),
    encoding: str | None = None,
) -> ParsedCalendar:
    """Every occurrence in ``period`` (default: ``default_period()``), in local time.

    ``local_zone`` is the user's zone (this computer's when None); ``owner_emails`` the
    user's addresses, guessed from the file when none are given.
    """
    data = read_bytes(path, max_bytes=MAX_CALENDAR_FILE_BYTES)
    return parse_calendar_bytes(
        data,
        str(path),
        period=period,
        local_zone=local_zone,
        owner_emails=owner_emails,
        encoding=encoding,
    )


def parse_calendar_bytes(
    data: bytes,
    source: str,
    *,
    period: tuple[dt.date, dt.date] | None = None,
    local_zone: dt.tzinfo | None = None,
    owner_emails: Iterable[str] = (),
    encoding: str | None = None,
) -> ParsedCalendar:
    first_day, last_day = period or default_period()
    decoded = decode_bytes(data, source, encoding=encoding)
    scanned = scan(decoded.text, source)
    problems = scanned.problems
    zones = ZoneResolver(scanned.zones)
    singles, series = _grouped(scanned.events)
    span = (
        dt.datetime.combine(first_day, dt.time()),
        dt.datetime.combine(last_day + dt.timedelta(days=1), dt.time()),
    )
    found: list[Expanded] = []
    for block in singles:
        expanded = _single(block, zones, problems)
        if expanded is not None:
            found.append(expanded)
    found.extend(expand_series(series, zones, span, problems))
    # Only what falls in the period is read further (and can have problems reported).
    in_period = []
    for item in found:
        starts_at = to_local(item.start, local_zone)
        if first_day <= starts_at.date() <= last_day:
            in_period.append((item, starts_at))
    details: dict[int, EntryDetails] = {}
    for item, _ in in_period:
        if id(item.block) not in details:
            details[id(item.block)] = details_of(item.block, problems)
    name_property = scanned.properties.get("X-WR-CALNAME")
    calendar_name = name_property.value.strip() if name_property else ""
    owners = frozenset(email.strip().casefold() for email in owner_emails) or guess_owner(
        calendar_name, details.values()
    )
    occurrences: dict[str, CalendarOccurrence] = {}
    shared: dict[int, _Shared] = {}  # what the occurrences of one event have in common
    for item, starts_at in in_period:
        if (common := shared.get(id(item.block))) is None:
            common = shared[id(item.block)] = _shared(item.block, details, owners)
        occurrence = _occurrence(item, starts_at, common, local_zone)
        occurrences.setdefault(occurrence.key, occurrence)
        if len(occurrences) > MAX_OCCURRENCES:
            raise FileTooLargeError(
                source,
                f"the calendar holds more than {MAX_OCCURRENCES:,} meetings between "
                f"{format_day(first_day)} and {format_day(last_day)}; import a shorter period.",
            )
    problems.extend(zones.problems)
    return ParsedCalendar(
        source=source,
        encoding=decoded.encoding,
        name=calendar_name,
        owner_emails=owners,
        period_start=first_day,
        period_end=last_day,
        occurrences=tuple(sorted(occurrences.values(), key=_starts_at)),
        problems=tuple(sorted(problems, key=lambda p: p.line)),
    )


def _grouped(events: list[Block]) -> tuple[list[Block], list[list[Block]]]:
    """Single events, and series: a UID with RRULE or RDATE, or with changed occurrences."""
    by_uid: dict[str, list[Block]] = {}
    for block in events:
        uid = block.first("UID")
        if uid is None or not uid.value.strip():
            # Without a UID an event is known by its start and title, so that importing
            # the same file again still finds it.
            seed = "|".join(
                prop.value for name in ("DTSTART", "SUMMARY") if (prop := block.first(name))
            )
            synthetic = "netwise-" + hashlib.sha1(seed.encode()).hexdigest()[:20]
            block.properties["UID"] = [Property("UID", {}, synthetic, block.line)]
        by_uid.setdefault(block.first("UID").value.strip(), []).append(block)  # type: ignore[union-attr]
    singles: list[Block] = []
    series: list[list[Block]] = []
    for group in by_uid.values():
        first = group[0]
        if len(group) == 1 and not (
            "RRULE" in first.properties
            or "RDATE" in first.properties
            or "RECURRENCE-ID" in first.properties
        ):
            singles.append(first)
        else:
            series.append(group)
    return singles, series


def _single(block: Block, zones: ZoneResolver, problems: list[Problem]) -> Expanded | None:
    start_property = block.first("DTSTART")
    if start_property is None:
        problems.append(Problem(block.line, "the event has no start (DTSTART); skipped."))
        return None
    try:
        start = zones.when(start_property)
        end = _end(block, start, zones)
    except ValueError:
        problems.append(
            Problem(start_property.line, "the event's date or time cannot be read; skipped.")
        )
        return None
    return Expanded(block, start, end, "")


def _end(block: Block, start: dt.date | dt.datetime, zones: ZoneResolver) -> dt.date | dt.datetime:
    end_property = block.first("DTEND")
    if end_property is not None:
        end = zones.when(end_property)
        if isinstance(end, dt.datetime) != isinstance(start, dt.datetime):
            raise ValueError("DTSTART and DTEND of different kinds")
        if isinstance(end, dt.datetime) and (end.tzinfo is None) != (start.tzinfo is None):
            end = end.replace(tzinfo=start.tzinfo)
        return max(end, start)  # type: ignore[type-var]
    duration_property = block.first("DURATION")
    if duration_property is not None:
        return start + abs(vDuration.from_ical(duration_property.value.strip()))
    # RFC 5545: a date alone lasts the day; a time alone is a moment.
    return start if isinstance(start, dt.datetime) else start + dt.timedelta(days=1)


class _Shared(NamedTuple):
    uid: str
    entry: EntryDetails
    organised_by_owner: bool


def _shared(block: Block, details: dict[int, EntryDetails], owners: frozenset[str]) -> _Shared:
    entry = details[id(block)]
    organiser = entry.organiser
    return _Shared(
        block.first("UID").value.strip(),  # type: ignore[union-attr]
        entry,
        organiser is None or not organiser.email or organiser.email in owners,
    )


def _occurrence(
    item: Expanded, starts_at: dt.datetime, common: _Shared, local_zone: dt.tzinfo | None
) -> CalendarOccurrence:
    all_day = not isinstance(item.start, dt.datetime)
    minutes = 0
    if not all_day and isinstance(item.end, dt.datetime):
        minutes = max(0, int((item.end - item.start).total_seconds() // 60))  # type: ignore[operator]
    entry = common.entry
    return CalendarOccurrence(
        common.uid,
        item.recurrence_id,
        entry.title,
        starts_at,
        to_local(item.end, local_zone),
        all_day,
        minutes,
        entry.place,
        entry.categories,
        entry.organiser,
        entry.attendees,
        entry.status,
        entry.looks_like_networking,
        common.organised_by_owner,
        entry.description,
        item.block.line,
    )


def _starts_at(occurrence: CalendarOccurrence) -> dt.datetime:
    return occurrence.starts_at
