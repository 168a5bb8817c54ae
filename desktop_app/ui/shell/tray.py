"""The tray icon: what is due today in its tooltip and menu, and one notification a day.

The icon's menu opens the window, shows what is due (the Follow-ups page) or quits.
When something is due, one desktop notification is shown a day: at start-up or, while
NetWise runs, when the day turns. The day last notified is kept in the UI state, so a
restart the same day does not notify again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop_app import APP_NAME
from desktop_app.ui.common.icons import app_icon
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.due import DueToday

LAST_NOTIFIED = "tray/last_notified"
KEEP_RUNNING = "tray/keep_running"
DAY_CHECK_MS = 60_000  # how often a running tray looks whether the day has turned


def due_lines(due: DueToday | None) -> list[str]:
    """What is due, one line per kind; empty when nothing is."""
    if due is None:
        return []
    lines = []
    if due.followups_overdue:
        lines.append(f"{count_of(due.followups_overdue, 'follow-up')} overdue")
    if due.followups_today:
        lines.append(f"{count_of(due.followups_today, 'follow-up')} due today")
    if due.keep_in_touch:
        aligned = due.keep_in_touch_aligned
        of_them = f", {aligned:,} of them aligned" if aligned else ""
        lines.append(f"Keeping in touch: {due.keep_in_touch:,} overdue{of_them}")
    if due.birthdays:
        lines.append(f"{count_of(due.birthdays, 'birthday')} in the next {due.birthday_days} days")
    return lines


def tooltip_text(due: DueToday | None) -> str:
    if due is None:
        return APP_NAME
    lines = due_lines(due) or ["Nothing due today"]
    return "\n".join([APP_NAME, *lines])


def should_notify(last_notified: str, due: DueToday | None) -> bool:
    """Once a day, and only when something is due that day."""
    return due is not None and due.total > 0 and last_notified != due.day.isoformat()


def keeps_running(ui_state: QSettings) -> bool:
    """Whether "Keep running in the tray when the window is closed" is on (off by default)."""
    return str(ui_state.value(KEEP_RUNNING, "false")).lower() == "true"


class ReminderTray(QObject):
    """The tray icon and its menu; ``refresh()`` re-reads what is due.

    ``read_due`` gives today's record (None while no database is open); ``today`` is the
    clock, a parameter so the once-a-day rule can be tested on chosen days.
    """

    open_window = Signal()
    show_due = Signal()
    quit_requested = Signal()
    notified = Signal(str)  # the text of the notification just shown

    def __init__(
        self,
        ui_state: QSettings,
        read_due: Callable[[dt.date], DueToday | None],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui_state = ui_state
        self.read_due = read_due
        self.today = today
        self.due: DueToday | None = None
        self.icon = QSystemTrayIcon(app_icon(), self)
        self.icon.activated.connect(self._on_activated)
        self.menu = QMenu()  # a tray's menu has no parent widget; it goes with the tray
        self.menu.setObjectName("trayMenu")
        self.destroyed.connect(self.menu.deleteLater)
        self.summary = QAction("Nothing due today", self.menu)
        self.summary.setEnabled(False)
        self.menu.addAction(self.summary)
        self.menu.addSeparator()
        self.open_action = self.menu.addAction(f"Open {APP_NAME}", self.open_window.emit)
        self.due_action = self.menu.addAction("Show What Is Due", self.show_due.emit)
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(f"Quit {APP_NAME}", self.quit_requested.emit)
        self.icon.setContextMenu(self.menu)
        self.icon.setToolTip(APP_NAME)
        self.icon.messageClicked.connect(self.show_due.emit)
        self.day_timer = QTimer(self)
        self.day_timer.timeout.connect(self.refresh)
        self.day_timer.start(DAY_CHECK_MS)

    def show(self) -> None:
        self.icon.show()

    def hide(self) -> None:
        self.icon.hide()

    def refresh(self, *, notify: bool = True) -> None:
        """Re-read what is due: tooltip and menu follow, and a notification if it is time
        (``notify=False``: not yet, the scores that decide who is due are being brought
        up to date)."""
        self.due = self.read_due(self.today())
        lines = due_lines(self.due)
        self.icon.setToolTip(tooltip_text(self.due))
        self.summary.setText(", ".join(lines) if lines else "Nothing due today")
        self.due_action.setEnabled(self.due is not None)
        last = str(self.ui_state.value(LAST_NOTIFIED, ""))
        if notify and self.due is not None and should_notify(last, self.due):
            self.ui_state.setValue(LAST_NOTIFIED, self.due.day.isoformat())
            self.ui_state.sync()
            text = "\n".join(lines)
            if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
                self.icon.showMessage(
                    f"{APP_NAME}: due today", text, QSystemTrayIcon.MessageIcon.Information
                )
            self.notified.emit(text)

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        """A click (or double click) on the icon opens the window."""
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window.emit()
