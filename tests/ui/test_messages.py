"""Message boxes: a name with markup shows as typed, Enter gives a question's safe answer,
and the About box escapes what it shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktop_app.ui.common import messages
from desktop_app.ui.common.messages import Button, Choice, Role
from tests.ui.dialogs import reactivate, when_dialog_opens
from tests.ui.events_helpers import create_event, events_page, visible_names

MARKED_UP = "<b>Ann</b> & <i>Bo</i>"


def shown_text(box: QMessageBox) -> tuple[Qt.TextFormat, str]:
    """How the box's main text is drawn, and the words it holds."""
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label is not None
    return label.textFormat(), label.text()


def press(qtbot, box: QMessageBox, key: Qt.Key) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget() or box, key)


MODAL: dict[str, Callable[[QWidget], object]] = {
    "inform": lambda parent: messages.inform(parent, "Title", MARKED_UP),
    "warn": lambda parent: messages.warn(parent, "Title", MARKED_UP),
    "error": lambda parent: messages.error(parent, "Title", MARKED_UP, details="trace"),
    "store error": lambda parent: messages.show_store_error(parent, MARKED_UP),
    "ask": lambda parent: messages.ask(parent, "Title", MARKED_UP, default=Button.No),
    "choose": lambda parent: messages.choose(
        parent, "Title", MARKED_UP, [Choice("Go On", 1), Choice(Button.Cancel, 0)]
    ),
}


@pytest.mark.parametrize("show", MODAL.values(), ids=MODAL.keys())
def test_a_name_with_markup_shows_as_typed(qtbot, show) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list = []

    def read(box: QMessageBox) -> None:
        seen.extend(shown_text(box))
        box.done(0)

    when_dialog_opens(read, QMessageBox)
    show(parent)
    assert seen == [Qt.TextFormat.PlainText, MARKED_UP]


def test_messages_that_do_not_wait_show_markup_as_typed_too(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    answers: list[Button] = []
    note = messages.notify(parent, "Import", MARKED_UP, warning=True, name="importMessage")
    question = messages.ask_later(
        parent, "Restore", MARKED_UP, answers.append, default=Button.Yes, name="restoreQuestion"
    )
    assert shown_text(note) == (Qt.TextFormat.PlainText, MARKED_UP)
    assert shown_text(question) == (Qt.TextFormat.PlainText, MARKED_UP)
    assert note.icon() == QMessageBox.Icon.Warning
    assert parent.findChild(QMessageBox, "restoreQuestion") is question
    question.button(Button.No).click()
    assert answers == [Button.No]


def test_enter_and_escape_give_a_questions_safe_answer(qtbot) -> None:
    answers = []
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Escape):
        when_dialog_opens(lambda box, key=key: press(qtbot, box, key), QMessageBox)
        answers.append(
            messages.ask(
                None, "Discard?", "Discard?", Button.Discard | Button.Cancel, default=Button.Cancel
            )
        )
    assert answers == [Button.Cancel, Button.Cancel]


def test_enter_on_a_worded_question_keeps_its_safe_default(qtbot) -> None:
    buttons: list[str] = []

    def look_and_press_enter(box: QMessageBox) -> None:
        buttons.append(box.defaultButton().text())
        press(qtbot, box, Qt.Key.Key_Return)

    when_dialog_opens(look_and_press_enter, QMessageBox)
    chosen = messages.choose(
        None,
        "Delete Contacts",
        "Delete these 3 contacts?",
        [
            Choice(Button.Cancel, "kept"),
            Choice("Delete 3 Contacts", "deleted", Role.DestructiveRole),
        ],
        default=Button.Cancel,
    )
    assert chosen == "kept"
    assert buttons == ["Cancel"]


def test_about_escapes_everything_it_shows(qtbot) -> None:
    seen: list[str] = []

    def read(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    when_dialog_opens(read, QMessageBox)
    messages.about(None, "About", MARKED_UP, [MARKED_UP], [("Database", MARKED_UP)])
    document = QTextDocument()
    document.setHtml(seen[0])
    assert document.toPlainText().split("\n") == [MARKED_UP, MARKED_UP, f"Database: {MARKED_UP}"]


def test_deleting_an_event_asks_with_its_name_as_typed(qtbot, window) -> None:
    page = events_page(qtbot, window)
    create_event(qtbot, page, MARKED_UP)
    seen: list = []

    def read_and_keep(box: QMessageBox) -> None:
        seen.extend(shown_text(box))
        box.button(Button.No).click()

    reactivate(qtbot, window)
    when_dialog_opens(read_and_keep, QMessageBox)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert seen[0] == Qt.TextFormat.PlainText
    assert seen[1].startswith(f"Delete “{MARKED_UP}”? The people stay in your contacts.")
    assert MARKED_UP in visible_names(page)
