"""A centred message for a page with nothing to show yet, saying what will be there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QVBoxLayout, QWidget


class EmptyState(QWidget):
    def __init__(self, heading: str, body: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel(heading)
        self.heading.setObjectName("emptyStateHeading")
        self.body = QLabel(body)
        self.body.setObjectName("emptyStateBody")
        for label in (self.heading, self.body):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        # Word-wrapped labels get their height right only without alignment flags in the
        # layout, so a column of limited width is centred between stretches instead.
        column = QWidget(self)
        column.setMaximumWidth(560)
        column_layout = QVBoxLayout(column)
        column_layout.addWidget(self.heading)
        column_layout.addSpacing(8)
        column_layout.addWidget(self.body)
        self._column_layout = column_layout
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 3)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

    def add_below(self, layout: QLayout) -> None:
        """Put ``layout`` (the buttons that lead on) under the message."""
        self._column_layout.addSpacing(16)
        self._column_layout.addLayout(layout)
