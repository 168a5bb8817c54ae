"""Alignment: each factor's points, the weights, and reasons that add up to the score."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.insights.alignment import AlignmentScorer, apportion
from desktop_app.insights.settings import DEFAULT_SETTINGS
from tests.insights.helpers import ALIGNED, GOAL, UNALIGNED


def scorer(goal=GOAL, settings=DEFAULT_SETTINGS) -> AlignmentScorer:  # type: ignore[no-untyped-def]
    return AlignmentScorer(goal, settings)


def test_a_contact_matching_every_factor_scores_100() -> None:
    result = scorer().explain(ALIGNED)
    assert result.score == 100
    # Location is not counted (the goal names none); nothing toward the goal yet.
    assert [f.points for f in result.factors] == [25, 20, 25, 20, 0, 10, 0, 0]
    assert result.reasons[0].startswith("Alignment 100/100 with your goal")


def test_a_contact_matching_nothing_scores_0_and_says_why() -> None:
    result = scorer().explain(UNALIGNED)
    assert result.score == 0
    text = " ".join(result.reasons)
    assert "Works in Retail; your target industries are Software, Energy." in text
    assert "Urban Goods, which is not one of your target companies" in text
    assert "Junior: well below the level you target (senior)." in text
    assert "No shared interests are recorded." in text


def test_the_factor_points_always_add_up_to_the_score() -> None:
    contact = dataclasses.replace(UNALIGNED, title="Senior Product Manager", seniority="peer")
    result = scorer().explain(contact)
    assert sum(f.points for f in result.factors) == result.score == 13 + 10


@pytest.mark.parametrize(
    ("title", "fraction"),
    [
        ("Head of Product", 1.0),
        ("head of product, EMEA", 1.0),
        ("Product Manager", 0.5),  # shares "product" with Head of Product
        ("Group Product Manager", 1.0),
        ("Senior Engineer", 0.0),
        ("", 0.0),
    ],
)
def test_role_matching(title: str, fraction: float) -> None:
    assert scorer().match("role", title)[0] == fraction


@pytest.mark.parametrize(
    ("seniority", "fraction"),
    [("executive", 1.0), ("senior", 1.0), ("peer", 0.5), ("junior", 0.0), (None, 0.0)],
)
def test_seniority_against_the_target_level(seniority: str | None, fraction: float) -> None:
    assert scorer().match("seniority", seniority)[0] == fraction


def test_company_names_match_whatever_their_legal_form_and_case() -> None:
    assert scorer().match("company", "helix cloud GmbH")[0] == 1.0
    assert scorer().match("company", "Helix")[0] == 0.0  # a part of a name is not the company


def test_industries_match_as_whole_words() -> None:
    assert scorer().match("industry", "Renewable Energy")[0] == 1.0
    assert scorer().match("industry", "Energetics")[0] == 0.0


def test_interests_related_to_the_goal_earn_all_others_half() -> None:
    assert scorer().match("interests", "jazz, climate tech")[0] == 1.0
    assert scorer().match("interests", "jazz; chess")[0] == 0.5
    assert scorer().match("interests", "  ")[0] == 0.0


def test_factors_the_goal_does_not_name_do_not_cap_the_score() -> None:
    goal = dataclasses.replace(GOAL, target_companies=(), target_seniority=None)
    result = scorer(goal).explain(ALIGNED)
    assert result.score == 100
    assert {f.key: f.max_points for f in result.factors} == {
        "industry": 42,
        "company": 0,
        "role": 42,
        "seniority": 0,
        "location": 0,
        "interests": 16,
        "goal_help": 45,
        "can_help": 10,
    }


def test_weights_from_the_settings_shift_the_points() -> None:
    only_role = DEFAULT_SETTINGS.replace(
        weight_industry=0, weight_company=0, weight_seniority=0, weight_interests=0
    )
    contact = dataclasses.replace(UNALIGNED, title="Head of Product")
    assert scorer(settings=only_role).explain(contact).score == 100


def test_without_a_goal_everyone_scores_0_with_a_reason() -> None:
    result = AlignmentScorer(None, DEFAULT_SETTINGS).explain(ALIGNED)
    assert result.score == 0
    assert "no active goal" in result.reasons[0]


def test_the_fast_score_equals_the_explained_one() -> None:
    s = scorer()
    for contact in (ALIGNED, UNALIGNED):
        fields = (
            contact.industry,
            contact.company,
            contact.title,
            contact.seniority,
            contact.shared_interests,
        )
        assert s.score(*fields) == s.explain(contact).score


def test_apportion_shares_exactly() -> None:
    assert apportion({"a": 1, "b": 1, "c": 1}) == {"a": 34, "b": 33, "c": 33}
    assert sum(apportion({"a": 25, "b": 20, "c": 0}).values()) == 100
    assert apportion({"a": 0}) == {"a": 0}
