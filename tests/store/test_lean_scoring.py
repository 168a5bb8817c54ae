"""The lean rows every contact is scored from agree with the whole scoring rows.

``compute_all_verdicts`` reads ``LEAN_COLUMNS`` (three columns folded in SQL) and scores
them with ``score_lean_rows``; ``score_rows`` over ``read_scoring_rows`` is the path the
property tests hold to ``assess_contact``. Both must give the same verdicts for any
settings, any dismissed flags, every contact or some.
"""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.insights.bulk import LEAN_COLUMNS, score_lean_rows, score_rows
from desktop_app.insights.settings import InsightSettings
from desktop_app.insights.verdicts import FLAGS
from desktop_app.store.scores import compute_all_verdicts, read_inputs
from desktop_app.store.summaries import read_lean_rows, read_scoring_rows
from tests.store.insight_helpers import add_contact, log

pytestmark = pytest.mark.both_databases

TODAY = dt.date.today()
insight_settings = st.builds(
    InsightSettings,
    reply_window_days=st.integers(1, 60),
    silence_days=st.integers(1, 400),
    unanswered_in_a_row=st.integers(1, 4),
    one_sided_points=st.integers(1, 6),
    points_small=st.integers(0, 3),
    points_medium=st.integers(0, 5),
    points_large=st.integers(0, 8),
    no_return_hours=st.floats(0, 10),
    goal_help_points=st.integers(0, 30),
    goal_help_most=st.integers(0, 90),
    can_help_points=st.integers(0, 20),
    weight_location=st.integers(0, 30),
    time_sink_hours=st.floats(0, 10),
    time_sink_months=st.integers(1, 12),
)


@pytest.fixture
def network(demo_database):  # type: ignore[no-untyped-def]
    """The demo data, and contacts with runs of unanswered outreach (some after a call),
    and one never in touch. Only read by the tests: shared by a test's examples."""
    db = demo_database
    rng = random.Random(3)
    for n in range(12):
        contact = add_contact(db, f"Run {n}")
        if n % 3 == 0:
            log(db, contact, TODAY - dt.timedelta(days=rng.randint(20, 200)), "call")
        for _ in range(n % 5):
            sent = TODAY - dt.timedelta(days=rng.randint(1, 120))
            log(db, contact, sent, "email", initiated_by="me", reply_status="unanswered")
    add_contact(db, "Never In Touch")
    # Hours with people who answer, some of whom helped toward the goal now and then.
    for n in range(6):
        contact = add_contact(db, f"Coffee {n}", location="Berlin", can_help_with="Helix Cloud")
        for days in range(10 + n * 20, 200, 45):
            log(db, contact, TODAY - dt.timedelta(days=days), "coffee", minutes=60 + n * 10)
        if n % 2:
            log(db, contact, TODAY - dt.timedelta(days=n * 50), "advice", help_received="small")
    return db


@given(
    insight_settings,
    st.dictionaries(st.integers(1, 320), st.frozensets(st.sampled_from(FLAGS)), max_size=40),
    st.lists(st.integers(1, 330), max_size=30),
)
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_lean_rows_score_as_the_whole_rows(network, s, dismissed, some) -> None:  # type: ignore[no-untyped-def]
    with network.engine.connect() as connection:
        goal = read_inputs(connection).goal
        for ids in (None, some):
            lean = list(read_lean_rows(connection, s, ids))
            whole = read_scoring_rows(connection, s, ids)
            assert {len(row) for row in lean} <= {len(LEAN_COLUMNS)}
            assert [row[0] for row in lean] == [row[0] for row in whole]
            assert score_lean_rows(lean, goal, s, TODAY, dismissed) == score_rows(
                whole, goal, s, TODAY, dismissed
            )


def test_every_contact_is_scored_once_in_id_order(network) -> None:  # type: ignore[no-untyped-def]
    with network.engine.connect() as connection:
        inputs = read_inputs(connection)
        scored = compute_all_verdicts(connection, inputs=inputs)
        whole = read_scoring_rows(connection, inputs.settings)
    assert len(scored) == 319
    assert scored == score_rows(whole, inputs.goal, inputs.settings, inputs.today, inputs.dismissed)
    assert {verdict for _, _, verdict, *_ in scored} >= {"move_on", "give_first", "nurture"}
    assert "time_sink" in {basis for _, _, _, basis, *_ in scored}
