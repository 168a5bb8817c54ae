"""Undoable event writes for the window's undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from desktop_app.ui.events.page import EventsPage


class DeleteEventCommand(QUndoCommand):
    """Delete an event; undo puts it back with its people and linked interactions."""

    def __init__(self, page: EventsPage, event_id: int, name: str) -> None:
        super().__init__(f"Delete Event “{name}”")
        self.page = page
        self.event_id = event_id
        self.deleted = None

    def redo(self) -> None:
        """Delete (again)."""
        from desktop_app.store.events import delete_event

        assert self.page.database is not None
        self.deleted = delete_event(self.page.database, self.event_id)
        self.page.model.remove_ids([self.event_id])
        self.page._show_current()

    def undo(self) -> None:
        """Put the event back and select it."""
        from desktop_app.store.events import restore_event

        assert self.page.database is not None and self.deleted is not None
        restore_event(self.page.database, self.deleted)
        self.page.reload(select_id=self.event_id)
