"""A reply logged by hand answers my open outreach, as the timeline then shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.ui.common.interaction_dialog import InteractionDialog
from tests.ui.contacts_helpers import ready, select, timeline
from tests.ui.dialogs import when_dialog_opens

CTRL = Qt.KeyboardModifier.ControlModifier
SAVE = QDialogButtonBox.StandardButton.Save


def log(qtbot, page, kind: str, initiated_by: str, reply: str) -> None:  # type: ignore[no-untyped-def]
    def fill(dialog: InteractionDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
        dialog.initiated.setCurrentIndex(dialog.initiated.findData(initiated_by))
        dialog.reply.setCurrentIndex(dialog.reply.findData(reply))
        dialog.buttons.button(SAVE).click()

    when_dialog_opens(fill, InteractionDialog)
    qtbot.keyClick(page.table, Qt.Key.Key_L, CTRL)


def test_their_call_back_marks_my_outreach_replied(qtbot, small_window) -> None:
    page = ready(qtbot, small_window)
    select(page, "Bob Builder")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Bob Builder")
    log(qtbot, page, "outreach", "me", "awaiting")
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 1)
    assert timeline(page) == [("Outreach message", "I did", "Awaits reply")]
    page = ready(qtbot, small_window)
    log(qtbot, page, "call", "them", "none")
    qtbot.waitUntil(lambda: page.detail.timeline_model.rowCount() == 2)
    assert ("Outreach message", "I did", "Replied") in timeline(page)
