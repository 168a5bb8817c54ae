"""Repeat rules (RRULE) bounded by the imported period before they are expanded.

dateutil, under recurring-ical-events, walks a rule from its first date, one step of its
frequency at a time, until it passes the end of the period asked for. Two kinds of rule
make that walk endless or nearly so: one whose parts never match (``BYMONTH=2;
BYMONTHDAY=30``: the walk only stops in the year 9999), and one that repeats every
second or minute from years ago. So every rule is rewritten to stop at the end of the
period (UNTIL), a COUNT is turned into the UNTIL of its last occurrence, and a rule that
would still take more than ``MAX_RULE_STEPS`` steps is refused: no meeting repeats
that often, and the series is skipped with a problem instead of hanging the import.

An UNTIL does not stop dateutil's walk while no date matches, so a rule with parts that
limit its dates is first tried as a yearly rule with the same parts (at most 8,000 steps,
once per distinct set of parts): if no year has such a date, the rule is dropped. With
an INTERVAL as well, a rule can miss every matching date by its phase alone; one whose
walk to the year 9999 would be long is dropped too. Both keep the event's first date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import deque
from functools import lru_cache
from itertools import islice

from dateutil.rrule import rrulestr

# Seconds per step of each frequency (a month and a year on average).
_STEP_SECONDS = {
    "SECONDLY": 1,
    "MINUTELY": 60,
    "HOURLY": 3_600,
    "DAILY": 86_400,
    "WEEKLY": 604_800,
    "MONTHLY": 2_629_746,
    "YEARLY": 31_556_952,
}
# A daily meeting since 1990 is 13,000 steps; a rule past this is no meeting.
MAX_RULE_STEPS = 100_000
_WHEN = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?")


class RuleError(ValueError):
    """The rule cannot be read (no or an unknown FREQ, a bad number or date)."""


class RuleTooFrequentError(ValueError):
    """The rule repeats far too often over the period to be meetings."""


class RuleNeverMatchesError(ValueError):
    """No date matches the rule, or none can be found without an endless walk."""


# Parts that leave out dates rather than add them (BYDAY adds at a weekly or coarser step).
_LIMITING = ("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYSETPOS")
_SUB_WEEKLY = ("DAILY", "HOURLY", "MINUTELY", "SECONDLY")
_LAST_YEAR = 9999


def bound_rule(value: str, start: dt.date | dt.datetime, period_end: dt.datetime) -> str:
    """``value`` rewritten to end by ``period_end`` (local wall-clock time)."""
    parts = _parts(value)
    frequency = parts.get("FREQ", "")
    if frequency not in _STEP_SECONDS:
        raise RuleError(f"FREQ={frequency}" if frequency else "no FREQ")
    interval = _number(parts, "INTERVAL", 1)
    first = _as_datetime(start)
    stop = period_end.replace(tzinfo=first.tzinfo)
    if "UNTIL" in parts:
        until = _until(parts["UNTIL"], first)
        stop = min(stop, until)
    steps = (stop - first).total_seconds() / (_STEP_SECONDS[frequency] * interval)
    if steps * _expansion(parts) > MAX_RULE_STEPS:
        raise RuleTooFrequentError(frequency.lower())
    _check_some_date_matches(parts, frequency, interval, first)
    count = _number(parts, "COUNT", 0) if "COUNT" in parts else None
    parts.pop("COUNT", None)
    parts["UNTIL"] = _until_text(stop, start)
    if count is not None:
        # The COUNT-th occurrence, looked for only up to the period's end.
        walk = rrulestr(_joined(parts), dtstart=first, cache=False)
        last = deque(islice(walk, count), maxlen=1)
        parts["UNTIL"] = _until_text(min(last[0] if last else first, stop), start)
    return _joined(parts)


def _check_some_date_matches(
    parts: dict[str, str], frequency: str, interval: int, first: dt.datetime
) -> None:
    limiting = [name for name in _LIMITING if name in parts]
    if frequency in _SUB_WEEKLY and "BYDAY" in parts:
        limiting.append("BYDAY")
    if not limiting:
        return
    if interval > 1:
        seconds = (_LAST_YEAR - first.year) * _STEP_SECONDS["YEARLY"]
        if seconds / (_STEP_SECONDS[frequency] * interval) > MAX_RULE_STEPS:
            raise RuleNeverMatchesError("a repeat with these parts and interval")
    by_parts = ";".join(f"{name}={parts[name]}" for name in sorted(parts) if name in _DATE_PARTS)
    if not _some_year_matches(by_parts):
        raise RuleNeverMatchesError("no date matches it")


_DATE_PARTS = frozenset(("BYMONTH", "BYMONTHDAY", "BYYEARDAY", "BYWEEKNO", "BYDAY", "BYSETPOS"))


@lru_cache(maxsize=256)
def _some_year_matches(by_parts: str) -> bool:
    """Whether any date has these parts: 2000 starts a full 400-year cycle of calendars."""
    try:
        yearly = rrulestr(f"FREQ=YEARLY;{by_parts}", dtstart=dt.datetime(2000, 1, 1))
    except (ValueError, TypeError) as exc:
        raise RuleError(by_parts) from exc
    return next(iter(yearly), None) is not None


def _parts(value: str) -> dict[str, str]:
    parts: dict[str, str] = {}
    for item in value.strip().removeprefix("RRULE:").split(";"):
        if not item.strip():
            continue
        name, sep, text = item.partition("=")
        if not sep:
            raise RuleError(item)
        parts[name.strip().upper()] = text.strip().upper()
    return parts


def _joined(parts: dict[str, str]) -> str:
    return ";".join(f"{name}={text}" for name, text in parts.items())


def _number(parts: dict[str, str], name: str, default: int) -> int:
    try:
        number = int(parts.get(name, default))
    except ValueError:
        raise RuleError(f"{name}={parts[name]}") from None
    if number < 1 and name == "INTERVAL":
        raise RuleError(f"{name}={number}")
    return max(number, 0)


def _expansion(parts: dict[str, str]) -> int:
    """At most how many occurrences one step can give (BY parts multiply them)."""
    factor = 1
    for name in ("BYSECOND", "BYMINUTE", "BYHOUR", "BYMONTHDAY", "BYYEARDAY"):
        if name in parts:
            factor *= len(parts[name].split(","))
    if "BYWEEKNO" in parts:
        factor *= 7 * len(parts["BYWEEKNO"].split(","))
    if "BYMONTH" in parts and parts.get("FREQ") == "YEARLY":
        factor *= len(parts["BYMONTH"].split(","))
    if "BYDAY" in parts:
        per_day = {"YEARLY": 53, "MONTHLY": 5}.get(parts.get("FREQ", ""), 1)
        factor *= per_day * len(parts["BYDAY"].split(","))
    return factor


def _as_datetime(value: dt.date | dt.datetime) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime(value.year, value.month, value.day)


def _until(text: str, first: dt.datetime) -> dt.datetime:
    match = _WHEN.fullmatch(text)
    if match is None:
        raise RuleError(f"UNTIL={text}")
    numbers = [int(part) for part in match.groups()[:6] if part is not None]
    until = dt.datetime(*numbers) if len(numbers) == 6 else dt.datetime(*numbers, 23, 59, 59)
    if first.tzinfo is None:
        return until
    if match[7] or len(numbers) == 6:
        return until.replace(tzinfo=dt.UTC)
    return until.replace(tzinfo=first.tzinfo)


def _until_text(stop: dt.datetime, start: dt.date | dt.datetime) -> str:
    """UNTIL in the form RFC 5545 wants for this DTSTART (date, floating or UTC)."""
    if not isinstance(start, dt.datetime):
        return stop.strftime("%Y%m%d")
    if start.tzinfo is None:
        return stop.replace(tzinfo=None).strftime("%Y%m%dT%H%M%S")
    return stop.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
