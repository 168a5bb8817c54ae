"""Helps your goal, location and the time sink: points, edges and the words that explain
them (``goal_help``, ``alignment``'s location, ``time_sink``)."""

from __future__ import annotations

import dataclasses

import pytest

from desktop_app.datetext import format_day
from desktop_app.insights.alignment import AlignmentScorer
from desktop_app.insights.assessment import assess_contact
from desktop_app.insights.model import GoalHelp
from desktop_app.insights.settings import DEFAULT_SETTINGS
from desktop_app.insights.verdicts import MOVE_ON, NURTURE, PRIORITISE
from tests.insights.helpers import ALIGNED, GOAL, TODAY, UNALIGNED, days_ago, summary

# A recruiter in retail: nothing of the profile fits the goal but the seniority (half).
RECRUITER = dataclasses.replace(UNALIGNED, title="Recruiter", seniority="peer")


def parts(contact, help_=None, goal=GOAL, settings=DEFAULT_SETTINGS):  # type: ignore[no-untyped-def]
    result = AlignmentScorer(goal, settings).explain(contact, help_)
    return result, {f.key: f for f in result.factors}


def test_each_act_of_help_toward_the_goal_adds_15_points_up_to_45() -> None:
    alone, _ = parts(RECRUITER)
    for acts, added in ((1, 15), (2, 30), (3, 45), (5, 45)):
        result, factor = parts(RECRUITER, GoalHelp(referrals=acts))
        assert result.score == alone.score + added
        assert factor["goal_help"].points == added
        assert factor["goal_help"].max_points == 45


def test_the_help_is_named_in_the_breakdown_and_the_headline() -> None:
    result, factor = parts(RECRUITER, GoalHelp(referrals=2, advice=1, leads=1))
    assert factor["goal_help"].reason == (
        "2 referrals or introductions, 1 piece of advice and 1 lead from them in the last "
        "12 months (15 points each, at most 45)."
    )
    assert result.reasons[0].endswith("; helped toward your goal +45.")
    _, nothing = parts(RECRUITER)
    assert nothing["goal_help"].reason == (
        "No referral, introduction, advice or lead from them in the last 12 months."
    )


def test_help_never_takes_the_score_above_100_and_the_parts_still_add_up() -> None:
    result, factor = parts(ALIGNED, GoalHelp(referrals=3))
    assert result.score == 100
    assert factor["goal_help"].points == 0
    assert "Only 0 of the 45 points fit under 100." in factor["goal_help"].reason
    assert sum(f.points for f in result.factors) == 100


def test_can_help_with_naming_a_target_adds_its_points() -> None:
    helpful = dataclasses.replace(RECRUITER, can_help_with="intros to Helix Cloud's hiring team")
    vague = dataclasses.replace(RECRUITER, can_help_with="good coffee places")
    base, _ = parts(RECRUITER)
    result, factor = parts(helpful)
    assert result.score == base.score + 10
    assert factor["can_help"].reason == (
        "They can help with “intros to Helix Cloud's hiring team”, which names “Helix Cloud”."
    )
    result, factor = parts(vague)
    assert result.score == base.score and factor["can_help"].points == 0
    assert "which names none of your targets" in factor["can_help"].reason


def test_a_target_location_counts_only_when_the_goal_names_places() -> None:
    berliner = dataclasses.replace(RECRUITER, location="Berlin, Germany")
    _, factor = parts(berliner)
    assert factor["location"].max_points == 0
    assert factor["location"].reason == "Your goal names no target locations."
    goal = dataclasses.replace(GOAL, target_locations=("Berlin", "Remote"))
    _, factor = parts(berliner, goal=goal)
    assert factor["location"].points == factor["location"].max_points == 9
    assert factor["location"].reason == (
        "Based in Berlin, Germany, one of your target locations (Berlin)."
    )
    lisbon = dataclasses.replace(RECRUITER, location="Lisbon")
    _, factor = parts(lisbon, goal=goal)
    assert factor["location"].points == 0
    assert factor["location"].reason == "Based in Lisbon; your target locations are Berlin, Remote."


def test_three_acts_of_help_turn_nurture_into_prioritise() -> None:
    """The issue's example: a referral and two introductions toward the goal from someone
    whose title is not a target role."""
    organiser = dataclasses.replace(
        RECRUITER, title="Community Organiser", industry="Software", seniority="junior"
    )
    before = assess_contact(organiser, summary(), GOAL, DEFAULT_SETTINGS, TODAY).verdict
    helped = summary(
        interactions=3, last_on=days_ago(20), referrals=3, goal_help=GoalHelp(referrals=3)
    )
    after = assess_contact(organiser, helped, GOAL, DEFAULT_SETTINGS, TODAY).verdict
    assert (before.verdict, after.verdict) == (NURTURE, PRIORITISE)
    assert "Helped toward your goal: 3 referrals or introductions in the last 12 months." in (
        after.reasons
    )


def sink(**values: object):  # type: ignore[no-untyped-def]
    """A peer off the goal who replies and meets: 6 hours over the months."""
    fields: dict[str, object] = dict(
        interactions=8, minutes=360, last_on=days_ago(10), replies=3, meetings=2, outreach=3
    )
    fields.update(values)
    return assess_contact(RECRUITER, summary(**fields), GOAL, DEFAULT_SETTINGS, TODAY)


def test_hours_with_someone_off_the_goal_who_gives_nothing_toward_it_are_a_time_sink() -> None:
    insight = sink()
    assert insight.time_sink.raised
    assert (insight.verdict.verdict, insight.verdict.basis) == (MOVE_ON, "time_sink")
    assert insight.verdict.reasons[1] == (
        "Time sink: 6.0 hours spent together (at least 5); they answer and meet you, but "
        "nothing toward your goal came from them in the last 6 months: no referral, "
        "introduction, advice or lead."
    )


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (dict(minutes=299), "under 5 hours"),
        (dict(replies=0, meetings=0), "they never answer: no return, not a time sink"),
        (dict(last_on=days_ago(200)), "no time spent with them in 6 months"),
        (dict(goal_help_last_on=days_ago(100)), "help toward the goal within 6 months"),
    ],
)
def test_no_time_sink(change: dict, why: str) -> None:
    assert not sink(**change).time_sink.raised, why


def test_help_older_than_six_months_does_not_clear_a_time_sink() -> None:
    insight = sink(goal_help_last_on=days_ago(200))
    assert insight.time_sink.raised
    assert insight.verdict.basis == "time_sink"
    assert insight.verdict.reasons[1].endswith(
        f"Their last help toward it came on {format_day(days_ago(200))}."
    )


def test_an_aligned_time_sink_is_not_moved_on_from_and_a_dismissed_one_is_not_counted() -> None:
    aligned = assess_contact(
        ALIGNED,
        summary(interactions=8, minutes=360, last_on=days_ago(10), replies=3, outreach=3),
        GOAL,
        DEFAULT_SETTINGS,
        TODAY,
    )
    assert aligned.time_sink.raised and aligned.verdict.verdict == PRIORITISE
    dismissed = assess_contact(
        RECRUITER,
        summary(interactions=8, minutes=360, last_on=days_ago(10), replies=3, outreach=3),
        GOAL,
        DEFAULT_SETTINGS,
        TODAY,
        dismissed={"time_sink"},
    )
    assert dismissed.verdict.verdict == NURTURE
    assert "You dismissed the “time sink” flag." in dismissed.verdict.reasons


def test_the_time_sink_settings_move_the_line() -> None:
    stricter = DEFAULT_SETTINGS.replace(time_sink_hours=8.0)
    insight = assess_contact(
        RECRUITER,
        summary(interactions=8, minutes=360, last_on=days_ago(10), replies=3, outreach=3),
        GOAL,
        stricter,
        TODAY,
    )
    assert not insight.time_sink.raised
    shorter = DEFAULT_SETTINGS.replace(time_sink_months=2)
    insight = assess_contact(
        RECRUITER,
        summary(
            interactions=8,
            minutes=360,
            last_on=days_ago(10),
            replies=3,
            outreach=3,
            goal_help_last_on=days_ago(100),
        ),
        GOAL,
        shorter,
        TODAY,
    )
    assert insight.time_sink.raised
