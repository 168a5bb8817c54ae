"""Goal and pitch versions over a real SQLite file."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy.exc import IntegrityError

from desktop_app.insights.goal_profile import (
    ChecklistItem,
    GoalProfile,
    Measure,
    OrganisationEntry,
    PitchDraft,
    PitchParts,
    PitchVariants,
)
from desktop_app.store.goals import (
    has_goal,
    list_goal_versions,
    read_active_goal,
    read_goal_version,
    save_goal_version,
    set_wizard_skipped,
    should_offer_wizard,
    wizard_skipped,
)

pytestmark = pytest.mark.both_databases

PROFILE = GoalProfile(
    goal_type="change_industry",
    statement="Move from banking IT into a data engineering role in renewable energy by June.",
    target_roles=("Data Engineer", "Analytics Engineer"),
    target_companies=("Solaria Power",),
    target_industries=("Renewable energy",),
    target_locations=("Leeds", "Remote"),
    target_seniority="peer",
    weekly_hours=3.5,
    target_date=dt.date(2030, 6, 30),
    measures=(Measure("Informational meetings per month", 4), Measure("Referrals", 2)),
    checklist={"headline": ChecklistItem(True, "Rewritten for energy readers")},
    organisations=(
        OrganisationEntry("Leeds University Alumni", "alumni", "joined"),
        OrganisationEntry("Energy Data Guild", "industry", "to_join"),
    ),
)
PITCH = PitchDraft(
    parts=PitchParts(who="I'm a data engineer.", ask="Who should I meet?"),
    text="I'm a data engineer. Who should I meet?",
    variants=PitchVariants(headline="Data engineer | Open to energy roles"),
)


def test_an_empty_database_has_no_goal_and_offers_the_wizard(database) -> None:
    assert read_active_goal(database) is None
    assert list_goal_versions(database) == []
    assert not has_goal(database)
    assert should_offer_wizard(database)


def test_saved_goal_reads_back_whole(database) -> None:
    saved = save_goal_version(database, PROFILE, PITCH)
    assert (saved.version, saved.pitch_version) == (1, 1)
    active = read_active_goal(database)
    assert active is not None
    assert active.profile == PROFILE
    assert active.pitch == PITCH
    assert (active.version, active.pitch_version, active.is_active) == (1, 1, True)
    assert not should_offer_wizard(database)


def test_a_new_version_deactivates_the_old_one_which_stays_readable(database) -> None:
    first = save_goal_version(database, PROFILE, PITCH)
    changed = dataclasses.replace(
        PROFILE,
        statement="Lead a data team at a renewable energy company within two years.",
        organisations=(OrganisationEntry("Energy Data Guild", "industry", "joined"),),
    )
    second = save_goal_version(database, changed, dataclasses.replace(PITCH, text="New."))
    assert (second.version, second.pitch_version) == (2, 2)
    history = list_goal_versions(database)
    assert [(v.version, v.is_active) for v in history] == [(2, True), (1, False)]
    assert history[0].statement.startswith("Lead a data team")
    old = read_goal_version(database, first.goal_id)
    assert old is not None and not old.is_active
    assert old.profile == PROFILE
    assert old.pitch is not None and old.pitch.text == PITCH.text
    active = read_active_goal(database)
    assert active is not None and active.goal_id == second.goal_id
    assert active.profile.organisations == changed.organisations
    assert read_goal_version(database, 999) is None


def test_a_failed_save_keeps_the_previous_version_active(database) -> None:
    save_goal_version(database, PROFILE, PITCH)
    broken = dataclasses.replace(PROFILE, goal_type="win_the_lottery")  # violates a CHECK
    with pytest.raises(IntegrityError):
        save_goal_version(database, broken, PITCH)
    assert [(v.version, v.is_active) for v in list_goal_versions(database)] == [(1, True)]


def test_saving_over_the_demo_goal_adds_version_two(demo_database) -> None:
    demo = read_active_goal(demo_database)
    assert demo is not None and demo.version == 1
    assert demo.pitch is not None and demo.pitch.parts.who.startswith("I'm a product manager")
    assert demo.profile.measures[0] == Measure("Informational meetings per month", 4)
    saved = save_goal_version(demo_database, PROFILE, PITCH)
    assert (saved.version, saved.pitch_version) == (2, 2)
    assert read_active_goal(demo_database).profile == PROFILE  # type: ignore[union-attr]


def test_skipping_the_wizard_is_remembered_until_undone(database) -> None:
    assert not wizard_skipped(database)
    set_wizard_skipped(database)
    assert wizard_skipped(database)
    assert not should_offer_wizard(database)
    set_wizard_skipped(database, False)
    assert should_offer_wizard(database)
