"""Help toward the goal and the time sink in the store: the summaries count the help the
triggers see, the cached verdicts follow a logged referral, a dismissed flag, a setting
and a new day, and agree with each contact's breakdown."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from desktop_app.insights.settings import DEFAULT_SETTINGS
from desktop_app.store.insight_inputs import dismiss_flag, write_insight_settings
from desktop_app.store.insight_reads import load_contact_insight, read_contact_insights
from desktop_app.store.models import Goal
from desktop_app.store.scores import compute_all_verdicts, ensure_insights_current, read_inputs
from tests.store.insight_helpers import add_contact, log, summary_of

pytestmark = pytest.mark.both_databases

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def add_goal(db) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        session.add(
            Goal(
                version=1,
                is_active=True,
                goal_type="next_level",
                target_roles=["Head of Product"],
                target_companies=["Helix Cloud"],
                target_industries=["Software"],
                target_locations=["Berlin"],
                target_seniority="senior",
            )
        )


def score_of(db, contact_id: int) -> tuple:  # type: ignore[no-untyped-def]
    ensure_insights_current(db)
    with db.engine.connect() as connection:
        row = connection.execute(
            text("SELECT alignment, verdict, basis FROM contact_scores WHERE contact_id = :id"),
            {"id": contact_id},
        ).first()
    return tuple(row)


def test_the_summary_counts_help_received_toward_the_goal_by_kind(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    log(database, ada, ago(10), "referral", initiated_by="them", help_received="large")
    log(database, ada, ago(20), "introduction", help_received="small")
    log(database, ada, ago(30), "advice", initiated_by="them", help_received="medium")
    log(database, ada, ago(40), "email", help_received="medium")  # a lead
    log(database, ada, ago(50), "email", help_received="small")  # a small favour: not one
    log(database, ada, ago(60), "referral", help_given="large")  # mine to them: not one
    log(database, ada, ago(500), "referral", help_received="large")  # out of the window
    summary = summary_of(database, ada)
    assert summary is not None
    counts = (summary["help_referrals"], summary["help_advice"], summary["help_leads"])
    assert counts == (2, 1, 1)
    assert str(summary["help_last_on"])[:10] == ago(10).isoformat()


def time_sink(db) -> int:  # type: ignore[no-untyped-def]
    """A consultant off the goal who answers and meets: 6 hours, nothing toward the goal."""
    walter = add_contact(
        db, "Walter Grey", title="Consultant", industry="Consulting", seniority="peer"
    )
    for days in (150, 110, 70, 30):
        log(db, walter, ago(days), "coffee", initiated_by="them", minutes=90)
    return walter


def test_a_time_sink_is_moved_on_from_until_they_help_toward_the_goal(database) -> None:  # type: ignore[no-untyped-def]
    add_goal(database)
    walter = time_sink(database)
    alignment, verdict, basis = score_of(database, walter)
    assert (verdict, basis) == ("move_on", "time_sink")
    insight = load_contact_insight(database, walter)
    assert insight is not None
    assert insight.verdict.reasons[1].startswith("Time sink: 6.0 hours spent together")
    # He refers me to a hiring manager: no longer a time sink, and 15 points toward the goal.
    log(database, walter, ago(1), "referral", initiated_by="them", help_received="small")
    after = score_of(database, walter)
    assert after[0] == alignment + 15 and after[1:] == ("nurture", "steady")


def test_a_dismissed_time_sink_and_a_longer_threshold_clear_the_flag(database) -> None:  # type: ignore[no-untyped-def]
    add_goal(database)
    walter = time_sink(database)
    with database.transaction() as session:
        write_insight_settings(session.connection(), DEFAULT_SETTINGS.replace(time_sink_hours=7))
    assert score_of(database, walter)[1:] == ("nurture", "steady")
    with database.transaction() as session:
        write_insight_settings(session.connection(), DEFAULT_SETTINGS)
    assert score_of(database, walter)[1:] == ("move_on", "time_sink")
    with database.transaction() as session:
        dismiss_flag(session.connection(), walter, "time_sink")
    assert score_of(database, walter)[1:] == ("nurture", "steady")


def test_help_older_than_the_window_stops_counting_on_a_new_day(database) -> None:  # type: ignore[no-untyped-def]
    add_goal(database)
    ada = add_contact(database, industry="Software", location="Berlin")
    log(database, ada, ago(300), "advice", initiated_by="them", help_received="small")
    log(database, ada, ago(300), "email", help_given="small")  # so nothing is one-sided
    before = score_of(database, ada)
    later = TODAY + dt.timedelta(days=70)
    ensure_insights_current(database, later)
    with database.engine.connect() as connection:
        row = connection.execute(
            text("SELECT alignment FROM contact_scores WHERE contact_id = :id"), {"id": ada}
        ).scalar()
    assert row == before[0] - 15


def test_cached_scores_agree_with_each_breakdown_with_help_and_time_sinks(demo_database) -> None:  # type: ignore[no-untyped-def]
    db = demo_database
    for n in range(6):
        walter = time_sink(db)
        if n % 2:
            log(db, walter, ago(n * 40), "introduction", help_received="medium")
        with db.transaction() as session:
            session.execute(
                text(
                    "UPDATE contacts SET location = 'Berlin', can_help_with = :can WHERE id = :id"
                ),
                {"id": walter, "can": "intros at Helix Cloud" if n % 3 else ""},
            )
    ensure_insights_current(db)
    with db.engine.connect() as connection:
        inputs = read_inputs(connection)
        scored = compute_all_verdicts(connection, inputs=inputs)
        insights = read_contact_insights(connection, [s[0] for s in scored], inputs)
    assert {s[3] for s in scored} >= {"time_sink", "aligned", "steady"}
    for contact_id, alignment, verdict, basis, *_rest in scored:
        explained = insights[contact_id].verdict
        assert (alignment, verdict, basis) == (
            explained.alignment,
            explained.verdict,
            explained.basis,
        ), contact_id


def test_a_new_location_or_can_help_with_rescores_the_contact(database) -> None:  # type: ignore[no-untyped-def]
    add_goal(database)
    ada = add_contact(database, industry="Software", location="Lisbon")
    before = score_of(database, ada)[0]
    with database.transaction() as session:
        session.execute(text("UPDATE contacts SET location = 'Berlin' WHERE id = :id"), {"id": ada})
    moved = score_of(database, ada)[0]
    assert moved > before
    with database.transaction() as session:
        session.execute(
            text("UPDATE contacts SET can_help_with = 'hiring at Helix Cloud' WHERE id = :id"),
            {"id": ada},
        )
    assert score_of(database, ada)[0] == moved + 10
