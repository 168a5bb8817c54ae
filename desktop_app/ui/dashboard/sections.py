"""The chart panels: a title, the chart (built lazily, QtCharts loads only here), and the
sentences that explain it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.ui.dashboard.colors import met_color, missed_color, muted_text, tint
from desktop_app.ui.dashboard.grid import ResponsiveGrid

if TYPE_CHECKING:
    from desktop_app.ui.dashboard.loading import DashboardView

# A measure's status in words (colour only repeats it).
GROWTH_STATUS = {
    "on_track": ("On track", True),
    "reached": ("Reached", True),
    "behind": ("Behind", False),
    "too_early": ("Too early to tell", None),
    "unmeasured": ("Not counted", None),
}


def _label(text: str, name: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ChartPanel(QFrame):
    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.setAutoFillBackground(True)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.title = _label(title, "chartTitle", self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.content: QWidget | None = None
        self.notes: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 10, 12, 10)
        self._layout.addWidget(self.title)

    def set_content(self, content: QWidget, notes: list[tuple[str, bool | None]]) -> None:
        """The chart (or the sentence standing for it), then notes: (text, met or not or
        neither), the met/not met ones in colour as well."""
        for old in [self.content, *self.notes]:
            if old is not None:
                self._layout.removeWidget(old)
                old.deleteLater()
        self.content = content
        self._layout.addWidget(content)
        self.notes = []
        for text, met in notes:
            note = _label(text, "chartNote", self)
            palette = note.palette()
            if met is None:
                tint(note, muted_text(palette))
            else:
                tint(note, met_color(palette) if met else missed_color(palette))
            self._layout.addWidget(note)
            self.notes.append(note)

    def chart_name(self) -> str:
        return self.content.objectName() if self.content is not None else ""


class ChartsArea(QWidget):
    """Growth across the width; network mix and return on time side by side (or one
    under the other when narrow)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.growth = ChartPanel("Growth by month against your targets", "growthPanel", self)
        self.mix = ChartPanel("Network mix", "mixPanel", self)
        self.kinds = ChartPanel("Return on time by kind of event", "kindsPanel", self)
        self.pair = ResponsiveGrid(380, 2, self)
        self.pair.set_widgets([self.mix, self.kinds])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.growth)
        layout.addWidget(self.pair)

    def fill(self, view: DashboardView) -> None:
        """Build every chart from ``view`` (imports QtCharts on first use)."""
        from desktop_app.ui.dashboard import charts

        dashboard = view.dashboard
        palette = self.palette()
        growth_notes: list[tuple[str, bool | None]] = []
        for measure in dashboard.growth:
            words, met = GROWTH_STATUS.get(measure.status, (measure.status, None))
            growth_notes.append((f"{measure.name}: {words}. {' '.join(measure.reasons)}", met))
        self.growth.set_content(
            charts.growth_chart(dashboard.growth, dashboard.months, palette, self.growth),
            growth_notes,
        )
        mix = dashboard.mix
        mix_notes: list[tuple[str, bool | None]] = [(w, False) for w in mix.warnings]
        if not mix.warnings and mix.counts.people:
            mix_notes.append((mix.reasons[0], None))
        self.mix.set_content(charts.mix_chart(mix, palette, self.mix), mix_notes)
        kinds = dashboard.events_by_kind
        best = next((k for k in kinds if k.per_hour), None)
        kind_notes: list[tuple[str, bool | None]] = (
            [(f"Best so far: {best.reason}", None)] if best is not None else []
        )
        self.kinds.set_content(charts.kinds_chart(kinds, palette, self.kinds), kind_notes)
