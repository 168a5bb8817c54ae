"""The server of an open window stops and starts again: a save offers Retry and keeps
what was typed, reads say once that the server is out of reach, and the window hears
the other windows again once it is back.

The server here is this module's own, so stopping it leaves the suite's server alone.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from desktop_app.store.contacts import create_contact
from desktop_app.store.database import open_database
from desktop_app.store.demo import open_demo_database
from desktop_app.store.errors import ConnectionLostError
from desktop_app.store.goals import list_goal_versions, read_active_goal, save_goal_version
from desktop_app.store.preferences import read_preferences
from desktop_app.store.records import ContactInput
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from desktop_app.ui.goal.wizard.wizard import GoalWizard
from desktop_app.ui.shell.application import create_application
from desktop_app.ui.shell.crash import CrashHandler
from desktop_app.ui.shell.main_window import MainWindow
from desktop_app.ui.shell.settings_dialog import SettingsDialog
from tests.postgres_server import LOOPBACK, PostgresServer, tcp_server
from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import fill_network, ready, select_only, shown
from tests.ui.dialogs import stop_waiting, when_dialog_opens
from tests.ui.wizard_driver import FINISH, NEXT, click, show_wizard

Button = QMessageBox.StandardButton
LOST = "The connection to the server of “"


@pytest.fixture(scope="module")
def server() -> Iterator[PostgresServer]:
    with tcp_server() as found:
        yield found


@pytest.fixture
def address(server: PostgresServer) -> Iterator[str]:
    """A database holding the five contacts of ``fill_network``, over TCP."""
    name = server.create_database()
    url = f"postgresql+psycopg://netwise@{LOOPBACK}:{server.port}/{name}"
    fill_network(url)  # type: ignore[arg-type]
    yield url
    server.resume_if_halted()
    server.drop_database(name)


@pytest.fixture
def window(qtbot, address: str) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    win = make_window(qtbot, address)  # type: ignore[arg-type]
    yield win
    win.close()


@contextmanager
def crash_handler_for_lost_reads() -> Iterator[None]:
    """NetWise's crash handler, as installed at start-up, for reads a lost connection
    stopped in a slot; any other error still fails the test."""
    handler, previous = CrashHandler(None, show_dialog=True), sys.excepthook

    def hook(kind, value, traceback) -> None:  # type: ignore[no-untyped-def]
        chosen = handler.handle if isinstance(value, ConnectionLostError) else previous
        chosen(kind, value, traceback)

    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous


def out_of_reach_line(window: MainWindow) -> str:
    """The status bar's line saying the server is out of reach, and why (its tooltip)."""
    banner = window.statusBar().findChild(QLabel, "serverOutOfReach")
    if banner is None or not banner.isVisible():
        return ""
    return f"{banner.text()} | {banner.toolTip()}"


def names_in_database(server: PostgresServer, address: str) -> list[str]:
    with server.admin(address.rsplit("/", 1)[1]) as connection:
        return [row[0] for row in connection.execute("SELECT full_name FROM contacts")]


def test_a_contact_typed_while_the_server_is_down_stays_and_retry_saves_it(
    qtbot, server: PostgresServer, address: str, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = ready(qtbot, window)
    seen: dict[str, object] = {}
    with crash_handler_for_lost_reads():
        save_while_down(qtbot, server, page, seen)
    title, text, informative = seen["first"]  # type: ignore[misc]
    assert title == "Connection lost"
    assert text.startswith(LOST) and "was lost" in text and "\n" not in text
    assert "Nothing was saved" in informative
    visible, first, last, company, problem = seen["kept"]  # type: ignore[misc]
    assert visible and (first, last, company) == ("Grace", "Hopper", "Navy")
    assert problem == text  # said under the fields too, after Cancel
    assert seen["second"] and seen["closed"] is True
    assert names_in_database(server, address).count("Grace Hopper") == 1


def save_while_down(qtbot, server: PostgresServer, page, seen: dict[str, object]) -> None:  # type: ignore[no-untyped-def]
    """New Contact, typed; the server stops; Save, Cancel; Save, the server back, Retry."""

    def answer(box: QMessageBox, button: Button, key: str) -> None:
        seen[key] = (box.windowTitle(), box.text(), box.informativeText())
        if button == Button.Retry:
            server.resume()  # the server is back before Retry is clicked
        box.button(button).click()

    def type_and_save(dialog: ContactDialog) -> None:
        qtbot.keyClicks(dialog.first_name, "Grace")
        qtbot.keyClicks(dialog.last_name, "Hopper")
        qtbot.keyClicks(dialog.company, "Navy")
        server.halt()
        save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        when_dialog_opens(lambda box: answer(box, Button.Cancel, "first"), QMessageBox)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        seen["kept"] = (
            dialog.isVisible(),
            dialog.first_name.text(),
            dialog.last_name.text(),
            dialog.company.text(),
            dialog.problem.text(),
        )
        when_dialog_opens(lambda box: answer(box, Button.Retry, "second"), QMessageBox)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        seen["closed"] = not dialog.isVisible()
        server.resume_if_halted()
        if dialog.isVisible():
            dialog.done(0)  # a failed test must not leave the window waiting on it

    when_dialog_opens(type_and_save, ContactDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "closed" in seen, timeout=20_000)


def add_contacts(address: str, count: int) -> None:
    database = open_database(address)
    try:
        for number in range(count):
            create_contact(database, ContactInput("Member", last_name=f"{number:03}"))
        create_contact(database, ContactInput("Grace", last_name="Hopper"))
    finally:
        database.close()


def test_reading_while_the_server_is_down_keeps_the_table_and_says_so_once(
    qtbot, server: PostgresServer, address: str
) -> None:  # type: ignore[no-untyped-def]
    add_contacts(address, 250)  # more rows than one block: scrolling reads the rest
    window = make_window(qtbot, address)  # type: ignore[arg-type]
    try:
        page = ready(qtbot, window)
        qtbot.waitUntil(lambda: not page.model.pending)
        before = shown(page)[:20]
        server.halt()
        with crash_handler_for_lost_reads():
            page.table.scrollToBottom()  # rows never read yet
            qtbot.wait(200)
            page.table.scrollToTop()
            qtbot.keyClicks(page.filter_bar.search, "hopper")
            qtbot.waitUntil(lambda: out_of_reach_line(window) != "", timeout=5_000)
            qtbot.wait(600)  # the search applies after a pause: it finds no server
            assert shown(page)[:20] == before  # what was read stays
            line, why = out_of_reach_line(window).split(" | ")
            assert line.startswith("The server is out of reach") and "\n" not in line
            assert why.startswith(LOST) and "was lost" in why
            assert len(window.findChildren(QMessageBox)) == 0  # no message box, no crash
            server.resume()
            qtbot.waitUntil(lambda: out_of_reach_line(window) == "", timeout=20_000)
            qtbot.waitUntil(lambda: shown(page) == ["Grace Hopper"], timeout=5_000)
    finally:
        window.close()


def test_the_window_hears_another_again_after_the_server_restarts(
    qtbot, server: PostgresServer, address: str, window: MainWindow, caplog
) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.INFO, logger="desktop_app.ui.shell.change_watcher")
    page = ready(qtbot, window)
    server.halt()
    with crash_handler_for_lost_reads():
        qtbot.wait(1500)  # the listener finds its connection gone
        server.resume()
        heard = "Change notices heard again"
        qtbot.waitUntil(lambda: heard in caplog.text, timeout=20_000)
        elsewhere = open_database(address)
        try:
            create_contact(elsewhere, ContactInput("Grace", last_name="Hopper"))
        finally:
            elsewhere.close()
        qtbot.waitUntil(lambda: "Grace Hopper" in shown(page), timeout=20_000)


def status_of(server: PostgresServer, address: str, name: str) -> str:
    with server.admin(address.rsplit("/", 1)[1]) as connection:
        found = connection.execute("SELECT status FROM contacts WHERE full_name = %s", (name,))
        return str(found.fetchone()[0])  # type: ignore[index]


def test_an_undo_while_the_server_is_down_offers_retry_and_takes_effect_once_it_is_back(
    qtbot, server: PostgresServer, address: str, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = ready(qtbot, window)
    select_only(page, "Bob Builder")
    assert page.operations.archive_contacts(page.selected_contacts())
    assert status_of(server, address, "Bob Builder") == "archived"
    asked: list[str] = []

    def retry_once_back(box: QMessageBox) -> None:
        asked.append(box.text())
        server.resume()
        box.button(Button.Retry).click()

    server.halt()
    with crash_handler_for_lost_reads():
        when_dialog_opens(retry_once_back, QMessageBox)
        qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: len(asked) == 1, timeout=10_000)
    server.resume_if_halted()
    assert asked[0].startswith(LOST)
    assert status_of(server, address, "Bob Builder") == "active"


def stored_one_sided_points(address: str) -> int:
    database = open_database(address)
    try:
        return read_preferences(database).insights.one_sided_points
    finally:
        database.close()


def test_settings_changed_while_the_server_is_down_stay_open_and_retry_stores_them(
    qtbot, server: PostgresServer, address: str, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    ready(qtbot, window)
    seen: dict[str, object] = {}

    def answer(box: QMessageBox, button: Button, key: str) -> None:
        seen[key] = box.text()
        if button == Button.Retry:
            server.resume()
        box.button(button).click()

    def change_while_down(dialog: SettingsDialog) -> None:
        dialog.spins["one_sided_points"].setValue(2)
        server.halt()
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        when_dialog_opens(lambda box: answer(box, Button.Cancel, "first"), QMessageBox)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["kept"] = (
            dialog.isVisible(),
            dialog.spins["one_sided_points"].value(),
            dialog.error.text(),
        )
        when_dialog_opens(lambda box: answer(box, Button.Retry, "second"), QMessageBox)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        seen["closed"] = not dialog.isVisible()
        server.resume_if_halted()
        if dialog.isVisible():
            dialog.done(0)

    with crash_handler_for_lost_reads():
        when_dialog_opens(change_while_down, SettingsDialog)
        window.actions["settings"].trigger()
        qtbot.waitUntil(lambda: "closed" in seen, timeout=20_000)
    assert str(seen["first"]).startswith(LOST)
    visible, value, problem = seen["kept"]  # type: ignore[misc]
    assert visible and value == 2
    assert problem.startswith("Settings not saved: " + LOST)
    assert seen["closed"] is True
    assert stored_one_sided_points(address) == 2


def test_a_goal_finished_while_the_server_is_down_keeps_the_answers_with_one_message(
    qtbot, server: PostgresServer, address: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    create_application()
    demo = open_demo_database(str(tmp_path / "demo.sqlite3"))
    goal = read_active_goal(demo)  # a whole goal, as the wizard's checks want one
    demo.close()
    assert goal is not None
    database = open_database(address)
    try:
        save_goal_version(database, goal.profile, goal.pitch)
        active = read_active_goal(database)
        assert active is not None
        wizard = show_wizard(qtbot, GoalWizard(database, active.profile, active.pitch))
        for _ in range(6):
            click(qtbot, wizard, NEXT)
        said: list[str] = []

        def cancel(box: QMessageBox) -> None:
            said.append(box.text())
            # Any box after this one is a second message about the same failure.
            when_dialog_opens(lambda other: (said.append(other.text()), other.accept()))
            box.button(Button.Cancel).click()

        server.halt()
        with crash_handler_for_lost_reads():
            when_dialog_opens(cancel, QMessageBox)
            click(qtbot, wizard, FINISH)
            qtbot.wait(300)
        assert len(said) == 1 and said[0].startswith(LOST), said
        assert wizard.isVisible() and wizard.currentPage() is wizard.summary_page
        stop_waiting()
        server.resume()
        click(qtbot, wizard, FINISH)
        qtbot.waitUntil(lambda: not wizard.isVisible())
        assert [v.version for v in list_goal_versions(database)] == [2, 1]
    finally:
        server.resume_if_halted()
        database.close()
