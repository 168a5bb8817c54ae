"""The one message shown when a database cannot be opened, and the way on it offers."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QWidget

from desktop_app.ui.common.messages import Button, Choice, Icon, Role, choose


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
    choices = []
    if damaged:
        choices.append(Choice("Restore a Backup…", NextStep.RESTORE_BACKUP, Role.ActionRole))
    choices.append(Choice("Open Another…", NextStep.OPEN_ANOTHER, Role.AcceptRole))
    if nothing_open:
        choices.append(Choice("Quit", NextStep.QUIT, Role.RejectRole))
    else:
        choices.append(Choice(Button.Close, NextStep.CLOSE))
    chosen = choose(
        parent,
        "Cannot open the database",
        message,
        choices,
        icon=Icon.Warning,
        name="databaseErrorBox",
    )
    if chosen is not None:
        return chosen
    return NextStep.QUIT if nothing_open else NextStep.CLOSE
