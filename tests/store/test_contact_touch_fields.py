"""A contact's own keep-in-touch cadence and birthday, written with the contact's other
fields, and the state the detail read gives: which cadence applies, from where, and when
they are next due."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from desktop_app.insights import keep_in_touch as rules
from desktop_app.insights.keep_in_touch import Birthday
from desktop_app.store import keep_in_touch as kit
from desktop_app.store.birthdays import read_birthday
from desktop_app.store.contact_detail import read_contact_detail
from desktop_app.store.contacts import add_tag, create_contact, update_contact
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.scores import ensure_insights_current
from tests.store.conftest import person

ADDED = dt.date.today()
LATER = rules.add_months(ADDED, 3)


def test_cadence_and_birthday_are_written_with_the_contact(database, reader) -> None:  # type: ignore[no-untyped-def]
    data = person("Ada", touch_cadence=rules.MONTH, birthday=Birthday(2, 29))
    ada = create_contact(database, data).value
    assert read_birthday(database, ada) == Birthday(2, 29)
    assert kit.read_overdue_ids(database, LATER) == [ada]  # due at once, no rescoring
    detail = read_contact_detail(reader, ada)
    assert detail.contact == data
    update_contact(database, ada, person("Ada", birthday=Birthday(3, 12, 1986)))
    assert read_birthday(database, ada) == Birthday(3, 12, 1986)
    assert kit.read_overdue_ids(database, LATER) == []  # back to the default: never yet
    update_contact(database, ada, person("Ada"))
    assert read_birthday(database, ada) is None
    with pytest.raises(InvalidInputError, match="cadence"):
        update_contact(database, ada, person("Ada", touch_cadence="weekly"))


def test_the_detail_says_which_cadence_applies_and_why(database, reader) -> None:  # type: ignore[no-untyped-def]
    ada = create_contact(database, person("Ada", tags=("mentor", "climate"))).value
    state = read_contact_detail(reader, ada).keep_in_touch
    assert (state.own, state.cadence, state.source) == (None, rules.NEVER, "unscored")
    assert state.last_touch_on == ADDED and state.due_on is None

    with database.transaction() as session:
        tags = dict(session.execute(text("SELECT name, id FROM tags")).all())
    kit.set_tag_cadence(database, tags["mentor"], rules.HALF_YEAR)
    kit.set_tag_cadence(database, tags["climate"], rules.QUARTER)
    state = read_contact_detail(reader, ada).keep_in_touch
    assert (state.cadence, state.source, state.source_name) == (rules.QUARTER, "tag", "climate")
    assert state.due_on == rules.add_months(ADDED, 3)

    kit.set_contact_cadence(database, [ada], rules.TWO_WEEKS)
    kit.snooze_contacts(database, [ada], ADDED + dt.timedelta(days=30))
    state = read_contact_detail(reader, ada).keep_in_touch
    assert (state.own, state.default, state.source) == (rules.TWO_WEEKS, rules.QUARTER, "tag")
    assert state.due_on == ADDED + dt.timedelta(days=14)
    assert state.snoozed_until == ADDED + dt.timedelta(days=30)


def test_a_verdicts_default_names_the_verdict_and_follows_the_settings(database, reader) -> None:  # type: ignore[no-untyped-def]
    bob = create_contact(database, person("Bob")).value
    add_tag(database, [bob], "untimed")  # a tag without a cadence leaves the verdict's
    ensure_insights_current(database)
    with database.transaction() as session:
        session.execute(text("UPDATE contact_scores SET verdict = 'nurture'"))
    state = read_contact_detail(reader, bob).keep_in_touch
    assert (state.cadence, state.source, state.source_name) == (rules.QUARTER, "verdict", "nurture")
    kit.write_cadence_defaults(database, {"nurture": rules.YEAR})
    assert read_contact_detail(reader, bob).keep_in_touch.cadence == rules.YEAR
