"""The keep-in-touch writes every view shares: cadence and snooze through the undo stack,
on a real database, and the menu that offers them."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from desktop_app.insights import keep_in_touch as rules
from desktop_app.store import keep_in_touch as kit
from desktop_app.store.contacts import create_contact
from desktop_app.store.records import ContactInput
from desktop_app.ui.common.keep_in_touch_operations import MENU_TEXTS, KeepInTouchOperations
from desktop_app.ui.common.services import Services

LATER = rules.add_months(dt.date.today(), 3)


def build(qtbot, database):  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    services = Services.standalone()
    heard = []
    services.changes.changed.connect(heard.append)
    operations = KeepInTouchOperations(
        parent, lambda: database, services.undo_stack, services.changes
    )
    return operations, services.undo_stack, heard


def overdue(database) -> list[int]:  # type: ignore[no-untyped-def]
    return kit.read_overdue_ids(database, LATER)


def test_a_cadence_change_is_undone_and_redone(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    ann = create_contact(database, ContactInput(first_name="Ann")).value
    bo = create_contact(database, ContactInput(first_name="Bo")).value
    operations, stack, heard = build(qtbot, database)
    assert overdue(database) == []  # not scored yet: no default cadence

    assert operations.set_cadence([ann, bo], rules.MONTH)
    assert sorted(overdue(database)) == [ann, bo]
    assert heard and set(heard[-1].edited) == {ann, bo}
    assert stack.undoText() == "Change Cadence of 2 contacts"

    stack.undo()
    assert overdue(database) == []
    stack.redo()
    assert sorted(overdue(database)) == [ann, bo]


def test_a_snooze_hides_until_its_day_and_undo_brings_back(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    ann = create_contact(database, ContactInput(first_name="Ann")).value
    kit.set_contact_cadence(database, [ann], rules.TWO_WEEKS)
    operations, stack, _heard = build(qtbot, database)
    today = LATER
    assert operations.snooze([ann], 30, "Ann", today=today)
    assert kit.read_overdue_ids(database, today) == []
    assert kit.read_overdue_ids(database, today + dt.timedelta(days=30)) == [ann]
    stack.undo()
    assert kit.read_overdue_ids(database, today) == [ann]


def test_the_menu_checks_the_current_cadence_and_acts_on_the_chosen(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    ann = create_contact(database, ContactInput(first_name="Ann")).value
    operations, stack, _heard = build(qtbot, database)
    owner = QWidget()
    qtbot.addWidget(owner)
    menu = operations.menu(owner, lambda: [ann], current=None)
    cadences = {action.text(): action for action in menu.actions()[0].menu().actions()}
    assert cadences[MENU_TEXTS[None]].isChecked()
    cadences["&Quarterly"].trigger()
    assert kit.read_overdue_ids(database, LATER) == [ann]
    snoozes = [action.text() for action in menu.actions() if action.text()][1:]
    assert snoozes == ["Snooze a &Week", "Snooze a &Month"]
    stack.undo()
    assert kit.read_overdue_ids(database, LATER) == []
