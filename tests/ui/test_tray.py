"""The tray: what is due in its tooltip and menu, one notification a day, the window kept
running in it, and the fallback where the desktop has no tray (offscreen has none)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.page_names import FOLLOWUPS
from desktop_app.ui.shell.tray import KEEP_RUNNING
from desktop_app.ui.shell.tray_host import attach_tray
from tests.ui.contacts_helpers import TODAY

DAY = dt.timedelta(days=1)
# The offscreen platform has no tray to show the icon in; the tray is built and read all
# the same (its menu, tooltip and notifications are what these tests check).
TRAY_WARNING = "No such signal QPlatformNativeInterface::systemTrayWindowChanged"
pytestmark = pytest.mark.qt_log_ignore(TRAY_WARNING)


class Clock:
    """The tray's clock, moved by the test."""

    def __init__(self, day: dt.date) -> None:
        self.day = day

    def __call__(self) -> dt.date:
        return self.day


@pytest.fixture(autouse=True)
def quit_on_last_window_closed():  # type: ignore[no-untyped-def]
    """A tray stops the last window closing from quitting; the next test starts as usual."""
    yield
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setQuitOnLastWindowClosed(True)


def menu_texts(tray) -> list[str]:  # type: ignore[no-untyped-def]
    return [action.text() for action in tray.menu.actions()]


def test_tooltip_and_menu_show_what_is_due_and_lead_to_it(qtbot, small_window) -> None:
    window = small_window
    tray = attach_tray(window, available=True, today=Clock(TODAY))
    assert tray is not None and window.tray is tray
    assert tray.icon.toolTip() == "NetWise\n1 follow-up overdue"
    assert menu_texts(tray) == [
        "1 follow-up overdue",
        "",
        "Open NetWise",
        "Show What Is Due",
        "",
        "Quit NetWise",
    ]
    window.hide()
    tray.due_action.trigger()
    assert window.isVisible() and window.current_page().name == FOLLOWUPS
    window.hide()
    tray.open_action.trigger()
    assert window.isVisible()


def test_a_follow_up_done_in_the_window_leaves_the_tray_with_nothing_due(
    qtbot, small_window
) -> None:
    window = small_window
    tray = attach_tray(window, available=True, today=Clock(TODAY))
    window.show_page(FOLLOWUPS)
    page = window.page(FOLLOWUPS)
    page.tree.setCurrentIndex(page.model.index(0, 0, page.model.group_index("overdue")))
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tray.icon.toolTip() == "NetWise\nNothing due today")
    assert menu_texts(tray)[0] == "Nothing due today"


def test_one_notification_a_day_when_something_is_due(qtbot, small_window) -> None:
    window = small_window
    clock = Clock(TODAY)
    shown: list[str] = []
    tray = attach_tray(window, available=True, today=clock)
    assert tray is not None
    # At start-up (the tray comes after the database opened): notified once its scores are
    # current. The signal was connected after, so the first one is read from the
    # remembered day.
    qtbot.waitUntil(lambda: window.ui_state.value("tray/last_notified") == TODAY.isoformat())
    tray.notified.connect(shown.append)
    tray.refresh()
    assert shown == []
    # Started again the same day: not again.
    again = attach_tray(window, available=True, today=clock)
    again.notified.connect(shown.append)
    again.refresh()
    assert shown == []
    # While running, the day turns: the follow-up is still overdue, so once more.
    clock.day = TODAY + DAY
    tray.day_timer.timeout.emit()
    assert shown == ["1 follow-up overdue"]
    tray.day_timer.timeout.emit()
    assert shown == ["1 follow-up overdue"]
    # A day with nothing due (before the follow-up fell due) notifies nothing.
    clock.day = TODAY - 5 * DAY
    tray.refresh()
    assert shown == ["1 follow-up overdue"]
    assert tray.icon.toolTip() == "NetWise\nNothing due today"


def test_kept_running_closing_hides_to_the_tray_and_quit_closes_for_good(
    qtbot, small_window
) -> None:
    window = small_window
    tray = attach_tray(window, available=True, today=Clock(TODAY))
    window.ui_state.setValue(KEEP_RUNNING, True)
    window.close()
    assert not window.isVisible()
    assert window.database() is not None  # still open, its lock held
    tray.open_action.trigger()
    assert window.isVisible()
    window.close()
    tray.quit_action.trigger()
    assert window.database() is None  # closed properly: the lock released
    assert window.ui_state.value("window/page") is not None


def test_without_a_tray_closing_quits_even_with_keep_running_on(
    qtbot, small_window, data_dir: Path
) -> None:
    window = small_window
    window.ui_state.setValue(KEEP_RUNNING, True)
    assert attach_tray(window) is None  # offscreen: no system tray
    assert window.tray is None
    window.close()
    assert window.database() is None


def test_the_tray_says_who_to_keep_in_touch_with_and_whose_birthday_comes() -> None:
    import datetime as dt

    from desktop_app.store.due import DueToday
    from desktop_app.ui.shell.tray import due_lines

    due = DueToday(dt.date(2026, 12, 4), keep_in_touch=12, keep_in_touch_aligned=3, birthdays=1)
    assert due_lines(due) == [
        "Keeping in touch: 12 overdue, 3 of them aligned",
        "1 birthday in the next 7 days",
    ]


def test_a_database_just_opened_notifies_once_it_is_scored_with_who_to_keep_in_touch_with(
    qtbot, data_dir: Path
) -> None:
    from desktop_app.store import keep_in_touch
    from tests.ui.conftest import make_window

    shown: list[str] = []
    window = make_window(qtbot, data_dir / "demo.sqlite3", demo=True)
    tray = attach_tray(window, available=True)
    assert tray is not None
    tray.notified.connect(shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=15_000)
    overdue, aligned = keep_in_touch.overdue_counts(window.database())
    assert overdue > 0
    assert f"Keeping in touch: {overdue:,} overdue, {aligned:,} of them aligned" in shown[0]
    assert shown[0] in tray.icon.toolTip()
    window.close()
