"""Restoring a backup over a database that was refused as damaged.

The refusal named the newest sound backup; the file dialog opens on it, and the damaged
file is kept in the backups folder as it was before the backup replaces it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from desktop_app.ui.shell.database_controller import DatabaseController


def suggested_backup(controller: DatabaseController) -> Path:
    """The newest sound backup of the damaged file, else its backups folder."""
    from desktop_app.store.soundness import newest_sound_backup
    from desktop_app.ui.shell.database_controller import damaged_file_backups

    assert controller.damaged is not None
    _target, path = controller.damaged
    folder = damaged_file_backups(path)
    return newest_sound_backup(path, [folder]) or folder


def restore_over_damaged(parent: QWidget, controller: DatabaseController) -> Path | None:
    """Choose a backup, confirm, put it in place of the damaged file and open it."""
    from desktop_app.ui.shell.backup import confirm_and_restore

    assert controller.damaged is not None
    target, _path = controller.damaged
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        "Restore a Backup",
        str(suggested_backup(controller)),
        "NetWise databases (*.sqlite3 *.sqlite *.db)",
    )
    if not chosen:
        return None
    return confirm_and_restore(
        parent,
        f"Replace the damaged database “{target}” with the backup “{chosen}”?\n\n"
        "The damaged file is kept in the backups folder, as it is now.",
        lambda: controller.restore_damaged(Path(chosen)),
        f"Restored {chosen}; the damaged database was kept as {{kept}}",
    )
