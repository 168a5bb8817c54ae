"""A label for the user's own words: never rendered as rich text, wrapped, selectable."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

# A label wraps only between words: a word this long (a name typed without spaces, a web
# address) gets invisible break opportunities, or it would widen its pane and window.
_LONG_WORD = re.compile(r"\S{30,}")
BREAK_EVERY = 20
ZERO_WIDTH_SPACE = "\u200b"


def wrappable(text: str) -> str:
    """``text`` with a zero-width break opportunity every few characters of a long word."""

    def spaced(match: re.Match[str]) -> str:
        word = match.group()
        pieces = (word[i : i + BREAK_EVERY] for i in range(0, len(word), BREAK_EVERY))
        return ZERO_WIDTH_SPACE.join(pieces)

    return _LONG_WORD.sub(spaced, text)


def shortened(text: str, limit: int = 80) -> str:
    """At most ``limit`` characters, an ellipsis marking a cut (titles, one-line places)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class PlainLabel(QLabel):
    """Plain text that wraps even inside very long words, when word wrap is on."""

    def setText(self, text: str) -> None:
        """Show ``text``, breakable anywhere in a long word if the label wraps."""
        super().setText(wrappable(text) if self.wordWrap() else text)


def plain_label(parent: QWidget | None = None, name: str = "", *, wrap: bool = True) -> QLabel:
    label = PlainLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # a name like "<b>Ann</b>" shows as typed
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label
