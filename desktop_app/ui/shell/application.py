"""The QApplication with NetWise's names, icon and look."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop_app.ui.common.icons import app_icon

# How long a worker thread may keep the interpreter lock while the GUI thread waits for
# it (Python's default is 5 ms). Painting a table calls into Python for every cell, each
# call waiting its turn while an import or a rescoring runs: at 1 ms the longest pause
# of the window during a 100,000-row import fell from 150-500 ms to 70-165 ms, at the
# same import time (bench ``import.gui_longest_gap_ms``).
GUI_SWITCH_INTERVAL_S = 0.001


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setDesktopFileName(APP_ID)  # matches the installed .desktop entry (taskbar icon)
    app.setWindowIcon(app_icon())
    sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    return app
