"""The Contacts page with nothing to show says why and offers the way on; Ctrl+End keeps
the column in view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QToolButton

from desktop_app.ui.contacts.contact_dialog import ContactDialog
from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import ready, shown
from tests.ui.dialogs import when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier


def test_no_contacts_yet_offers_to_add_or_import(qtbot, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    window.show_page("contacts")
    page = window.page("contacts")
    empty = page.table_area.empty
    qtbot.waitUntil(empty.isVisible)
    assert empty.heading.text() == "No contacts yet"
    assert empty.shown_buttons() == ["add", "import"]
    assert not page.table.isVisible()
    assert page.detail.empty.text() == ""  # nobody to select: no "Select a contact…"

    def add(dialog: ContactDialog) -> None:
        dialog.first_name.setText("Grace")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    when_dialog_opens(add, ContactDialog)
    qtbot.mouseClick(empty.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.table.isVisible)
    assert shown(page) == ["Grace"]
    window.close()


def test_a_search_that_finds_nobody_offers_to_clear_it(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    page.filter_bar.search.setFocus()
    qtbot.keyClicks(page.filter_bar.search, "nobody-by-this-name")
    empty = page.table_area.empty
    qtbot.waitUntil(empty.isVisible)
    assert empty.heading.text() == "Nobody matches"
    assert empty.shown_buttons() == ["clear", "everyone"]
    assert page.detail.empty.text() == ""
    qtbot.mouseClick(empty.buttons["clear"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page.table.isVisible)
    assert page.filter_bar.search.text() == ""
    assert len(shown(page)) == 4
    assert page.detail.empty.text().startswith("Select a contact")
    # The search box's own clear button goes with the words (it fades out).
    clear_button = page.filter_bar.search.findChild(QToolButton)
    qtbot.waitUntil(lambda: clear_button.property("opacity") == 0.0, timeout=2000)


def test_ctrl_end_goes_to_the_last_contact_in_the_same_column(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_End, CTRL)
    assert page.table.currentIndex().row() == len(shown(page)) - 1
    assert page.table.currentIndex().column() == 0
    assert page.table.horizontalScrollBar().value() == 0  # the names stay in view
    qtbot.keyClick(page.table, Qt.Key.Key_Home, CTRL)
    assert (page.table.currentIndex().row(), page.table.currentIndex().column()) == (0, 0)
