"""Insight settings: the product's defaults, a storable dict, and no invalid value."""

from __future__ import annotations

import json

import pytest

from desktop_app.insights.settings import DEFAULT_SETTINGS, InsightSettings


def test_defaults_are_those_of_the_product_specification() -> None:
    s = DEFAULT_SETTINGS
    assert (s.reply_window_days, s.silence_days, s.unanswered_in_a_row) == (14, 90, 2)
    assert (s.reciprocity_months, s.one_sided_points) == (12, 3)
    assert (s.points_small, s.points_medium, s.points_large) == (1, 2, 3)
    # The five profile factors share 100; location joins them when the goal names places.
    assert sum(s.weights.values()) - s.weight_location == 100


def test_round_trip_through_json() -> None:
    changed = DEFAULT_SETTINGS.replace(reply_window_days=21, no_return_hours=2.5)
    assert InsightSettings.from_dict(json.loads(json.dumps(changed.to_dict()))) == changed


def test_missing_keys_take_defaults_and_unknown_keys_are_ignored() -> None:
    loaded = InsightSettings.from_dict({"silence_days": 60, "from_a_newer_version": True})
    assert loaded == DEFAULT_SETTINGS.replace(silence_days=60)
    assert InsightSettings.from_dict(None) == DEFAULT_SETTINGS


def test_a_whole_float_from_json_is_an_integer() -> None:
    assert InsightSettings.from_dict({"silence_days": 60.0}).silence_days == 60


@pytest.mark.parametrize(
    ("changes", "named"),
    [
        ({"reply_window_days": 0}, "reply_window_days"),
        ({"silence_days": "ninety"}, "silence_days"),
        ({"unanswered_in_a_row": 2.5}, "unanswered_in_a_row"),
        ({"weight_role": -1}, "weight_role"),
        ({"one_sided_points": True}, "one_sided_points"),
        ({"partly_aligned_at": 80, "aligned_at": 60}, "partly_aligned_at"),
    ],
)
def test_invalid_values_are_refused_by_name(changes: dict, named: str) -> None:
    with pytest.raises(ValueError, match=named):
        InsightSettings.from_dict(changes)


def test_points_by_size() -> None:
    assert [DEFAULT_SETTINGS.points_for(s) for s in ("none", "small", "medium", "large")] == [
        0,
        1,
        2,
        3,
    ]
