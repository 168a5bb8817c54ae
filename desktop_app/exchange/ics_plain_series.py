"""The plain repeating meeting expanded without building icalendar objects for it.

Most series in a work calendar are one event with a repeat rule, times in a named zone
(or UTC, or floating) and perhaps a few dates left out (EXDATE): no moved occurrence, no
extra date, no day-long entry. Building icalendar's components and recurring-ical-events'
occurrences for each of those cost more than half of a calendar import, so such a series
is expanded here with the same steps recurring-ical-events takes (its own helpers for
comparing and identifying times, dateutil for the rule), giving the same occurrences in
the same order. Anything else, or anything that goes wrong here, is left to the library.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import chain

from dateutil.rrule import rrulestr
from icalendar.prop import vDDDTypes, vRecur
from recurring_ical_events.constants import NEGATIVE_RRULE_COUNT_REGEX
from recurring_ical_events.util import (
    compare_greater,
    convert_to_datetime,
    make_comparable,
    to_recurrence_ids,
)

from desktop_app.exchange.ics_lines import Block, Property
from desktop_app.exchange.ics_zones import ZoneResolver

# A date and time exactly as icalendar reads it too (seconds written, nothing around).
_STRICT_TIME = re.compile(r"\d{8}T\d{6}Z?")
_TWO_DAYS = dt.timedelta(days=2)
# Properties that make a series more than plain: the library handles those.
_NOT_PLAIN = ("RECURRENCE-ID", "RDATE", "DURATION")


class TooManyOccurrencesError(Exception):
    """The series repeats more often in the period than meetings do."""


def plain_occurrences(
    block: Block,
    rule: str,
    zones: ZoneResolver,
    period: tuple[dt.datetime, dt.datetime],
    limit: int,
) -> list[tuple[dt.datetime, dt.datetime]] | None:
    """The (start, end) of each occurrence in ``period`` of a plain series with the
    bounded ``rule``; None when the series is not plain or cannot be worked out here.

    Raises ``TooManyOccurrencesError`` past ``limit`` occurrences.
    """
    if any(name in block.properties for name in _NOT_PLAIN) or len(block.properties["RRULE"]) > 1:
        return None
    start_property, end_property = block.first("DTSTART"), block.first("DTEND")
    if start_property is None or end_property is None:
        return None
    exdates = block.properties.get("EXDATE", [])
    timing = [start_property, end_property, *exdates]
    if not all(_plain_time(prop, zones) for prop in timing):
        return None
    try:
        raw_start, raw_end = zones.when(start_property), zones.when(end_property)
        excluded = [
            zones.when(prop._replace(value=value))
            for prop in exdates
            for value in prop.value.split(",")
        ]
        rule_text = NEGATIVE_RRULE_COUNT_REGEX.sub("", vRecur.from_ical(rule).to_ical().decode())
        return _expand(raw_start, raw_end, excluded, rule_text, period, limit)  # type: ignore[arg-type]
    except TooManyOccurrencesError:
        raise
    except Exception:  # whatever the library would make of it, it will say so itself
        return None


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
    raw_start: dt.datetime,
    raw_end: dt.datetime,
    excluded: list[dt.datetime],
    rule_text: str,
    period: tuple[dt.datetime, dt.datetime],
    limit: int,
) -> list[tuple[dt.datetime, dt.datetime]]:
    """recurring-ical-events' ``Series.between`` for one event, a rule and EXDATEs."""
    start, end = make_comparable((raw_start, raw_end))
    if start > end:
        start, end = end, start
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
    # The period as the library compares it with each occurrence (all share one zone).
    span_start, span_stop = make_comparable((*period, first))[:2]
    # An EXDATE leaves out a time whose recurrence ids (as written, and in UTC, both
    # without zone) are among its own; those are within a day of the time as written, so
    # only times within two days of an EXDATE need their ids worked out.
    left_out = set(chain.from_iterable(to_recurrence_ids(d) for d in excluded))
    near = (min(left_out) - _TWO_DAYS, max(left_out) + _TWO_DAYS) if left_out else None
    # dateutil gives each time once; only the series' first time can come twice.
    first_kept = bool(starts) and starts[0] is first
    kept: list[tuple[dt.datetime, dt.datetime]] = []
    for index, moment in enumerate(starts):
        if index and first_kept and moment == first:
            continue
        if (
            near
            and near[0] <= moment.replace(tzinfo=None) <= near[1]
            and not left_out.isdisjoint(to_recurrence_ids(moment))
        ):
            continue
        stop = moment + duration
        # time_span_contains_event, for times already comparable and a stop not before
        # the start.
        if (
            (span_start <= moment < span_stop)
            if not duration
            else (moment < span_stop and span_start < stop)
        ):
            kept.append((moment, stop))
            if len(kept) > limit:
                raise TooManyOccurrencesError
    return kept
