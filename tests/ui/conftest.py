"""The real main window over a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.ui.common.ui_state import open_ui_state
from desktop_app.ui.shell.application import create_application
from desktop_app.ui.shell.main_window import MainWindow
from tests.ui.dialogs import reactivate, stop_waiting


@pytest.fixture(autouse=True)
def stop_dialog_watchers():  # type: ignore[no-untyped-def]
    """A watcher whose dialog never opened must not answer the next test's dialog."""
    yield
    stop_waiting()


def make_window(qtbot, target: Path, *, demo: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    create_application()
    window = MainWindow(open_ui_state())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    reactivate(qtbot, window)  # keyboard shortcuts need the active window
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.open_database(str(target), demo=demo)
    return window


@pytest.fixture
def window(qtbot, db_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    win = make_window(qtbot, db_path, demo=True)
    yield win
    win.close()


@pytest.fixture
def network(db_path: Path) -> dict[str, int]:
    from tests.ui.contacts_helpers import fill_network

    return fill_network(db_path)


@pytest.fixture
def small_window(qtbot, db_path: Path, network) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window over five known contacts, on the Contacts page."""
    win = make_window(qtbot, db_path)
    win.show_page("contacts")
    yield win
    win.close()


@pytest.fixture
def scenario(qtbot, database_target: str):  # type: ignore[no-untyped-def]
    """The main window on the Dashboard over the hand-made network of ``tests/scenario``,
    once its review is settled: (window, dashboard page)."""
    from tests.scenario.wrong_people_network import write_network
    from tests.ui.dashboard_helpers import wait_settled

    write_network(database_target)  # type: ignore[arg-type]
    window = make_window(qtbot, database_target)  # type: ignore[arg-type]
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    yield window, page
    window.close()


@pytest.fixture
def network_reader(network, database):  # type: ignore[no-untyped-def]
    """A reader over the five known contacts of ``network`` (the store open beside it)."""
    from desktop_app.store.reader import DatabaseReader

    return DatabaseReader(database)
