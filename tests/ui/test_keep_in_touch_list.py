"""Keep in touch on the Follow-ups page: who is due, in order, with the counts; every quick
action from the keyboard, the context menu and the buttons, each undone; the list kept
current after writes here and elsewhere; the empty state; ``receive``; the layout kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QPushButton

from desktop_app.insights import keep_in_touch as rules
from desktop_app.page_names import CONTACTS
from desktop_app.store import keep_in_touch as kit
from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.services import Services
from tests.ui.dialogs import when_dialog_opens, when_menu_pops_up
from tests.ui.keep_in_touch_helpers import (
    TODAY,
    choose,
    current_name,
    fill_overdue,
    names,
    open_page,
    row_texts,
)

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def people(db_path: Path) -> dict[str, int]:
    return fill_overdue(db_path)


@pytest.fixture
def opened(db_path: Path, people: dict[str, int]):  # type: ignore[no-untyped-def]
    from desktop_app.store.database import open_database

    db = open_database(str(db_path))
    yield db
    db.close()


def test_who_is_due_shows_latest_first_with_the_counts_in_the_heading(
    qtbot, qtmodeltester, opened
) -> None:
    page = open_page(qtbot, opened)
    listed = page.keep_in_touch
    assert names(page) == ["Cy Young", "Ada Lovelace", "Bo Berg"]  # Dee is not due
    assert listed.heading.text() == "Keep in touch — 3 overdue, 0 aligned"
    headers = [listed.model.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    assert headers == ["Name", "Company", "Cadence", "Last touch", "Overdue by", "Alignment"]
    assert row_texts(page, "Bo Berg") == [
        "Bo Berg",
        "Fjord Capital",
        "Every 2 weeks",
        format_date(TODAY - dt.timedelta(days=14)),
        "due today",
        "–",
    ]
    ninety_ago = TODAY - dt.timedelta(days=90)
    late = (TODAY - rules.add_months(ninety_ago, 1)).days
    assert row_texts(page, "Cy Young")[2:5] == ["Monthly", format_date(ninety_ago), f"{late} days"]
    assert listed.stack.currentWidget() is listed.table
    qtmodeltester.check(listed.model)


def test_the_order_and_counts_are_the_stores_on_the_demo_database(qtbot, demo_database) -> None:
    from desktop_app.store.scores import ensure_insights_current

    ensure_insights_current(demo_database)
    rows = kit.read_overdue(demo_database)
    overdue, aligned = kit.overdue_counts(demo_database)
    page = open_page(qtbot, demo_database)
    assert len(rows) == overdue > 20 and 0 < aligned < overdue
    assert names(page) == [row.name for row in rows]
    assert page.keep_in_touch.heading.text() == (
        f"Keep in touch — {overdue} overdue, {aligned} aligned"
    )
    model = page.keep_in_touch.model
    shown = [model.index(row, 5).data() for row in range(model.rowCount())]
    assert shown == [str(row.alignment) for row in rows]  # all scored


def test_snooze_a_week_by_keyboard_moves_on_to_the_next_and_undo_brings_back(qtbot, opened) -> None:
    services = Services.standalone()
    page = open_page(qtbot, opened, services)
    choose(page, "Cy Young")
    qtbot.keyClick(page.keep_in_touch.table, Qt.Key.Key_W, CTRL_SHIFT)
    assert names(page) == ["Ada Lovelace", "Bo Berg"]
    assert current_name(page) == "Ada Lovelace"  # the next row, ready for the next key
    until = format_date(TODAY + dt.timedelta(days=7))
    assert services.status_bar.currentMessage().startswith(
        f"Snoozed keeping in touch with Cy Young until {until}"
    )
    assert page.keep_in_touch.heading.text() == "Keep in touch — 2 overdue, 0 aligned"
    services.undo_stack.undo()
    assert names(page) == ["Cy Young", "Ada Lovelace", "Bo Berg"]
    assert current_name(page) == "Cy Young"  # back, and chosen again


def test_snooze_a_month_acts_on_the_whole_selection(qtbot, opened, people) -> None:
    services = Services.standalone()
    page = open_page(qtbot, opened, services)
    choose(page, "Ada Lovelace", "Bo Berg")
    qtbot.keyClick(page.keep_in_touch.table, Qt.Key.Key_M, CTRL_SHIFT)
    assert names(page) == ["Cy Young"]
    assert current_name(page) == "Cy Young"
    month = TODAY + dt.timedelta(days=30)
    assert sorted(kit.read_overdue_ids(opened, month)) == sorted(
        people[n] for n in ("Ada", "Bo", "Cy")
    )
    assert services.undo_stack.undoText() == "Snooze Keeping in Touch with 2 contacts"
    services.undo_stack.undo()
    assert names(page) == ["Cy Young", "Ada Lovelace", "Bo Berg"]
    assert page.keep_in_touch.selected_ids() == [people["Ada"], people["Bo"]]  # chosen again


def test_change_cadence_from_the_keyboard_and_undo(qtbot, opened, people) -> None:
    services = Services.standalone()
    page = open_page(qtbot, opened, services)
    choose(page, "Ada Lovelace")
    offered: list[list[str]] = []

    def pick_yearly(menu: QMenu) -> None:
        offered.append([a.text() for a in menu.actions() if a.text()])
        assert not any(a.isChecked() for a in menu.actions())  # own cadence unknown here
        menu.setActiveAction(next(a for a in menu.actions() if a.text() == "&Yearly"))
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    when_menu_pops_up(pick_yearly, QMenu)
    qtbot.keyClick(page.keep_in_touch.table, Qt.Key.Key_C, CTRL_SHIFT)
    qtbot.waitUntil(lambda: names(page) == ["Cy Young", "Bo Berg"])
    assert offered[0][0] == "&Default (from Tags and Verdict)"
    assert "&Yearly" in offered[0] and "Every 2 &Weeks" in offered[0]
    assert current_name(page) == "Bo Berg"
    assert services.undo_stack.undoText() == "Change Cadence of Ada Lovelace"
    services.undo_stack.undo()
    assert names(page) == ["Cy Young", "Ada Lovelace", "Bo Berg"]
    assert row_texts(page, "Ada Lovelace")[2] == "Monthly"


def test_the_context_menu_offers_every_quick_action(qtbot, opened) -> None:
    services = Services.standalone()
    page = open_page(qtbot, opened, services)
    choose(page, "Bo Berg")
    found: list[dict[str, str]] = []

    def snooze(menu: QMenu) -> None:
        found.append({a.text(): a.shortcut().toString() for a in menu.actions() if a.text()})
        menu.setActiveAction(next(a for a in menu.actions() if a.text() == "Snooze a &Week"))
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    when_menu_pops_up(snooze, QMenu)
    table = page.keep_in_touch.table
    table.customContextMenuRequested.emit(table.visualRect(table.currentIndex()).center())
    qtbot.waitUntil(lambda: names(page) == ["Cy Young", "Ada Lovelace"])
    assert found[0] == {
        "&Log Interaction…": "Ctrl+L",
        "Snooze a &Week": "Ctrl+Shift+W",
        "Snooze a &Month": "Ctrl+Shift+M",
        "&Cadence": "",
        "&Open Contact": "Return",
    }
    assert current_name(page) == "Ada Lovelace"  # Bo was last: the row above him now
    services.undo_stack.undo()
    assert names(page) == ["Cy Young", "Ada Lovelace", "Bo Berg"]


def test_the_buttons_act_on_the_selection(qtbot, opened) -> None:
    services = Services.standalone()
    page = open_page(qtbot, opened, services)
    snooze = page.findChild(QPushButton, "keepInTouchButton_snooze")
    assert not snooze.isEnabled()  # nothing chosen yet
    choose(page, "Cy Young", "Bo Berg")
    assert snooze.isEnabled()

    def for_a_month(menu: QMenu) -> None:
        menu.setActiveAction(next(a for a in menu.actions() if a.text() == "Snooze a &Month"))
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    when_menu_pops_up(for_a_month, QMenu)
    qtbot.mouseClick(snooze, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: names(page) == ["Ada Lovelace"])
    cadence = page.findChild(QPushButton, "keepInTouchButton_cadence")
    assert [a.text() for a in cadence.menu().actions() if a.text()][-1] == "&Never"


def test_logging_an_interaction_takes_the_contact_off_and_undo_puts_them_back(
    qtbot, opened
) -> None:
    services = Services.standalone()
    page = open_page(qtbot, opened, services)
    choose(page, "Ada Lovelace")
    seen: list[str] = []

    def log(dialog: InteractionDialog) -> None:
        seen.append(dialog.who.text())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog_opens(log, InteractionDialog)
    qtbot.keyClick(page.keep_in_touch.table, Qt.Key.Key_L, CTRL)
    assert seen == ["With Ada Lovelace"]
    assert names(page) == ["Cy Young", "Bo Berg"]  # her clock restarted today
    assert current_name(page) == "Bo Berg"
    assert services.undo_stack.undoText() == "Log Interaction with Ada Lovelace"
    services.undo_stack.undo()
    assert names(page) == ["Cy Young", "Ada Lovelace", "Bo Berg"]


def test_return_opens_the_contact_on_the_contacts_page(qtbot, opened, people) -> None:
    asked: list[tuple[str, dict[str, object]]] = []
    services = Services.standalone(navigate=lambda name, **intent: asked.append((name, intent)))
    page = open_page(qtbot, opened, services)
    choose(page, "Bo Berg")
    qtbot.keyClick(page.keep_in_touch.table, Qt.Key.Key_Return)
    assert asked == [(CONTACTS, {"contact_id": people["Bo"]})]


def test_writes_elsewhere_update_the_list_now_or_when_it_shows_again(qtbot, opened, people) -> None:
    from desktop_app.store.changes import change

    services = Services.standalone()
    page = open_page(qtbot, opened, services)
    choose(page, "Ada Lovelace")
    kit.set_contact_cadence(opened, [people["Bo"]], rules.NOW)  # as the contacts page does
    services.changes.report(change(edited=[people["Bo"]]))
    assert names(page) == ["Bo Berg", "Cy Young", "Ada Lovelace"]  # now the latest of all
    assert current_name(page) == "Ada Lovelace"  # the selection stays with her
    assert page.keep_in_touch.selected_ids() == [people["Ada"]]
    page.hide()
    kit.snooze_contacts(opened, [people["Cy"]], TODAY + dt.timedelta(days=7))
    services.changes.report(change(edited=[people["Cy"]]))
    assert "Cy Young" in names(page)  # hidden: read when shown again
    page.show()
    assert "Cy Young" not in names(page)
    assert page.keep_in_touch.heading.text() == "Keep in touch — 2 overdue, 0 aligned"


def test_an_empty_list_says_what_it_is_and_how_to_fill_it(qtbot, database) -> None:
    page = open_page(qtbot, database)
    listed = page.keep_in_touch
    assert listed.stack.currentWidget() is listed.empty
    assert listed.empty.heading.text() == "Nobody is due to hear from you"
    body = listed.empty.body.text()
    assert "cadence" in body and "Settings" in body and "context menu" in body
    assert listed.heading.text() == "Keep in touch"
    assert not page.findChild(QPushButton, "keepInTouchButton_log").isEnabled()


def test_the_empty_state_shows_once_the_last_one_is_snoozed(qtbot, opened) -> None:
    services = Services.standalone()
    page = open_page(qtbot, opened, services)
    listed = page.keep_in_touch
    choose(page, "Cy Young", "Ada Lovelace", "Bo Berg")
    qtbot.keyClick(listed.table, Qt.Key.Key_W, CTRL_SHIFT)
    assert names(page) == []
    assert listed.stack.currentWidget() is listed.empty
    services.undo_stack.undo()
    assert listed.stack.currentWidget() is listed.table


def test_receive_puts_the_keyboard_on_the_first_row(qtbot, opened) -> None:
    page = open_page(qtbot, opened)
    page.tree.setFocus()
    page.receive(show="keep_in_touch")
    table = page.keep_in_touch.table
    qtbot.waitUntil(table.hasFocus)
    assert current_name(page) == "Cy Young"
    assert page.keep_in_touch.selected_ids() == [table.model().row_id(0)]
    page.receive()  # nothing asked: nothing moves
    assert current_name(page) == "Cy Young"
    with pytest.raises(ValueError):
        page.receive(show="everything")
    with pytest.raises(TypeError):
        page.receive(contact_id=1)


def test_the_layout_is_remembered(qtbot, opened, tmp_path: Path) -> None:
    ui_state = QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)
    page = open_page(qtbot, opened, Services.standalone(ui_state=ui_state))
    page.keep_in_touch.table.setColumnWidth(1, 333)
    page.splitter.setSizes([200, 500])
    sizes = page.splitter.sizes()
    page.save_state(ui_state)
    again = open_page(qtbot, opened, Services.standalone(ui_state=ui_state))
    assert again.keep_in_touch.table.columnWidth(1) == 333
    assert again.splitter.sizes() == sizes


def test_through_the_window_ctrl_l_logs_with_the_listed_contact_and_ctrl_z_undoes(
    qtbot, db_path: Path, people
) -> None:
    from desktop_app.page_names import FOLLOWUPS
    from desktop_app.ui.shell.shortcuts_dialog import shortcut_rows
    from tests.ui.conftest import make_window

    window = make_window(qtbot, db_path)
    window.show_page(CONTACTS)  # its Log Interaction… (Ctrl+L) is in the window's menu
    window.navigate(FOLLOWUPS, show="keep_in_touch")  # as the Dashboard's card asks
    page = window.page(FOLLOWUPS)
    table = page.keep_in_touch.table
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert current_name(page) == "Ada Lovelace"
    seen: list[str] = []

    def log(dialog: InteractionDialog) -> None:
        seen.append(dialog.who.text())
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog_opens(log, InteractionDialog)
    qtbot.keyClick(table, Qt.Key.Key_L, CTRL)
    assert seen == ["With Ada Lovelace"]  # not the Contacts page's contact
    assert window.current_page() is page
    assert names(page) == ["Cy Young", "Bo Berg"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: names(page) == ["Cy Young", "Ada Lovelace", "Bo Berg"])
    rows = set(shortcut_rows(window))
    assert ("Follow-ups", "Keep in touch: Log Interaction…", "Ctrl+L") in rows
    assert ("Follow-ups", "Keep in touch: Snooze a Week", "Ctrl+Shift+W") in rows
    assert ("Follow-ups", "Keep in touch: Open Contact", "Return, Enter") in rows
    window.close()
