"""What a write changed, announced once so every view refreshes just what it shows.

The store's writes say what they changed (``desktop_app.store.changes``); dialogs, undo
commands and pages announce it here, and the contacts table, the detail pane, the
follow-ups page and the status bar each listen and update themselves, precisely.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from desktop_app.store.changes import Change


class DataChanges(QObject):
    """The main window's announcer of changes (``window.changes``)."""

    changed = Signal(object)  # Change

    def report(self, what: Change) -> None:
        self.changed.emit(what)
