"""The count ("Showing 40 of 1,234 contacts") in the status bar while the Contacts page shows."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


class StatusBarCount(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.in_status_bar = False
        self.setObjectName("contactsCount")
        self.setTextFormat(Qt.TextFormat.PlainText)
        # Set apart from the window's own counts that follow it in the status bar.
        self.setStyleSheet("padding-right: 8px; border-right: 1px solid palette(mid);")

    def show_counts(self, shown: int, total: int) -> None:
        self.setText(f"Showing {shown:,} of {total:,} contact{'s' * (total != 1)}")

    def enter_status_bar(self, status_bar: QStatusBar) -> None:
        """The page shows: the count goes first in the status bar."""
        if not self.in_status_bar:
            status_bar.insertPermanentWidget(0, self)
            self.show()
            self.in_status_bar = True

    def leave_status_bar(self, status_bar: QStatusBar) -> None:
        """Another page shows: the count goes with this one (unless the window is being
        taken down, its status bar already gone)."""
        if self.in_status_bar and shiboken6.isValid(status_bar):
            status_bar.removeWidget(self)
            self.in_status_bar = False
