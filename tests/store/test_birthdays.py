"""Birthdays in the store: set, clear, read back, and the ones coming up."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.insights.keep_in_touch import Birthday
from desktop_app.store.birthdays import read_birthday, read_birthdays_within, set_birthday
from desktop_app.store.changes import change
from desktop_app.store.contacts import create_contact
from desktop_app.store.errors import InvalidInputError
from tests.store.conftest import person

pytestmark = pytest.mark.both_databases


def test_a_birthday_is_set_read_and_cleared(database) -> None:  # type: ignore[no-untyped-def]
    ada = create_contact(database, person("Ada")).value
    assert read_birthday(database, ada) is None
    written = set_birthday(database, ada, Birthday(12, 10, 1815))
    assert written.value is None and written.change == change(edited=[ada])
    assert read_birthday(database, ada) == Birthday(12, 10, 1815)
    cleared = set_birthday(database, ada, None)
    assert cleared.value == Birthday(12, 10, 1815)
    assert read_birthday(database, ada) is None
    with pytest.raises(InvalidInputError, match="no longer exists"):
        set_birthday(database, 9999, Birthday(1, 1))


def test_birthdays_coming_up_soonest_first_29_february_on_28th(database) -> None:  # type: ignore[no-untyped-def]
    ids = {
        name: create_contact(database, person(name)).value
        for name in ("Leap", "March", "Later", "None")
    }
    set_birthday(database, ids["Leap"], Birthday(2, 29, 1992))
    set_birthday(database, ids["March"], Birthday(3, 1))
    set_birthday(database, ids["Later"], Birthday(3, 20))
    coming = read_birthdays_within(database, dt.date(2025, 2, 26), 7)
    assert [(c.name, c.on, c.days_away) for c in coming] == [
        ("Leap", dt.date(2025, 2, 28), 2),
        ("March", dt.date(2025, 3, 1), 3),
    ]
    assert coming[0].birthday.age_on(coming[0].on) == 33
