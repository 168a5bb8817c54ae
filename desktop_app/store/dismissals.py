"""A flag the user dismissed from the review, and the same flag counted again (undo): one
transaction each, saying what they changed."""

from __future__ import annotations

from desktop_app.store.changes import Change, change
from desktop_app.store.database import Database
from desktop_app.store.insight_inputs import dismiss_flag, restore_flag


def dismiss_contact_flag(db: Database, contact_id: int, flag: str) -> Change:
    """Stop counting ``flag`` against the contact: its verdict (a field) changes."""
    with db.transaction() as session:
        dismiss_flag(session.connection(), contact_id, flag)
    return change(edited=[contact_id])


def restore_contact_flag(db: Database, contact_id: int, flag: str) -> Change:
    with db.transaction() as session:
        restore_flag(session.connection(), contact_id, flag)
    return change(edited=[contact_id])
