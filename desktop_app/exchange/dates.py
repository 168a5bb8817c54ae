"""Dates as LinkedIn and address books have written them over the years.

Month names are matched from a fixed English table, not through the locale, so that
"12 Mar 2021" reads the same on a German or Japanese system.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$")
_SLASHED = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[ -]([A-Za-z]+)\.?[ -](\d{2}|\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.? (\d{1,2}),? (\d{4})$")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


@lru_cache(maxsize=8192)  # a file repeats its dates: the same days, thousands of times
def parse_date(text: str) -> dt.date | None:
    """The date in ``text``, or None if it is empty or not a date.

    Accepted: "12 Mar 2021" (LinkedIn since about 2020), "12-Mar-21", "Mar 12, 2021",
    "03/12/2021" and "3/12/21" (older exports, month first as LinkedIn is American),
    and ISO "2021-03-12" (with or without a time).
    """
    value = text.strip()
    if not value:
        return None
    try:
        if match := _ISO.match(value):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _SLASHED.match(value):
            return dt.date(_year(match[3]), int(match[1]), int(match[2]))
        if match := _DAY_MONTH_YEAR.match(value):
            month = _MONTHS.get(match[2].lower())
            return dt.date(_year(match[3]), month, int(match[1])) if month else None
        if match := _MONTH_DAY_YEAR.match(value):
            month = _MONTHS.get(match[1].lower())
            return dt.date(int(match[3]), month, int(match[2])) if month else None
    except ValueError:
        return None
    return None
