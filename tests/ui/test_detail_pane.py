"""The contact detail pane alone, given a real database file and a contact: every field as
written, the open follow-ups and the timeline, its buttons saying what the user asked for,
and stored text of any length shown at once."""

from __future__ import annotations

import sqlite3
import time
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.store.contact_detail import read_contact_detail
from desktop_app.store.contacts import create_contact
from desktop_app.store.insight_reads import load_contact_insight
from desktop_app.store.reader import DatabaseReader
from desktop_app.store.records import ContactInput
from desktop_app.ui.contacts.detail_pane import CHOOSE_ONE, ContactDetailPane
from desktop_app.ui.contacts.insight_follower import NO_GOAL_NOTE

ZERO_WIDTH_SPACE = "\u200b"


def pane_showing(qtbot, reader, contact_id: int | None, pane=None) -> ContactDetailPane:  # type: ignore[no-untyped-def]
    """The pane (a new one unless given), showing the contact as the store reads it."""
    if pane is None:
        pane = ContactDetailPane()
        qtbot.addWidget(pane)
        pane.resize(420, 640)
        pane.show()
        qtbot.waitExposed(pane)
    pane.show_detail(read_contact_detail(reader, contact_id) if contact_id else None)
    return pane


def field(pane: ContactDetailPane, key: str) -> str:
    return pane.fields[key].text().replace(ZERO_WIDTH_SPACE, "")


def test_every_field_of_the_contact_is_shown(qtbot, network, network_reader) -> None:
    pane = pane_showing(qtbot, network_reader, network["Ada"])
    assert pane.stack.currentWidget() is pane.body
    assert pane.name.text() == "Ada Lovelace"
    assert pane.subtitle.text() == "Head of Product at Helix Cloud"
    assert field(pane, "emails") == "ada@helix.example (work)"
    assert field(pane, "seniority") == "Executive"
    assert set(field(pane, "tags").split(", ")) == {"mentor", "climate"}
    assert field(pane, "notes") == "Loves analytical engines"
    assert field(pane, "phones") == "—"
    assert pane.timeline_title.text() == "Timeline · 1 interaction, newest first"
    assert pane.followups_title.text() == "Open follow-ups · 1"
    assert pane.followups.isVisible() and pane.followup_buttons["done"].isVisible()
    pane = pane_showing(qtbot, network_reader, network["Emil"], pane)
    assert pane.subtitle.text() == "Les Editions"
    assert pane.timeline_title.text().startswith("Timeline · nothing logged yet")
    assert pane.followups_title.text() == "No open follow-ups"
    assert not pane.followups.isVisible() and not pane.followup_buttons["done"].isVisible()


def test_the_timeline_and_followup_models_pass_the_model_tester(
    qtbot, qtmodeltester, network, network_reader
) -> None:
    pane = pane_showing(qtbot, network_reader, network["Ada"])
    assert pane.name.text() == "Ada Lovelace"
    qtmodeltester.check(pane.timeline_model)
    qtmodeltester.check(pane.followups_model)
    assert pane.timeline_model.rowCount() == 1
    assert pane.followups_model.rowCount() == 1


def test_nobody_chosen_says_to_choose_unless_there_is_nobody(
    qtbot, network, network_reader
) -> None:
    pane = pane_showing(qtbot, network_reader, network["Bob"])
    pane = pane_showing(qtbot, network_reader, None, pane)
    assert pane.stack.currentWidget() is pane.empty
    assert pane.empty.text() == CHOOSE_ONE
    assert pane.timeline_model.rowCount() == 0
    pane.set_anyone_to_choose(False)
    assert pane.empty.text() == ""


def test_markup_in_a_contact_shows_as_typed(qtbot, database) -> None:
    ann = create_contact(
        database, ContactInput(first_name="<b>Ann</b>", company="<img src='x'> Acme")
    ).value
    pane = pane_showing(qtbot, DatabaseReader(database), ann)
    assert pane.name.text() == "<b>Ann</b>"
    assert pane.name.textFormat() == Qt.TextFormat.PlainText
    assert pane.subtitle.text() == "<img src='x'> Acme"
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in pane.fields.values())


def test_the_buttons_and_lists_say_what_the_user_asked_for(qtbot, network, network_reader) -> None:
    pane = pane_showing(qtbot, network_reader, network["Ada"])
    followup = pane.followups_model.record(0)
    for key, button in pane.quick_buttons.items():
        with qtbot.waitSignal(pane.quick_action) as asked:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert asked.args == [key]
    with qtbot.waitSignal(pane.edit_requested):
        qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(pane.log_requested):
        qtbot.mouseClick(pane.log_button, Qt.MouseButton.LeftButton)
    # The only open follow-up needs no choosing before Done.
    with qtbot.waitSignal(pane.followup_action) as asked:
        qtbot.mouseClick(pane.followup_buttons["done"], Qt.MouseButton.LeftButton)
    assert followup is not None and asked.args == ["done", [followup.id]]
    row = pane.timeline.visualRect(pane.timeline_model.index(0, 0)).center()
    with qtbot.waitSignal(pane.edit_interaction) as asked:  # a click, then the second one
        qtbot.mouseClick(pane.timeline.viewport(), Qt.MouseButton.LeftButton, pos=row)
        qtbot.mouseDClick(pane.timeline.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert asked.args == [followup.id]  # Ada's one interaction, which holds the follow-up


def test_details_come_first_and_each_contact_opens_at_the_top(
    qtbot, network, database, network_reader
) -> None:
    pane = pane_showing(qtbot, network_reader, network["Ada"])
    # The fit with the goal below the fields, as the Contacts page has it filled.
    pane.fit.show_insight(load_contact_insight(database, network["Ada"]), NO_GOAL_NOTE)
    pane.resize(420, 420)
    holder = pane.fields_scroll.widget()
    email = pane.fields["emails"].mapTo(holder, pane.fields["emails"].rect().topLeft())
    assert email.y() < pane.fit.mapTo(holder, pane.fit.rect().topLeft()).y()
    bar = pane.fields_scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    pane_showing(qtbot, network_reader, network["Bob"], pane)
    assert pane.name.text() == "Bob Builder"
    assert bar.value() == 0


def test_a_note_of_two_million_characters_written_elsewhere_shows_cut_and_at_once(
    qtbot, network, network_reader, db_path: Path
) -> None:
    # An older NetWise, or another program, may have stored a note no field takes now.
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute(
            "UPDATE contacts SET notes = ? WHERE id = ?", ("word " * 400_000, network["Ada"])
        )
    started = time.monotonic()
    pane = pane_showing(qtbot, network_reader, network["Ada"])
    QApplication.processEvents()
    assert time.monotonic() - started < 2
    assert field(pane, "notes") == ("word " * 2_000).rstrip() + "…"


def test_an_interaction_note_of_millions_of_characters_shows_cut_in_the_timeline(
    qtbot, network, network_reader, db_path: Path
) -> None:
    with closing(sqlite3.connect(db_path)) as connection, connection:
        connection.execute(
            "UPDATE interactions SET notes = ? WHERE contact_id = ?",
            ("word " * 1_600_000, network["Ada"]),
        )
    started = time.monotonic()
    pane = pane_showing(qtbot, network_reader, network["Ada"])
    QApplication.processEvents()
    assert time.monotonic() - started < 3
    timeline = pane.timeline_model
    assert timeline.rowCount() == 1
    notes = timeline.index(0, timeline.columnCount() - 1).data()
    assert notes == ("word " * 2_000).rstrip() + "…"
