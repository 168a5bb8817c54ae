"""The dashboard's charts, drawn with QtCharts in the application's palette.

QtCharts is a large library: this module is imported only once the dashboard's data has
arrived, never on the way to the first window. A chart with nothing to draw is replaced
by a sentence saying so.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QAbstractAxis,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalPercentBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop_app.ui.common.labels import EVENT_KIND
from desktop_app.ui.dashboard.colors import is_dark, series_color

if TYPE_CHECKING:
    from desktop_app.insights.growth import MeasureGrowth, MonthFigures
    from desktop_app.insights.mix import NetworkMix
    from desktop_app.insights.return_on_time import KindReturn

CHART_HEIGHT = 260
NARROW = 640  # pixels: below this a growth chart's month labels stand upright


def no_data(text: str, name: str, parent: QWidget | None = None) -> QLabel:
    """What stands where a chart would have nothing to draw."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setMinimumHeight(120)
    return label


class ChartView(QChartView):
    """A chart view that tells ``on_width`` its new width (to lay out labels that fit)."""

    def __init__(self, chart: QChart, parent: QWidget | None = None) -> None:
        super().__init__(chart, parent)
        self.on_width: Callable[[int], None] | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Let the chart adapt to the width first, then draw it."""
        if self.on_width is not None:
            self.on_width(event.size().width())
        super().resizeEvent(event)


def _view(chart: QChart, name: str, description: str, parent: QWidget | None) -> ChartView:
    view = ChartView(chart, parent)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setBackgroundBrush(chart.backgroundBrush())  # no grey frame around the chart
    view.setFrameShape(QFrame.Shape.NoFrame)
    view.setMinimumHeight(CHART_HEIGHT)
    view.setAccessibleName(description)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to do with the keyboard in it
    return view


def _chart(palette: QPalette) -> QChart:
    chart = QChart()
    chart.setTheme(
        QChart.ChartTheme.ChartThemeDark if is_dark(palette) else QChart.ChartTheme.ChartThemeLight
    )
    chart.setBackgroundBrush(palette.color(QPalette.ColorRole.Base))
    chart.setBackgroundRoundness(0)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    legend = chart.legend()
    legend.setLabelColor(palette.color(QPalette.ColorRole.Text))
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def _style_axis(axis: QAbstractAxis, palette: QPalette) -> None:
    text = palette.color(QPalette.ColorRole.Text)
    axis.setLabelsColor(text)
    grid = QColor(text)
    grid.setAlpha(40)
    axis.setGridLineColor(grid)
    line = QColor(text)
    line.setAlpha(90)
    axis.setLinePenColor(line)


def _value_axis(top: float, palette: QPalette, percent: bool = False) -> QValueAxis:
    axis = QValueAxis()
    axis.setMin(0)
    axis.setMax(100 if percent else max(top * 1.15, 1.0))
    if not percent:
        axis.applyNiceNumbers()
    axis.setLabelFormat("%.0f%%" if percent else ("%.0f" if axis.max() >= 5 else "%.1f"))
    _style_axis(axis, palette)
    return axis


def _category_axis(categories: list[str], palette: QPalette) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(categories)
    _style_axis(axis, palette)
    axis.setGridLineVisible(False)
    return axis


def month_label(month: str) -> str:
    """ "2026-03" → "Mar 26"."""
    import calendar

    year, number = month.split("-")
    return f"{calendar.month_abbr[int(number)]} {year[2:]}"


def growth_chart(
    growth: tuple[MeasureGrowth, ...],
    months: tuple[MonthFigures, ...],
    palette: QPalette,
    parent: QWidget | None = None,
) -> QWidget:
    """Each countable measure of the goal month by month (bars), and its monthly target
    (a dashed line of the same colour)."""
    measured = [m for m in growth if m.metric and m.months]
    if not measured:
        text = (
            "Your goal has no measure NetWise can count yet: add one such as "
            "“Informational meetings per month” in the goal wizard."
            if growth
            else "Your goal has no measurable targets: add one in the goal wizard."
        )
        return no_data(text, "growthNoData", parent)
    keys = [month for month, _value in measured[0].months]
    chart = _chart(palette)
    bars = QBarSeries()
    top = 0.0
    targets: list[QLineSeries] = []
    for place, measure in enumerate(measured):
        color = series_color(place, palette)
        values = [value for _month, value in measure.months]
        bar_set = QBarSet(measure.name)
        bar_set.append(values)
        bar_set.setColor(color)
        bar_set.setBorderColor(color)
        bars.append(bar_set)
        top = max([top, *values])
        if measure.monthly_target is not None:
            line = QLineSeries()
            line.setName(f"Target: {measure.monthly_target:g} a month")
            pen = QPen(color, 2, Qt.PenStyle.DashLine)
            line.setPen(pen)
            for x in range(len(keys)):
                line.append(x, measure.monthly_target)
            targets.append(line)
            top = max(top, measure.monthly_target)
    chart.addSeries(bars)
    x_axis = _category_axis([month_label(m) for m in keys], palette)
    y_axis = _value_axis(top, palette)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    bars.attachAxis(x_axis)
    bars.attachAxis(y_axis)
    for line in targets:
        chart.addSeries(line)
        line.attachAxis(x_axis)
        line.attachAxis(y_axis)
    names = ", ".join(m.name for m in measured)
    # The measures' names are long: a legend that wraps, under the chart, instead of
    # the chart's own (which cuts them off); month labels turn upright when narrow.
    chart.legend().hide()
    box = QWidget(parent)
    box.setObjectName("growthChart")
    view = _view(chart, "growthChartView", f"Growth by month against target: {names}", box)
    view.on_width = lambda width: x_axis.setLabelsAngle(-90 if width < NARROW else 0)
    legend = QLabel(box)
    legend.setObjectName("growthLegend")
    legend.setTextFormat(Qt.TextFormat.RichText)
    legend.setWordWrap(True)
    legend.setText(growth_legend(measured, palette))
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(view)
    layout.addWidget(legend)
    return box


def growth_legend(measured: list[MeasureGrowth], palette: QPalette) -> str:
    """Each measure's colour and name (the user's words, escaped), and its target line."""
    items = []
    for place, measure in enumerate(measured):
        color = series_color(place, palette).name()
        target = (
            f" <span style='color:{color}'>- - -</span> target {measure.monthly_target:g} a month"
            if measure.monthly_target is not None
            else ""
        )
        items.append(
            f"<span style='color:{color}'>\u25a0</span> {html.escape(measure.name)}{target}"
        )
    return "&nbsp;&nbsp;&nbsp; ".join(items)


def mix_chart(mix: NetworkMix, palette: QPalette, parent: QWidget | None = None) -> QWidget:
    """Who you spend time with: by level, and familiar circle against new territory."""
    counts = mix.counts
    if not counts.people:
        return no_data(mix.reasons[0], "mixNoData", parent)
    parts = [
        ("Higher level", counts.higher, 0),
        ("Peers", counts.peers, 0),
        ("Junior", counts.junior, 0),
        ("Level not recorded", counts.unknown, 0),
        ("Familiar circle", counts.familiar, 1),
        ("New territory", counts.new, 1),
    ]
    chart = _chart(palette)
    series = QHorizontalPercentBarSeries()
    for place, (name, count, row) in enumerate(parts):
        if not count:
            continue
        bar_set = QBarSet(f"{name} ({count:,})")
        bar_set.append([float(count), 0.0] if row == 0 else [0.0, float(count)])
        color = series_color(place, palette)
        bar_set.setColor(color)
        bar_set.setBorderColor(palette.color(QPalette.ColorRole.Base))
        series.append(bar_set)
    series.setBarWidth(0.6)
    chart.addSeries(series)
    # Six names do not fit under a half-width chart: listed beside it instead.
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)
    y_axis = _category_axis(["Level", "Circle"], palette)
    x_axis = _value_axis(100, palette, percent=True)
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y_axis)
    series.attachAxis(x_axis)
    return _view(chart, "mixChart", "Network mix. " + " ".join(mix.reasons), parent)


def kinds_chart(
    kinds: tuple[KindReturn, ...], palette: QPalette, parent: QWidget | None = None
) -> QWidget:
    """Outcomes per hour at each kind of event, the best at the top."""
    if not kinds:
        return no_data(
            "No events yet: log the events you go to, to see which pay off.", "kindsNoData", parent
        )
    chart = _chart(palette)
    series = QHorizontalBarSeries()
    bar_set = QBarSet("Outcomes per hour")
    color = series_color(0, palette)
    bar_set.setColor(color)
    bar_set.setBorderColor(color)
    ordered = list(reversed(kinds))  # a horizontal chart draws its first category lowest
    labels = []
    for kind in ordered:
        label = EVENT_KIND.get(kind.kind, kind.kind)
        labels.append(label if kind.per_hour is not None else f"{label} (no hours)")
        bar_set.append(kind.per_hour or 0.0)
    series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPrecision(2)
    bar_set.setLabelColor(palette.color(QPalette.ColorRole.Text))
    series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    chart.legend().hide()
    y_axis = _category_axis(labels, palette)
    x_axis = _value_axis(max((k.per_hour or 0.0) for k in kinds), palette)
    x_axis.setTitleText("Outcomes per hour")
    x_axis.setTitleBrush(palette.color(QPalette.ColorRole.Text))
    chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(y_axis)
    series.attachAxis(x_axis)
    reasons = " ".join(k.reason for k in kinds)
    return _view(chart, "kindsChart", f"Return on time by kind of event. {reasons}", parent)
