"""Responsiveness and *ignoring you*, at the boundaries of each window."""

from __future__ import annotations

from desktop_app.insights.model import Cutoffs
from desktop_app.insights.responsiveness import assess_responsiveness
from desktop_app.insights.settings import DEFAULT_SETTINGS
from tests.insights.helpers import TODAY, days_ago, summary

CUTOFFS = Cutoffs.at(TODAY, DEFAULT_SETTINGS)


def assess(**values: object):  # type: ignore[no-untyped-def]
    return assess_responsiveness(summary(**values), CUTOFFS, DEFAULT_SETTINGS)


def test_two_unanswered_outreach_in_a_row_is_ignoring_one_is_not() -> None:
    two = assess(outreach=2, pending=(days_ago(40), days_ago(20)))
    one = assess(outreach=1, pending=(days_ago(40),))
    assert two.ignoring_you and two.unanswered_in_a_row == 2
    assert not one.ignoring_you and one.unanswered_in_a_row == 1
    assert two.reasons[0].startswith("Ignoring you: 2 outreach in a row unanswered past the")


def test_the_last_day_of_the_reply_window_is_still_within_it() -> None:
    # The second message went out 14 days ago: they may still reply today.
    on_last_day = assess(outreach=2, pending=(days_ago(40), days_ago(14)))
    day_after = assess(outreach=2, pending=(days_ago(40), days_ago(15)))
    assert on_last_day.unanswered_in_a_row == 1 and not on_last_day.ignoring_you
    assert day_after.unanswered_in_a_row == 2 and day_after.ignoring_you


def test_something_back_within_the_silence_window_clears_the_flag() -> None:
    pending = (days_ago(40), days_ago(20))
    heard_90_days_ago = assess(
        outreach=3, replies=1, pending=pending, last_from_them_on=days_ago(90)
    )
    heard_91_days_ago = assess(
        outreach=3, replies=1, pending=pending, last_from_them_on=days_ago(91)
    )
    assert not heard_90_days_ago.ignoring_you
    assert heard_91_days_ago.ignoring_you


def test_rate_is_replies_over_outreach() -> None:
    assert assess(outreach=4, replies=3).rate == 0.75
    none = assess()
    assert none.rate is None
    assert none.reasons == ("You have sent them no outreach that expected a reply.",)


def test_the_number_in_a_row_is_a_setting() -> None:
    three = DEFAULT_SETTINGS.replace(unanswered_in_a_row=3)
    result = assess_responsiveness(
        summary(outreach=2, pending=(days_ago(40), days_ago(20))), CUTOFFS, three
    )
    assert not result.ignoring_you
