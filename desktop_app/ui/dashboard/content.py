"""The dashboard in one scrolling column: the review "Are you networking with the wrong
people?" first (the question NetWise answers), then the figures and the charts.

Built on the first reading with something to show (the page itself starts with only a
"Reading your network…" message), and QtCharts only once the cards have painted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop_app.ui.dashboard.cards import FigureCard
from desktop_app.ui.dashboard.grid import ResponsiveGrid
from desktop_app.ui.dashboard.keep_in_touch_card import KeepInTouchCard
from desktop_app.ui.dashboard.review import ReviewPanel
from desktop_app.ui.dashboard.sections import ChartsArea

if TYPE_CHECKING:
    from desktop_app.ui.dashboard.loading import DashboardView


class DashboardContent(QScrollArea):
    # The keep-in-touch card was clicked (or Enter or Space pressed on it).
    keep_in_touch = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.body = body
        self.heading = QLabel("Your network at a glance", body)
        self.heading.setObjectName("dashboardHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.freshness = QLabel(body)
        self.freshness.setObjectName("dashboardFreshness")
        self.freshness.setTextFormat(Qt.TextFormat.PlainText)
        self.goal_line = QLabel(body)
        self.goal_line.setObjectName("dashboardGoal")
        self.goal_line.setTextFormat(Qt.TextFormat.PlainText)  # the user's own words
        self.goal_line.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.freshness)
        self.cards = ResponsiveGrid(210, 4, body)
        self.cards.setObjectName("figureCards")
        self.touch_card = KeepInTouchCard(self.cards)
        self.touch_card.activated.connect(self.keep_in_touch)
        self.charts: ChartsArea | None = None
        self.charts_slot = QVBoxLayout()
        self.review = ReviewPanel(body)
        self._layout = QVBoxLayout(body)
        self._layout.setContentsMargins(16, 12, 16, 16)
        self._layout.setSpacing(12)
        self._layout.addLayout(top)
        self._layout.addWidget(self.goal_line)
        self._layout.addWidget(self.review)
        self._layout.addWidget(self.cards)
        self._layout.addLayout(self.charts_slot)
        self._layout.addStretch(1)
        self.setWidget(body)

    def show_view(self, view: DashboardView) -> None:
        """The goal, the cards and the review of ``view`` (the charts: ``fill_charts``)."""
        dashboard = view.dashboard
        goal = dashboard.goal
        self.goal_line.setText(f"Goal: {goal.statement}" if goal and goal.statement else "")
        self.goal_line.setVisible(bool(self.goal_line.text()))
        # Keeping in touch leads the cards: the one that says what to do today.
        self.touch_card.show_counts(dashboard.overdue, dashboard.overdue_aligned)
        self.cards.set_widgets(
            [
                self.touch_card,
                *(FigureCard(figure, dashboard.today, self.cards) for figure in dashboard.figures),
            ]
        )
        self.review.set_review(dashboard.review, view.reasons)

    def figure_cards(self) -> list[FigureCard]:
        """The cards of the figures (the keep-in-touch card leads them)."""
        return [card for card in self.cards.items if isinstance(card, FigureCard)]

    def fill_charts(self, view: DashboardView) -> None:
        if self.charts is None:
            self.charts = ChartsArea(self.body)
            self.charts_slot.addWidget(self.charts)
        self.charts.fill(view)
