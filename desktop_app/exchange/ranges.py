"""The values NetWise takes from a file: dates, amounts and durations within sane bounds.

Values outside these bounds are refused at import (they come from a damaged or crafted
file, never from a real export), and the exports clamp what an older database may hold,
so that a date in the year 9999 or an hour count of 1e308 cannot break a calendar file.
"""

from __future__ import annotations

import datetime as dt
import math

EARLIEST_DATE = dt.date(1900, 1, 1)
LATEST_DATE = dt.date(2199, 12, 31)
# SQLite's integers are signed 64-bit; ids are positive.
MAX_ID = 2**63 - 1
MAX_VERSION = 1_000_000
MAX_MINUTES = 7 * 24 * 60  # one interaction: a week at most
MAX_COST_CENTS = 1_000_000_000  # ten million in any currency for one event
MAX_EVENT_HOURS = 1_000.0
MAX_WEEKLY_HOURS = 7 * 24.0
MAX_MEASURE_TARGET = 1_000_000.0


def check_date(label: str, value: dt.date) -> str | None:
    """``value`` (a date or a datetime) between 1900 and 2199."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if not EARLIEST_DATE <= day <= LATEST_DATE:
        return (
            f"{label} is {day.isoformat()}; dates from {EARLIEST_DATE.year} to "
            f"{LATEST_DATE.year} are accepted."
        )
    return None


def check_number(label: str, value: float, lowest: float, highest: float) -> str | None:
    """``value`` finite and within ``lowest``..``highest`` (an int may have any size)."""
    finite = isinstance(value, int) or math.isfinite(value)
    if not (finite and lowest <= value <= highest):
        return f"{label} is {_shown(value)}; it must be from {_bound(lowest)} to {_bound(highest)}."
    return None


def _bound(value: float) -> str:
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,g}"


def _shown(value: float) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"a number of {len(text):,} characters"


def clamped_day(value: dt.date) -> dt.date:
    """``value`` moved into the accepted dates, for exports of values already stored."""
    return min(max(value, EARLIEST_DATE), LATEST_DATE)


def clamped_moment(value: dt.datetime) -> dt.datetime:
    """``value`` with its day moved into the accepted dates, its time of day kept."""
    day = clamped_day(value.date())
    return value if day == value.date() else dt.datetime.combine(day, value.time())


def clamped_hours(hours: float) -> float:
    """An event's hours as an export can use them: finite, 0 to ``MAX_EVENT_HOURS``."""
    if not math.isfinite(hours):
        return 0.0
    return min(max(hours, 0.0), MAX_EVENT_HOURS)
