"""The "Keeping in touch" card: how many contacts are overdue and how many of them are
aligned; a click, Enter or Space opens the keep-in-touch list on the Follow-ups page."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.dashboard.colors import muted_text, tint

TITLE = "Keeping in touch"
NOBODY = "Nobody overdue"
HOW_CADENCES_WORK = (
    "Everyone has a cadence: their own, else their tags', else their verdict's default "
    "(Settings, Keep in Touch). Whoever it passes without an interaction shows up here."
)
OVERDUE_CAPTION = "Most valuable first: log a touch, snooze or change a cadence."
_ACTIVATING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select)


def summary(overdue: int, aligned: int) -> str:
    """The card in one sentence, as a screen reader says it."""
    if not overdue:
        return f"{TITLE}: {NOBODY.lower()}"
    return f"{TITLE}: {overdue:,} overdue, {aligned:,} of them aligned"


class KeepInTouchCard(QFrame):
    """A figure card that leads on: ``activated`` on a click, Enter or Space."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keepInTouchCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Show the keep-in-touch list on the Follow-ups page (Enter)")
        self.title = self._label(TITLE, "figureTitle")
        self.value = self._label("", "figureValue")
        self.aligned = self._label("", "touchAligned")
        self.aligned.setWordWrap(True)
        bold = self.aligned.font()
        bold.setBold(True)
        self.aligned.setFont(bold)
        self.caption = self._label("", "figureCaption")
        self.caption.setWordWrap(True)
        small = self.caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.caption.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        for label in (self.title, self.value, self.aligned, self.caption):
            layout.addWidget(label)
        layout.addStretch(1)
        self.show_counts(0, 0)

    def show_counts(self, overdue: int, aligned: int) -> None:
        """Show these counts (the card stays, and keeps the focus it has, across readings)."""
        self.value.setText(f"{overdue:,} overdue" if overdue else NOBODY)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * (1.8 if overdue else 1.3))
        font.setBold(True)
        self.value.setFont(font)
        self.aligned.setText(f"{aligned:,} of them aligned with your goal")
        self.aligned.setVisible(bool(overdue))
        self.caption.setText(OVERDUE_CAPTION if overdue else HOW_CADENCES_WORK)
        tint(self.caption, muted_text(self.palette()))  # again after a change of palette
        self.setAccessibleName(summary(overdue, aligned))
        self.setAccessibleDescription(self.caption.text())

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A left click released on the card opens the list."""
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.activated.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter or Space opens the list, as on a button."""
        if event.key() in _ACTIVATING_KEYS and not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
        ):
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Draw the focus border."""
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Take the focus border away."""
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The card, with a highlight border while it has the keyboard focus."""
        super().paintEvent(event)
        if not self.hasFocus():
            return
        painter = QPainter(self)
        pen = QPen(self.palette().color(QPalette.ColorRole.Highlight))
        pen.setWidth(2)
        painter.setPen(pen)
        painter.drawRect(QRect(1, 1, self.width() - 2, self.height() - 2))
        painter.end()
