"""Undoable event writes for the window's undo stack."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from desktop_app.ui.common.dates import format_day
from desktop_app.ui.common.labels import ATTENDANCE_ROLE
from desktop_app.ui.common.widgets.plain_label import shortened
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.changes import Change, Written
    from desktop_app.store.contacts import ContactSnapshot
    from desktop_app.store.events import DeletedEvent, EventInput
    from desktop_app.ui.events.page import EventsPage


class DeleteEventCommand(QUndoCommand):
    """Delete an event; undo puts it back with its people and linked interactions."""

    def __init__(self, page: EventsPage, event_id: int, name: str) -> None:
        super().__init__(f"Delete Event “{name}”")
        self.page = page
        self.event_id = event_id
        self.deleted: DeletedEvent | None = None
        self.done = f"Deleted event “{shortened(name, 60)}”"
        self.first = True

    def redo(self) -> None:
        """Delete (again)."""
        from desktop_app.store.events import delete_event
        from desktop_app.ui.common.undo import undo_hint

        assert self.page.database is not None
        self.deleted = delete_event(self.page.database, self.event_id)
        self.page.model.remove_ids([self.event_id])
        self.page._show_current()
        self.page.services.show_status(
            f"{self.done} — {undo_hint()}" if self.first else f"Redone: {self.text()}"
        )
        self.first = False

    def undo(self) -> None:
        """Put the event back and select it."""
        from desktop_app.store.events import restore_event
        from desktop_app.ui.common.undo import redo_hint

        assert self.page.database is not None and self.deleted is not None
        restore_event(self.page.database, self.deleted)
        self.page.reload(select_id=self.event_id)
        self.page.services.show_status(f"Undone: {self.text()} — {redo_hint()}")


def change_attendance(page: EventsPage, event_id: int, contact_id: int, role: str | None) -> None:
    """Put the contact at the event as ``role`` ("met", "planned"), or take them off it
    (None), on the undo stack, saying so in the status bar."""
    from desktop_app.store.events import attendee_facts, remove_attendance, set_attendance
    from desktop_app.ui.common.undo import push_write

    database = page.database
    assert database is not None
    name, before = attendee_facts(database, event_id, contact_id)
    name, event = shortened(name, 60), shortened(page.detail.heading.text(), 60)

    def put(state: str | None) -> Change:
        if state is None:
            return remove_attendance(database, event_id, contact_id)
        return set_attendance(database, event_id, contact_id, state)

    def refresh(what: Change) -> None:
        page._refresh_current()
        page._report(what)

    if role is None:
        text, done = f"Remove {name} from {event}", f"Took {name} off {event}"
    else:
        as_role = ATTENDANCE_ROLE.get(role, role).casefold()
        text, done = f"Add {name} to {event}", f"Added {name} to {event} ({as_role})"
    push_write(
        page.undo_stack, text, lambda: put(role), lambda _none: put(before), refresh, page, done
    )


def announce_new_person(page: EventsPage, created: Written[int]) -> None:
    """A contact just made at the event (``created``: what the store said), on the undo
    stack (undo deletes them, redo puts them back as they were), saying so in the status
    bar."""
    from desktop_app.store import contacts as writes
    from desktop_app.store.events import attendee_facts
    from desktop_app.ui.common.undo import push_made

    database = page.database
    assert database is not None
    event_id, contact_id = page.current_event_id(), created.value
    name, _role = attendee_facts(database, event_id or 0, contact_id)
    name, event = shortened(name, 60), shortened(page.detail.heading.text(), 60)
    removed: list[ContactSnapshot] = []  # what undoing took away, for redoing

    def refresh(what: Change) -> None:
        page._refresh_current()
        page._report(what)

    push_made(
        page.undo_stack,
        f"Add {name} at {event}",
        created,
        lambda: writes.restore_contacts(database, removed.pop()) if removed else None,
        lambda _id: removed.append(writes.delete_contacts(database, [contact_id]).value),
        refresh,
        page,
        f"Added {name} to your contacts and to {event}",
    )


def push_new_event(page: EventsPage, data: EventInput) -> None:
    """Create the event on the undo stack (undo deletes it, redo puts it back with the
    same id), saying so in the status bar."""
    from desktop_app.store.events import create_event, delete_event, restore_event
    from desktop_app.ui.common.undo import push_write

    database = page.database
    assert database is not None
    made: list[int] = []
    removed: list[DeletedEvent] = []  # what undoing took away, for redoing

    def create() -> None:
        if removed:
            restore_event(database, removed.pop())
        else:
            made.append(create_event(database, data))

    def refresh(_what: Change) -> None:
        page.reload(select_id=made[0] if made else None)
        page.overview_changed.emit()

    name = shortened(data.name, 60)
    push_write(
        page.undo_stack,
        f"Add Event “{name}”",
        create,
        lambda _none: removed.append(delete_event(database, made[0])),
        refresh,
        page,
        f"Added event “{name}”",
    )


def push_edited_event(page: EventsPage, event_id: int, after: EventInput) -> None:
    """Save the event's new values on the undo stack, saying so in the status bar."""
    from desktop_app.store.events import read_event, update_event
    from desktop_app.ui.common.undo import push_write

    database = page.database
    assert database is not None
    before = read_event(database, event_id)

    def refresh(_what: Change) -> None:
        page.reload(select_id=event_id)
        page.overview_changed.emit()

    name = shortened(after.name, 60)
    push_write(
        page.undo_stack,
        f"Edit Event “{name}”",
        lambda: update_event(database, event_id, after),
        lambda _none: update_event(database, event_id, before),
        refresh,
        page,
        f"Saved “{name}”",
    )


def follow_up_everyone(page: EventsPage) -> None:
    """Follow up with everyone met at the selected event, on the undo stack like every
    other write."""
    from desktop_app.insights.workdays import next_working_day
    from desktop_app.store.event_people import follow_up_everyone_met, unfollow_everyone_met
    from desktop_app.store.settings import FOLLOW_UP_DAYS_AFTER_EVENT, read_setting
    from desktop_app.ui.common.undo import push_made

    event_id, database = page.current_event_id(), page.database
    assert database is not None and event_id is not None
    days = int(read_setting(database, FOLLOW_UP_DAYS_AFTER_EVENT))
    due = next_working_day(dt.date.today() + dt.timedelta(days=days))
    followed = follow_up_everyone_met(database, event_id, due)
    if not followed.value:
        page._status("Everyone met here already has a follow-up.")
        return

    def refresh(what: Change) -> None:
        page._refresh_current()
        page._report(what)

    push_made(
        page.undo_stack,
        f"Follow Up with Everyone Met at {shortened(page.detail.heading.text(), 80)}",
        followed,
        lambda: follow_up_everyone_met(database, event_id, due),
        lambda contacts: unfollow_everyone_met(database, event_id, contacts),
        refresh,
        page,
        f"Scheduled {count_of(len(followed.value), 'follow-up')} for {format_day(due)}",
    )
