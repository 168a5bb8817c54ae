"""The message shown under a field whose input cannot be saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def error_label(parent: QWidget, name: str) -> QLabel:
    """A message under a field, in the palette's warning red, hidden until needed.

    Plain text (user input may be quoted in it) and named for screen readers and tests.
    """
    label = QLabel(parent)
    label.setObjectName(f"error_{name}")
    label.setAccessibleName(f"Problem with {name.replace('_', ' ')}")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b3261e;")
    label.hide()
    return label
