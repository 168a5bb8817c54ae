"""Undoable event writes for the window's undo stack."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Protocol

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.ui.common.dates import format_day
from desktop_app.ui.common.dialogs import run_dialog
from desktop_app.ui.common.labels import ATTENDANCE_ROLE
from desktop_app.ui.common.widgets.plain_label import shortened
from desktop_app.ui.events.event_dialog import EventDialog
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.changes import Change, Written
    from desktop_app.store.contacts import ContactSnapshot
    from desktop_app.store.database import Database
    from desktop_app.store.events import DeletedEvent, EventInput


class EventsView(Protocol):
    """What the event writes act on and refresh: the Events page, as they see it."""

    database: Database | None
    undo_stack: QUndoStack

    def widget(self) -> QWidget: ...
    def current_event_id(self) -> int | None: ...
    def current_event_name(self) -> str: ...
    def reload(self, select_id: int | None = None) -> None: ...
    def forget_event(self, event_id: int) -> None: ...
    def refresh_current(self) -> None: ...
    def report_change(self, what: Change) -> None: ...
    def counts_changed(self) -> None: ...
    def show_status(self, message: str) -> None: ...


def push_deleted_event(page: EventsView, event_id: int, name: str) -> None:
    """Delete the event on the undo stack once the store took it (undo puts it back with
    its people and linked interactions, and selects it), saying so in the status bar."""
    from desktop_app.store.events import delete_event, restore_event
    from desktop_app.ui.common.undo import push_write

    database = page.database
    assert database is not None
    deleted: list[bool] = []  # whether the event is gone right now

    def delete() -> DeletedEvent:
        gone = delete_event(database, event_id)
        deleted.append(True)
        return gone

    def put_back(gone: DeletedEvent) -> None:
        restore_event(database, gone)
        deleted.clear()

    def refresh(_what: Change) -> None:
        if deleted:
            page.forget_event(event_id)
        else:
            page.reload(select_id=event_id)

    push_write(
        page.undo_stack,
        f"Delete Event “{name}”",
        delete,
        put_back,
        refresh,
        page.widget(),
        f"Deleted event “{shortened(name, 60)}”",
    )


def change_attendance(page: EventsView, event_id: int, contact_id: int, role: str | None) -> None:
    """Put the contact at the event as ``role`` ("met", "planned"), or take them off it
    (None), on the undo stack, saying so in the status bar."""
    from desktop_app.store.events import attendee_facts, remove_attendance, set_attendance
    from desktop_app.ui.common.undo import push_write

    database = page.database
    assert database is not None
    name, before = attendee_facts(database, event_id, contact_id)
    name, event = shortened(name, 60), shortened(page.current_event_name(), 60)

    def put(state: str | None) -> Change:
        if state is None:
            return remove_attendance(database, event_id, contact_id)
        return set_attendance(database, event_id, contact_id, state)

    def refresh(what: Change) -> None:
        page.refresh_current()
        page.report_change(what)

    if role is None:
        text, done = f"Remove {name} from {event}", f"Took {name} off {event}"
    else:
        as_role = ATTENDANCE_ROLE.get(role, role).casefold()
        text, done = f"Add {name} to {event}", f"Added {name} to {event} ({as_role})"
    push_write(
        page.undo_stack,
        text,
        lambda: put(role),
        lambda _none: put(before),
        refresh,
        page.widget(),
        done,
    )


def announce_new_person(page: EventsView, created: Written[int]) -> None:
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
    name, event = shortened(name, 60), shortened(page.current_event_name(), 60)
    removed: list[ContactSnapshot] = []  # what undoing took away, for redoing

    def refresh(what: Change) -> None:
        page.refresh_current()
        page.report_change(what)

    push_made(
        page.undo_stack,
        f"Add {name} at {event}",
        created,
        lambda: writes.restore_contacts(database, removed.pop()) if removed else None,
        lambda _id: removed.append(writes.delete_contacts(database, [contact_id]).value),
        refresh,
        page.widget(),
        f"Added {name} to your contacts and to {event}",
    )


def new_event_in_dialog(page: EventsView) -> None:
    """The event dialog, empty: saved while it is open (a refusal keeps it open with what
    was typed), then on the undo stack (undo deletes the event, redo puts it back with the
    same id), saying so in the status bar."""
    from desktop_app.store.events import create_event, delete_event, restore_event
    from desktop_app.ui.common.undo import push_made

    database = page.database
    assert database is not None
    made: list[int] = []
    saved: list[EventInput] = []
    removed: list[DeletedEvent] = []  # what undoing took away, for redoing

    def submit(data: EventInput) -> None:
        made.append(create_event(database, data))
        saved.append(data)

    run_dialog(EventDialog(page.widget(), submit))
    if not made:
        return

    def refresh(_what: Change) -> None:
        page.reload(select_id=made[0])
        page.counts_changed()

    name = shortened(saved[0].name, 60)
    push_made(
        page.undo_stack,
        f"Add Event “{name}”",
        None,
        lambda: restore_event(database, removed.pop()),
        lambda _none: removed.append(delete_event(database, made[0])),
        refresh,
        page.widget(),
        f"Added event “{name}”",
    )


def edit_event_in_dialog(page: EventsView, event_id: int) -> None:
    """The event dialog with the event's values: saved while it is open (a refusal keeps
    it open with what was typed), then on the undo stack, saying so in the status bar."""
    from desktop_app.store.events import read_versioned_event, update_event
    from desktop_app.ui.common.row_version import RowVersion
    from desktop_app.ui.common.undo import attempt, push_made

    database = page.database
    assert database is not None
    found, read = attempt(page.widget(), lambda: read_versioned_event(database, event_id))
    if not found:
        return
    # Saves and undos refuse someone else's later change.
    before = read[0]
    row = RowVersion(read[1], lambda: database.own_version("events", event_id))

    def write(data: EventInput) -> None:
        row.write(lambda version: update_event(database, event_id, data, version=version))

    saved: list[EventInput] = []

    def submit(data: EventInput) -> None:
        write(data)
        saved.append(data)

    run_dialog(EventDialog(page.widget(), submit, initial=before))
    if not saved:
        return
    after = saved[-1]

    def refresh(_what: Change) -> None:
        page.reload(select_id=event_id)
        page.counts_changed()

    name = shortened(after.name, 60)
    push_made(
        page.undo_stack,
        f"Edit Event “{name}”",
        None,
        lambda: write(after),
        lambda _none: write(before),
        refresh,
        page.widget(),
        f"Saved “{name}”",
    )


def follow_up_everyone(page: EventsView) -> None:
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
        page.show_status("Everyone met here already has a follow-up.")
        return

    def refresh(what: Change) -> None:
        page.refresh_current()
        page.report_change(what)

    push_made(
        page.undo_stack,
        f"Follow Up with Everyone Met at {shortened(page.current_event_name(), 80)}",
        followed,
        lambda: follow_up_everyone_met(database, event_id, due),
        lambda contacts: unfollow_everyone_met(database, event_id, contacts),
        refresh,
        page.widget(),
        f"Scheduled {count_of(len(followed.value), 'follow-up')} for {format_day(due)}",
    )
