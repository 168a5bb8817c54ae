"""Per-contact summaries and monthly totals: kept by triggers, equal to a rebuild."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.insights.bulk import SCORING_COLUMNS, SUMMARY_COLUMNS
from desktop_app.insights.model import months_before
from desktop_app.insights.settings import DEFAULT_SETTINGS
from desktop_app.store.database import open_database
from desktop_app.store.models import Interaction
from desktop_app.store.summaries import (
    move_value_window,
    paused_insight_triggers,
    read_scoring_rows,
    read_summary_rows,
    rebuild_contact_summaries,
    value_since,
)
from desktop_app.store.vocab import HELP_VALUES, INTERACTION_KINDS, REPLY_STATUSES
from tests.store.insight_helpers import add_contact, log, snapshot, summary_of

pytestmark = pytest.mark.both_databases

TODAY = dt.date.today()


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


def test_a_logged_interaction_is_summarised_at_once(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    assert summary_of(database, ada) is None
    log(database, ada, ago(30), "outreach", reply_status="replied", minutes=10)
    log(database, ada, ago(20), "outreach", reply_status="unanswered", minutes=5)
    log(database, ada, ago(10), "outreach", reply_status="awaiting", help_given="medium")
    log(database, ada, ago(5), "coffee", initiated_by="them", minutes=45, help_received="small")
    s = summary_of(database, ada)
    assert s is not None
    assert (s["interactions"], s["minutes"], s["outreach"], s["replies"], s["meetings"]) == (
        4,
        60,
        3,
        1,
        1,
    )
    assert (s["first_on"], s["last_on"]) == (ago(30).isoformat(), ago(5).isoformat())
    # The coffee five days ago was a sign of life: nothing is pending since.
    assert s["last_from_them_on"] == ago(5).isoformat()
    assert (s["pending"], s["pending_dates"]) == (0, "")
    assert (s["given_medium"], s["received_small"]) == (1, 1)


def test_the_pending_run_is_my_outreach_since_their_last_sign_of_life(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    log(database, ada, ago(100), "call")  # a call: they were there
    log(database, ada, ago(60), "outreach", reply_status="unanswered")
    log(database, ada, ago(30), "email", reply_status="awaiting")
    log(database, ada, ago(40), "email", initiated_by="them")  # they wrote in between
    s = summary_of(database, ada)
    assert s["last_from_them_on"] == ago(40).isoformat()
    assert (s["pending"], s["pending_dates"]) == (1, ago(30).isoformat())


def test_editing_and_deleting_interactions_keep_the_summary_right(database) -> None:  # type: ignore[no-untyped-def]
    ada, bob = add_contact(database), add_contact(database, "Bob")
    first = log(database, ada, ago(3), "meeting", minutes=60)
    log(database, ada, ago(2), "email", minutes=5)
    with database.transaction() as session:
        session.get(Interaction, first).contact_id = bob  # moved to another contact
    assert summary_of(database, ada)["interactions"] == 1
    assert summary_of(database, bob)["meetings"] == 1
    with database.transaction() as session:
        session.execute(text("DELETE FROM interactions WHERE contact_id = :id"), {"id": ada})
    assert summary_of(database, ada) is None
    with database.transaction() as session:
        session.execute(text("DELETE FROM contacts WHERE id = :id"), {"id": bob})
    with database.engine.connect() as connection:
        assert snapshot(connection) == ([], [])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_triggers_agree_with_a_rebuild_after_any_writes(database, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    contacts = [add_contact(database, f"Person {n}") for n in range(6)]
    ids: list[int] = []
    for _ in range(80):
        action = rng.random()
        with database.transaction() as session:
            if action < 0.6 or not ids:
                row = Interaction(
                    contact_id=rng.choice(contacts),
                    occurred_on=ago(rng.randint(0, 500)),
                    kind=rng.choice(INTERACTION_KINDS),
                    initiated_by=rng.choice(("me", "them")),
                    reply_status=rng.choice(REPLY_STATUSES),
                    help_given=rng.choice(HELP_VALUES),
                    help_received=rng.choice(HELP_VALUES),
                    minutes=rng.randint(0, 90),
                )
                session.add(row)
                session.flush()
                ids.append(row.id)
            elif action < 0.85:
                row = session.get(Interaction, rng.choice(ids))
                row.occurred_on = ago(rng.randint(0, 500))
                row.reply_status = rng.choice(REPLY_STATUSES)
                row.help_given = rng.choice(HELP_VALUES)
                row.contact_id = rng.choice(contacts)
            else:
                session.delete(session.get(Interaction, ids.pop(rng.randrange(len(ids)))))
    with database.engine.begin() as connection:
        kept = snapshot(connection)
        assert kept[0], "the writes left something to summarise"
        rebuild_contact_summaries(connection)
        assert snapshot(connection) == kept


def test_monthly_totals_follow_every_write(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    march = dt.date(2026, 3, 9)
    log(database, ada, march, "outreach", reply_status="replied", minutes=15)
    log(database, ada, march, "referral", initiated_by="them")
    with database.engine.connect() as connection:
        row = connection.execute(text("SELECT * FROM monthly_activity")).one()
    assert tuple(row) == ("2026-03", 2, 15, 1, 1, 0, 1)


def test_the_value_window_counts_twelve_months_back_to_the_day(database) -> None:  # type: ignore[no-untyped-def]
    since = months_before(TODAY, 12)
    with database.engine.begin() as connection:
        move_value_window(connection, since)
    ada = add_contact(database)
    log(database, ada, since, help_given="large")
    log(database, ada, since - dt.timedelta(days=1), help_given="small")
    s = summary_of(database, ada)
    assert (s["given_small"], s["given_large"], s["value_oldest_on"]) == (0, 1, since.isoformat())

    # A day later the large help drops out; only contacts whose oldest value expired are
    # recomputed.
    bob = add_contact(database, "Bob")
    log(database, bob, TODAY, help_received="medium")
    with database.engine.begin() as connection:
        assert move_value_window(connection, since + dt.timedelta(days=1)) == 1
        assert value_since(connection) == since + dt.timedelta(days=1)
    assert summary_of(database, ada)["given_large"] == 0
    assert summary_of(database, bob)["received_medium"] == 1

    # A longer window (a settings change) rebuilds everything.
    with database.engine.begin() as connection:
        assert move_value_window(connection, months_before(TODAY, 24)) == -1
    assert (summary_of(database, ada)["given_small"], summary_of(database, ada)["given_large"]) == (
        1,
        1,
    )


def test_a_bulk_writer_pauses_the_triggers_and_gets_a_rebuild(database) -> None:  # type: ignore[no-untyped-def]
    ada = add_contact(database)
    with database.transaction() as session:
        connection = session.connection()
        with paused_insight_triggers(connection):
            for day in range(10):
                session.add(Interaction(contact_id=ada, occurred_on=ago(day), kind="call"))
            session.flush()
            assert connection.execute(text("SELECT count(*) FROM contact_summaries")).scalar() == 0
        assert connection.execute(text("SELECT paused FROM insight_state")).scalar() == 0
    assert summary_of(database, ada)["meetings"] == 10
    log(database, ada, TODAY, "call")  # the triggers are back
    assert summary_of(database, ada)["meetings"] == 11


def test_a_failed_bulk_write_leaves_the_triggers_on(database) -> None:  # type: ignore[no-untyped-def]
    with (
        pytest.raises(RuntimeError),
        database.transaction() as session,
        paused_insight_triggers(session.connection()),
    ):
        raise RuntimeError("import failed")
    with database.engine.connect() as connection:
        assert connection.execute(text("SELECT paused FROM insight_state")).scalar() == 0


def test_rows_are_laid_out_as_the_rules_expect(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.engine.connect() as connection:
        full = read_summary_rows(connection)
        lean = read_scoring_rows(connection, DEFAULT_SETTINGS)
        some = read_scoring_rows(connection, DEFAULT_SETTINGS, [5, 3, 999_999])
    assert len(full) == len(lean) == 300
    assert {len(r) for r in full} == {len(SUMMARY_COLUMNS)}
    assert {len(r) for r in lean} == {len(SCORING_COLUMNS)}
    assert [r[0] for r in some] == [3, 5]


def test_the_demo_leaves_the_aggregates_as_a_rebuild_would(demo_database) -> None:  # type: ignore[no-untyped-def]
    with demo_database.engine.begin() as connection:
        kept = snapshot(connection)
        assert len(kept[0]) > 250 and sum(m[1] for m in kept[1]) == 1500
        rebuild_contact_summaries(connection)
        assert snapshot(connection) == kept


def test_a_saved_0001_database_is_upgraded_with_its_aggregates(tmp_path: Path) -> None:
    original = Path(__file__).parent.parent / "data" / "schemas" / "0001.sqlite3"
    copy = tmp_path / "old.sqlite3"
    copy.write_bytes(original.read_bytes())
    db = open_database(str(copy), backup_dir=tmp_path / "backups")
    with db.engine.begin() as connection:
        kept = snapshot(connection)
        assert sum(m[1] for m in kept[1]) == 1500
        assert sum(r[1] for r in kept[0]) == 1500
        rebuild_contact_summaries(connection)
        assert snapshot(connection) == kept
    db.close()
    with sqlite3.connect(copy) as raw:
        triggers = {
            r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
    assert "interactions_insights_insert" in triggers


def test_the_insight_tables_are_as_declared(database) -> None:  # type: ignore[no-untyped-def]
    """Migration 0002 and the mapped classes agree, so a future autogenerated migration
    will not try to drop or alter them."""
    import warnings

    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from desktop_app.store import insight_models  # noqa: F401  (declares the tables)
    from desktop_app.store.models import Base

    assert set(INSIGHT_TABLES) <= set(Base.metadata.tables)
    with database.engine.connect() as connection, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # expression indexes of 0001 cannot be reflected
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    differences = [d for d in differences if not any(n in repr(d) for n in POSTGRESQL_ONLY)]
    assert [d for d in differences if any(name in repr(d) for name in INSIGHT_TABLES)] == []


# The sort indexes migration 0009 makes on PostgreSQL alone (SQLite's end with the row id).
POSTGRESQL_ONLY = ("ix_contact_scores_alignment_sort", "ix_contact_scores_verdict_sort")


INSIGHT_TABLES = (
    "insight_state",
    "contact_summaries",
    "monthly_activity",
    "contact_scores",
    "score_totals",
    "contact_score_queue",
    "dismissed_flags",
)
