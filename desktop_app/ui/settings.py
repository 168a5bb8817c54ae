"""UI state (window geometry, splitters, column layouts) in an INI file in the data folder.

An explicit file (rather than the platform registry) keeps all of NetWise's state in the
one folder the paths module owns, so tests and ``NETWISE_DATA_DIR`` redirect it too.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop_app.paths import create_private_file, data_dir, ensure_private_dir

SETTINGS_FILENAME = "ui-state.ini"


def ui_settings() -> QSettings:
    folder = ensure_private_dir(data_dir())
    # Qt replaces the file on every save but keeps the permissions of the one it replaces.
    path = create_private_file(folder / SETTINGS_FILENAME)
    return QSettings(str(path), QSettings.Format.IniFormat)
