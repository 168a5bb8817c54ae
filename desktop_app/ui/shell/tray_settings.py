"""Settings' Reminders tab: keep running in the tray, and start at log-in in the tray.

Both are off by default. The first is UI state; the second is the system's own autostart
entry (``desktop_app.autostart``), written or removed only when OK is pressed. Where the
desktop has no tray, both are disabled with a line saying why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QLabel, QSystemTrayIcon, QVBoxLayout, QWidget

from desktop_app import autostart
from desktop_app.ui.shell.tray import KEEP_RUNNING, keeps_running

NO_TRAY = (
    "This desktop has no system tray, so NetWise cannot stay in it or start in it; "
    "closing the window quits NetWise."
)


class ReminderOptions(QWidget):
    """The two tray options; ``apply()`` stores them and says why it could not."""

    def __init__(
        self,
        ui_state: QSettings | None,
        parent: QWidget | None = None,
        *,
        tray_available: bool | None = None,
        layout: autostart.Layout | None = None,
        database: Path | str | None = None,
    ) -> None:
        """``database``: the file or server address open now, which NetWise opens when
        started at log-in."""
        super().__init__(parent)
        self.ui_state = ui_state
        self.database = database
        self.layout_ = layout or autostart.current_layout()
        if tray_available is None:
            tray_available = QSystemTrayIcon.isSystemTrayAvailable()
        muted = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.keep_running = QCheckBox("Keep running in the tray when the window is closed", self)
        self.keep_running.setObjectName("option_keep_running")
        self.start_at_login = QCheckBox("Start NetWise when I log in, in the tray", self)
        self.start_at_login.setObjectName("option_start_at_login")
        column = QVBoxLayout(self)
        for box, explanation in (
            (
                self.keep_running,
                "Closing the window leaves NetWise in the tray, to remind you of what "
                "falls due; Quit in the tray's menu ends it.",
            ),
            (
                self.start_at_login,
                "NetWise starts hidden in the tray when you log in and tells you once a "
                "day what is due.",
            ),
        ):
            column.addWidget(box)
            line = QLabel(explanation, self)
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setWordWrap(True)
            line.setStyleSheet(f"color: {muted}; margin-left: 22px;")
            column.addWidget(line)
        self.unavailable = QLabel(NO_TRAY, self)
        self.unavailable.setObjectName("trayUnavailable")
        self.unavailable.setTextFormat(Qt.TextFormat.PlainText)
        self.unavailable.setWordWrap(True)
        self.unavailable.setVisible(not tray_available)
        column.addWidget(self.unavailable)
        column.addStretch(1)
        self.keep_running.setChecked(ui_state is not None and keeps_running(ui_state))
        self.start_at_login.setChecked(autostart.is_enabled(self.layout_))
        self.initial = (self.keep_running.isChecked(), self.start_at_login.isChecked())
        for box in (self.keep_running, self.start_at_login):
            box.setEnabled(tray_available)

    def restore_defaults(self) -> None:
        self.keep_running.setChecked(False)
        self.start_at_login.setChecked(False)

    def apply(self) -> str:
        """Store what changed; why it could not be stored, in one line, or "" when done.

        The autostart entry goes first: if it cannot be written, nothing is stored.
        """
        keep, login = self.keep_running.isChecked(), self.start_at_login.isChecked()
        if login != self.initial[1]:
            try:
                if login:
                    database = str(self.database) if self.database is not None else None
                    autostart.enable(self.layout_, autostart.start_command(database=database))
                else:
                    autostart.disable(self.layout_)
            except autostart.AutostartError as exc:
                return f"Start at log-in not changed: {exc}"
        if keep != self.initial[0] and self.ui_state is not None:
            self.ui_state.setValue(KEEP_RUNNING, keep)
            self.ui_state.sync()
        self.initial = (keep, login)
        return ""
