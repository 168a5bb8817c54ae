"""No two entries of a menu, or of one screen of a dialog, share a mnemonic (Alt+letter):
every menu of the main window, and every dialog the program builds, opened as a user would."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

import desktop_app.ui
from tests.ui.dialogs import reactivate, when_dialog_opens, when_menu_pops_up
from tests.ui.evidence_files import calendar_file, export_zip
from tests.ui.importing import linkedin_file, open_preview
from tests.ui.mnemonics import dialog_clashes, menu_clashes, shared


def program_dialogs() -> set[str]:
    """Every dialog class of the ui (progress dialogs aside: a Cancel button only)."""
    found = set()
    for module in pkgutil.walk_packages(desktop_app.ui.__path__, "desktop_app.ui."):
        for name, cls in inspect.getmembers(importlib.import_module(module.name), inspect.isclass):
            if (
                issubclass(cls, QDialog)
                and cls.__module__ == module.name
                and not issubclass(cls, QProgressDialog)
            ):
                found.add(name)
    return found


def test_no_menu_shares_a_mnemonic(qtbot, window) -> None:
    for entry in window.page_entries:
        window.page(entry.name)  # every page has added its actions
    bar = window.menuBar()
    menus = [action.menu() for action in bar.actions() if action.menu() is not None]
    problems = [f"menu bar: {k!r} in {v}" for k, v in shared([m.title() for m in menus]).items()]
    for menu in menus:
        problems += menu_clashes(menu)
    # The context menus of the tables: the same actions, with printing.
    for name in ("contacts", "events"):
        page = window.page(name)
        window.show_page(name)
        page.table.selectRow(0)
        popped = when_menu_pops_up(lambda menu: (problems.extend(menu_clashes(menu)), menu.close()))
        where = page.table.visualRect(page.table.currentIndex()).center()
        page.table.customContextMenuRequested.emit(QPoint(where))
        assert popped, name
    assert problems == [], "\n".join(problems)
    view = next(m for m in menus if m.title() == "&View")
    # Shown as "Goal & Pitch", with Alt+G.
    assert [a.text() for a in view.actions()][-1] == "&Goal && Pitch"


def test_no_dialog_shares_a_mnemonic(qtbot, window, tmp_path: Path) -> None:
    problems: list[str] = []
    checked: set[str] = set()

    def check(dialog: QWidget) -> None:
        checked.add(type(dialog).__name__)
        problems.extend(dialog_clashes(dialog))
        dialog.reject()

    def opened_by(trigger) -> None:  # type: ignore[no-untyped-def]
        seen = when_dialog_opens(check, QDialog)
        trigger()
        qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
        reactivate(qtbot, window)

    contacts = window.page("contacts")
    window.show_page("contacts")
    opened_by(contacts.new_contact)
    contacts.table.selectRow(0)
    opened_by(contacts.log_interaction)
    opened_by(window.actions["print_preview"].trigger)  # which contacts, which layout
    events = window.page("events")
    window.show_page("events")
    opened_by(events.new_event)
    events.table.selectRow(0)
    qtbot.keyClicks(events.detail.picker.name, "Zed Quill")
    opened_by(lambda: qtbot.mouseClick(events.detail.picker.new_button, Qt.MouseButton.LeftButton))
    opened_by(window.actions["settings"].trigger)
    opened_by(window.actions["export"].trigger)
    opened_by(window.actions["shortcuts"].trigger)
    opened_by(window.actions["open_server"].trigger)
    goal = window.page("goal")
    window.show_page("goal")
    opened_by(goal.open_wizard)
    preview = open_preview(
        qtbot, window, linkedin_file(tmp_path / "in.csv", ["Ann,Lee,,,Acme,Engineer,1 Mar 2020"])
    )
    check(preview)
    for evidence in (export_zip(tmp_path), calendar_file(tmp_path)):
        check(open_preview(qtbot, window, evidence))

    assert problems == [], "\n".join(problems)
    assert checked == program_dialogs()
