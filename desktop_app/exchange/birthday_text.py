"""Birthdays as files write them: vCard ``BDAY`` and Google CSV's ``Birthday``.

Read: ``1990-02-28``, ``19900228``, a date-time (its date), and the forms without a year:
``--0229``, ``--02-29`` (vCard 4.0, Google) and ``0000-02-29`` or Apple's ``1604-02-29``
with ``X-APPLE-OMIT-YEAR=1604``. Anything else reads as no birthday. Written as vCard 4.0
does: ``19900228``, or ``--0228`` without a year.
"""

from __future__ import annotations

import re

from desktop_app.insights.keep_in_touch import Birthday

_WITH_YEAR = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$")
_WITHOUT_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")
_NO_YEAR = {0}


def parse_birthday(text: str, *, omitted_year: int | None = None) -> Birthday | None:
    """The birthday ``text`` says, or None when it says none this reader knows."""
    value = text.strip()
    try:
        if found := _WITHOUT_YEAR.match(value):
            return Birthday(int(found[1]), int(found[2]))
        if found := _WITH_YEAR.match(value):
            year = int(found[1])
            kept = None if year in _NO_YEAR or year == omitted_year else year
            return Birthday(int(found[2]), int(found[3]), kept)
    except ValueError:
        return None  # 31 February, month 13: not a day
    return None


def vcard_birthday(birthday: Birthday) -> str:
    """``BDAY`` as vCard 4.0 writes it (the year left out when unknown)."""
    if birthday.year is None:
        return f"--{birthday.month:02d}{birthday.day:02d}"
    return f"{birthday.year:04d}{birthday.month:02d}{birthday.day:02d}"
