"""The detail pane's "Fit with your goal": score, the part each factor earned and why, the
warning signs, and the verdict with its reasons, all in plain sentences.

The widgets are built once and refilled for each contact (a handful of ``setText`` calls).
Every label is plain text: reasons quote the user's own words (titles, companies).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common.widgets.plain_label import plain_label

if TYPE_CHECKING:
    from desktop_app.insights.alignment import Factor
    from desktop_app.insights.assessment import ContactInsight

WARNING_COLOUR = {"light": "#b3261e", "dark": "#ff8a80"}
# The warning signs, in the order the verdict weighs them, as the user reads them.
SIGNS = (
    ("they_only_take", "They only take"),
    ("ignoring_you", "Ignoring you"),
    ("you_only_take", "You only take"),
    ("no_return", "No return on your time"),
    ("time_sink", "Time sink"),
    ("gone_quiet", "Gone quiet"),
)
NO_SIGNS = "No warning signs: they answer, and the give and take is not one-sided."
# Parts added on top of the profile's 100 (help toward the goal): shown as "+15 of 45".
ADDED_PARTS = ("goal_help", "can_help")


def _heading(parent: QWidget, text: str) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


def raised_signs(insight: ContactInsight) -> list[tuple[str, str, str]]:
    """(key, name, sentence) of every warning sign raised for the contact, dismissed or not."""
    found = {
        "they_only_take": (insight.reciprocity.they_only_take, insight.reciprocity.reasons),
        "ignoring_you": (insight.responsiveness.ignoring_you, insight.responsiveness.reasons),
        "you_only_take": (insight.reciprocity.you_only_take, insight.reciprocity.reasons),
        "no_return": (insight.return_on_time.no_return, insight.return_on_time.reasons),
        "time_sink": (insight.time_sink.raised, (insight.time_sink.reason,)),
        "gone_quiet": (
            insight.gone_quiet,
            tuple(r for r in insight.verdict.reasons if r.startswith("Last in touch")),
        ),
    }
    signs = []
    for key, name in SIGNS:
        raised, reasons = found[key]
        if raised:
            sentence = reasons[0] if reasons else "You have not been in touch for a while."
            signs.append((key, name, sentence))
    return signs


class FitSection(QWidget):
    """One contact's insight, refilled by ``show_insight`` (hidden while there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fitSection")
        self.title = _heading(self, "Fit with your goal")
        self.score = plain_label(self, "fitScore", wrap=False)
        self.score.setFont(self.title.font())
        self.bar = QProgressBar(self)
        self.bar.setObjectName("fitBar")
        self.bar.setRange(0, 100)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(8)
        self.bar.setMaximumWidth(160)
        self.bar.setAccessibleName("Alignment with your goal, out of 100")
        self.verdict = plain_label(self, "fitVerdict")
        self.verdict.setFont(self.title.font())
        self.reasons = plain_label(self, "fitReasons")
        self.empty = plain_label(self, "fitEmpty")
        self.parts = QWidget(self)
        grid = QGridLayout(self.parts)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(3)
        grid.addWidget(_heading(self.parts, "Part"), 0, 0)
        points_title = _heading(self.parts, "Points")
        points_title.setToolTip(
            "Points earned of the part's weight (its share of 100); “+” marks help toward "
            "your goal, added on top"
        )
        grid.addWidget(points_title, 0, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(_heading(self.parts, "Why"), 0, 2)
        grid.setColumnStretch(2, 1)
        self._grid = grid
        # A row per factor, made for the first contact shown (the rules are not imported
        # with this module: it is built at start-up, before any score is read).
        self.part_points: dict[str, QLabel] = {}
        self.part_reasons: dict[str, QLabel] = {}
        self.signs = plain_label(self, "fitSigns")
        self.relationship = plain_label(self, "fitRelationship")
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)

        top = QHBoxLayout()
        top.addWidget(self.score)
        top.addWidget(self.bar)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.empty)
        layout.addLayout(top)
        layout.addWidget(self.verdict)
        layout.addWidget(self.reasons)
        layout.addWidget(self.parts)
        layout.addWidget(self.signs)
        layout.addWidget(self.relationship)
        layout.addWidget(line)
        self._details = (self.score, self.bar, self.verdict, self.reasons, self.signs)
        self.show_insight(None)

    def _add_part(self, factor: Factor) -> None:
        row = len(self.part_points) + 1
        name = plain_label(self.parts, wrap=False)
        name.setText(factor.label)
        self._grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
        points = plain_label(self.parts, f"fitPoints_{factor.key}", wrap=False)
        self._grid.addWidget(
            points, row, 1, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
        )
        reason = plain_label(self.parts, f"fitWhy_{factor.key}")
        self._grid.addWidget(reason, row, 2)
        self.part_points[factor.key], self.part_reasons[factor.key] = points, reason

    def _warning_colour(self) -> str:
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        return WARNING_COLOUR["dark" if dark else "light"]

    def show_insight(self, insight: ContactInsight | None, note: str = "") -> None:
        """Fill the section from ``insight``, with ``note`` above it (a missing goal);
        with neither, the section hides."""
        for widget in (*self._details, self.relationship):
            widget.setVisible(insight is not None)
        # Without a goal no part counts: the note says so once, not five times.
        counted = insight is not None and any(f.max_points for f in insight.alignment.factors)
        self.parts.setVisible(counted)
        self.empty.setVisible(bool(note))
        self.empty.setText(note)
        self.setVisible(insight is not None or bool(note))
        if insight is None:
            return
        verdict = insight.verdict
        self.score.setText(f"Alignment {insight.alignment.score}/100")
        self.bar.setValue(insight.alignment.score)
        self.verdict.setText(f"Verdict: {verdict.label}")
        self.verdict.setToolTip(verdict.reasons[0])
        signs = raised_signs(insight)
        # Sentences shown below (the alignment's breakdown, the warning signs) are not
        # repeated among the verdict's reasons.
        shown_below = {insight.alignment.reasons[0], *(sentence for *_k, sentence in signs)}
        headline, *more = (
            r for r in verdict.reasons if r not in shown_below or r is verdict.reasons[0]
        )
        self.reasons.setText("\n".join((headline, *(f"• {reason}" for reason in more))))
        for factor in insight.alignment.factors:
            if factor.key not in self.part_points:
                self._add_part(factor)
            counted = factor.max_points > 0
            added = "+" if factor.key in ADDED_PARTS else ""
            self.part_points[factor.key].setText(
                f"{added}{factor.points} of {factor.max_points}" if counted else "not counted"
            )
            self.part_reasons[factor.key].setText(factor.reason)
        lines = []
        for key, name, sentence in signs:
            # A dismissed flag still shows, said to be dismissed (the verdict ignores it).
            dismissed = key != "gone_quiet" and key not in verdict.flags
            lead = f"{name} (dismissed)" if dismissed else name
            lines.append(f"⚠ {lead}: {_after_colon(sentence, name)}")
        self.signs.setText("\n".join(lines) or NO_SIGNS)
        self.signs.setStyleSheet(f"color: {self._warning_colour()};" if lines else "")
        self.relationship.setText(
            "\n".join(
                (
                    f"Responsiveness: {_rest(insight.responsiveness.reasons, 'Ignoring you')}",
                    f"Give and take: {_rest(insight.reciprocity.reasons, 'only take')}",
                    f"Return on time: {_rest(insight.return_on_time.reasons, 'No return')}",
                )
            )
        )


def _after_colon(sentence: str, name: str) -> str:
    """The sentence without its own "Name: " lead (the line names the sign already)."""
    head, _, rest = sentence.partition(": ")
    return rest if rest and head.casefold() == name.casefold() else sentence


def _rest(reasons: tuple[str, ...], flag_word: str) -> str:
    """The reasons besides the flag's own sentence (shown among the warning signs)."""
    kept = [r for r in reasons if flag_word not in r.split(":")[0]]
    return " ".join(kept or reasons)
