"""The window's undo stack, which says in the status bar what each write, undo and redo
did (``common.undo`` makes the writes that go on it).

On its own, so the window builds it at start-up without the undo commands' module.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

STATUS_MS = 10_000  # long enough to read, and to reach for the undo key


class UndoStack(QUndoStack):
    """The undo stack that says what its writes, undos and redos did, through
    ``show_status(message, ms)`` (the window's status bar)."""

    def __init__(
        self, show_status: Callable[[str, int], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.show_status = show_status

    def announce(self, message: str) -> None:
        self.show_status(message, STATUS_MS)
