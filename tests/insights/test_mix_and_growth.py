"""Network mix warnings and growth of the goal's measures against target."""

from __future__ import annotations

import dataclasses
import datetime as dt

from desktop_app.insights.goal_profile import Measure
from desktop_app.insights.growth import MonthFigures, cadence_of, measure_growth, metric_for
from desktop_app.insights.mix import MixCounts, assess_mix
from desktop_app.insights.model import months_before, recent_months
from desktop_app.insights.settings import DEFAULT_SETTINGS
from tests.insights.helpers import GOAL, GOAL_SET_ON, TODAY


def test_a_network_of_peers_in_familiar_circles_is_warned_about() -> None:
    mix = assess_mix(
        MixCounts(higher=2, peers=15, junior=3, familiar=18, new=2), DEFAULT_SETTINGS, 12
    )
    assert mix.higher_share == 0.1 and mix.new_share == 0.1
    assert len(mix.warnings) == 2
    assert "Only 10% of your contacts are at a higher level" in mix.warnings[0]


def test_the_warning_floor_is_inclusive() -> None:
    mix = assess_mix(MixCounts(higher=1, peers=3, familiar=4, new=1), DEFAULT_SETTINGS, 12)
    assert mix.higher_share == 0.25 and mix.new_share == 0.2
    assert mix.warnings == ()


def test_nobody_in_touch_means_no_shares() -> None:
    mix = assess_mix(MixCounts(), DEFAULT_SETTINGS, 12)
    assert mix.higher_share is None and mix.warnings == ()


def test_measures_are_matched_by_their_words() -> None:
    assert metric_for(Measure("Informational meetings per month", 4)) == "meetings"
    assert metric_for(Measure("New aligned contacts per month", 6)) == "new_aligned_contacts"
    assert metric_for(Measure("Referrals", 3)) == "referrals"
    assert metric_for(Measure("Coffee chats a week", 1)) == "meetings"
    assert metric_for(Measure("Feel more confident", 1)) == ""
    assert cadence_of(Measure("Coffee chats a week", 3)) == ("monthly", 13.0)
    assert cadence_of(Measure("Referrals", 3)) == ("total", None)


def test_monthly_measure_judged_on_the_last_full_month() -> None:
    data = [
        MonthFigures("2026-04", meetings=5),
        MonthFigures("2026-05", meetings=3),
        MonthFigures("2026-06", meetings=1),
    ]
    meetings, _referrals = measure_growth(GOAL, data, TODAY, set_on=GOAL_SET_ON)
    assert meetings.status == "behind"
    assert meetings.current == 1
    assert meetings.months[-3:] == (("2026-04", 5.0), ("2026-05", 3.0), ("2026-06", 1.0))
    assert len(meetings.months) == 12
    assert "Last full month (2026-05): 3 of 4." in meetings.reasons


def test_total_measure_counted_since_the_goal_was_set_against_the_pace() -> None:
    data = [
        MonthFigures("2025-12", referrals=9),
        MonthFigures("2026-02", referrals=1),
        MonthFigures("2026-05", referrals=1),
    ]
    referrals = measure_growth(GOAL, data, TODAY, set_on=GOAL_SET_ON)[1]
    assert referrals.current == 2  # December was before the goal
    # 156 of 273 days towards the target date: the pace asks for 1.7 of 3 by now.
    assert referrals.status == "on_track"
    more = [*data, MonthFigures("2026-06", referrals=1)]
    done = measure_growth(GOAL, more, TODAY, set_on=GOAL_SET_ON)[1]
    assert done.status == "reached"


def test_a_measure_netwise_cannot_count_says_so() -> None:
    goal = dataclasses.replace(GOAL, measures=(Measure("Feel more confident", 1),))
    (growth,) = measure_growth(goal, [], TODAY)
    assert growth.status == "unmeasured" and "not something NetWise can count" in growth.reasons[0]


def test_month_arithmetic() -> None:
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)
    assert recent_months(dt.date(2026, 2, 1), 3) == ("2025-12", "2026-01", "2026-02")
