"""Each write behind an undoable action says what it changed: the contacts whose fields
changed, those that moved (added, deleted, re-filed) and those whose interactions changed.
The window announces exactly this, so each view refreshes just what it shows."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.store import contacts as contact_writes
from desktop_app.store import event_people, events
from desktop_app.store import interactions as writes
from desktop_app.store.changes import Change, Written, change
from desktop_app.store.records import InteractionInput
from tests.store.conftest import TODAY, person

pytestmark = pytest.mark.both_databases

DAY = dt.timedelta(days=1)


def test_adding_editing_and_deleting_contacts(database, network) -> None:  # type: ignore[no-untyped-def]
    added = contact_writes.create_contact(database, person("Grace", "Hopper"))
    assert isinstance(added, Written)
    grace = added.value
    assert added.change == change(moved=[grace])
    # Only a new status files the contact elsewhere.
    same_status = person("Grace", "Hopper", company="Navy")
    assert contact_writes.update_contact(database, grace, same_status) == change(edited=[grace])
    archived = person("Grace", "Hopper", status="archived")
    assert contact_writes.update_contact(database, grace, archived) == change(
        edited=[grace], moved=[grace]
    )
    deleted = contact_writes.delete_contacts(database, [grace, network["bob"], grace])
    assert deleted.change == change(moved=[grace, network["bob"]])
    assert deleted.value.contact_ids == tuple(sorted((grace, network["bob"])))
    assert contact_writes.restore_contacts(database, deleted.value) == deleted.change


def test_archiving_and_tagging(database, network) -> None:  # type: ignore[no-untyped-def]
    ids = [network["Ada"], network["bob"]]
    archived = contact_writes.set_status(database, ids, "archived")
    assert archived.change == change(edited=ids, moved=ids)
    assert contact_writes.restore_statuses(database, archived.value) == archived.change
    # Ada had the tag already: every contact asked for is edited, only Bob's tag is undone.
    tagged = contact_writes.add_tag(database, ids, "Climate")
    assert (tagged.change, tagged.value) == (change(edited=ids), (network["bob"],))
    assert contact_writes.remove_tag(database, tagged.value, "Climate") == change(
        edited=[network["bob"]]
    )
    assert contact_writes.remove_tag(database, ids, "never used") == Change()


def test_logging_editing_and_deleting_interactions(database, network) -> None:  # type: ignore[no-untyped-def]
    bob = network["bob"]
    logged = writes.log_interaction(database, InteractionInput(bob, TODAY, kind="call"))
    assert logged.change == change(interactions=[bob])
    call = logged.value
    edited = InteractionInput(bob, TODAY - DAY, kind="call", notes="Moved")
    assert writes.update_interaction(database, call, edited) == change(interactions=[bob])
    deleted = writes.delete_interaction(database, call)
    assert deleted.change == change(interactions=[bob])
    assert deleted.value is not None and deleted.value["notes"] == "Moved"
    assert writes.delete_interaction(database, call) == Written(Change(), None)
    assert writes.restore_interaction(database, deleted.value) == change(interactions=[bob])


def test_one_click_actions(database, network) -> None:  # type: ignore[no-untyped-def]
    bob = network["bob"]
    assert writes.mark_replied(database, bob) == Written(Change(), None)
    outreach = writes.log_outreach(database, bob, TODAY)
    assert outreach.change == change(interactions=[bob])
    replied = writes.mark_replied(database, bob)
    assert replied == Written(change(interactions=[bob]), (outreach.value, "awaiting"))
    back = writes.set_reply_status(database, outreach.value, "awaiting")
    assert back == change(interactions=[bob])
    assert writes.set_reply_status(database, 99_999, "awaiting") == Change()
    assert writes.log_help(database, bob, "given").change == change(interactions=[bob])


@pytest.mark.parametrize(
    "write",
    [
        lambda db, ids: writes.mark_followups_done(db, ids),
        lambda db, ids: writes.snooze_followups(db, ids, 7, today=TODAY),
        lambda db, ids: writes.reschedule_followups(db, ids, TODAY + 9 * DAY),
    ],
)
def test_follow_up_actions_name_the_contacts_of_the_follow_ups(database, network, write) -> None:  # type: ignore[no-untyped-def]
    ada, chen = network["Ada"], network["Chen"]
    ids = [
        writes.log_interaction(database, InteractionInput(who, TODAY, followup_due=TODAY)).value
        for who in (ada, chen, ada)
    ]
    done = write(database, ids)
    assert done.change == change(interactions=[ada, chen])
    assert set(done.value) == set(ids)
    assert writes.restore_followups(database, done.value) == done.change
    assert write(database, []).change == Change()


def test_dismissing_a_flag_and_counting_it_again(database, network) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.dismissals import dismiss_contact_flag, restore_contact_flag
    from desktop_app.store.insight_inputs import read_dismissed_flags

    ada = network["Ada"]
    assert dismiss_contact_flag(database, ada, "they_only_take") == change(edited=[ada])
    with database.engine.connect() as connection:
        assert read_dismissed_flags(connection) == {ada: frozenset({"they_only_take"})}
    assert restore_contact_flag(database, ada, "they_only_take") == change(edited=[ada])
    with database.engine.connect() as connection:
        assert read_dismissed_flags(connection) == {}


def test_the_people_of_an_event(database, network) -> None:  # type: ignore[no-untyped-def]
    event_id = events.create_event(
        database, events.EventInput(name="Mixer", starts_at=dt.datetime(2025, 3, 1, 18))
    )
    bob = network["bob"]
    assert events.set_attendance(database, event_id, bob, "met") == change(edited=[bob])
    created = event_people.create_contact_at_event(database, event_id, "Ann", "Okafor")
    ann = created.value
    assert created.change == change(moved=[ann])
    followed = event_people.follow_up_everyone_met(database, event_id, TODAY)
    assert followed.change == change(interactions=[bob, ann])
    assert sorted(followed.value) == sorted([bob, ann])
    undone = event_people.unfollow_everyone_met(database, event_id, followed.value)
    assert undone == followed.change
    assert events.remove_attendance(database, event_id, bob) == change(edited=[bob])
