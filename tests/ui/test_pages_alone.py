"""Pages built alone, without the main window, over a real database: each gets a real
``Services`` (its own announcer, undo stack and status bar) and works the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop_app.ui.common.services import Services
from tests.ui.contacts_helpers import shown
from tests.ui.dialogs import reactivate, when_dialog_opens


@pytest.fixture
def opened(db_path: Path, network: dict[str, int]):  # type: ignore[no-untyped-def]
    from desktop_app.store.database import open_database

    db = open_database(str(db_path))
    yield db
    db.close()


def test_the_contacts_page_alone_counts_in_its_status_bar_and_takes_a_verdict(
    qtbot, opened
) -> None:
    from desktop_app.ui.contacts.page import ContactsPage

    services = Services.standalone()
    page = ContactsPage(services)
    qtbot.addWidget(page)
    page.set_database(opened)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    count = services.status_bar.findChild(QLabel, "contactsCount")
    assert count is not None and count.text() == "Showing 4 of 5 contacts"
    page.receive(verdict="move_on")  # asked by the dashboard's "… and N more"
    qtbot.waitUntil(lambda: page.filter_bar.verdict.currentData() == "move_on")
    with pytest.raises(TypeError):
        page.receive(wizard=True)  # the goal page's intent, not this one's


def test_the_contacts_page_alone_reveals_an_archived_contact_asked_for(
    qtbot, opened, network
) -> None:
    from desktop_app.ui.contacts.page import ContactsPage

    page = ContactsPage(Services.standalone())
    qtbot.addWidget(page)
    page.set_database(opened)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)
    assert "Dora Explorer" not in shown(page)
    page.receive(contact_id=network["Dora"])  # archived: the filter widens to everyone
    qtbot.waitUntil(lambda: page.current_contact() == network["Dora"])
    assert page.table.currentIndex().data() == "Dora Explorer"


def test_the_events_page_alone_reads_its_layout_from_the_state_given_and_undoes(
    qtbot, opened, tmp_path: Path
) -> None:
    from desktop_app.store.events import EventInput, create_event
    from desktop_app.ui.events.page import EventsPage

    create_event(opened, EventInput("Climate Founders Night", dt.datetime(2020, 5, 4, 18)))
    ui_state = QSettings(str(tmp_path / "elsewhere.ini"), QSettings.Format.IniFormat)
    ui_state.setValue("events/view", "past")
    services = Services.standalone(ui_state=ui_state)
    page = EventsPage(services)
    qtbot.addWidget(page)
    page.set_database(opened)
    page.show()
    reactivate(qtbot, page)  # its keyboard shortcuts need the active window
    assert page.view.currentText() == "Past"
    assert page.model.rowCount() == 1
    page.table.setFocus()
    when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Yes).click(), kind=QMessageBox
    )
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    assert services.status_bar.currentMessage().startswith(
        "Deleted event “Climate Founders Night” — "
    )
    services.undo_stack.undo()
    assert page.model.rowCount() == 1
    assert services.status_bar.currentMessage().startswith(
        "Undone: Delete Event “Climate Founders Night”"
    )


def test_the_followups_page_alone_asks_for_the_contact_and_says_what_it_did(
    qtbot, opened, network
) -> None:
    from desktop_app.ui.followups.page import FollowUpsPage

    asked: list[tuple[str, dict[str, object]]] = []
    services = Services.standalone(navigate=lambda name, **intent: asked.append((name, intent)))
    changes: list[object] = []
    services.changes.changed.connect(changes.append)
    page = FollowUpsPage(services)
    qtbot.addWidget(page)
    page.set_database(opened)
    page.show()
    reactivate(qtbot, page)
    overdue = page.model.index(0, 0, page.model.group_index("overdue"))
    assert overdue.data() == "Ada Lovelace"
    page.tree.setCurrentIndex(overdue)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    assert asked == [("contacts", {"contact_id": network["Ada"]})]
    qtbot.keyClick(page.tree, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert page.summary.text().startswith("Nothing to follow up")
    assert services.status_bar.currentMessage().startswith("Marked ")
    assert changes, "the write was announced on the services' changes"
    services.undo_stack.undo()
    assert page.summary.text().startswith("1 due now")
