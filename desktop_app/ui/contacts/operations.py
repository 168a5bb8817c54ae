"""What the contacts page's actions do: dialogs, writes (undoable where it matters), and
the announcement of each change so every view updates itself."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop_app.ui.common.changes import DataChanges
from desktop_app.ui.common.dialogs import run_dialog
from desktop_app.ui.common.followup_operations import run_followup_action
from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.common.interaction_operations import log_interaction
from desktop_app.ui.common.messages import Button, Choice, Role, choose, inform
from desktop_app.ui.common.row_version import RowVersion
from desktop_app.ui.common.undo import attempt, push_made, push_write
from desktop_app.ui.common.widgets.plain_label import shortened
from desktop_app.ui.contacts.contact_dialog import ContactDialog

if TYPE_CHECKING:
    from desktop_app.store.changes import Change, Written
    from desktop_app.store.contacts import ContactSnapshot
    from desktop_app.store.database import Database
    from desktop_app.store.reader import Reader
    from desktop_app.store.records import ContactInput, InteractionInput

NAME_IN_MESSAGES = 60


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
        from desktop_app.store.contact_detail import contact_name

        found = contact_name(self.reader, contact_id)
        # Short enough for the status bar and the Edit menu's Undo entry.
        return shortened(found, NAME_IN_MESSAGES) if found else "this contact"

    # -- contacts --------------------------------------------------------------------
    def new_contact(self) -> int | None:
        """The contact dialog, empty; returns the new contact's id if saved."""
        from desktop_app.store import contacts as writes

        created: list[Written[int]] = []

        def submit(data) -> None:  # type: ignore[no-untyped-def]
            created.append(writes.create_contact(self.database, data))

        run_dialog(ContactDialog(self.parent, self._tags(), submit))
        if not created:
            return None
        contact_id = created[0].value
        name = self._name(contact_id)
        removed: list[ContactSnapshot] = []  # what undoing took away, for redoing
        push_made(
            self.stack,
            f"Add {name}",
            created[0],
            lambda: writes.restore_contacts(self.database, removed.pop()) if removed else None,
            lambda _id: removed.append(writes.delete_contacts(self.database, [contact_id]).value),
            self.changes.report,
            self.parent,
            f"Added {name}",
        )
        return contact_id

    def edit_contact(self, contact_id: int) -> bool:
        from desktop_app.store.contact_detail import read_contact_detail
        from desktop_app.store.contacts import update_contact

        detail, db = read_contact_detail(self.reader, contact_id), self.database
        if detail is None:
            return False
        saved: list[tuple[ContactInput, Change]] = []
        # Saves and undos refuse someone else's later change.
        row = RowVersion(detail.version, lambda: db.own_version("contacts", contact_id))

        def write(data: ContactInput) -> Change:
            return row.write(lambda version: update_contact(db, contact_id, data, version=version))

        def submit(data: ContactInput) -> None:
            saved.append((data, write(data)))

        before, touch = detail.contact, detail.keep_in_touch
        known = touch.default if touch is not None and touch.source != "unscored" else None
        dialog = ContactDialog(self.parent, self._tags(), submit, before, known)
        dialog.setWindowTitle(f"Edit Contact — {shortened(detail.full_name, NAME_IN_MESSAGES)}")
        run_dialog(dialog)
        if not saved:
            return False
        after, what = saved[-1]
        name = self._name(contact_id)
        push_made(
            self.stack,
            f"Edit {name}",
            what,
            partial(write, after),
            lambda _none: write(before),
            self.changes.report,
            self.parent,
            f"Saved {name}",
        )
        return True

    def delete_contacts(self, ids: Sequence[int]) -> bool:
        from desktop_app.store import contacts as writes

        if not ids:
            return False
        who = self._name(ids[0]) if len(ids) == 1 else f"{len(ids):,} contacts"
        if len(ids) > 1 and not self._confirm_delete(len(ids)):
            return False
        return push_write(
            self.stack,
            f"Delete {who}" if len(ids) == 1 else f"Delete {len(ids):,} Contacts",
            partial(writes.delete_contacts, self.database, list(ids)),
            partial(writes.restore_contacts, self.database),
            self.changes.report,
            self.parent,
            f"Deleted {who}",
        )

    def _confirm_delete(self, count: int) -> bool:
        """Several contacts at once: asked first (one goes at once; Ctrl+Z brings it back)."""
        delete = choose(
            self.parent,
            "Delete Contacts",
            f"Delete these {count:,} contacts with their interactions?",
            [
                Choice(Button.Cancel, False),
                Choice(f"Delete {count:,} Contacts", True, Role.DestructiveRole),
            ],
            default=Button.Cancel,
            informative="Edit → Undo brings them back.",
            name="confirmDeleteBox",
        )
        return delete is True

    def archive_contacts(self, ids: Sequence[int]) -> bool:
        from desktop_app.store import contacts as writes

        if not ids:
            return False
        who = self._name(ids[0]) if len(ids) == 1 else f"{len(ids):,} contacts"
        return push_write(
            self.stack,
            f"Archive {who}" if len(ids) == 1 else f"Archive {len(ids):,} Contacts",
            partial(writes.set_status, self.database, list(ids), "archived"),
            partial(writes.restore_statuses, self.database),
            self.changes.report,
            self.parent,
            f"Archived {who}",
        )

    def tag_contacts(self, ids: Sequence[int], name: str | None = None) -> bool:
        """Add a tag (asked for, with the known ones offered) to the contacts ``ids``."""
        from desktop_app.store import contacts as writes

        if not ids:
            return False
        if name is None:
            name = self._ask_tag(len(ids))
            if name is None:
                return False
        tag = name.strip()
        who = self._name(ids[0]) if len(ids) == 1 else f"{len(ids):,} contacts"
        return push_write(
            self.stack,
            f"Tag “{tag}”",
            partial(writes.add_tag, self.database, list(ids), tag),
            lambda added: writes.remove_tag(self.database, added, tag),
            self.changes.report,
            self.parent,
            f"Tagged {who} “{tag}”",
        )

    def _ask_tag(self, count: int) -> str | None:
        """A tag name, asked again with what is wrong until it fits (None if cancelled)."""
        from desktop_app import validation

        whom = "this contact" if count == 1 else f"these {count:,} contacts"
        question = f"Tag {whom} with:"
        while True:
            name, ok = QInputDialog.getItem(
                self.parent, "Tag Contacts", question, self._tags(), 0, True
            )
            name = name.strip()
            if not ok or not name:
                return None
            problem = validation.check_length(
                "The tag", name, validation.MAX_TAG
            ) or validation.check_control_characters("The tag", name)
            if problem is None:
                return name
            question = f"{problem}\nTag {whom} with:"

    # -- interactions ----------------------------------------------------------------
    def log_interaction(self, contact_id: int) -> bool:
        return log_interaction(
            self.parent, self.database, self.stack, self.changes, contact_id, self._name(contact_id)
        )

    def edit_interaction(self, interaction_id: int) -> bool:
        from desktop_app.store.contact_detail import read_interaction
        from desktop_app.store.interactions import update_interaction

        record = read_interaction(self.reader, interaction_id)
        if record is None:
            return False
        saved: list[tuple[InteractionInput, Change]] = []
        deleted: list[bool] = []

        def submit(data: InteractionInput) -> None:
            saved.append((data, update_interaction(self.database, interaction_id, data)))

        def delete() -> None:
            deleted.append(self.delete_interaction(interaction_id))

        name, before = self._name(record.contact_id), record.as_input()
        run_dialog(InteractionDialog(self.parent, name, before, submit, delete))
        if saved:
            after, what = saved[-1]
            push_made(
                self.stack,
                f"Edit Interaction with {name}",
                what,
                partial(update_interaction, self.database, interaction_id, after),
                lambda _none: update_interaction(self.database, interaction_id, before),
                self.changes.report,
                self.parent,
                f"Saved the interaction with {name}",
            )
        return bool(saved) or any(deleted)

    def delete_interaction(self, interaction_id: int) -> bool:
        from desktop_app.store import interactions as writes
        from desktop_app.store.contact_detail import read_interaction

        record = read_interaction(self.reader, interaction_id)
        if record is None:
            return False
        return push_write(
            self.stack,
            "Delete Interaction",
            partial(writes.delete_interaction, self.database, interaction_id),
            lambda row: writes.restore_interaction(self.database, row) if row else None,
            self.changes.report,
            self.parent,
            f"Deleted an interaction with {self._name(record.contact_id)}",
        )

    def quick_action(self, key: str, contact_id: int) -> bool:
        """One click: "outreach", "replied", "help_given" or "help_received"."""
        from desktop_app.store import interactions as writes

        name = self._name(contact_id)
        if key == "replied":
            mark = partial(writes.mark_replied, self.database, contact_id)
            done, marked = attempt(self.parent, mark)
            if done and marked.value is None:
                inform(
                    self.parent,
                    "Nothing awaits a reply",
                    "No message of yours to this contact awaits a reply.",
                )
            if not done or marked.value is None:
                return False
            interaction_id, before = marked.value
            push_made(
                self.stack,
                f"Mark Replied by {name}",
                marked,
                lambda: writes.set_reply_status(self.database, interaction_id, "replied"),
                lambda _state: writes.set_reply_status(self.database, interaction_id, before),
                self.changes.report,
                self.parent,
                f"Marked your latest message to {name} replied",
            )
            return True
        logs = {
            "outreach": (partial(writes.log_outreach, self.database, contact_id), "outreach to"),
            "help_given": (
                partial(writes.log_help, self.database, contact_id, "given"),
                "help given to",
            ),
            "help_received": (
                partial(writes.log_help, self.database, contact_id, "received"),
                "help received from",
            ),
        }
        write, what = logs[key]
        return push_write(
            self.stack,
            f"Log {what.capitalize()} {name}",
            write,
            lambda logged: writes.delete_interaction(self.database, logged) if logged else None,
            self.changes.report,
            self.parent,
            f"Logged {what} {name}",
        )

    def followup_action(self, key: str, interaction_ids: list[int]) -> bool:
        return run_followup_action(
            self.parent, self.database, self.stack, self.changes, key, interaction_ids
        )
