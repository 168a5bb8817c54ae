"""Working days: a follow-up scheduled for a Saturday or a Sunday waits for Monday."""

from __future__ import annotations

import datetime as dt

_SATURDAY = 5


def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself from Monday to Friday; the Monday after for a weekend day."""
    if day.weekday() >= _SATURDAY:
        return day + dt.timedelta(days=7 - day.weekday())
    return day
