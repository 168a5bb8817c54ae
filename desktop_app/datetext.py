"""Dates in words for the headless parts (reports, the command line, the insights' reasons):
the day, the locale's month abbreviation and the year, in the locale's order.

The window formats its own dates with QLocale (``ui.labels.format_date``) in the same
shape; files for programs (CSV, JSON, iCalendar, file names) keep ISO dates.
"""

from __future__ import annotations

import datetime as dt
import locale

# Where the locale puts the month or the year first; everyone else, the day.
_ORDERS = {"m": "{month} {day}, {year}", "y": "{year} {month} {day}", "d": "{day} {month} {year}"}


def _first_field() -> str:
    """ "d", "m" or "y": what the locale's short date starts with (the C locale: the day)."""
    try:
        name = locale.setlocale(locale.LC_TIME)  # a query: nothing changes
        if name.split(".")[0] in ("C", "POSIX"):
            return "d"
        pattern = locale.nl_langinfo(locale.D_FMT).lower()
    except (AttributeError, locale.Error):  # no nl_langinfo (Windows)
        return "d"
    places = {field: pattern.find(field) for field in "dmy" if field in pattern}
    return min(places, key=places.__getitem__) if places else "d"


def format_day(day: dt.date) -> str:
    """``4 Dec 2026`` (``Dec 4, 2026`` where the month comes first)."""
    if isinstance(day, dt.datetime):
        day = day.date()
    return _ORDERS[_first_field()].format(day=day.day, month=f"{day:%b}", year=day.year)


def format_moment(moment: dt.datetime) -> str:
    """``4 Dec 2026, 19:00``."""
    return f"{format_day(moment)}, {moment:%H:%M}"
