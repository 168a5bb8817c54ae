"""Every message box NetWise shows: information, warnings, errors, questions, About.

Their text is always plain, so a name such as ``<b>Ann</b>`` shows as typed; only the
About box is rich text, and it escapes every piece it is given. A question names its
default button, so each caller says which answer Enter gives.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QMessageBox, QSizePolicy, QSpacerItem, QWidget

Button = QMessageBox.StandardButton
Role = QMessageBox.ButtonRole
Icon = QMessageBox.Icon
T = TypeVar("T")

WIDE_TEXT = 200  # characters after which a summary with lists gets a wider box
WIDE_PIXELS = 560


def _box(
    parent: QWidget | None,
    icon: Icon,
    title: str,
    text: str,
    buttons: Button = Button.NoButton,
    name: str = "",
) -> QMessageBox:
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if name:
        box.setObjectName(name)
    return box


def inform(parent: QWidget | None, title: str, text: str, *, name: str = "") -> None:
    """An information message with OK; returns when it is closed."""
    _box(parent, Icon.Information, title, text, Button.Ok, name).exec()


def warn(parent: QWidget | None, title: str, text: str, *, name: str = "") -> None:
    """A warning with OK; returns when it is closed."""
    _box(parent, Icon.Warning, title, text, Button.Ok, name).exec()


def error(parent: QWidget | None, title: str, text: str, *, details: str = "") -> None:
    """An error with OK, and ``details`` (a traceback) behind "Show Details…" when given."""
    box = _box(parent, Icon.Critical, title, text, Button.Ok)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_store_error(parent: QWidget | None, message: str) -> None:
    """The store refused a write: why, and that nothing was saved."""
    warn(parent, "Not saved", message, name="storeErrorBox")


def retry_lost_connection(parent: QWidget | None, message: str) -> bool:
    """The server went away during a write: True for Retry, False for Cancel."""
    box = _box(
        parent,
        Icon.Warning,
        "Connection lost",
        message,
        Button.Retry | Button.Cancel,
        "connectionLostBox",
    )
    box.setInformativeText(
        "Nothing was saved, and what you typed is kept. Retry once the server is back."
    )
    box.setDefaultButton(Button.Retry)
    return Button(box.exec()) == Button.Retry


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.No,
    *,
    default: Button,
    name: str = "",
) -> Button:
    """A question answered with one of ``buttons``; Enter gives ``default``."""
    box = _box(parent, Icon.Question, title, text, buttons, name)
    box.setDefaultButton(default)
    return Button(box.exec())


@dataclass(frozen=True)
class Choice(Generic[T]):
    """A button of :func:`choose`: a standard button or the words of one, and its value."""

    button: Button | str
    value: T
    role: Role = Role.AcceptRole  # for worded buttons: where it sits and what Escape picks


def choose(
    parent: QWidget | None,
    title: str,
    text: str,
    choices: Sequence[Choice[T]],
    *,
    icon: Icon = Icon.Question,
    default: Button | None = None,
    informative: str = "",
    name: str = "",
) -> T | None:
    """A message with worded buttons; the value of the one clicked (None if none was)."""
    box = _box(parent, icon, title, text, name=name)
    if informative:
        box.setInformativeText(informative)
    values = {}
    for choice in choices:
        if isinstance(choice.button, str):
            added = box.addButton(choice.button, choice.role)
        else:
            added = box.addButton(choice.button)
        values[added] = choice.value
    if default is not None:
        box.setDefaultButton(default)
    box.exec()
    chosen = values.get(box.clickedButton())  # type: ignore[call-overload]
    box.deleteLater()
    return chosen


def _open(box: QMessageBox) -> QMessageBox:
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def notify(
    parent: QWidget, title: str, text: str, *, warning: bool = False, name: str = ""
) -> QMessageBox:
    """A message with OK that does not wait (no nested event loop): the window keeps
    painting and the caller goes on."""
    icon = Icon.Warning if warning else Icon.Information
    box = _box(parent, icon, title, text, Button.Ok, name)
    layout = box.layout()
    if isinstance(layout, QGridLayout) and len(text) > WIDE_TEXT:
        spacer = QSpacerItem(
            WIDE_PIXELS, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding
        )
        layout.addItem(spacer, layout.rowCount(), 0, 1, layout.columnCount())
    return _open(box)


def ask_later(
    parent: QWidget,
    title: str,
    text: str,
    answered: Callable[[Button], object],
    buttons: Button = Button.Yes | Button.No,
    *,
    default: Button,
    name: str = "",
) -> QMessageBox:
    """A question that does not wait: ``answered`` is called with the button chosen."""
    box = _box(parent, Icon.Question, title, text, buttons, name)
    box.setDefaultButton(default)
    box.finished.connect(lambda code: answered(Button(code)))
    return _open(box)


def about(
    parent: QWidget | None,
    title: str,
    heading: str,
    paragraphs: Sequence[str],
    facts: Sequence[tuple[str, str]],
) -> None:
    """The About box: a heading, paragraphs and "label: value" lines, each escaped."""
    lines = "<br>".join(f"<b>{html.escape(k)}:</b> {html.escape(v)}" for k, v in facts)
    text = (
        f"<h3>{html.escape(heading)}</h3>"
        + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        + f"<p>{lines}</p>"
    )
    QMessageBox.about(parent, title, text)
