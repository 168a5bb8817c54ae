"""Days and moments as the database driver gives them: SQLite gives ISO text, other
databases ``date`` and ``datetime`` objects. Raw ``text()`` reads pass through these."""

from __future__ import annotations

import datetime as dt
from typing import Any

_FROM_ISO = dt.date.fromisoformat


def day(value: Any) -> dt.date:
    """The day ``value`` names (a moment's day for a timestamp)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _FROM_ISO(str(value)[:10])


def day_or_none(value: Any) -> dt.date | None:
    return None if value is None else day(value)


def day_ordinal(value: Any) -> int:
    """``day(value).toordinal()``, quick for text (lists of tens of thousands of rows)."""
    if type(value) is str:
        return _FROM_ISO(value[:10]).toordinal()
    return day(value).toordinal()


def moment(value: Any) -> dt.datetime | None:
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))
