"""The review's one-click actions on a contact: archive, schedule a follow-up, log an
offer of help, dismiss the flag that decided the verdict.

Each is one transaction, undoable on the window's undo stack, and announced as a change
so the contacts page, the status bar and the scores (then this review) update.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.ui.common.changes import DataChanges
from desktop_app.ui.common.followup_operations import ask_date
from desktop_app.ui.common.messages import inform
from desktop_app.ui.common.undo import push_write

if TYPE_CHECKING:
    from desktop_app.store.database import Database

# A follow-up scheduled from the review is due this many days from today (the date asked
# for starts there).
FOLLOW_UP_IN_DAYS = 3


class ReviewActions:
    """Bound to the page (parent of messages), the database, undo stack and announcer."""

    def __init__(
        self, parent: QWidget, database: Database, stack: QUndoStack, changes: DataChanges
    ) -> None:
        self.parent, self.database, self.stack, self.changes = parent, database, stack, changes

    def archive(self, contact_id: int, name: str) -> bool:
        from desktop_app.store import contacts as writes

        return push_write(
            self.stack,
            f"Archive {name}",
            partial(writes.set_status, self.database, [contact_id], "archived"),
            partial(writes.restore_statuses, self.database),
            self.changes.report,
            self.parent,
        )

    def schedule_followup(self, contact_id: int, name: str, due: dt.date | None = None) -> bool:
        """A follow-up on ``due`` (asked for, a few days ahead by default)."""
        from desktop_app.store import interactions as writes
        from desktop_app.store.followups import followup_target
        from desktop_app.store.reader import DatabaseReader

        interaction_id = followup_target(DatabaseReader(self.database), contact_id)
        if interaction_id is None:
            inform(
                self.parent,
                "Nothing to follow up",
                f"No interaction with {name} is logged yet: log one on the Contacts page "
                "with a follow-up date.",
            )
            return False
        if due is None:
            initial = dt.date.today() + dt.timedelta(days=FOLLOW_UP_IN_DAYS)
            due = ask_date(self.parent, f"Follow Up with {name}", initial)
            if due is None:
                return False
        return push_write(
            self.stack,
            f"Schedule Follow-up with {name}",
            partial(writes.reschedule_followups, self.database, [interaction_id], due),
            lambda previous: writes.restore_followups(self.database, previous),
            self.changes.report,
            self.parent,
        )

    def log_help_offered(self, contact_id: int, name: str) -> bool:
        """Help I gave them (small), as the contacts page's "Log help given" logs it."""
        from desktop_app.store import interactions as writes

        return push_write(
            self.stack,
            f"Log Help Offered to {name}",
            partial(writes.log_help, self.database, contact_id, "given"),
            lambda logged: writes.delete_interaction(self.database, logged) if logged else None,
            self.changes.report,
            self.parent,
        )

    def dismiss(self, contact_id: int, name: str, flag: str, flag_label: str) -> bool:
        """Stop counting ``flag`` against the contact (undo counts it again)."""
        from desktop_app.store.dismissals import dismiss_contact_flag, restore_contact_flag

        return push_write(
            self.stack,
            f"Dismiss “{flag_label}” for {name}",
            partial(dismiss_contact_flag, self.database, contact_id, flag),
            lambda _none: restore_contact_flag(self.database, contact_id, flag),
            self.changes.report,
            self.parent,
        )
