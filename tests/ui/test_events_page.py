"""The Events page as a user works with it: create, add people, follow up, delete, undo."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from desktop_app.insights.workdays import next_working_day
from desktop_app.ui.common.dates import format_day
from desktop_app.ui.common.roles import ID_ROLE
from desktop_app.ui.events.event_dialog import EventDialog
from desktop_app.ui.events.people import NewPersonDialog
from tests.ui.dialogs import reactivate, when_dialog_opens
from tests.ui.events_helpers import create_event, events_page, visible_names


def test_create_an_event_through_the_dialog(qtbot, window) -> None:
    page = events_page(qtbot, window)
    create_event(qtbot, page, "Climate Founders Night")
    assert page.model.rowCount() == 26
    assert page.detail.heading.text() == "Climate Founders Night"
    assert "Time invested: 2.5 h" in page.detail.facts.text()
    assert "26 events" in window.counts_label.text()


def test_an_event_needs_a_name(qtbot, window) -> None:
    page = events_page(qtbot, window)
    messages: list[str] = []

    def try_empty(dialog: EventDialog) -> None:
        dialog.accept()
        messages.append(dialog.name_error.text() if dialog.name_error.isVisible() else "")
        assert dialog.isVisible()
        dialog.done(0)

    when_dialog_opens(try_empty, kind=EventDialog)
    page.new_event()
    assert messages == ["An event needs a name."]
    assert page.model.rowCount() == 25


def test_people_met_and_following_up_with_all_of_them(qtbot, window) -> None:
    page = events_page(qtbot, window)
    create_event(qtbot, page, "Alumni Evening at the Lake")
    picker = page.detail.picker

    def fill_person(dialog: NewPersonDialog) -> None:
        dialog.last_name.setText("Ngata")
        qtbot.keyClicks(dialog.company, "Helix Cloud")
        dialog.accept()

    qtbot.keyClicks(picker.name, "Mereana")
    when_dialog_opens(fill_person, kind=NewPersonDialog)
    qtbot.mouseClick(picker.new_button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == (
        "Added Mereana Ngata to your contacts and to Alumni Evening at the Lake — Ctrl+Z to undo"
    )
    window.undo_stack.undo()  # the new contact goes, and comes back as they were
    assert page.detail.attendee_texts(0) == []
    window.undo_stack.redo()
    assert page.detail.attendee_texts(0) == ["Mereana Ngata"]

    from desktop_app.store.event_people import find_contacts

    _id, existing_name, _ = find_contacts(window.controller.database, "a")[0]
    picker._update_completions(existing_name)  # what typing shows
    qtbot.keyClicks(picker.name, existing_name)
    qtbot.keyClick(picker.name, Qt.Key.Key_Return)
    names = page.detail.attendee_texts(0)
    assert sorted(names) == sorted(["Mereana Ngata", existing_name])
    assert "2 people met" in page.detail.figures.text()

    due_before = window.navigation.item(3).text()
    qtbot.mouseClick(page.detail.follow_up_button, Qt.MouseButton.LeftButton)
    assert "Scheduled 2 follow-ups" in window.statusBar().currentMessage()
    follow_ups = set(page.detail.attendee_texts(3))
    due = next_working_day(dt.date.today() + dt.timedelta(days=2))
    assert follow_ups == {f"Follow-up due {format_day(due)}"}
    assert "2 follow-ups" in page.detail.figures.text()
    assert window.navigation.item(3).text() == due_before  # due in two days, not today

    # What the Follow-ups page and the contact's detail then show.
    window.show_page("followups")
    followups = window.current_page()
    model = followups.model
    week = model.group_index("this_week")
    due_names = {model.index(r, 0, week).data() for r in range(model.rowCount(week))}
    assert {"Mereana Ngata", existing_name} <= due_names
    mereana = next(c for c, n, _ in find_contacts(window.controller.database, "Mereana"))
    window.show_page("contacts")
    contacts = window.current_page()
    contacts.filter_bar.search.setText("Mereana")
    qtbot.waitUntil(lambda: contacts.select_contact(mereana), timeout=5000)
    qtbot.waitUntil(lambda: "Alumni Evening at the Lake" in contacts.detail.fields["events"].text())
    assert "met" in contacts.detail.fields["events"].text()
    assert "Return on time" in page.detail.figures.text()


def test_delete_and_undo(qtbot, window) -> None:
    page = events_page(qtbot, window)
    page.table.setFocus()
    first_id = page.model.index(0, 0).data(ID_ROLE)
    first_name = page.model.index(0, 0).data()
    when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Yes).click(), kind=QMessageBox
    )
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert page.model.rowCount() == 24 and first_name not in visible_names(page)
    reactivate(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.model.rowCount() == 25
    assert page.current_event_id() == first_id


def test_search_and_views(qtbot, window) -> None:
    page = events_page(qtbot, window)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is page.search
    qtbot.keyClicks(page.search, "meetup")
    qtbot.waitUntil(lambda: page.model.rowCount() < 25)
    assert all("Meetup" in name for name in visible_names(page))
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 25)
    page.view.setCurrentIndex(page.view.findData("upcoming"))
    upcoming = page.model.rowCount()
    page.view.setCurrentIndex(page.view.findData("past"))
    assert upcoming + page.model.rowCount() == 25


def test_sorting_keeps_the_selected_event(qtbot, window) -> None:
    page = events_page(qtbot, window)
    page.select_event(page.model.index(5, 0).data(ID_ROLE))
    chosen = page.current_event_id()
    page.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    names = visible_names(page)
    assert names == sorted(names, key=str.lower)
    assert page.current_event_id() == chosen


def test_print_offers_the_preparation_sheet(qtbot, window) -> None:
    page = events_page(qtbot, window)
    document = page.printable_document()
    assert document is not None and "People you met" in document.html  # the demo's are past
    assert window.actions["print"].isEnabled()
    assert isinstance(page.findChild(QPushButton), QPushButton)


def test_enter_opens_the_event_in_its_table_and_a_person_below(qtbot, window) -> None:
    page = events_page(qtbot, window)
    opened = when_dialog_opens(lambda dialog: dialog.reject(), EventDialog)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert len(opened) == 1
    reactivate(qtbot, window)
    attendees = page.detail.attendees
    assert page.detail.attendees_model.rowCount() > 0
    person = page.detail.attendees_model.contact_id(0)
    attendees.setCurrentIndex(page.detail.attendees_model.index(0, 0))
    attendees.setFocus()
    qtbot.keyClick(attendees, Qt.Key.Key_Return)
    contacts = window.current_page()
    assert contacts.name == "contacts" and contacts.current_contact() == person


def test_an_aligned_person_met_counts_as_the_events_outcome(qtbot, window, db_path) -> None:
    from PySide6.QtCore import QDateTime

    from tests.ui.dashboard_helpers import query

    page = events_page(qtbot, window)

    def fill(dialog: EventDialog) -> None:
        qtbot.keyClicks(dialog.name, "Climate Tech Breakfast")
        dialog.starts_at.setDateTime(QDateTime.currentDateTime().addDays(-1))
        dialog.accept()

    when_dialog_opens(fill, kind=EventDialog)
    page.new_event()
    [(name,)] = query(
        db_path,
        "SELECT c.full_name FROM contacts c JOIN contact_scores s ON s.contact_id = c.id "
        "WHERE s.aligned ORDER BY s.alignment DESC LIMIT 1",
    )
    picker = page.detail.picker
    picker._update_completions(name)  # what typing shows
    qtbot.keyClicks(picker.name, name)
    qtbot.keyClick(picker.name, Qt.Key.Key_Return)
    assert page.detail.attendee_texts(0) == [name]

    assert "met 1 person, 1 of them aligned with your goal" in page.detail.figures.text()
    assert "1 outcome" in page.detail.figures.text()
    columns = [
        page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(page.model.columnCount())
    ]
    row = page.table.currentIndex().row()
    assert page.model.index(row, columns.index("Outcomes")).data() == "1"


def test_a_note_of_two_million_characters_written_elsewhere_shows_cut_and_at_once(
    qtbot, db_path
) -> None:  # type: ignore[no-untyped-def]
    import sqlite3
    import time

    from desktop_app.store.database import open_database
    from desktop_app.store.events import EventInput
    from desktop_app.store.events import create_event as store_event
    from tests.ui.conftest import make_window

    db = open_database(str(db_path))
    event = store_event(db, EventInput("Grid Summit", dt.datetime(2026, 5, 4, 18)))
    db.close()
    # An older NetWise, or another program, may have stored a note no field takes now.
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE events SET notes = ? WHERE id = ?", ("word " * 400_000, event))
    window = make_window(qtbot, db_path)
    page = events_page(qtbot, window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    started = time.monotonic()
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.detail.heading.text() == "Grid Summit", timeout=120_000)
    QApplication.processEvents()
    assert time.monotonic() - started < 2
    shown = page.detail.notes.text().replace("\u200b", "")
    assert shown == ("word " * 2_000).rstrip() + "…"
    window.close()


def test_an_online_event_says_online_once_and_its_follow_ups_are_read_whole(qtbot, window) -> None:
    page = events_page(qtbot, window)
    row = next(r for r, name in enumerate(visible_names(page)) if "Webinar" in name)
    page.table.selectRow(row)
    assert page.current_event_id() == page.model.index(row, 0).data(ID_ROLE)
    where = page.detail.facts.text().splitlines()[0]
    assert where.endswith(" · Online") and "Online · Online" not in where
    qtbot.mouseClick(page.detail.follow_up_button, Qt.MouseButton.LeftButton)
    table = page.detail.attendees
    text = page.detail.attendees_model.index(0, 3).data()
    assert text.startswith("Follow-up due ")
    assert table.fontMetrics().horizontalAdvance(text) + 8 <= table.columnWidth(3)


def test_adding_and_taking_off_a_person_say_so_and_undo(qtbot, window) -> None:
    page = events_page(qtbot, window)
    create_event(qtbot, page, "Harbour Breakfast")
    picker = page.detail.picker
    from desktop_app.store.event_people import find_contacts

    _id, name, _ = find_contacts(window.controller.database, "a")[0]
    picker._update_completions(name)  # what typing shows
    qtbot.keyClicks(picker.name, name)
    qtbot.keyClick(picker.name, Qt.Key.Key_Return)
    assert page.detail.attendee_texts(0) == [name]
    status = window.statusBar().currentMessage
    assert status() == f"Added {name} to Harbour Breakfast (met) — Ctrl+Z to undo"
    window.undo_stack.undo()
    assert page.detail.attendee_texts(0) == []
    window.undo_stack.redo()
    assert page.detail.attendee_texts(0) == [name]

    page.detail.attendees.selectRow(0)
    qtbot.mouseClick(page.detail.remove_button, Qt.MouseButton.LeftButton)
    assert page.detail.attendee_texts(0) == []
    assert status() == f"Took {name} off Harbour Breakfast — Ctrl+Z to undo"
    window.undo_stack.undo()
    assert page.detail.attendee_texts(0) == [name]


def test_a_new_an_edited_and_a_deleted_event_say_so_and_undo(qtbot, window) -> None:
    page = events_page(qtbot, window)
    status = window.statusBar().currentMessage
    create_event(qtbot, page, "Harbour Breakfast")
    assert status() == "Added event “Harbour Breakfast” — Ctrl+Z to undo"
    window.undo_stack.undo()
    assert "Harbour Breakfast" not in visible_names(page)
    window.undo_stack.redo()
    assert page.detail.heading.text() == "Harbour Breakfast"

    def rename(dialog: EventDialog) -> None:
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Harbour Brunch")
        dialog.accept()

    reactivate(qtbot, window)
    when_dialog_opens(rename, kind=EventDialog)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F2)
    assert status() == "Saved “Harbour Brunch” — Ctrl+Z to undo"
    window.undo_stack.undo()
    assert page.detail.heading.text() == "Harbour Breakfast"
    assert status() == "Undone: Edit Event “Harbour Brunch” — Ctrl+Y to redo"

    reactivate(qtbot, window)
    when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Yes).click(), kind=QMessageBox
    )
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Harbour Breakfast" not in visible_names(page)
    assert status() == "Deleted event “Harbour Breakfast” — Ctrl+Z to undo"
    window.undo_stack.undo()
    assert page.detail.heading.text() == "Harbour Breakfast"
