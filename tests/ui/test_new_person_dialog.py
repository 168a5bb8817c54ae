"""The New Person dialog on an event: roomy enough for its title, with an e-mail field."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.ui.events.people import NewPersonDialog
from tests.ui.dialogs import when_dialog_opens
from tests.ui.events_helpers import create_event, events_page


def test_a_person_met_is_saved_with_an_e_mail_address(qtbot, window, db_path) -> None:  # type: ignore[no-untyped-def]
    page = events_page(qtbot, window)
    create_event(qtbot, page, "Renewable Energy Founders Breakfast")
    seen: dict[str, object] = {}

    def fill(dialog: NewPersonDialog) -> None:
        try:
            fill_in(dialog)
        finally:
            if dialog.isVisible():  # a check gone wrong must not leave the dialog waiting
                dialog.reject()

    def fill_in(dialog: NewPersonDialog) -> None:
        title = dialog.fontMetrics().horizontalAdvance(f"{dialog.windowTitle()} — NetWise")
        seen["room for the title"] = dialog.width() > title
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.keyClicks(dialog.last_name, "Ngata")
        qtbot.keyClicks(dialog.email, "mereana at helix")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.isVisible() and dialog.errors["email"].text()
        dialog.email.selectAll()
        qtbot.keyClicks(dialog.email, "mereana@helix.example")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    qtbot.keyClicks(page.detail.picker.name, "Mereana")
    when_dialog_opens(fill, kind=NewPersonDialog)
    qtbot.mouseClick(page.detail.picker.new_button, Qt.MouseButton.LeftButton)

    assert seen["room for the title"]
    assert seen["refused"] == "“mereana at helix” is not an e-mail address (like name@example.com)."
    assert page.detail.attendee_texts(0) == ["Mereana Ngata"]
    with sqlite3.connect(db_path) as connection:
        addresses = connection.execute(
            "SELECT e.address FROM contact_emails e JOIN contacts c ON c.id = e.contact_id"
            " WHERE c.full_name = 'Mereana Ngata'"
        ).fetchall()
    assert addresses == [("mereana@helix.example",)]
