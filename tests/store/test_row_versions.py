"""Saving what someone else changed meanwhile: refused, never overwritten, on both databases."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.store import contacts as commands
from desktop_app.store.birthdays import set_birthday
from desktop_app.store.contact_detail import read_contact_detail
from desktop_app.store.errors import ChangedElsewhereError, InvalidInputError
from desktop_app.store.events import (
    EventInput,
    create_event,
    delete_event,
    read_event,
    read_versioned_event,
    update_event,
)
from desktop_app.store.goals import active_goal_version, read_active_goal, save_goal_version
from desktop_app.store.keep_in_touch import set_contact_cadence, snooze_contacts
from tests.store.conftest import TODAY, person

pytestmark = pytest.mark.both_databases

ELSEWHERE = "changed elsewhere meanwhile — reload"


@pytest.fixture
def elsewhere(database_target: str):  # type: ignore[no-untyped-def]
    """Another window on the same database."""
    from desktop_app.store.database import open_database

    other = open_database(database_target)
    yield other
    other.close()


def version_of(reader, contact_id: int) -> int:  # type: ignore[no-untyped-def]
    detail = read_contact_detail(reader, contact_id)
    assert detail is not None
    return detail.version


def test_a_contact_save_based_on_an_older_version_is_refused_and_writes_nothing(
    database, elsewhere, reader
) -> None:
    ann = commands.create_contact(database, person("Ann", "Lee", title="Engineer")).value
    loaded = version_of(reader, ann)
    # Another window saves first.
    commands.update_contact(elsewhere, ann, person("Ann", "Lee", title="CTO"), version=loaded)
    assert version_of(reader, ann) == loaded + 1

    with pytest.raises(ChangedElsewhereError) as refused:
        commands.update_contact(
            database, ann, person("Ann", "Lee", title="Intern", tags=("x",)), version=loaded
        )
    assert ELSEWHERE in refused.value.message
    detail = read_contact_detail(reader, ann)
    assert detail is not None
    assert (detail.contact.title, detail.contact.tags, detail.version) == ("CTO", (), loaded + 1)


def test_a_save_of_a_deleted_contact_says_it_was_deleted(database) -> None:
    ann = commands.create_contact(database, person("Ann")).value
    commands.delete_contacts(database, [ann])
    with pytest.raises(InvalidInputError, match="deleted meanwhile"):
        commands.update_contact(database, ann, person("Ann", "B"), version=1)


def test_every_write_of_what_a_user_edits_moves_the_version_on(database, elsewhere, reader) -> None:
    ann = commands.create_contact(database, person("Ann")).value
    writes = [
        lambda: commands.set_status(elsewhere, [ann], "archived"),
        lambda: commands.add_tag(elsewhere, [ann], "Mentor"),
        lambda: commands.remove_tag(elsewhere, [ann], "Mentor"),
        lambda: set_contact_cadence(elsewhere, [ann], "1m"),
        lambda: snooze_contacts(elsewhere, [ann], TODAY + dt.timedelta(days=9)),
        lambda: set_birthday(elsewhere, ann, None),
    ]
    for write in writes:
        before = version_of(reader, ann)
        write()
        assert version_of(reader, ann) == before + 1
        with pytest.raises(ChangedElsewhereError):
            commands.update_contact(database, ann, person("Ann", "Stale"), version=before)


def test_an_event_save_based_on_an_older_version_is_refused(database, elsewhere) -> None:
    event_id = create_event(database, EventInput("Meetup", dt.datetime(2025, 3, 1, 18)))
    values, loaded = read_versioned_event(database, event_id)
    moved = EventInput("Meetup (moved)", values.starts_at)
    update_event(elsewhere, event_id, moved, version=loaded)
    assert read_versioned_event(database, event_id)[1] == loaded + 1

    with pytest.raises(ChangedElsewhereError) as refused:
        update_event(database, event_id, EventInput("Stale", values.starts_at), version=loaded)
    assert ELSEWHERE in refused.value.message
    assert read_event(database, event_id).name == "Meetup (moved)"

    delete_event(database, event_id)
    with pytest.raises(InvalidInputError, match="deleted meanwhile"):
        update_event(database, event_id, values, version=loaded + 1)


def test_a_goal_saved_elsewhere_meanwhile_is_not_replaced(database) -> None:
    assert active_goal_version(database) is None
    first = save_goal_version(database, GoalProfile(statement="One"), PitchDraft(), based_on=None)
    # A second window also started from nothing: refused.
    with pytest.raises(ChangedElsewhereError) as refused:
        save_goal_version(database, GoalProfile(statement="Two"), PitchDraft(), based_on=None)
    assert "The goal was " + ELSEWHERE in refused.value.message
    second = save_goal_version(
        database, GoalProfile(statement="Two"), PitchDraft(), based_on=first.version
    )
    with pytest.raises(ChangedElsewhereError):
        save_goal_version(
            database, GoalProfile(statement="Stale"), PitchDraft(), based_on=first.version
        )
    active = read_active_goal(database)
    assert active is not None
    assert (active.version, active.profile.statement) == (second.version, "Two")


def test_an_undo_goes_over_this_windows_own_later_writes_but_not_anothers(
    database, elsewhere, reader
) -> None:
    ann = commands.create_contact(database, person("Ann", "Lee", title="Engineer")).value
    loaded = version_of(reader, ann)
    commands.update_contact(database, ann, person("Ann", "Lee", title="CTO"), version=loaded)
    commands.add_tag(database, [ann], "Mentor")  # this window again
    commands.update_contact(
        database, ann, person("Ann", "Lee", title="Engineer"), version=loaded + 1
    )
    assert read_contact_detail(reader, ann).contact.title == "Engineer"  # type: ignore[union-attr]

    base = version_of(reader, ann)
    commands.add_tag(elsewhere, [ann], "Speaker")
    commands.add_tag(database, [ann], "Friend")  # this window writes after it
    with pytest.raises(ChangedElsewhereError):
        commands.update_contact(database, ann, person("Ann", "Lee", title="X"), version=base)
    assert read_contact_detail(reader, ann).contact.title == "Engineer"  # type: ignore[union-attr]
