"""Widgets of the pitch page: the speaking-time gauge and the editable variants."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_app.insights.goal_profile import PitchVariants
from desktop_app.insights.wording import AIM_SECONDS
from desktop_app.ui.common.goal_labels import VARIANT_LABELS
from desktop_app.wording import count_of

GAUGE_MAX_SECONDS = 60
_IN_AIM = QColor("#2e7d32")
_OUTSIDE = QColor("#b26a00")
_BAND = QColor(46, 125, 50, 60)


class SpeakingGauge(QWidget):
    """A bar from 0 to 60 seconds with the 20–40 s aim shaded and a marker at the pitch.

    The text beside it says the same in words, so the colour is never the only signal.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakingGauge")
        self.seconds = 0.0
        self.setAccessibleName("Speaking time gauge")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_seconds(0.0)

    def sizeHint(self) -> QSize:
        """Room for the bar and the scale under it."""
        return QSize(320, self.fontMetrics().height() + 24)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def in_aim(self) -> bool:
        low, high = AIM_SECONDS
        return low <= round(self.seconds) <= high

    def set_seconds(self, seconds: float) -> None:
        self.seconds = seconds
        low, high = AIM_SECONDS
        where = "within" if self.in_aim() else "outside"
        self.setAccessibleDescription(
            f"About {count_of(round(seconds), 'second')}, {where} the aim of {low} to {high} "
            "seconds."
        )
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        """Track, aim band, filled part, marker, and the scale figures."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        margin = metrics.horizontalAdvance("60 s") / 2 + 2
        width = self.width() - 2 * margin
        bar = QRectF(margin, 4, width, 12)

        def x_of(seconds: float) -> float:
            return margin + width * min(seconds, GAUGE_MAX_SECONDS) / GAUGE_MAX_SECONDS

        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        painter.drawRoundedRect(bar, 3, 3)
        low, high = AIM_SECONDS
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(_BAND)
        painter.drawRect(QRectF(x_of(low), bar.top(), x_of(high) - x_of(low), bar.height()))
        colour = _IN_AIM if self.in_aim() else _OUTSIDE
        painter.setBrush(colour)
        filled = QRectF(bar.left(), bar.top() + 3, x_of(self.seconds) - bar.left(), 6)
        painter.drawRect(filled)
        marker = x_of(self.seconds)
        painter.drawRect(QRectF(marker - 1.5, bar.top() - 3, 3, bar.height() + 6))
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        baseline = bar.bottom() + 4 + metrics.ascent()
        for seconds in (0, low, high, GAUGE_MAX_SECONDS):
            text = f"{seconds} s" if seconds == GAUGE_MAX_SECONDS else str(seconds)
            x = x_of(seconds) - metrics.horizontalAdvance(text) / 2
            painter.drawText(int(x), int(baseline), text)
        painter.end()


class VariantsEditor(QWidget):
    """The three variants, generated from the parts and then the user's to edit."""

    regenerate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Variants the user typed in (or saved differently): the parts no longer overwrite
        # them, until "Regenerate" does.
        self.edited: set[str] = set()
        self.thirty_seconds = QPlainTextEdit(self)
        self.thirty_seconds.setObjectName("variantThirtySeconds")
        self.headline = QLineEdit(self)
        self.headline.setObjectName("variantHeadline")
        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("variantSummary")
        for editor in (self.thirty_seconds, self.summary):
            editor.setTabChangesFocus(True)
        self.thirty_seconds.setMaximumHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        self.regenerate = QPushButton("&Regenerate from the Parts", self)
        self.regenerate.setObjectName("regenerateVariants")
        note = QLabel(
            "Generated from your parts and targets. Edit them freely: your edits are kept "
            "until you regenerate.",
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for key, editor in (
            ("thirty_seconds", self.thirty_seconds),
            ("headline", self.headline),
            ("summary", self.summary),
        ):
            label = QLabel(VARIANT_LABELS[key] + ":", self)
            label.setBuddy(editor)
            editor.setAccessibleName(VARIANT_LABELS[key])
            form.addRow(label, editor)
        top = QHBoxLayout()
        top.addWidget(note, 1)
        top.addWidget(self.regenerate, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(form, 1)
        self.regenerate.clicked.connect(self.regenerate_requested)
        self.thirty_seconds.textChanged.connect(lambda: self._user_edit("thirty_seconds"))
        self.headline.textEdited.connect(lambda _t: self._user_edit("headline"))
        self.summary.textChanged.connect(lambda: self._user_edit("summary"))
        self._filling = False

    def variants(self) -> PitchVariants:
        return PitchVariants(
            thirty_seconds=self.thirty_seconds.toPlainText().strip(),
            headline=" ".join(self.headline.text().split()),
            summary=self.summary.toPlainText().strip(),
        )

    def set_variants(self, variants: PitchVariants, *, edited: set[str]) -> None:
        """Show ``variants``; those named in ``edited`` count as the user's own."""
        self._filling = True
        self.thirty_seconds.setPlainText(variants.thirty_seconds)
        self.headline.setText(variants.headline)
        self.headline.setCursorPosition(0)
        self.summary.setPlainText(variants.summary)
        self._filling = False
        self.edited = set(edited)

    def follow_parts(self, generated: PitchVariants) -> None:
        """Take the freshly generated variants, except those the user edited."""
        current = self.variants().as_dict()
        fresh = generated.as_dict()
        merged = {key: current[key] if key in self.edited else fresh[key] for key in fresh}
        if merged != current:
            self.set_variants(PitchVariants.from_dict(merged), edited=self.edited)

    def _user_edit(self, key: str) -> None:
        if not self._filling:
            self.edited.add(key)
