"""The contact, interaction and event dialogs alone, saving into a real database file as
the pages have them do: what is typed is what is stored, and a refusal from the store is
said in the dialog, which keeps what was typed and writes nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from desktop_app.store.contact_detail import read_contact_detail, read_interaction
from desktop_app.store.contacts import create_contact, delete_contacts, update_contact
from desktop_app.store.events import EventInput, create_event, read_event, update_event
from desktop_app.store.interactions import delete_interaction, log_interaction, update_interaction
from desktop_app.store.records import InteractionInput
from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from desktop_app.ui.events.event_dialog import EventDialog
from tests.ui.contacts_helpers import TODAY
from tests.ui.dialogs import when_dialog_opens

SAVE = QDialogButtonBox.StandardButton.Save
GONE = "This contact no longer exists; it was deleted meanwhile."


def rows(db_path: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db_path)) as connection:
        return connection.execute(sql, params).fetchall()


def shown(qtbot, dialog: QDialog) -> QDialog:  # type: ignore[no-untyped-def]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def save(qtbot, dialog: ContactDialog | InteractionDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)


# -- contacts ------------------------------------------------------------------------------
def test_a_new_contact_is_stored_as_typed(qtbot, database, db_path: Path) -> None:
    dialog = ContactDialog(None, [], partial(create_contact, database))
    shown(qtbot, dialog)
    qtbot.keyClicks(dialog.first_name, "Grace")
    qtbot.keyClicks(dialog.last_name, "Hopper")
    qtbot.keyClicks(dialog.company, "Navy")
    qtbot.keyClicks(dialog.emails, "grace@navy.example, gh@cobol.example")
    qtbot.keyClicks(dialog.tags, "pioneer, cobol")
    dialog.seniority.setCurrentIndex(dialog.seniority.findData("senior"))
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert rows(db_path, "SELECT full_name, company, seniority FROM contacts") == [
        ("Grace Hopper", "Navy", "senior")
    ]
    assert sorted(rows(db_path, "SELECT name FROM tags")) == [("cobol",), ("pioneer",)]
    assert len(rows(db_path, "SELECT * FROM contact_emails")) == 2


def test_an_edit_is_stored_and_the_email_keeps_its_label(
    qtbot, network, database, network_reader, db_path: Path
) -> None:
    detail = read_contact_detail(network_reader, network["Ada"])
    assert detail is not None
    submit = partial(update_contact, database, network["Ada"])
    dialog = shown(qtbot, ContactDialog(None, ["climate", "mentor"], submit, detail.contact))
    assert dialog.windowTitle() == "Edit Contact"
    assert (dialog.first_name.text(), dialog.company.text()) == ("Ada", "Helix Cloud")
    assert dialog.emails.text() == "ada@helix.example"
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Chief Product Officer")
    save(qtbot, dialog)
    after = read_contact_detail(network_reader, network["Ada"])
    assert after is not None
    assert after.contact.title == "Chief Product Officer"
    assert [(e.value, e.label) for e in after.contact.emails] == [("ada@helix.example", "work")]
    assert after.contact.notes == "Loves analytical engines"  # untouched fields stay


def test_a_contact_deleted_meanwhile_is_said_in_the_dialog_which_stays(
    qtbot, network, database, network_reader, db_path: Path
) -> None:
    detail = read_contact_detail(network_reader, network["Bob"])
    assert detail is not None
    submit = partial(update_contact, database, network["Bob"])
    dialog = shown(qtbot, ContactDialog(None, [], submit, detail.contact))
    delete_contacts(database, [network["Bob"]])  # elsewhere, while the dialog is open
    qtbot.keyClicks(dialog.title_edit, " and Architect")
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.problem.isVisible() and dialog.problem.text() == GONE
    assert dialog.title_edit.text() == "Engineer and Architect"  # still there to copy
    assert rows(db_path, "SELECT count(*) FROM contacts WHERE full_name = 'Bob Builder'") == [(0,)]
    dialog.done(QDialog.DialogCode.Rejected)  # closed without the unsaved-changes question


# -- interactions --------------------------------------------------------------------------
def test_a_logged_interaction_is_stored_with_its_follow_up(
    qtbot, network, database, db_path: Path
) -> None:
    logged: list[int] = []
    initial = InteractionInput(network["Chen"], TODAY)

    def submit(data: InteractionInput) -> None:
        logged.append(log_interaction(database, data).value)

    dialog = shown(qtbot, InteractionDialog(None, "Chen Wei", initial, submit))
    assert dialog.windowTitle() == "Log Interaction"
    dialog.kind.setCurrentIndex(dialog.kind.findData("meeting"))
    dialog.reply.setCurrentIndex(dialog.reply.findData("awaiting"))
    dialog.minutes.setValue(30)
    qtbot.keyClicks(dialog.notes, "Storage tender in March")
    dialog.follow.setChecked(True)
    dialog.followup_date.setDate(QDate(TODAY).addDays(5))
    save(qtbot, dialog)
    assert not dialog.isVisible() and len(logged) == 1
    assert rows(
        db_path,
        "SELECT kind, reply_status, minutes, notes, followup_due FROM interactions WHERE id = ?",
        logged[0],
    ) == [("meeting", "awaiting", 30, "Storage tender in March", str(TODAY + dt.timedelta(5)))]


def test_an_interaction_for_a_contact_deleted_meanwhile_is_refused_in_the_dialog(
    qtbot, network, database, db_path: Path
) -> None:
    submit = partial(log_interaction, database)
    initial = InteractionInput(network["Emil"], TODAY)
    dialog = shown(qtbot, InteractionDialog(None, "Emil Zola", initial, submit))
    delete_contacts(database, [network["Emil"]])
    qtbot.keyClicks(dialog.notes, "About the novel")
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.problem.text() == GONE
    assert dialog.notes.toPlainText() == "About the novel"
    assert rows(db_path, "SELECT count(*) FROM interactions WHERE notes = 'About the novel'") == [
        (0,)
    ]
    dialog.done(QDialog.DialogCode.Rejected)


def test_editing_an_interaction_stores_the_change_and_delete_removes_it(
    qtbot, network, database, network_reader, db_path: Path
) -> None:
    (coffee,) = rows(db_path, "SELECT id FROM interactions WHERE contact_id = ?", network["Ada"])
    record = read_interaction(network_reader, coffee[0])
    assert record is not None
    submit = partial(update_interaction, database, record.id)
    delete = partial(delete_interaction, database, record.id)
    dialog = shown(qtbot, InteractionDialog(None, "Ada", record.as_input(), submit, delete))
    assert dialog.windowTitle() == "Edit Interaction"
    assert dialog.kind.currentData() == "coffee" and dialog.follow.isChecked()
    dialog.minutes.setValue(60)
    save(qtbot, dialog)
    assert rows(db_path, "SELECT minutes FROM interactions WHERE id = ?", record.id) == [(60,)]
    again = shown(qtbot, InteractionDialog(None, "Ada", record.as_input(), submit, delete))
    qtbot.mouseClick(again.delete_button, Qt.MouseButton.LeftButton)
    assert again.result() == QDialog.DialogCode.Accepted
    assert rows(db_path, "SELECT count(*) FROM interactions WHERE id = ?", record.id) == [(0,)]


# -- events --------------------------------------------------------------------------------
def test_a_new_event_is_stored_as_typed(qtbot, database, db_path: Path) -> None:
    dialog = shown(qtbot, EventDialog(None, lambda data: create_event(database, data)))
    assert dialog.windowTitle() == "New Event"
    qtbot.keyClicks(dialog.name, "Grid Summit")
    dialog.kind.setCurrentIndex(dialog.kind.findData("conference"))
    qtbot.keyClicks(dialog.place, "Messe Berlin")
    dialog.hours.setValue(7.5)
    dialog.cost.setValue(249.99)
    dialog.accept()  # saved while open, then closed
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert rows(db_path, "SELECT name, kind, place, hours_invested, cost_cents FROM events") == [
        ("Grid Summit", "conference", "Messe Berlin", 7.5, 24999)
    ]


def test_an_edited_event_shows_what_is_stored_and_stores_the_change(
    qtbot, database, db_path: Path
) -> None:
    starts = dt.datetime.combine(TODAY, dt.time(8, 30))
    event = create_event(database, EventInput("Breakfast", starts, "meetup", "Café Oz", 2, 1500))
    dialog = shown(
        qtbot,
        EventDialog(
            None,
            lambda data: update_event(database, event, data),
            initial=read_event(database, event),
        ),
    )
    assert dialog.windowTitle() == "Edit Event"
    assert (dialog.name.text(), dialog.place.text()) == ("Breakfast", "Café Oz")
    assert dialog.kind.currentData() == "meetup" and dialog.cost.value() == 15.0
    assert dialog.starts_at.dateTime().toPython() == starts
    dialog.place.clear()
    qtbot.keyClicks(dialog.place, "Kulturbrauerei")
    dialog.accept()  # saved while open, then closed
    assert read_event(database, event) == EventInput(
        "Breakfast", starts, "meetup", "Kulturbrauerei", 2, 1500
    )


def test_an_event_without_a_name_is_refused_at_the_field(qtbot) -> None:
    saved: list[EventInput] = []
    dialog = shown(qtbot, EventDialog(None, saved.append))
    qtbot.keyClicks(dialog.name, "   ")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.name_error.isVisible() and dialog.name_error.text() == "An event needs a name."
    qtbot.keyClicks(dialog.name, "x")  # typing again takes the message away
    assert not dialog.name_error.isVisible()
    dialog.done(QDialog.DialogCode.Rejected)
    assert saved == []


def test_leaving_a_changed_event_asks_before_dropping_it(qtbot) -> None:
    saved: list[EventInput] = []
    dialog = shown(qtbot, EventDialog(None, saved.append))
    qtbot.keyClicks(dialog.name, "Grid Summit")
    asked = when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Cancel).click(), QMessageBox
    )
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.name.text() == "Grid Summit"
    asked = when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Discard).click(), QMessageBox
    )
    dialog.reject()
    assert asked and not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert saved == []
