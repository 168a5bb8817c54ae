"""The figure cards: each figure's value, its target where there is one (met or not, in
colour and in words), and how it was counted."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.dashboard.colors import met_color, missed_color, muted_text, tint

if TYPE_CHECKING:
    from desktop_app.insights.figures import Figure

MET, MISSED = "met", "missed"


def _shown(value: float, unit: str) -> str:
    from desktop_app.insights.figures import shown_value

    return shown_value(value, unit)


def figure_status(figure: Figure, today: dt.date) -> tuple[str, str]:
    """("met" / "missed" / "", the target in words) for ``figure``.

    Hours this month are held against the month's time budget, a ceiling (the wizard
    asks for what is sustainable): within it, or over it by so much. Every other target
    is a floor to reach.
    """
    target = figure.target
    if target is None:
        return "", ""
    if figure.key == "hours_this_month":
        words = f"Budget {_shown(target, figure.unit)} this month"
        if figure.value is None:
            return "", words
        if figure.value <= target:
            return MET, f"{words}: {_shown(target - figure.value, figure.unit)} left"
        return MISSED, f"{words}: over by {_shown(figure.value - target, figure.unit)}"
    words = f"Aim: at least {_shown(target, figure.unit)}"
    if figure.value is None:
        return "", words
    if figure.value >= target:
        return MET, f"{words}: met"
    return MISSED, f"{words}: not met"


class FigureCard(QFrame):
    """One figure: label, value, target line, and the reason as a caption and tooltip."""

    def __init__(self, figure: Figure, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setObjectName(f"figure_{figure.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.title = self._label(figure.label, "figureTitle")
        self.value = self._label(figure.text, "figureValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.value.setFont(font)
        self.status, words = figure_status(figure, today)
        self.target = self._label(words, "figureTarget")
        self.target.setVisible(bool(words))
        if self.status:
            palette = self.target.palette()
            tint(self.target, met_color(palette) if self.status == MET else missed_color(palette))
            bold = self.target.font()
            bold.setBold(True)
            self.target.setFont(bold)
        caption_text = figure.warning or (figure.reasons[0] if figure.reasons else "")
        self.caption = self._label(caption_text, "figureCaption")
        self.caption.setWordWrap(True)
        small = self.caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.9)
        self.caption.setFont(small)
        tint(self.caption, muted_text(self.caption.palette()))
        self.setToolTip("\n".join([*figure.reasons, figure.warning]).strip())
        # Screen readers get the whole card in one sentence.
        self.setAccessibleName(f"{figure.label}: {figure.text}. {words}".strip())
        self.setAccessibleDescription(self.toolTip())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(2)
        for label in (self.title, self.value, self.target, self.caption):
            layout.addWidget(label)
        layout.addStretch(1)  # cards of a row share its height; their text stays on top

    def _label(self, text: str, name: str) -> QLabel:
        label = QLabel(text, self)
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label
