"""A calendar file imported through the window: the preview (each entry an interaction,
an event or skipped, the people met, the strangers), Import and Cancel, a dropped file;
on a real calendar file the test writes, into a real database file."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import make_window
from tests.ui.evidence_files import calendar_file, evidence_counts, interactions_of, seed_contacts
from tests.ui.importing import (
    close_messages,
    drag_events,
    finish_preview,
    messages,
    open_preview,
    query,
)


@pytest.fixture
def window(qtbot, db_path: Path):  # type: ignore[no-untyped-def]
    """The window over a database that knows Jan de Vries (jan@example.nl)."""
    seed_contacts(db_path)
    win = make_window(qtbot, db_path)
    yield win
    win.close()


def becomes(dialog, title: str) -> str:  # type: ignore[no-untyped-def]
    model = dialog.model
    return model.data(model.index(model.row_titled(title), 3))


def choose(qtbot, dialog, title: str, button: str) -> None:  # type: ignore[no-untyped-def]
    """Select the entry titled ``title`` and press the button that makes it ``button``."""
    model, table = dialog.model, dialog.table
    table.selectionModel().setCurrentIndex(
        model.index(model.row_titled(title), 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    before = dialog.summary.text()
    qtbot.mouseClick(dialog.choice_buttons[button], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.import_button.isEnabled() and dialog.summary.text() != before,
        timeout=30_000,
    )


def test_the_calendar_preview_lists_each_entry_and_what_it_becomes(
    qtbot, window, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_preview(qtbot, window, calendar_file(tmp_path))
    assert dialog.windowTitle() == "Import “work.ics”"
    assert dialog.header.text().startswith("Read “work.ics” (calendar “me@example.com”")
    assert dialog.model.rowCount() == 8
    assert becomes(dialog, "Advice on my move") == "Interaction with 1 contact"
    assert becomes(dialog, "Berlin Python Meetup") == "Event, 1 contact met"
    assert becomes(dialog, "Lunch") == "Skip (cancelled)"
    model = dialog.model
    dinner = model.index(model.row_titled("Founders dinner"), 2)
    assert model.data(dinner) == "Lena Vogel, Jan de Vries ✓"
    assert dialog.summary.text().startswith(
        "6 meetings held with others (5 hours) → 6 interactions with 1 contact; "
        "1 networking event; 1 skipped: 1 cancelled."
    )
    people = dialog.people_model
    assert [(row.name, row.stranger) for row in people.rows] == [
        ("Jan de Vries", False),
        ("Lena Vogel", True),
    ]


def test_choices_change_what_is_written_and_a_stranger_can_be_created(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_preview(qtbot, window, calendar_file(tmp_path))
    choose(qtbot, dialog, "Advice on my move", "skip")
    assert becomes(dialog, "Advice on my move") == "Skip (your choice)"
    assert "5 meetings held with others" in dialog.summary.text()
    assert "1 left out by you" in dialog.summary.text()
    choose(qtbot, dialog, "Founders dinner", "event")
    assert becomes(dialog, "Founders dinner") == "Event, 1 contact met"
    assert "4 interactions with 1 contact; 2 networking events" in dialog.summary.text()
    people = dialog.people_model
    dialog.tabs.setCurrentIndex(1)
    dialog.people_table.setCurrentIndex(people.index(people.row_named("Lena Vogel"), 0))
    qtbot.keyClick(dialog.people_table, Qt.Key.Key_Space)
    assert "Strangers: 1 to create, 0 skipped." in dialog.summary.text()
    assert finish_preview(qtbot, window) == "imported"
    assert "Added 4 interactions with 1 contact and 2 events" in messages(window)[0]
    close_messages(window)
    assert [row[1] for row in interactions_of(db_path, "Jan de Vries")] == ["meeting"] * 4
    events = query(db_path, "SELECT name FROM events ORDER BY starts_at")
    assert events == [("Founders dinner",), ("Berlin Python Meetup",)]
    lena = query(
        db_path,
        "SELECT count(*) FROM event_attendees a JOIN contacts c ON c.id = a.contact_id "
        "WHERE c.full_name = 'Lena Vogel'",
    )
    assert lena == [(2,)]


def test_cancel_writes_nothing(qtbot, window, tmp_path: Path, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = evidence_counts(db_path)
    dialog = open_preview(qtbot, window, calendar_file(tmp_path))
    choose(qtbot, dialog, "Founders dinner", "event")
    assert finish_preview(qtbot, window, accept=False) == "declined"
    assert evidence_counts(db_path) == before


def test_a_dropped_calendar_starts_the_import(qtbot, window, tmp_path: Path, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    enter, drop, _mime = drag_events(calendar_file(tmp_path, "Outlook export.ics"))
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drop)
    flow = window.import_flow
    qtbot.waitUntil(lambda: flow.preview_dialog is not None, timeout=30_000)
    assert flow.preview_dialog.windowTitle() == "Import “Outlook export.ics”"
    assert finish_preview(qtbot, window) == "imported"
    assert len(interactions_of(db_path, "Jan de Vries")) == 6


def test_a_broken_calendar_shows_a_message_and_writes_nothing(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = evidence_counts(db_path)
    broken = tmp_path / "broken.ics"
    broken.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\n", encoding="utf-8")
    window.import_contacts(broken)
    with qtbot.waitSignal(window.import_flow.finished, timeout=30_000) as outcome:
        pass
    assert outcome.args == ["failed"]
    shown = messages(window)
    assert len(shown) == 1 and "broken.ics" in shown[0]
    close_messages(window)
    assert evidence_counts(db_path) == before
