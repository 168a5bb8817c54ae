"""Log Interaction… from any view that shows a contact: the dialog, the write, its undo.

The contacts page and the Follow-ups page's keep-in-touch list both log this way, so an
interaction logged from either is the same undoable write with the same words.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop_app.ui.common.dialogs import run_dialog
from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.common.undo import push_made

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QWidget

    from desktop_app.store.changes import Change, Written
    from desktop_app.store.database import Database
    from desktop_app.store.records import InteractionInput
    from desktop_app.ui.common.changes import DataChanges


def log_interaction(
    parent: QWidget,
    database: Database,
    stack: QUndoStack,
    changes: DataChanges,
    contact_id: int,
    name: str,
) -> bool:
    """Ask for an interaction with ``contact_id`` (called ``name``) and log it, undoably.
    False when the dialog was cancelled."""
    from desktop_app.store import interactions as writes
    from desktop_app.store.records import InteractionInput

    logged: list[Written[int]] = []

    def submit(data: InteractionInput) -> None:
        logged.append(writes.log_interaction(database, data))

    initial = InteractionInput(contact_id=contact_id, occurred_on=dt.date.today())
    run_dialog(InteractionDialog(parent, name, initial, submit))
    if not logged:
        return False
    interaction_id = logged[0].value
    removed: list[dict | None] = []  # the row undoing took away, for redoing

    def log_again() -> Change | None:
        row = removed.pop() if removed else None
        return writes.restore_interaction(database, row) if row else None

    def take_back(_state: object) -> None:
        removed.append(writes.delete_interaction(database, interaction_id).value)

    push_made(
        stack,
        f"Log Interaction with {name}",
        logged[0],
        log_again,
        take_back,
        changes.report,
        parent,
        f"Logged an interaction with {name}",
    )
    return True
