"""Keep-in-touch rules: cadences, due days across month ends, snooze, order, birthdays."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.insights import keep_in_touch as k
from desktop_app.insights.verdicts import GIVE_FIRST, MOVE_ON, NURTURE, PRIORITISE, RE_ENGAGE

D = dt.date


def test_verdict_defaults_are_the_documented_ones() -> None:
    assert k.VERDICT_DEFAULTS == {
        PRIORITISE: k.MONTH,
        GIVE_FIRST: k.TWO_WEEKS,
        RE_ENGAGE: k.NOW,
        NURTURE: k.QUARTER,
        MOVE_ON: k.NEVER,
    }


@pytest.mark.parametrize(
    ("touched", "cadence", "due"),
    [
        (D(2025, 1, 31), k.MONTH, D(2025, 2, 28)),
        (D(2024, 1, 31), k.MONTH, D(2024, 2, 29)),
        (D(2024, 2, 29), k.YEAR, D(2025, 2, 28)),
        (D(2024, 2, 29), k.QUARTER, D(2024, 5, 29)),
        (D(2025, 8, 31), k.HALF_YEAR, D(2026, 2, 28)),
        (D(2025, 11, 30), k.TWO_MONTHS, D(2026, 1, 30)),
        (D(2025, 12, 25), k.TWO_WEEKS, D(2026, 1, 8)),
        (D(2025, 3, 14), k.NOW, D(2025, 3, 15)),
        (D(2025, 3, 14), k.NEVER, None),
    ],
)
def test_due_day_adds_calendar_months_clamped(touched, cadence, due) -> None:  # type: ignore[no-untyped-def]
    assert k.due_after(touched, cadence) == due


@pytest.mark.parametrize("cadence", [c for c in k.CADENCES if c != k.NEVER])
def test_latest_touch_still_due_is_exact_around_month_ends(cadence: str) -> None:
    # Every touch on or before the threshold is due, every later one is not.
    for today in (D(2025, 2, 28), D(2024, 2, 29), D(2025, 3, 31), D(2025, 1, 1), D(2024, 3, 1)):
        latest = k.latest_touch_still_due(today, cadence)
        assert latest is not None
        for offset in range(-5, 6):
            touched = latest + dt.timedelta(days=offset)
            due = k.due_after(touched, cadence)
            assert due is not None
            assert (due <= today) == (offset <= 0), (today, cadence, touched)
    assert k.latest_touch_still_due(D(2025, 1, 1), k.NEVER) is None


def test_effective_cadence_contact_over_tag_over_verdict() -> None:
    assert k.effective_cadence(k.YEAR, [k.TWO_WEEKS], PRIORITISE) == k.YEAR
    assert k.effective_cadence(None, [k.YEAR, None, k.QUARTER], PRIORITISE) == k.QUARTER
    assert k.effective_cadence(None, [], NURTURE) == k.QUARTER
    assert k.effective_cadence(None, [], NURTURE, {NURTURE: k.HALF_YEAR}) == k.HALF_YEAR
    assert k.effective_cadence(None, [], None) == k.NEVER


def test_overdue_days_never_negative_when_the_clock_moves_back() -> None:
    assert k.overdue_days(D(2025, 3, 14), D(2025, 3, 14)) == 0
    assert k.overdue_days(D(2025, 3, 1), D(2025, 3, 14)) == 13
    # last touch dated after today (clock moved back): not due at all
    assert k.overdue_days(k.due_after(D(2025, 4, 1), k.MONTH), D(2025, 3, 14)) is None
    assert k.overdue_days(None, D(2025, 3, 14)) is None


def test_snooze_ends_on_its_day() -> None:
    today = D(2025, 3, 14)
    until = k.snooze_until(today, 7)
    assert until == D(2025, 3, 21)
    assert k.is_snoozed(until, D(2025, 3, 20))
    assert not k.is_snoozed(until, until)
    assert not k.is_snoozed(None, today)
    with pytest.raises(ValueError):
        k.snooze_until(today, 0)


def test_order_weighs_alignment_and_lateness() -> None:
    aligned_late = k.priority(80, 30, 30)
    aligned_just_due = k.priority(80, 0, 30)
    unaligned_very_late = k.priority(0, 365, 30)
    assert aligned_late > aligned_just_due > unaligned_very_late
    # lateness counts relative to the cadence, and is capped
    assert k.priority(50, 14, 14) > k.priority(50, 14, 365)
    assert k.priority(0, 1000, 14) == k.priority(0, 2000, 14)
    assert k.priority(None, 10, 30) == k.priority(0, 10, 30)
    assert k.priority(0, 3, 0) == k.priority(0, 3, 1)


def test_unknown_cadence_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown cadence"):
        k.check_cadence("weekly")


def test_29_february_birthday_falls_on_28_february_in_other_years() -> None:
    leap = k.Birthday(2, 29, 1992)
    assert leap.on(2025) == D(2025, 2, 28)
    assert leap.on(2028) == D(2028, 2, 29)
    assert k.birthday_within(leap, D(2025, 2, 25), 3) == D(2025, 2, 28)
    assert k.birthday_within(leap, D(2025, 2, 24), 3) is None
    assert leap.age_on(D(2025, 2, 28)) == 33
    assert k.Birthday(2, 29).age_on(D(2025, 1, 1)) is None


def test_birthday_within_wraps_the_year_end() -> None:
    assert k.birthday_within(k.Birthday(1, 2), D(2025, 12, 30), 5) == D(2026, 1, 2)
    assert k.birthday_within(k.Birthday(3, 14), D(2025, 3, 14), 0) == D(2025, 3, 14)
    with pytest.raises(ValueError):
        k.Birthday(2, 30)
    with pytest.raises(ValueError):
        k.Birthday(2, 29, 2025)
