"""Recurring meetings expanded into their occurrences with recurring-ical-events.

Only the series (events with RRULE or RDATE, and the moved or changed occurrences that
share their UID) go through icalendar and recurring-ical-events; they handle RDATE,
RANGE=THISANDFUTURE and the corner cases of RFC 5545. Single events, most of a calendar,
are read directly from their lines (``ics_in``), and so are plain series, most of the
rest (``ics_plain_series``), as building icalendar's objects for each costs more than
the whole import may take.

Before icalendar reads a series its rules are bounded by the period (``ics_rules``), and
each TZID is written as the IANA name found for it (so both paths agree on every zone),
kept when only the file's own VTIMEZONE defines it, and dropped (local time) when nothing
knows it. Each event carries an X-NETWISE-BLOCK line so an occurrence can be traced back
to the event it came from, and a series that cannot be expanded is skipped with a
problem naming its line; the others go on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import icalendar
import recurring_ical_events
from icalendar import vDuration
from recurring_ical_events.adapters.event import EventAdapter
from recurring_ical_events.occurrence import Occurrence
from recurring_ical_events.series import Series

from desktop_app.exchange.ics_lines import Block, Property
from desktop_app.exchange.ics_plain_series import TooManyOccurrencesError, plain_occurrences
from desktop_app.exchange.ics_rules import (
    RuleError,
    RuleNeverMatchesError,
    RuleTooFrequentError,
    bound_rule,
)
from desktop_app.exchange.ics_zones import ZoneResolver, recurrence_id_text
from desktop_app.exchange.records import Problem

_MARK = "X-NETWISE-BLOCK"
# A meeting every working day for the default period is 600 occurrences; more is no meeting.
MAX_SERIES_OCCURRENCES = 1_000
# What the expansion reads; the rest of an event (people, text) is read from its lines.
_TIMING = (
    "UID",
    "DTSTART",
    "DTEND",
    "DURATION",
    "RRULE",
    "RDATE",
    "EXDATE",
    "RECURRENCE-ID",
    "SEQUENCE",
)
# Written once however often a file repeats them (icalendar would make a list of them).
_SINGLE = frozenset(("UID", "DTSTART", "DTEND", "DURATION", "RECURRENCE-ID", "SEQUENCE"))


@dataclass(frozen=True, slots=True)
class Expanded:
    block: Block
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime
    recurrence_id: str


def expand_series(
    groups: list[list[Block]],
    zones: ZoneResolver,
    period: tuple[dt.datetime, dt.datetime],
    problems: list[Problem],
) -> Iterator[Expanded]:
    """The occurrences of each series (a list of blocks sharing a UID) in ``period``,
    series by series in the order of ``groups``."""
    blocks: list[Block] = []
    texts: list[tuple[int, str]] = []
    found_by_position: dict[int, list[Expanded]] = {}
    position_of_uid: dict[str, int] = {}
    for position, group in enumerate(groups):
        text, kept, rules = _series_text(group, zones, period[1], problems, len(blocks))
        if not text:
            continue
        # The series' own rule (its event is the one without RECURRENCE-ID).
        rule = next(
            (r for b, r in zip(kept, rules, strict=True) if b.first("RECURRENCE-ID") is None), ""
        )
        if rule:
            plain = _expanded_plainly(kept, rule, zones, period, problems)
            if plain is not None:
                found_by_position[position] = plain
                continue
        texts.append((kept[0].line, text))
        blocks.extend(kept)
        position_of_uid[_uid(kept[0])] = position
    if texts:
        library = _expanded_by_library(blocks, texts, zones, period, problems)
        for uid, found in library:
            position = position_of_uid.get(uid.strip(), len(groups))
            found_by_position.setdefault(position, []).extend(found)
    for position in sorted(found_by_position):
        yield from found_by_position[position]


def _expanded_plainly(
    blocks: list[Block],
    rule: str,
    zones: ZoneResolver,
    period: tuple[dt.datetime, dt.datetime],
    problems: list[Problem],
) -> list[Expanded] | None:
    """A plain series' occurrences (``ics_plain_series``); None to ask the library."""
    try:
        found = plain_occurrences(blocks, rule, zones, period, MAX_SERIES_OCCURRENCES)
    except TooManyOccurrencesError:
        master = next(b for b in blocks if b.first("RECURRENCE-ID") is None)
        problems.append(_too_often(master.properties["RRULE"][0].line))
        return []
    if found is None:
        return None
    return [
        Expanded(item.block, item.start, item.end, recurrence_id_text(item.scheduled))
        for item in found
    ]


def _too_often(line: int) -> Problem:
    return Problem(
        line,
        f"it repeats more than {MAX_SERIES_OCCURRENCES:,} times in the period"
        " — too often to be meetings; skipped.",
    )


def _expanded_by_library(
    blocks: list[Block],
    texts: list[tuple[int, str]],
    zones: ZoneResolver,
    period: tuple[dt.datetime, dt.datetime],
    problems: list[Problem],
) -> Iterator[tuple[str, list[Expanded]]]:
    """Each series recurring-ical-events expands: its UID and its occurrences."""
    used = {
        prop.params["TZID"] for block in blocks for prop in _props(block) if "TZID" in prop.params
    }
    definitions = [
        zones.definition(tzid)
        for tzid in sorted(used)
        if tzid in zones.valid_blocks and zones.iana_name(tzid) is None
    ]
    calendar = _calendar(definitions, texts, problems)
    modifications: dict[tuple[str, object], Block] = {}
    for component in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in component:
            block = blocks[int(component[_MARK])]
            for recurrence_id in EventAdapter(component).recurrence_ids[:1]:
                modifications[(str(component.get("UID", "")), recurrence_id)] = block
    masters = {_uid(b): b for b in blocks if b.first("RECURRENCE-ID") is None}
    expanded: set[str] = set()
    for series in _all_series(calendar, blocks, problems, expanded):
        uid = str(series.uid)
        expanded.add(uid)
        master = masters.get(uid)
        first_block = master or next((b for b in blocks if _uid(b) == uid), None)
        line = first_block.line if first_block else 0
        try:
            occurrences = list(islice(series.between(*period), MAX_SERIES_OCCURRENCES + 1))
            if len(occurrences) > MAX_SERIES_OCCURRENCES:
                rule = master.first("RRULE") if master else None
                problems.append(_too_often(rule.line if rule else line))
                continue
            found = [_traced(o, uid, master, modifications, zones) for o in occurrences]
        except Exception as exc:  # a series icalendar or dateutil cannot work out
            problems.append(Problem(line, f"its repeats cannot be worked out ({exc}); skipped."))
            continue
        yield uid, [item for item in found if item is not None]
    for uid, block in masters.items():
        if uid not in expanded:
            problems.append(Problem(block.line, "its repeats cannot be worked out; skipped."))


def _all_series(
    calendar: icalendar.Calendar, blocks: list[Block], problems: list[Problem], failed: set[str]
) -> list[Series]:
    """Every series of the calendar; if recurring-ical-events refuses the whole, each on
    its own, and those it refuses alone are skipped with a problem (their UID in ``failed``).
    """
    try:
        return list(recurring_ical_events.of(calendar, skip_bad_series=True).series)
    except Exception:  # one series it cannot take; find it below
        pass
    by_uid: dict[str, list[icalendar.Component]] = {}
    for component in calendar.walk("VEVENT"):
        by_uid.setdefault(str(component.get("UID", "")), []).append(component)
    definitions = calendar.walk("VTIMEZONE")
    found: list[Series] = []
    for uid, components in by_uid.items():
        alone = icalendar.Calendar()
        for component in (*definitions, *components):
            alone.add_component(component)
        try:
            found.extend(recurring_ical_events.of(alone, skip_bad_series=True).series)
        except Exception as exc:
            failed.add(uid)
            line = blocks[int(components[0][_MARK])].line
            problems.append(
                Problem(line, f"its repeats cannot be worked out ({str(exc)[:60]}); skipped.")
            )
    return found


def _traced(
    occurrence: Occurrence,
    uid: str,
    master: Block | None,
    modifications: dict[tuple[str, object], Block],
    zones: ZoneResolver,
) -> Expanded | None:
    """The occurrence with the event it comes from and the start it was scheduled for."""
    ids = occurrence.recurrence_ids
    if not ids:
        if master is None:
            return None
        origin = occurrence.start
        block = master
    else:
        found = modifications.get((uid, ids[0]))
        if found is None:
            return None
        block = found
        moved = block.properties["RECURRENCE-ID"][0]
        if moved.params.get("RANGE", "").upper() == "THISANDFUTURE":
            origin = occurrence.start  # one of the occurrences it changed
        else:
            origin = zones.when(moved)
    return Expanded(block, occurrence.start, occurrence.end, recurrence_id_text(origin))


def _uid(block: Block) -> str:
    found = block.first("UID")
    return found.value.strip() if found else ""


def _props(block: Block) -> Iterator[Property]:
    for found in block.properties.values():
        yield from found


def _series_text(
    group: list[Block],
    zones: ZoneResolver,
    period_end: dt.datetime,
    problems: list[Problem],
    first_index: int,
) -> tuple[str, list[Block], list[str]]:
    """The group's events as text for icalendar, the events kept ("" and none if none),
    and the first repeat rule of each, bounded ("" for none)."""
    kept: list[Block] = []
    texts = []
    rules: list[str] = []
    for block in group:
        problem = _timing_problem(block, zones)
        if problem is not None:
            problems.append(problem)
            if block.first("RECURRENCE-ID") is None:
                return "", [], []  # the series itself cannot be placed in time
            continue
        lines = [f"{_MARK}:{first_index + len(kept)}"]
        first_rule = ""
        for name in _TIMING:
            found = block.properties.get(name, [])
            for prop in found[:1] if name in _SINGLE else found:
                if name == "RRULE":
                    rule = _bounded(block, prop, zones, period_end, problems)
                    if rule is None:
                        return "", [], []
                    if rule:
                        lines.append(f"RRULE:{rule}")
                        first_rule = first_rule or rule
                elif name in ("EXDATE", "RDATE") and not _dates_readable(prop, zones):
                    problems.append(Problem(prop.line, "these dates cannot be read; skipped."))
                else:
                    lines.append(_line(prop, zones))
        kept.append(block)
        rules.append(first_rule)
        texts.append("\r\n".join(["BEGIN:VEVENT", *lines, "END:VEVENT"]))
    return "\r\n".join(texts), kept, rules


def _timing_problem(block: Block, zones: ZoneResolver) -> Problem | None:
    """Why the event cannot be placed in time, if it cannot."""
    if block.first("DTSTART") is None:
        return Problem(block.line, "the event has no start (DTSTART); skipped.")
    for name in ("DTSTART", "DTEND", "RECURRENCE-ID"):
        prop = block.first(name)
        if prop is None:
            continue
        try:
            zones.when(prop)
        except ValueError:
            return Problem(prop.line, "the event's date or time cannot be read; skipped.")
    duration = block.first("DURATION")
    if duration is not None:
        try:
            vDuration.from_ical(duration.value.strip())
        except ValueError:
            return Problem(duration.line, "the event's duration cannot be read; skipped.")
    return None


def _dates_readable(prop: Property, zones: ZoneResolver) -> bool:
    """Whether every date of an EXDATE or RDATE reads (a period: its start and end)."""
    for value in prop.value.split(","):
        for part in value.split("/")[: 1 if prop.params.get("VALUE") != "PERIOD" else 2]:
            try:
                zones.when(prop._replace(value=part))
            except ValueError:
                if not (part.startswith(("P", "+P", "-P")) and len(part) > 1):
                    return False
    return True


def _bounded(
    block: Block,
    rule: Property,
    zones: ZoneResolver,
    period_end: dt.datetime,
    problems: list[Problem],
) -> str | None:
    """The rule bounded by the period; "" to drop it, None to skip the whole series."""
    start = block.first("DTSTART")
    try:
        if start is None:
            raise ValueError("no DTSTART")
        return bound_rule(rule.value, zones.when(start), period_end + dt.timedelta(days=1))
    except RuleTooFrequentError as exc:
        problems.append(
            Problem(rule.line, f"it repeats {exc} — too often to be meetings; skipped.")
        )
        return None
    except RuleNeverMatchesError as exc:
        problems.append(
            Problem(
                rule.line, f"its repeat rule is not followed ({exc}); only its first date is kept."
            )
        )
        return ""
    except (RuleError, ValueError) as exc:
        problems.append(
            Problem(
                rule.line,
                f"its repeat rule cannot be read ({str(exc)[:60]}); only its first date is kept.",
            )
        )
        return ""


def _line(prop: Property, zones: ZoneResolver) -> str:
    params = dict(prop.params)
    tzid = params.get("TZID")
    if tzid is not None:
        portable = zones.portable_tzid(tzid)
        if portable:
            params["TZID"] = portable
        else:
            del params["TZID"]
    written = "".join(f";{name}={_quoted(value)}" for name, value in params.items())
    return f"{prop.name}{written}:{prop.value}"


def _quoted(value: str) -> str:
    return f'"{value}"' if any(ch in value for ch in ";:,") else value


def _calendar(
    definitions: list[str], texts: list[tuple[int, str]], problems: list[Problem]
) -> icalendar.Calendar:
    """All series in one calendar; if icalendar refuses it, each series on its own."""
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//NetWise//import//EN\r\n"
    zones = "\r\n".join(definitions)

    def read(events: str) -> icalendar.Calendar:
        body = f"{zones}\r\n{events}" if zones else events
        return icalendar.Calendar.from_ical(f"{head}{body}\r\nEND:VCALENDAR\r\n")

    try:
        return read("\r\n".join(text for _, text in texts))
    except Exception:  # one broken series; find it below
        pass
    calendar = icalendar.Calendar()
    for line, text in texts:
        try:
            for component in read(text).walk("VEVENT"):
                calendar.add_component(component)
        except Exception as exc:
            problems.append(Problem(line, f"this event cannot be read ({str(exc)[:60]}); skipped."))
    return calendar
