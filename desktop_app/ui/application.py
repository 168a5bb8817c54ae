"""The QApplication with NetWise's names, icon and look."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from desktop_app import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop_app.ui.icons import app_icon


def create_application() -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(ORG_NAME)
    app.setDesktopFileName(APP_ID)  # matches the installed .desktop entry (taskbar icon)
    app.setWindowIcon(app_icon())
    return app
