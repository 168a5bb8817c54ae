"""What is due today for the reminders: follow-ups due today and overdue, done ones not."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.store import interactions as writes
from desktop_app.store.due import DueToday, read_due
from desktop_app.store.records import InteractionInput
from tests.store.conftest import TODAY

pytestmark = pytest.mark.both_databases

DAY = dt.timedelta(days=1)


def test_due_counts_today_and_overdue_follow_ups_and_leaves_out_done_ones(
    database, network
) -> None:
    # The network holds one follow-up due in two days: not due yet.
    assert read_due(database, TODAY) == DueToday(TODAY, 0, 0)
    logged = [
        writes.log_interaction(
            database,
            InteractionInput(
                network["bob"], TODAY - days_ago * DAY, followup_due=TODAY + followup * DAY
            ),
        ).value
        for days_ago, followup in ((9, -3), (8, -1), (7, 0), (6, 0), (5, 0), (4, -2))
    ]
    writes.mark_followups_done(database, logged[-2:])
    due = read_due(database, TODAY)
    assert due == DueToday(TODAY, followups_today=2, followups_overdue=2) and due.total == 4
    # Two days on, the one in the network falls due and today's are overdue.
    assert read_due(database, TODAY + 2 * DAY) == DueToday(TODAY + 2 * DAY, 1, 4)


def test_due_counts_contacts_to_keep_in_touch_with_and_birthdays_coming(database, network) -> None:
    from desktop_app.insights.keep_in_touch import TWO_WEEKS, Birthday
    from desktop_app.store.birthdays import set_birthday
    from desktop_app.store.keep_in_touch import set_contact_cadence

    before = read_due(database, TODAY)
    # Chen was last heard of 40 days ago: every two weeks makes them overdue.
    set_contact_cadence(database, [network["Chen"]], TWO_WEEKS)
    set_birthday(database, network["Ada"], Birthday(3, 17))  # in three days
    set_birthday(database, network["bob"], Birthday(4, 30))  # weeks away: not yet
    due = read_due(database, TODAY)
    assert due.keep_in_touch == before.keep_in_touch + 1
    assert (due.birthdays, due.birthday_days) == (1, 7)
    assert due.total == before.total + 2
