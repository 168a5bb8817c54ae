"""Keep in touch: how often to reach each contact, when they fall due, and in what order.

Plain values in, plain values out. A contact's cadence is their own if set, else the
shortest cadence among their tags, else the default of their verdict. The clock restarts at
their last interaction (or the day they were added when there is none). A snooze hides a
contact until the given day. Month cadences add calendar months, clamped to the month's
last day: 31 January plus one month is 28 (or 29) February.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop_app.insights.verdicts import GIVE_FIRST, MOVE_ON, NURTURE, PRIORITISE, RE_ENGAGE

TWO_WEEKS = "2w"
MONTH = "1m"
TWO_MONTHS = "2m"
QUARTER = "3m"
HALF_YEAR = "6m"
YEAR = "12m"
NOW = "now"  # due at once: the day after the last touch
NEVER = "never"
# Shortest first: where a contact's tags disagree, the shortest wins.
CADENCES = (NOW, TWO_WEEKS, MONTH, TWO_MONTHS, QUARTER, HALF_YEAR, YEAR, NEVER)
CADENCE_LABELS = {
    NOW: "At once",
    TWO_WEEKS: "Every 2 weeks",
    MONTH: "Monthly",
    TWO_MONTHS: "Every 2 months",
    QUARTER: "Quarterly",
    HALF_YEAR: "Every half-year",
    YEAR: "Yearly",
    NEVER: "Never",
}
_DAYS = {NOW: 1, TWO_WEEKS: 14}
_MONTHS = {MONTH: 1, TWO_MONTHS: 2, QUARTER: 3, HALF_YEAR: 6, YEAR: 12}

VERDICT_DEFAULTS: dict[str, str] = {
    PRIORITISE: MONTH,
    GIVE_FIRST: TWO_WEEKS,
    RE_ENGAGE: NOW,
    NURTURE: QUARTER,
    MOVE_ON: NEVER,
}
# The most a contact's lateness multiplies their alignment by (see ``priority``).
LATENESS_CAP = 3.0


def check_cadence(code: str) -> str:
    """``code`` if it names a cadence; ValueError otherwise."""
    if code not in CADENCES:
        raise ValueError(f"unknown cadence {code!r} (one of {', '.join(CADENCES)})")
    return code


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus calendar months, clamped to the last day of the month reached."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def due_after(touched: dt.date, cadence: str) -> dt.date | None:
    """The day a contact last touched on ``touched`` falls due (None: never)."""
    if cadence == NEVER:
        return None
    if cadence in _DAYS:
        return touched + dt.timedelta(days=_DAYS[cadence])
    return add_months(touched, _MONTHS[check_cadence(cadence)])


def latest_touch_still_due(today: dt.date, cadence: str) -> dt.date | None:
    """The latest last-touch day that makes a contact due by ``today`` (None: never due).

    Due dates grow with the touch day, so a contact is due exactly when their touch is on
    or before this day: the store filters with one comparison per cadence.
    """
    if cadence == NEVER:
        return None
    if cadence in _DAYS:
        return today - dt.timedelta(days=_DAYS[cadence])
    day = add_months(today, -_MONTHS[check_cadence(cadence)])
    # Clamping maps several touch days onto one due day (29-31 Jan -> 28 Feb): take the last.
    while (due := due_after(day + dt.timedelta(days=1), cadence)) is not None and due <= today:
        day += dt.timedelta(days=1)
    return day


def effective_cadence(
    own: str | None,
    tag_cadences: Iterable[str | None],
    verdict: str | None,
    defaults: Mapping[str, str] = VERDICT_DEFAULTS,
) -> str:
    """The contact's own cadence, else their tags' shortest, else their verdict's default.

    A contact not yet scored (no verdict) has no default: never, until a cadence is set.
    """
    if own is not None:
        return own
    tagged = [code for code in tag_cadences if code is not None]
    if tagged:
        return min(tagged, key=CADENCES.index)
    if verdict is None:
        return NEVER
    return defaults.get(verdict, NEVER)


def overdue_days(due: dt.date | None, today: dt.date) -> int | None:
    """Days past due (0: due today), or None when not due yet or never due.

    A last touch in the future (the clock moved back, or an interaction dated ahead) gives
    a due day after today: not due, never a negative count.
    """
    if due is None or due > today:
        return None
    return (today - due).days


def is_snoozed(snoozed_until: dt.date | None, today: dt.date) -> bool:
    """Snoozed contacts come back on the day they were snoozed until."""
    return snoozed_until is not None and snoozed_until > today


def snooze_until(today: dt.date, days: int) -> dt.date:
    """The day a snooze of ``days`` (7 for a week, 30 for a month) ends."""
    if days < 1:
        raise ValueError("a snooze lasts at least a day")
    return today + dt.timedelta(days=days)


def priority(alignment: int | None, days_overdue: int, cadence_days: int) -> float:
    """Order of the overdue list, highest first.

    ``(alignment + 10) * (1 + min(days_overdue / cadence_days, 3))``, where
    ``cadence_days`` is the length of the contact's current cycle (due day minus last
    touch: 14 for two weeks, 28-31 for a month): alignment (0-100; unscored counts 0) says
    how valuable the contact is, lateness relative to their cadence how urgent; the +10
    keeps unaligned contacts ordered by lateness, and the cap of 3 stops a long-forgotten
    contact from outranking every aligned one.
    """
    lateness = min(days_overdue / max(cadence_days, 1), LATENESS_CAP)
    return ((alignment or 0) + 10) * (1 + lateness)


@dataclass(frozen=True)
class Birthday:
    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        # 2000 is a leap year: 29 February is a valid birthday.
        dt.date(self.year or 2000, self.month, self.day)
        if self.year is not None and not 1 <= self.year <= 9999:
            raise ValueError("year out of range")

    def parts(self) -> tuple[int, int, int | None]:
        """Month, day and year (None when unknown), as the store keeps them."""
        return (self.month, self.day, self.year)

    def on(self, year: int) -> dt.date:
        """The day it is celebrated in ``year``: 29 February falls on 28 February in
        years without one."""
        if self.month == 2 and self.day == 29 and not calendar.isleap(year):
            return dt.date(year, 2, 28)
        return dt.date(year, self.month, self.day)

    def next_on_or_after(self, today: dt.date) -> dt.date:
        this_year = self.on(today.year)
        return this_year if this_year >= today else self.on(today.year + 1)

    def age_on(self, day: dt.date) -> int | None:
        return None if self.year is None else day.year - self.year


def birthday_from_parts(
    month: int | None, day: int | None, year: int | None = None
) -> Birthday | None:
    """The birthday stored as parts, or None when there is none or it is not a day (a
    damaged value reads as no birthday rather than stopping a list or an export)."""
    if month is None or day is None:
        return None
    try:
        return Birthday(int(month), int(day), None if year is None else int(year))
    except ValueError:
        return None


def birthday_within(birthday: Birthday, today: dt.date, days: int) -> dt.date | None:
    """The birthday's next date if it comes within ``days`` from today (0: today only)."""
    upcoming = birthday.next_on_or_after(today)
    return upcoming if (upcoming - today).days <= days else None
