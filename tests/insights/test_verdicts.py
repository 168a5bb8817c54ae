"""The verdict: the decision order, one rule at a time, and reasons in words."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.insights.assessment import assess_contact
from desktop_app.insights.model import ValueCounts
from desktop_app.insights.settings import DEFAULT_SETTINGS
from desktop_app.insights.verdicts import (
    GIVE_FIRST,
    MOVE_ON,
    NURTURE,
    PRIORITISE,
    RE_ENGAGE,
    Signals,
    decide,
)
from tests.insights.helpers import ALIGNED, GOAL, TODAY, UNALIGNED, days_ago, summary


def verdict(signals: Signals) -> tuple[str, str]:
    return decide(signals, DEFAULT_SETTINGS.aligned_at, DEFAULT_SETTINGS.partly_aligned_at)


@pytest.mark.parametrize(
    ("signals", "expected"),
    [
        (Signals(90, they_only_take=True, ignoring_you=True), (MOVE_ON, "they_only_take")),
        (Signals(60, ignoring_you=True, you_only_take=True), (GIVE_FIRST, "ignoring_you")),
        (Signals(59, ignoring_you=True), (MOVE_ON, "ignoring_you")),
        (Signals(90, you_only_take=True, gone_quiet=True), (GIVE_FIRST, "you_only_take")),
        (Signals(59, no_return=True, gone_quiet=True), (MOVE_ON, "no_return")),
        (Signals(60, no_return=True), (PRIORITISE, "aligned")),
        (Signals(30, gone_quiet=True), (RE_ENGAGE, "gone_quiet")),
        (Signals(29, gone_quiet=True), (NURTURE, "steady")),
        (Signals(95, gone_quiet=True), (RE_ENGAGE, "gone_quiet")),
        (Signals(60), (PRIORITISE, "aligned")),
        (Signals(59), (NURTURE, "steady")),
    ],
)
def test_decision_order(signals: Signals, expected: tuple[str, str]) -> None:
    assert verdict(signals) == expected


def test_a_dismissed_flag_no_longer_counts() -> None:
    flagged = Signals(20, ignoring_you=True)
    assert verdict(flagged.without({"ignoring_you"})) == (NURTURE, "steady")
    assert verdict(flagged.without({"they_only_take"})) == (MOVE_ON, "ignoring_you")


def test_an_aligned_contact_who_ignores_you_gets_one_offer_first() -> None:
    ignoring = summary(
        outreach=3, pending=(days_ago(60), days_ago(40), days_ago(20)), last_on=days_ago(20)
    )
    result = assess_contact(ALIGNED, ignoring, GOAL, DEFAULT_SETTINGS, TODAY)
    assert (result.verdict.verdict, result.verdict.basis) == (GIVE_FIRST, "ignoring_you")
    assert result.verdict.reasons[0].startswith("Give first: they ignore your messages")
    assert result.verdict.reasons[1].startswith("Ignoring you: 3 outreach in a row")
    assert result.verdict.reasons[2].startswith("Alignment 100/100")


def test_a_taker_is_moved_on_from_with_the_numbers() -> None:
    taker = summary(interactions=4, last_on=days_ago(3), given=ValueCounts(medium=2))
    result = assess_contact(UNALIGNED, taker, GOAL, DEFAULT_SETTINGS, TODAY)
    assert result.verdict.verdict == MOVE_ON
    assert (
        "you gave 4 points of help in 12 months and received nothing back"
        in (result.verdict.reasons[1])
    )
    assert result.verdict.flags == ("they_only_take",)


def test_gone_quiet_starts_after_the_silence_window() -> None:
    partly = dataclasses.replace(ALIGNED, company="Urban Goods", title="Engineer")  # 55/100
    at_90 = assess_contact(
        partly, summary(interactions=1, last_on=days_ago(90)), GOAL, DEFAULT_SETTINGS, TODAY
    )
    at_91 = assess_contact(
        partly, summary(interactions=1, last_on=days_ago(91)), GOAL, DEFAULT_SETTINGS, TODAY
    )
    assert at_90.verdict.verdict == NURTURE
    assert at_91.verdict.verdict == RE_ENGAGE
    assert "Last in touch 91 days ago" in at_91.verdict.reasons[1]


def test_a_dismissed_flag_is_mentioned() -> None:
    taker = summary(given=ValueCounts(large=1))
    result = assess_contact(UNALIGNED, taker, GOAL, DEFAULT_SETTINGS, TODAY, {"they_only_take"})
    assert result.verdict.verdict == NURTURE
    assert "You dismissed the “they only take” flag." in result.verdict.reasons
