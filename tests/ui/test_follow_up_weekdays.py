"""Following up with everyone met after an event: never on a Saturday or a Sunday."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.store.preferences import Preferences, read_preferences, write_preferences
from desktop_app.ui.common.dates import format_day
from desktop_app.ui.events.people import NewPersonDialog
from tests.ui.dialogs import when_dialog_opens
from tests.ui.events_helpers import create_event, events_page

SATURDAY = 5


def test_a_follow_up_falling_on_a_weekend_moves_to_monday(qtbot, window) -> None:
    database = window.controller.database
    today = dt.date.today()
    days = (SATURDAY - today.weekday()) % 7  # the setting lands it on a Saturday
    write_preferences(database, Preferences(read_preferences(database).insights, days))
    page = events_page(qtbot, window)
    create_event(qtbot, page, "Saturday Ideas Breakfast")

    def fill_person(dialog: NewPersonDialog) -> None:
        qtbot.keyClicks(dialog.last_name, "Ngata")
        dialog.accept()

    qtbot.keyClicks(page.detail.picker.name, "Mereana")
    when_dialog_opens(fill_person, kind=NewPersonDialog)
    qtbot.mouseClick(page.detail.picker.new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.detail.follow_up_button, Qt.MouseButton.LeftButton)

    monday = today + dt.timedelta(days=days + 2)
    assert monday.weekday() == 0
    assert window.statusBar().currentMessage() == (
        f"Scheduled 1 follow-up for {format_day(monday)} — Ctrl+Z to undo"
    )
    assert page.detail.attendee_texts(3) == [f"Follow-up due {format_day(monday)}"]
    # Undone like every other action: the follow-up goes, and comes back with redo.
    window.undo_stack.undo()
    assert page.detail.attendee_texts(3) == [""]
    assert window.statusBar().currentMessage().startswith("Undone: Follow Up with Everyone Met")
    window.undo_stack.redo()
    assert page.detail.attendee_texts(3) == [f"Follow-up due {format_day(monday)}"]
