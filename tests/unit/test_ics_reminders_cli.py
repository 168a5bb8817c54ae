"""``netwise export ics`` carries birthdays as yearly events and keep-in-touch days as
to-dos: a real process on a real file, read back with icalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from icalendar import Calendar

from desktop_app.insights import keep_in_touch as rules
from desktop_app.store import keep_in_touch as kit
from desktop_app.store.birthdays import set_birthday
from desktop_app.store.contacts import create_contact
from desktop_app.store.database import open_database
from desktop_app.store.interactions import log_interaction
from desktop_app.store.records import ContactInput, InteractionInput
from tests.unit.processes import run_netwise


def test_export_ics_adds_birthdays_and_keep_in_touch_todos(tmp_path: Path) -> None:
    path = tmp_path / "netwise.sqlite3"
    db = open_database(str(path))
    ada = create_contact(db, ContactInput(first_name="Ada", company="Helix")).value
    lena = create_contact(db, ContactInput(first_name="Lena")).value
    set_birthday(db, ada, rules.Birthday(12, 10, 1815))
    set_birthday(db, lena, rules.Birthday(2, 29))
    kit.set_contact_cadence(db, [ada], rules.MONTH)
    kit.set_contact_cadence(db, [lena], rules.NEVER)  # scored, she would have a default
    log_interaction(db, InteractionInput(ada, dt.date(2026, 1, 31)))
    db.close()

    out = tmp_path / "calendar.ics"
    result = run_netwise("--db", str(path), "export", "ics", str(out))
    assert result.returncode == 0, result.stderr
    assert "2 birthdays and 1 keep-in-touch day" in result.stdout
    calendar = Calendar.from_ical(out.read_bytes())
    birthdays = {
        str(e["summary"]): e for e in calendar.walk("VEVENT") if "Birthday" in str(e["summary"])
    }
    ada_birthday = birthdays["Birthday: Ada"]
    assert ada_birthday.decoded("dtstart") == dt.date(1815, 12, 10)
    assert ada_birthday["rrule"]["FREQ"] == ["YEARLY"]
    leap = birthdays["Birthday: Lena"]
    assert leap.decoded("dtstart") == dt.date(2000, 2, 29)
    assert leap["rrule"]["BYMONTHDAY"] == [-1]  # the last day of February: 28th or 29th
    [todo] = calendar.walk("VTODO")
    assert str(todo["summary"]) == "Keep in touch: Ada (Helix)"
    assert todo.decoded("due") == dt.date(2026, 2, 28)  # 31 January plus a month

    again = tmp_path / "again.ics"
    run_netwise("--db", str(path), "export", "ics", str(again))
    uids = sorted(
        str(c["uid"]) for c in Calendar.from_ical(again.read_bytes()).walk() if "uid" in c
    )
    assert uids == sorted(str(c["uid"]) for c in calendar.walk() if "uid" in c)
