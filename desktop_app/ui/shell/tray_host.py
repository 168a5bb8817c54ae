"""The tray joined to the main window: built after the first paint, fed by the open
database, and the window hidden to it on close when the user chose to keep running."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QSystemTrayIcon

from desktop_app.page_names import FOLLOWUPS
from desktop_app.ui.shell.tray import ReminderTray, keeps_running

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtCore import QSettings, Signal
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMainWindow

    from desktop_app.store.database import Database
    from desktop_app.store.due import DueToday
    from desktop_app.ui.common.changes import DataChanges

    class MainWindow(QMainWindow):
        """The main window, as the tray sees it (a name for the type checker only)."""

        ui_state: QSettings
        changes: DataChanges
        tray: ReminderTray | None
        quitting: bool
        database_ready: Signal

        def database(self) -> Database | None: ...
        def show_page(self, name: str) -> None: ...
        def save_state(self) -> None: ...


def attach_tray(
    window: MainWindow,
    *,
    available: bool | None = None,
    today: Callable[[], dt.date] = dt.date.today,
) -> ReminderTray | None:
    """Give ``window`` its tray icon, or None where the desktop has no tray."""
    if available is None:
        available = QSystemTrayIcon.isSystemTrayAvailable()
    if not available:
        return None

    def read_due(day: dt.date) -> DueToday | None:
        from desktop_app.store.due import read_due as read

        database = window.database()
        return read(database, day) if database is not None else None

    tray = ReminderTray(window.ui_state, read_due, today, window)
    tray.open_window.connect(lambda: bring_up(window))
    tray.show_due.connect(lambda: bring_up(window, FOLLOWUPS))
    tray.quit_requested.connect(lambda: quit_from_tray(window))
    # Who is due to keep in touch with follows the verdicts: a database just opened is
    # rescored first, and the day's notification waits for that (``insights.updated``).
    window.database_ready.connect(lambda *_args: tray.refresh(notify=False))
    window.changes.changed.connect(lambda _change: tray.refresh())
    window.insights.updated.connect(lambda _freshness: tray.refresh())
    # Hidden in the tray, the window is no longer the last one open; dialogs closing
    # must not end NetWise. Closing for good quits explicitly (``after_close``).
    application = QApplication.instance()
    if isinstance(application, QApplication):
        application.setQuitOnLastWindowClosed(False)
    window.tray = tray
    tray.show()
    tray.refresh(notify=not window.insights.busy)
    return tray


def bring_up(window: MainWindow, page: str | None = None) -> None:
    """Show the window (from the tray), on ``page`` if given."""
    if page is not None:
        window.show_page(page)
    window.showNormal() if window.isMinimized() else window.show()
    window.raise_()
    window.activateWindow()


def quit_from_tray(window: MainWindow) -> None:
    """Quit: the window closes properly (layout saved, database released)."""
    window.quitting = True
    window.close()


def hides_instead_of_closing(window: MainWindow, event: QCloseEvent) -> bool:
    """With "keep running" on and a tray, closing the window hides it (the database stays
    open and locked); True when it did."""
    if window.tray is None or window.quitting or not keeps_running(window.ui_state):
        return False
    window.save_state()
    window.hide()
    event.ignore()
    return True


def after_close(window: MainWindow) -> None:
    """The window closed for good: the tray goes, and NetWise ends."""
    if window.tray is not None:
        window.tray.hide()
        QApplication.quit()
