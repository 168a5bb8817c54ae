"""Cached alignment and verdict: right after any write, the goal, the settings or a new day."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from sqlalchemy import text

from desktop_app.insights.settings import DEFAULT_SETTINGS
from desktop_app.store.dashboard import load_dashboard
from desktop_app.store.insight_inputs import (
    dismiss_flag,
    read_insight_settings,
    restore_flag,
    write_insight_settings,
)
from desktop_app.store.insight_reads import load_contact_insight, read_contact_insights
from desktop_app.store.models import Goal
from desktop_app.store.scores import (
    compute_all_verdicts,
    ensure_insights_current,
    read_inputs,
)
from desktop_app.store.summaries import value_since
from tests.store.insight_helpers import add_contact, log

pytestmark = pytest.mark.both_databases

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def score_of(db, contact_id: int) -> tuple | None:  # type: ignore[no-untyped-def]
    with db.engine.connect() as connection:
        row = connection.execute(
            text("SELECT alignment, verdict, basis FROM contact_scores WHERE contact_id = :id"),
            {"id": contact_id},
        ).first()
    return tuple(row) if row else None


def add_goal(db) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        session.add(
            Goal(
                version=1,
                is_active=True,
                goal_type="next_level",
                target_roles=["Head of Product"],
                target_industries=["Software"],
                target_seniority="senior",
            )
        )


def test_scores_follow_writes_through_the_queue(database) -> None:  # type: ignore[no-untyped-def]
    add_goal(database)
    ada = add_contact(database, industry="Software", title="Head of Product", seniority="senior")
    first = ensure_insights_current(database)
    assert first.full and first.rescored == 1
    assert score_of(database, ada) == (87, "prioritise", "aligned")  # 31 + 31 + 25 of 100
    assert ensure_insights_current(database).rescored == 0  # nothing changed: nothing done

    log(database, ada, ago(40), "outreach", reply_status="unanswered")
    log(database, ada, ago(20), "outreach", reply_status="awaiting")
    freshness = ensure_insights_current(database)
    assert (freshness.full, freshness.rescored) == (False, 1)
    assert score_of(database, ada) == (87, "give_first", "ignoring_you")

    with database.transaction() as session:  # any writer: here plain SQL
        session.execute(text("UPDATE contacts SET title = 'Intern' WHERE id = :id"), {"id": ada})
    ensure_insights_current(database)
    assert score_of(database, ada) == (56, "move_on", "ignoring_you")


def test_a_new_contact_is_scored_and_a_deleted_one_forgotten(database) -> None:  # type: ignore[no-untyped-def]
    ensure_insights_current(database)
    bob = add_contact(database, "Bob")
    ensure_insights_current(database)
    assert score_of(database, bob) == (0, "nurture", "steady")
    with database.transaction() as session:
        session.execute(text("DELETE FROM contacts WHERE id = :id"), {"id": bob})
    ensure_insights_current(database)
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM contact_scores")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM contact_score_queue")).scalar() == 0


def test_changed_settings_rescore_everyone(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    log(database, ada, ago(10), help_given="medium")
    ensure_insights_current(database)
    assert score_of(database, ada)[1] == "nurture"  # 2 points: not yet one-sided
    with database.transaction() as session:
        write_insight_settings(session.connection(), DEFAULT_SETTINGS.replace(one_sided_points=2))
    with database.engine.connect() as connection:
        assert read_insight_settings(connection).one_sided_points == 2
    assert ensure_insights_current(database).full
    assert score_of(database, ada)[1:] == ("move_on", "they_only_take")


def test_a_new_day_rescores_everyone_and_slides_the_window(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    log(database, ada, ago(300), help_received="large")
    ensure_insights_current(database)
    assert score_of(database, ada)[1:] == ("give_first", "you_only_take")
    # 70 days later the help is older than 12 months: nothing one-sided is left.
    later = TODAY + dt.timedelta(days=70)
    freshness = ensure_insights_current(database, later)
    assert freshness.full and freshness.window_recomputed == 1
    assert score_of(database, ada)[1:] == ("nurture", "steady")


def test_a_dismissed_flag_changes_the_verdict_until_restored(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    log(database, ada, ago(10), help_given="large")
    ensure_insights_current(database)
    assert score_of(database, ada)[1] == "move_on"
    with database.transaction() as session:
        dismiss_flag(session.connection(), ada, "they_only_take")
    ensure_insights_current(database)
    assert score_of(database, ada)[1] == "nurture"
    insight = load_contact_insight(database, ada)
    assert "You dismissed the “they only take” flag." in insight.verdict.reasons
    with database.transaction() as session:
        restore_flag(session.connection(), ada, "they_only_take")
    ensure_insights_current(database)
    assert score_of(database, ada)[1] == "move_on"


def test_cached_scores_agree_with_each_contacts_breakdown(demo_database) -> None:  # type: ignore[no-untyped-def]
    ensure_insights_current(demo_database)
    with demo_database.engine.connect() as connection:
        inputs = read_inputs(connection)
        scored = compute_all_verdicts(connection, inputs=inputs)
        cached = dict(
            (r[0], tuple(r[1:]))
            for r in connection.execute(
                text("SELECT contact_id, alignment, verdict, basis FROM contact_scores")
            )
        )
        insights = read_contact_insights(connection, list(cached), inputs)
    assert len(scored) == len(cached) == 300
    verdicts = {v for _, _, v, *_ in scored}
    assert {"prioritise", "nurture", "move_on", "give_first", "re_engage"} == verdicts
    for contact_id, alignment, verdict, basis, *_ in scored:
        assert cached[contact_id] == (alignment, verdict, basis)
        explained = insights[contact_id].verdict
        assert (explained.alignment, explained.verdict, explained.basis) == cached[contact_id]


def test_the_dashboard_figures_add_up_on_the_demo(demo_database) -> None:  # type: ignore[no-untyped-def]
    dashboard = load_dashboard(demo_database)
    figures = {f.key: f for f in dashboard.figures}
    assert set(figures) == {
        "aligned_share",
        "response_rate",
        "reciprocity_balance",
        "hours_this_month",
        "outcomes_per_hour",
        "higher_level_share",
        "new_territory_share",
    }
    assert all(f.reasons and f.text for f in figures.values())
    assert 0 < figures["response_rate"].value < 100
    days = calendar.monthrange(TODAY.year, TODAY.month)[1]
    assert figures["hours_this_month"].target == 4.0 * days / 7
    with demo_database.engine.connect() as connection:
        active = connection.execute(
            text("SELECT count(*) FROM contacts WHERE status IN ('active', 'dormant')")
        ).scalar()
        outreach = connection.execute(
            text(
                "SELECT count(*) FROM interactions WHERE initiated_by = 'me' "
                "AND reply_status <> 'none' AND occurred_on >= :first"
            ),
            {"first": f"{dashboard.months[0].month}-01"},
        ).scalar()
    assert sum(dashboard.verdict_counts.values()) == active
    assert f"of {active} active contacts" in figures["aligned_share"].reasons[0]
    assert f"{outreach:,} messages" in figures["response_rate"].reasons[0]
    assert [m.name for m in dashboard.growth] == [
        "Informational meetings per month",
        "Referrals",
        "New aligned contacts per month",
    ]
    reviewed = sum(g.total for g in dashboard.review)
    assert reviewed == sum(len(g.entries) for g in dashboard.review)  # all under 200
    assert reviewed == dashboard.verdict_counts["move_on"] + dashboard.verdict_counts["give_first"]


def test_score_totals_stay_equal_to_a_sum_of_the_scores(database) -> None:  # type: ignore[no-untyped-def]
    people = [add_contact(database, f"Person {n}", seniority="senior") for n in range(5)]
    ensure_insights_current(database)
    log(database, people[0], ago(10), help_given="large")
    log(database, people[1], ago(200), "meeting")
    with database.transaction() as session:
        session.execute(
            text("UPDATE contacts SET circle = 'new' WHERE id = :id"), {"id": people[2]}
        )
        session.execute(
            text("UPDATE contacts SET status = 'archived' WHERE id = :id"), {"id": people[3]}
        )
        session.execute(text("DELETE FROM contacts WHERE id = :id"), {"id": people[4]})
    assert not ensure_insights_current(database).full  # partial rescoring, through triggers
    query = (
        "SELECT created_month, active, verdict, basis, level, circle, in_touch, {} "
        "FROM {} GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7"
    )
    with database.engine.connect() as connection:
        kept = connection.execute(
            text(query.format("sum(contacts), sum(aligned), sum(given_points)", "score_totals"))
        ).all()
        summed = connection.execute(
            text(query.format("count(*), sum(aligned), sum(given_points)", "contact_scores"))
        ).all()
    assert kept == summed
    assert sum(row[7] for row in kept) == 4
    assert {row[1] for row in kept} == {0, 1}  # the archived contact is not active


def test_a_breakdown_on_a_new_day_uses_the_new_window(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    log(database, ada, ago(300), help_received="large")
    ensure_insights_current(database)
    assert load_contact_insight(database, ada).reciprocity.received_points == 3
    later = load_contact_insight(database, ada, TODAY + dt.timedelta(days=70))
    assert later.reciprocity.received_points == 0
    assert later.verdict.verdict == "nurture"


def test_a_breakdown_for_the_gui_does_not_wait_for_the_new_day(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    log(database, ada, ago(300), help_received="large")
    ensure_insights_current(database)
    later = TODAY + dt.timedelta(days=70)
    quick = load_contact_insight(database, ada, later, bring_current=False)
    assert quick.reciprocity.received_points == 3  # the summaries as they were
    with database.engine.connect() as connection:
        assert value_since(connection) == read_inputs(connection).value_since  # nothing moved
    assert load_contact_insight(database, ada, later).reciprocity.received_points == 0


def test_a_full_rescoring_leaves_the_scores_table_as_it_was_built(database) -> None:  # type: ignore[no-untyped-def]
    schema = (
        "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'contact_scores' ORDER BY name"
    )
    with database.engine.connect() as connection:
        before = connection.execute(text(schema)).all()
    add_contact(database, "Ada Lovelace", seniority="senior")
    assert ensure_insights_current(database).full  # every row rewritten, triggers set aside
    with database.engine.connect() as connection:
        assert connection.execute(text(schema)).all() == before
        assert {row[0] for row in before} == {"table", "index", "trigger"}
