"""Reciprocity: value points, the balance and the one-sided flags at three points."""

from __future__ import annotations

import pytest

from desktop_app.insights.model import ValueCounts
from desktop_app.insights.reciprocity import assess_reciprocity
from desktop_app.insights.settings import DEFAULT_SETTINGS
from tests.insights.helpers import summary


def assess(given: ValueCounts, received: ValueCounts):  # type: ignore[no-untyped-def]
    return assess_reciprocity(summary(given=given, received=received), DEFAULT_SETTINGS)


def test_three_points_against_none_is_one_sided_two_is_not() -> None:
    three = assess(ValueCounts(small=1, medium=1), ValueCounts())
    two = assess(ValueCounts(medium=1), ValueCounts())
    assert three.given_points == 3 and three.they_only_take
    assert two.given_points == 2 and not two.they_only_take
    assert three.reasons[0] == (
        "They only take: you gave 3 points of help in 12 months and received nothing back."
    )


def test_you_only_take_is_the_mirror() -> None:
    result = assess(ValueCounts(), ValueCounts(large=1))
    assert result.you_only_take and not result.they_only_take
    assert result.balance == -3


def test_one_point_back_is_enough_to_be_two_sided() -> None:
    result = assess(ValueCounts(large=5), ValueCounts(small=1))
    assert not result.they_only_take and not result.you_only_take
    assert result.balance == 14
    assert "you gave 15 value points (5 large) and received 1 (1 small)" in result.reasons[0]


@pytest.mark.parametrize(
    ("small", "medium", "large", "points"),
    [(1, 0, 0, 1), (0, 1, 0, 2), (0, 0, 1, 3), (2, 2, 2, 12)],
)
def test_value_points_by_size(small: int, medium: int, large: int, points: int) -> None:
    assert ValueCounts(small, medium, large).points(DEFAULT_SETTINGS) == points


def test_points_are_settings() -> None:
    heavy = DEFAULT_SETTINGS.replace(points_large=10)
    assert ValueCounts(large=1).points(heavy) == 10
