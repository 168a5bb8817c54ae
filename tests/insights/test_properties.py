"""Properties over generated contacts, summaries, goals and settings (hypothesis)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.insights.alignment import AlignmentScorer
from desktop_app.insights.assessment import assess_contact
from desktop_app.insights.bulk import score_rows
from desktop_app.insights.goal_profile import GoalProfile
from desktop_app.insights.model import (
    ContactProfile,
    ContactSummary,
    GoalHelp,
    ValueCounts,
)
from desktop_app.insights.settings import InsightSettings
from desktop_app.insights.verdicts import BASES, FLAGS, VERDICTS
from tests.insights.helpers import TODAY

WORDS = [
    "Software",
    "Energy",
    "Head of Product",
    "Product",
    "Manager",
    "Helix Cloud",
    "jazz",
    "climate tech",
    "Retail",
    "GmbH",
    "Senior",
    "of",
    "",
    "Ünïcode",
    "VP, Sales; EMEA",
]
text = st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join)
seniority = st.sampled_from([None, "junior", "peer", "senior", "executive"])
dates = st.integers(min_value=0, max_value=800).map(lambda n: TODAY - dt.timedelta(days=n))
small = st.integers(min_value=0, max_value=6)

profiles = st.builds(
    ContactProfile,
    contact_id=st.just(1),
    industry=text,
    company=text,
    title=text,
    seniority=seniority,
    shared_interests=st.lists(st.sampled_from(WORDS), max_size=3).map(", ".join),
    location=st.sampled_from(["", "Berlin", "Berlin, Germany", "Lisbon", "New York"]),
    can_help_with=text,
)
goals = st.one_of(
    st.none(),
    st.builds(
        GoalProfile,
        statement=text,
        target_roles=st.lists(text, max_size=2).map(tuple),
        target_companies=st.lists(text, max_size=2).map(tuple),
        target_industries=st.lists(text, max_size=2).map(tuple),
        target_locations=st.lists(st.sampled_from(["Berlin", "New York", ""]), max_size=2).map(
            tuple
        ),
        target_seniority=seniority,
    ),
)
weights = st.integers(min_value=0, max_value=100)
insight_settings = st.builds(
    InsightSettings,
    reply_window_days=st.integers(1, 60),
    silence_days=st.integers(1, 200),
    unanswered_in_a_row=st.integers(1, 4),
    one_sided_points=st.integers(1, 6),
    weight_industry=weights,
    weight_company=weights,
    weight_role=weights,
    weight_seniority=weights,
    weight_interests=weights,
    weight_location=weights,
    goal_help_points=st.integers(0, 40),
    goal_help_most=st.integers(0, 100),
    can_help_points=weights,
    no_return_hours=st.floats(0, 10),
    time_sink_hours=st.floats(0, 10),
    time_sink_months=st.integers(1, 24),
)


@st.composite
def summaries(draw: st.DrawFn) -> ContactSummary:
    interactions = draw(st.integers(0, 30))
    last_from_them = draw(st.one_of(st.none(), dates))
    pending = sorted(draw(st.lists(dates, max_size=5)))
    if last_from_them is not None:
        pending = [d for d in pending if d > last_from_them]
    outreach = len(pending) + draw(small)
    return ContactSummary(
        contact_id=1,
        interactions=interactions,
        minutes=draw(st.integers(0, 2000)),
        last_on=draw(dates) if interactions else None,
        outreach=outreach,
        replies=draw(st.integers(0, outreach - len(pending))),
        meetings=draw(small),
        referrals=draw(small),
        last_from_them_on=last_from_them,
        pending=tuple(pending),
        given=ValueCounts(draw(small), draw(small), draw(small)),
        received=ValueCounts(draw(small), draw(small), draw(small)),
        goal_help=GoalHelp(draw(small), draw(small), draw(small)),
        goal_help_last_on=draw(st.one_of(st.none(), dates)),
    )


@given(profiles, goals, insight_settings)
def test_alignment_stays_within_0_and_100_and_adds_up(profile, goal, s) -> None:  # type: ignore[no-untyped-def]
    scorer = AlignmentScorer(goal, s)
    result = scorer.explain(profile)
    assert 0 <= result.score <= 100
    assert sum(f.points for f in result.factors) == result.score
    assert all(0 <= f.points <= f.max_points for f in result.factors)
    assert result.reasons and all(r.strip() for r in result.reasons)
    fields = (
        profile.industry,
        profile.company,
        profile.title,
        profile.seniority,
        profile.shared_interests,
        profile.location,
        profile.can_help_with,
    )
    assert scorer.score(*fields) == AlignmentScorer(goal, s).explain(profile).score
    acts = GoalHelp(referrals=1, advice=2)
    helped = scorer.explain(profile, acts)
    assert 0 <= helped.score <= 100
    assert sum(f.points for f in helped.factors) == helped.score
    assert all(0 <= f.points <= f.max_points for f in helped.factors)
    assert scorer.score(*fields, goal_help_acts=acts.acts) == helped.score


@given(profiles, summaries(), goals, insight_settings, st.sets(st.sampled_from(FLAGS)))
@settings(max_examples=300)
def test_every_verdict_has_a_reason_and_a_known_basis(profile, summary, goal, s, dismissed) -> None:  # type: ignore[no-untyped-def]
    result = assess_contact(profile, summary, goal, s, TODAY, dismissed)
    verdict = result.verdict
    assert verdict.verdict in VERDICTS and verdict.basis in BASES
    assert verdict.reasons and all(r.strip() for r in verdict.reasons)
    assert 0 <= verdict.alignment <= 100
    assert not set(verdict.flags) & dismissed


@given(profiles, summaries(), goals, insight_settings, st.sets(st.sampled_from(FLAGS)))
@settings(max_examples=300)
def test_the_bulk_path_agrees_with_the_explained_one(profile, summary, goal, s, dismissed) -> None:  # type: ignore[no-untyped-def]
    """``score_rows`` (ISO strings, remembered decisions) decides exactly as
    ``assess_contact`` (dates, reasons) for the same contact."""
    iso = lambda d: None if d is None else d.isoformat()  # noqa: E731
    row = (
        1,
        profile.industry,
        profile.company,
        profile.title,
        profile.seniority,
        profile.shared_interests,
        profile.location,
        profile.can_help_with,
        summary.minutes,
        iso(summary.last_on),
        summary.outcomes,
        iso(summary.last_from_them_on),
        len(summary.pending),
        ",".join(d.isoformat() for d in summary.pending)
        if len(summary.pending) >= s.unanswered_in_a_row
        else None,
        summary.given.points(s),
        summary.received.points(s),
        summary.goal_help.acts,
        iso(summary.goal_help_last_on),
    )
    ((_, alignment, verdict, basis, given_points, received_points, _in_touch),) = score_rows(
        [row], goal, s, TODAY, {1: frozenset(dismissed)}
    )
    expected = assess_contact(profile, summary, goal, s, TODAY, dismissed).verdict
    assert (alignment, verdict, basis) == (expected.alignment, expected.verdict, expected.basis)
    assert (given_points, received_points) == (summary.given.points(s), summary.received.points(s))
