"""UI state (window geometry, splitters, column layouts, the last folders) in an INI file
in the data folder.

An explicit file (rather than the platform registry) keeps all of NetWise's state in the
one folder the paths module owns, so tests and ``NETWISE_DATA_DIR`` redirect it too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from desktop_app.paths import create_private_file, data_dir, ensure_private_dir

SETTINGS_FILENAME = "ui-state.ini"
# The kinds of file whose dialogs each open where the last one of that kind was chosen.
FOLDER_KINDS = (
    "import",
    "export-csv",
    "export-vcard",
    "export-ics",
    "export-json",
    "pdf",
    "backup",  # backing up and restoring share theirs
)


def open_ui_state() -> QSettings:
    folder = ensure_private_dir(data_dir())
    # Qt replaces the file on every save but keeps the permissions of the one it replaces.
    path = create_private_file(folder / SETTINGS_FILENAME)
    return QSettings(str(path), QSettings.Format.IniFormat)


def last_folder(ui_state: QSettings | None, kind: str) -> Path:
    """Where the last file of ``kind`` was chosen; the home folder at first, or when that
    folder is gone."""
    assert kind in FOLDER_KINDS, kind
    value = ui_state.value(f"folders/{kind}", "") if ui_state is not None else ""
    folder = Path(str(value)) if value else None
    return folder if folder is not None and folder.is_dir() else Path.home()


def remember_folder(ui_state: QSettings | None, kind: str, chosen: Path) -> None:
    """Remember the folder of the file just chosen for the next dialog of ``kind``."""
    assert kind in FOLDER_KINDS, kind
    if ui_state is not None:
        ui_state.setValue(f"folders/{kind}", str(chosen.parent))
