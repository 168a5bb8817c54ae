"""Two windows on one server database: each shows the other's writes within two seconds,
and a save based on what the other window has since changed is refused."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.store.contacts import create_contact
from desktop_app.store.records import ContactInput
from desktop_app.ui.contacts.contact_dialog import ContactDialog
from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import fill_network, ready, select_only, shown
from tests.ui.dialogs import when_dialog_opens

SAVE = QDialogButtonBox.StandardButton.Save
NOTICE_S = 2.0


def test_a_contact_added_in_one_window_appears_in_the_other(qtbot, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    fill_network(postgres_url)  # type: ignore[arg-type]
    first = make_window(qtbot, postgres_url)  # type: ignore[arg-type]
    second = make_window(qtbot, postgres_url)  # type: ignore[arg-type]
    try:
        first.show_page("contacts")
        second.show_page("contacts")
        page_two = ready(qtbot, second)
        ready(qtbot, first)
        assert "Grace Hopper" not in shown(page_two)
        started = time.monotonic()
        create_contact(first.controller.database, ContactInput("Grace", last_name="Hopper"))
        qtbot.waitUntil(lambda: "Grace Hopper" in shown(page_two), timeout=int(NOTICE_S * 1000))
        assert time.monotonic() - started < NOTICE_S
    finally:
        first.close()
        second.close()


def test_a_save_over_the_other_windows_change_is_refused(qtbot, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    fill_network(postgres_url)  # type: ignore[arg-type]
    first = make_window(qtbot, postgres_url)  # type: ignore[arg-type]
    second = make_window(qtbot, postgres_url)  # type: ignore[arg-type]
    try:
        first.show_page("contacts")
        second.show_page("contacts")
        page_one, page_two = ready(qtbot, first), ready(qtbot, second)
        select_only(page_one, "Bob Builder")
        select_only(page_two, "Bob Builder")
        seen: list[object] = []

        def save_in_first(dialog: ContactDialog) -> None:
            dialog.title_edit.setText("Site Manager")
            dialog.buttons.button(SAVE).click()

        def save_in_second(dialog: ContactDialog) -> None:
            when_dialog_opens(save_in_first, ContactDialog)
            page_one.edit_current()  # the first window saves while this dialog is open
            dialog.title_edit.setText("Architect")
            qtbot.mouseClick(dialog.buttons.button(SAVE), Qt.MouseButton.LeftButton)
            seen.append(dialog.problem.text() if dialog.isVisible() else "")
            dialog.done(0)

        when_dialog_opens(save_in_second, ContactDialog)
        page_two.edit_current()
        qtbot.waitUntil(lambda: len(seen) == 1)
        assert "changed elsewhere meanwhile — reload" in str(seen[0])
        detail = page_two.detail
        qtbot.waitUntil(lambda: detail.subtitle.text() == "Site Manager at Acme", timeout=2000)
    finally:
        first.close()
        second.close()
