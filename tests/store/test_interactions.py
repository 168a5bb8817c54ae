"""Interactions and follow-ups: derived dates stay current, quick actions, groups, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.store import interactions as writes
from desktop_app.store.contact_detail import read_contact_detail
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.followups import followup_counts, followups_in_group
from desktop_app.store.records import InteractionInput
from tests.store.conftest import TODAY

pytestmark = pytest.mark.both_databases

DAY = dt.timedelta(days=1)


def dates(reader, contact_id: int):  # type: ignore[no-untyped-def]
    detail = read_contact_detail(reader, contact_id)
    return detail.last_interaction_on, detail.next_followup_on


def test_log_edit_delete_keep_the_contact_dates_current(database, reader, network) -> None:
    bob = network["bob"]
    assert dates(reader, bob) == (None, None)
    first = writes.log_interaction(
        database, InteractionInput(bob, TODAY - 5 * DAY, followup_due=TODAY + 3 * DAY)
    ).value
    assert dates(reader, bob) == (TODAY - 5 * DAY, TODAY + 3 * DAY)
    second = writes.log_interaction(database, InteractionInput(bob, TODAY - DAY, kind="call"))
    second = second.value
    assert dates(reader, bob) == (TODAY - DAY, TODAY + 3 * DAY)
    writes.update_interaction(database, second, InteractionInput(bob, TODAY - 9 * DAY))
    assert dates(reader, bob) == (TODAY - 5 * DAY, TODAY + 3 * DAY)
    row = writes.delete_interaction(database, first).value
    assert dates(reader, bob) == (TODAY - 9 * DAY, None)
    writes.restore_interaction(database, row)
    assert dates(reader, bob) == (TODAY - 5 * DAY, TODAY + 3 * DAY)


def test_timeline_is_newest_first_with_open_followups(database, reader, network) -> None:
    ada = network["Ada"]
    writes.log_interaction(database, InteractionInput(ada, TODAY, kind="email", notes="Thanks!"))
    writes.log_interaction(
        database, InteractionInput(ada, TODAY - 20 * DAY, followup_due=TODAY - DAY)
    )
    detail = read_contact_detail(reader, ada)
    assert [i.occurred_on for i in detail.interactions] == [
        TODAY,
        TODAY - 10 * DAY,
        TODAY - 20 * DAY,
    ]
    assert [i.followup_due for i in detail.open_followups] == [TODAY - DAY, TODAY + 2 * DAY]


@pytest.mark.parametrize(
    "data",
    [
        InteractionInput(1, TODAY, kind="telepathy"),
        InteractionInput(1, TODAY, initiated_by="nobody"),
        InteractionInput(1, TODAY, reply_status="maybe"),
        InteractionInput(1, TODAY, help_given="huge"),
        InteractionInput(1, TODAY, minutes=-5),
        InteractionInput(999, TODAY),
    ],
)
def test_invalid_interactions_are_refused(database, network, data) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InvalidInputError):
        writes.log_interaction(database, data)


def test_quick_actions(database, reader, network) -> None:
    bob = network["bob"]
    assert writes.mark_replied(database, bob).value is None
    received = writes.log_help(database, bob, "received", today=TODAY - DAY).value
    outreach = writes.log_outreach(database, bob, TODAY).value
    helped = writes.log_help(database, bob, "given", "medium", TODAY).value
    assert writes.mark_replied(database, bob).value == (outreach, "awaiting")
    by_id = {i.id: i for i in read_contact_detail(reader, bob).interactions}
    assert (by_id[outreach].kind, by_id[outreach].reply_status) == ("outreach", "replied")
    assert (by_id[helped].help_given, by_id[helped].help_received) == ("medium", "none")
    assert (by_id[received].initiated_by, by_id[received].help_received) == ("them", "small")
    with pytest.raises(InvalidInputError):
        writes.log_help(database, bob, "sideways")


def _due(database, contact_id: int, due: dt.date) -> int:  # type: ignore[no-untyped-def]
    return writes.log_interaction(
        database, InteractionInput(contact_id, TODAY - 30 * DAY, followup_due=due)
    ).value


def test_followups_fall_into_their_groups(database, reader, network) -> None:
    overdue = _due(database, network["bob"], TODAY - 3 * DAY)
    today = _due(database, network["Chen"], TODAY)
    week_end = _due(database, network["bob"], TODAY + 6 * DAY)
    later = _due(database, network["Chen"], TODAY + 7 * DAY)
    counts = followup_counts(reader, TODAY)
    assert counts == {"overdue": 1, "today": 1, "this_week": 2, "later": 1}
    ids = {
        group: [f.interaction_id for f in followups_in_group(reader, group, TODAY)]
        for group in counts
    }
    assert ids["overdue"] == [overdue]
    assert ids["today"] == [today]
    assert ids["this_week"][1] == week_end  # after Ada's, due in two days
    assert ids["later"] == [later]
    first = followups_in_group(reader, "this_week", TODAY)[0]
    assert (first.contact_name, first.company) == ("Ada Lovelace", "Helix Cloud")


def test_done_snooze_reschedule_and_undo(database, reader, network) -> None:
    bob = network["bob"]
    overdue = _due(database, bob, TODAY - 3 * DAY)
    previous = writes.mark_followups_done(database, [overdue]).value
    assert followup_counts(reader, TODAY)["overdue"] == 0
    assert dates(reader, bob)[1] is None
    writes.restore_followups(database, previous)
    assert followup_counts(reader, TODAY)["overdue"] == 1
    writes.snooze_followups(database, [overdue], 2, today=TODAY)
    assert dates(reader, bob)[1] == TODAY + 2 * DAY
    writes.reschedule_followups(database, [overdue], TODAY + 30 * DAY)
    assert dates(reader, bob)[1] == TODAY + 30 * DAY
    assert followup_counts(reader, TODAY)["later"] == 1


def reply_statuses(reader, contact_id: int) -> dict[dt.date, str]:  # type: ignore[no-untyped-def]
    detail = read_contact_detail(reader, contact_id)
    return {i.occurred_on: i.reply_status for i in detail.interactions if i.kind == "outreach"}


def test_their_answer_in_the_reply_window_marks_my_outreach_replied(
    database, reader, network
) -> None:
    ada, bob = network["Ada"], network["bob"]
    for days_ago in (40, 10, 3):
        writes.log_outreach(database, ada, TODAY - days_ago * DAY)
    writes.log_outreach(database, bob, TODAY - 3 * DAY)
    call = InteractionInput(ada, TODAY, kind="call", initiated_by="them")
    writes.log_interaction(database, call)
    # The last 14 days' outreach was answered; the one of 40 days ago, and Bob's, were not.
    assert reply_statuses(reader, ada) == {
        TODAY - 40 * DAY: "awaiting",
        TODAY - 10 * DAY: "replied",
        TODAY - 3 * DAY: "replied",
    }
    assert reply_statuses(reader, bob) == {TODAY - 3 * DAY: "awaiting"}
