"""The plain repeating meeting expanded without building icalendar objects for it.

Most series in a work calendar are one event with a repeat rule, times in a named zone
(or UTC, or floating), perhaps a few dates left out (EXDATE) and a few occurrences moved
or renamed (events with the series' UID and a RECURRENCE-ID): no extra dates, no change
to all future occurrences, no day-long entries. Building icalendar's components and
recurring-ical-events' occurrences for each of those cost more than half of a calendar
import, so such a series is expanded here with the same steps recurring-ical-events takes
(its own helpers for comparing and identifying times, dateutil for the rule), giving the
same occurrences. Anything else, or anything that goes wrong here, is left to the library.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import chain
from typing import NamedTuple

from dateutil.rrule import rrulestr
from icalendar.prop import vDDDTypes, vRecur
from recurring_ical_events.constants import NEGATIVE_RRULE_COUNT_REGEX
from recurring_ical_events.util import (
    compare_greater,
    convert_to_datetime,
    make_comparable,
    time_span_contains_event,
    to_recurrence_ids,
)

from desktop_app.exchange.ics_lines import Block, Property
from desktop_app.exchange.ics_zones import ZoneResolver

# A date and time exactly as icalendar reads it too (seconds written, nothing around).
_STRICT_TIME = re.compile(r"\d{8}T\d{6}Z?")
_TWO_DAYS = dt.timedelta(days=2)
# Properties that make a series, or one of its moved occurrences, more than plain.
_NOT_PLAIN = ("RDATE", "DURATION")
_NOT_PLAIN_MOVED = ("RRULE", "RDATE", "EXDATE", "DURATION")


class PlainOccurrence(NamedTuple):
    block: Block  # the series' event, or the moved occurrence's
    start: dt.datetime
    end: dt.datetime
    scheduled: dt.datetime  # the start it was scheduled for (its recurrence id)


class _Moved(NamedTuple):
    block: Block
    start: dt.datetime
    end: dt.datetime
    scheduled: dt.datetime
    ids: tuple[dt.datetime, ...]

    def occurrence(self) -> PlainOccurrence:
        return PlainOccurrence(self.block, self.start, self.end, self.scheduled)


class TooManyOccurrencesError(Exception):
    """The series repeats more often in the period than meetings do."""


def plain_occurrences(
    blocks: list[Block],
    rule: str,
    zones: ZoneResolver,
    period: tuple[dt.datetime, dt.datetime],
    limit: int,
) -> list[PlainOccurrence] | None:
    """Each occurrence in ``period`` of a plain series (its events ``blocks``, the first
    repeat rule, bounded, ``rule``); None when the series is not plain or cannot be
    worked out here. Raises ``TooManyOccurrencesError`` past ``limit`` occurrences.
    """
    masters = [b for b in blocks if "RECURRENCE-ID" not in b.properties]
    if len(masters) != 1 or not _plain_event(masters[0], _NOT_PLAIN, zones):
        return None
    master = masters[0]
    moved_blocks = [b for b in blocks if b is not master]
    uids = {b.properties["UID"][0].value for b in blocks}
    if len(master.properties["RRULE"]) > 1 or len(uids) > 1:
        return None  # (the library parts events whose UIDs differ in spaces)
    if not all(_plain_event(b, _NOT_PLAIN_MOVED, zones) for b in moved_blocks):
        return None
    try:
        excluded = [
            zones.when(prop._replace(value=value))
            for prop in master.properties.get("EXDATE", [])
            for value in prop.value.split(",")
        ]
        moved = [_moved(block, zones) for block in moved_blocks]
        rule_text = NEGATIVE_RRULE_COUNT_REGEX.sub("", vRecur.from_ical(rule).to_ical().decode())
        start, end = _span(master, zones)
        return _expand(master, start, end, excluded, moved, rule_text, period, limit)
    except TooManyOccurrencesError:
        raise
    except Exception:  # whatever the library would make of it, it will say so itself
        return None


def _plain_event(block: Block, not_plain: tuple[str, ...], zones: ZoneResolver) -> bool:
    if any(name in block.properties for name in not_plain):
        return False
    if block.first("DTSTART") is None or block.first("DTEND") is None:
        return False
    return all(
        _plain_time(prop, zones)  # (a RECURRENCE-ID with RANGE is not plain either)
        for name in ("DTSTART", "DTEND", "EXDATE", "RECURRENCE-ID")
        for prop in block.properties.get(name, [])
    )


def _span(block: Block, zones: ZoneResolver) -> tuple[dt.datetime, dt.datetime]:
    """An event's start and end as the library takes them (comparable, in order)."""
    start, end = make_comparable(
        (zones.when(block.first("DTSTART")), zones.when(block.first("DTEND")))  # type: ignore[arg-type]
    )
    return (end, start) if start > end else (start, end)


def _moved(block: Block, zones: ZoneResolver) -> _Moved:
    scheduled = zones.when(block.properties["RECURRENCE-ID"][0])
    start, end = _span(block, zones)
    return _Moved(block, start, end, scheduled, to_recurrence_ids(scheduled))  # type: ignore[arg-type]


def _plain_time(prop: Property, zones: ZoneResolver) -> bool:
    """A date-time written so that icalendar and ``ZoneResolver`` read the same moment."""
    if any(name not in ("TZID", "VALUE") for name in prop.params):
        return False
    if prop.params.get("VALUE", "DATE-TIME").upper() != "DATE-TIME":
        return False
    tzid = prop.params.get("TZID")
    values = prop.value.split(",")
    if not all(_STRICT_TIME.fullmatch(value) for value in values):
        return False
    if tzid is None:
        return True
    if any(value.endswith("Z") for value in values):
        return False
    # A zone known by name (the library is handed that name), or not at all (local time).
    return zones.iana_name(tzid) is not None or tzid not in zones.valid_blocks


def _expand(
    master: Block,
    start: dt.datetime,
    end: dt.datetime,
    excluded: list[dt.datetime],
    moved: list[_Moved],
    rule_text: str,
    period: tuple[dt.datetime, dt.datetime],
    limit: int,
) -> list[PlainOccurrence]:
    """recurring-ical-events' ``Series.between`` for an event with a rule, EXDATEs and
    moved occurrences."""
    duration = end - start
    zone = next((d.tzinfo for d in (start, end) if d.tzinfo is not None), None)
    if zone is None and any(d.tzinfo is not None for d in excluded):
        # The library takes the zone of whichever EXDATE its set yields first.
        raise ValueError("a floating series with zoned exceptions")
    first = convert_to_datetime(start, zone)
    rule = rrulestr(rule_text, dtstart=first, cache=True)
    until_text = rule_text.split(";UNTIL=")
    until = vDDDTypes.from_ical(until_text[1].partition(";")[0]) if len(until_text) == 2 else None
    if len(until_text) > 2:
        raise ValueError("more than one UNTIL")
    low = convert_to_datetime(period[0] - duration, zone)
    high = convert_to_datetime(period[1], zone)
    starts = []
    if (until is None or not compare_greater(first, until)) and low <= first <= high:
        starts.append(first)
    found = rule.between(low, high, inc=True)
    if until is None:
        starts += found
    elif first.tzinfo is not None:
        # Every occurrence has the zone of the first: the library's comparison with
        # UNTIL makes UNTIL the same value for each, so it is made once.
        last = make_comparable((first, until))[1]
        starts += [moment for moment in found if not moment > last]
    else:
        starts += [moment for moment in found if not compare_greater(moment, until)]
    # The recurrence ids (the time as written, and in UTC, both without zone) that an
    # EXDATE leaves out, and those a moved occurrence replaces.
    left_out = set(chain.from_iterable(to_recurrence_ids(d) for d in excluded))
    replaced: dict[dt.datetime, _Moved] = {}
    for change in moved:
        for key in change.ids:
            if replaced.get(key, change) is not change:
                raise ValueError("two moved occurrences for one time")
            replaced[key] = change
    # A time's ids are within a day of the time as written: only times within two days
    # of one of those need their ids worked out.
    keys = left_out | replaced.keys()
    near = (min(keys) - _TWO_DAYS, max(keys) + _TWO_DAYS) if keys else None
    # The period as the library compares it with each occurrence (all share one zone).
    span_start, span_stop = make_comparable((*period, first))[:2]
    # dateutil gives each time once; only the series' first time can come twice.
    first_kept = bool(starts) and starts[0] is first
    kept: list[PlainOccurrence] = []
    returned: set[int] = set()  # the moved occurrences met (by id)
    for index, moment in enumerate(starts):
        if index and first_kept and moment == first:
            continue
        change = None
        if near and near[0] <= moment.replace(tzinfo=None) <= near[1]:
            ids = to_recurrence_ids(moment)
            if not left_out.isdisjoint(ids):
                continue
            for key in ids:  # (the last id found wins, as in the library)
                change = replaced.get(key, change)
        if change is not None:
            if id(change) in returned:
                continue
            returned.add(id(change))
            if time_span_contains_event(*period, change.start, change.end):
                kept.append(change.occurrence())
        else:
            stop = moment + duration
            # time_span_contains_event, for times already comparable and a stop not
            # before the start.
            if (
                (span_start <= moment < span_stop)
                if not duration
                else (moment < span_stop and span_start < stop)
            ):
                kept.append(PlainOccurrence(master, moment, stop, moment))
        if len(kept) > limit:
            raise TooManyOccurrencesError
    # Moved occurrences whose scheduled time the rule does not give (or not in the period).
    for change in moved:
        if id(change) in returned or not left_out.isdisjoint(change.ids):
            continue
        if time_span_contains_event(*period, change.start, change.end):
            kept.append(change.occurrence())
            if len(kept) > limit:
                raise TooManyOccurrencesError
    return kept
