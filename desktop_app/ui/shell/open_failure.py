"""The one message shown when a database cannot be opened, and the way on it offers."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class NextStep(enum.Enum):
    OPEN_ANOTHER = enum.auto()
    RESTORE_BACKUP = enum.auto()
    QUIT = enum.auto()
    CLOSE = enum.auto()


def ask_next_step(parent: QWidget, message: str, *, nothing_open: bool, damaged: bool) -> NextStep:
    """Show why the database cannot be opened; return what the user chose to do.

    With nothing open the window has no use but to open something, so closing the
    message quits; a damaged file can have a backup restored in its place.
    """
    box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open the database", message, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setObjectName("databaseErrorBox")
    choices = {}
    if damaged:
        restore = box.addButton("Restore a Backup…", QMessageBox.ButtonRole.ActionRole)
        choices[restore] = NextStep.RESTORE_BACKUP
    other = box.addButton("Open Another…", QMessageBox.ButtonRole.AcceptRole)
    choices[other] = NextStep.OPEN_ANOTHER
    if nothing_open:
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    else:
        box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    chosen = choices.get(box.clickedButton())  # type: ignore[call-overload]
    if chosen is not None:
        return chosen
    return NextStep.QUIT if nothing_open else NextStep.CLOSE
