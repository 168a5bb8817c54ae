"""How the window writes dates: the locale's order, the month abbreviated and the year in
full ("4 Dec 2026", "Dec 4, 2026"), the same everywhere, in tables, panes and date fields.

QLocale's short format alone can be "4 12 2026" or "12/4/26": a day and a month that can
be taken one for the other. The headless parts write the same shape (``desktop_app.datetext``).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime

_BY_FIRST_FIELD = {"M": "MMM d, yyyy", "y": "yyyy MMM d", "d": "d MMM yyyy"}


def date_format(locale: QLocale | None = None) -> str:
    """The Qt pattern for a date: the order of the locale's short format."""
    short = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat)
    places = {field: short.find(field) for field in "dMy" if field in short}
    first = min(places, key=places.__getitem__) if places else "d"
    return _BY_FIRST_FIELD[first]


def date_time_format(locale: QLocale | None = None) -> str:
    """The Qt pattern for a date and time: ``date_format`` and the locale's short time."""
    locale = locale or QLocale()
    return f"{date_format(locale)}, {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def format_day(day: dt.date | None) -> str:
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    return QLocale().toString(QDate(day.year, day.month, day.day), date_format())


def format_moment(moment: dt.datetime | None) -> str:
    if moment is None:
        return ""
    qt_moment = QDateTime(
        QDate(moment.year, moment.month, moment.day), QTime(moment.hour, moment.minute)
    )
    return QLocale().toString(qt_moment, date_time_format())
