"""Running a modal dialog the pages open and forget."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog


def run_dialog(dialog: QDialog) -> int:
    """Run a modal dialog, then let it go (hidden dialogs would pile up under the page)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()
