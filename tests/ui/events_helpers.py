"""Reaching the Events page, adding an event through its dialog, and reading its table."""

from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.ui.events.event_dialog import EventDialog
from tests.ui.dialogs import when_dialog_opens


def events_page(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    page = window.current_page()
    assert page.name == "events"
    return page


def visible_names(page) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def create_event(qtbot, page, name: str, hours: str = "2.5") -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: EventDialog) -> None:
        qtbot.keyClicks(dialog.name, name)
        qtbot.keyClick(dialog.hours, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClicks(dialog.hours, hours)
        qtbot.keyClicks(dialog.place, "Kulturbrauerei")
        dialog.accept()

    when_dialog_opens(fill, kind=EventDialog)
    page.table.setFocus()
    qtbot.keyClick(
        page.table,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
