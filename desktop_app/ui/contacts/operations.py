"""What the contacts page's actions do: dialogs, writes (undoable where it matters), and
the announcement of each change so every view updates itself."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox, QWidget

from desktop_app.ui.changes import DataChanges, change
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from desktop_app.ui.contacts.interaction_dialog import InteractionDialog
from desktop_app.ui.contacts.undo import attempt, push_write
from desktop_app.ui.followup_actions import run_followup_action

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.store.reader import Reader


def run_dialog(dialog: QDialog) -> int:
    """Run a modal dialog, then let it go (hidden dialogs would pile up under the page)."""
    try:
        return dialog.exec()
    finally:
        dialog.deleteLater()


class ContactOperations:
    """Bound to a parent widget, the database, the undo stack and the change announcer."""

    def __init__(
        self,
        parent: QWidget,
        database: Database,
        reader: Reader,
        stack: QUndoStack,
        changes: DataChanges,
    ) -> None:
        self.parent, self.database, self.reader = parent, database, reader
        self.stack, self.changes = stack, changes

    def _tags(self) -> list[str]:
        from desktop_app.store.contacts_query import tag_names

        return tag_names(self.reader)

    def _name(self, contact_id: int) -> str:
        found = self.reader.value(
            "SELECT full_name FROM contacts WHERE id = :id", {"id": contact_id}
        )
        return str(found or "this contact")

    # -- contacts --------------------------------------------------------------------
    def new_contact(self) -> int | None:
        """The contact dialog, empty; returns the new contact's id if saved."""
        from desktop_app.store.contacts import create_contact

        created: list[int] = []

        def submit(data) -> None:  # type: ignore[no-untyped-def]
            created.append(create_contact(self.database, data))

        run_dialog(ContactDialog(self.parent, self._tags(), submit))
        if created:
            self.changes.report(change(moved=created))
            return created[0]
        return None

    def edit_contact(self, contact_id: int) -> bool:
        from desktop_app.store.contact_detail import read_contact_detail
        from desktop_app.store.contacts import update_contact

        detail = read_contact_detail(self.reader, contact_id)
        if detail is None:
            return False
        saved: list[bool] = []

        def submit(data) -> None:  # type: ignore[no-untyped-def]
            update_contact(self.database, contact_id, data)
            saved.append(True)

        dialog = ContactDialog(self.parent, self._tags(), submit, detail.contact)
        dialog.setWindowTitle(f"Edit Contact — {detail.full_name}")
        run_dialog(dialog)
        if saved:
            # A new status files the contact elsewhere (archived ones leave the default view).
            moved = [contact_id] if dialog.value().status != detail.contact.status else []
            self.changes.report(change(edited=[contact_id], moved=moved))
        return bool(saved)

    def delete_contacts(self, ids: Sequence[int]) -> bool:
        from desktop_app.store import contacts as writes

        if not ids:
            return False
        what = change(moved=ids)
        text = f"Delete {self._name(ids[0])}" if len(ids) == 1 else f"Delete {len(ids):,} Contacts"
        return push_write(
            self.stack,
            text,
            partial(writes.delete_contacts, self.database, list(ids)),
            partial(writes.restore_contacts, self.database),
            partial(self.changes.report, what),
            self.parent,
        )

    def archive_contacts(self, ids: Sequence[int]) -> bool:
        from desktop_app.store import contacts as writes

        if not ids:
            return False
        what = change(edited=ids, moved=ids)
        text = "Archive Contact" if len(ids) == 1 else f"Archive {len(ids):,} Contacts"
        return push_write(
            self.stack,
            text,
            partial(writes.set_status, self.database, list(ids), "archived"),
            partial(writes.restore_statuses, self.database),
            partial(self.changes.report, what),
            self.parent,
        )

    def tag_contacts(self, ids: Sequence[int], name: str | None = None) -> bool:
        """Add a tag (asked for, with the known ones offered) to the contacts ``ids``."""
        from desktop_app.store import contacts as writes

        if not ids:
            return False
        if name is None:
            count = "this contact" if len(ids) == 1 else f"these {len(ids):,} contacts"
            name, ok = QInputDialog.getItem(
                self.parent, "Tag Contacts", f"Tag {count} with:", self._tags(), 0, True
            )
            if not ok or not name.strip():
                return False
        what = change(edited=ids)
        return push_write(
            self.stack,
            f"Tag “{name.strip()}”",
            partial(writes.add_tag, self.database, list(ids), name.strip()),
            lambda added: writes.remove_tag(self.database, added, name.strip()),
            partial(self.changes.report, what),
            self.parent,
        )

    # -- interactions ----------------------------------------------------------------
    def log_interaction(self, contact_id: int) -> bool:
        from desktop_app.store.interactions import log_interaction
        from desktop_app.store.records import InteractionInput

        logged: list[int] = []

        def submit(data) -> None:  # type: ignore[no-untyped-def]
            logged.append(log_interaction(self.database, data))

        initial = InteractionInput(contact_id=contact_id, occurred_on=dt.date.today())
        run_dialog(InteractionDialog(self.parent, self._name(contact_id), initial, submit))
        if logged:
            self.changes.report(change(interactions=[contact_id]))
        return bool(logged)

    def edit_interaction(self, interaction_id: int) -> bool:
        from desktop_app.store.contact_detail import read_interaction
        from desktop_app.store.interactions import update_interaction

        record = read_interaction(self.reader, interaction_id)
        if record is None:
            return False
        done: list[bool] = []

        def submit(data) -> None:  # type: ignore[no-untyped-def]
            update_interaction(self.database, interaction_id, data)
            done.append(True)

        def delete() -> None:
            done.append(self.delete_interaction(interaction_id))

        dialog = InteractionDialog(
            self.parent, self._name(record.contact_id), record.as_input(), submit, delete
        )
        run_dialog(dialog)
        if done and done[-1]:
            self.changes.report(change(interactions=[record.contact_id]))
        return bool(done)

    def delete_interaction(self, interaction_id: int) -> bool:
        from desktop_app.store import interactions as writes
        from desktop_app.store.contact_detail import read_interaction

        record = read_interaction(self.reader, interaction_id)
        if record is None:
            return False
        what = change(interactions=[record.contact_id])
        return push_write(
            self.stack,
            "Delete Interaction",
            partial(writes.delete_interaction, self.database, interaction_id),
            lambda row: writes.restore_interaction(self.database, row) if row else None,
            partial(self.changes.report, what),
            self.parent,
        )

    def quick_action(self, key: str, contact_id: int) -> bool:
        """One click: "outreach", "replied", "help_given" or "help_received"."""
        from desktop_app.store import interactions as writes

        actions = {
            "outreach": partial(writes.log_outreach, self.database, contact_id),
            "replied": partial(writes.mark_replied, self.database, contact_id),
            "help_given": partial(writes.log_help, self.database, contact_id, "given"),
            "help_received": partial(writes.log_help, self.database, contact_id, "received"),
        }
        done, result = attempt(self.parent, actions[key])
        if not done:
            return False
        if key == "replied" and result is None:
            QMessageBox.information(
                self.parent,
                "Nothing awaits a reply",
                "No message of yours to this contact awaits a reply.",
            )
            return False
        self.changes.report(change(interactions=[contact_id]))
        return True

    def followup_action(self, key: str, interaction_ids: list[int], contact_id: int) -> bool:
        return run_followup_action(
            self.parent,
            self.database,
            self.stack,
            self.changes,
            key,
            interaction_ids,
            [contact_id],
        )
