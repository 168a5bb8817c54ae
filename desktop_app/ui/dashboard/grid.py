"""A grid that wraps: as many columns as fit the width, each at least ``min_width``."""

from __future__ import annotations

from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QGridLayout, QWidget


class ResponsiveGrid(QWidget):
    def __init__(self, min_width: int, max_columns: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.min_width = min_width
        self.max_columns = max_columns
        self.items: list[QWidget] = []
        self.columns = 0
        self._layout = QGridLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)

    def set_widgets(self, widgets: list[QWidget]) -> None:
        """Show ``widgets`` (in reading order) instead of the ones shown before."""
        for old in self.items:
            if old not in widgets:
                self._layout.removeWidget(old)
                old.deleteLater()
        self.items = list(widgets)
        self.columns = 0
        self._arrange(self.width())

    def columns_for(self, width: int) -> int:
        spacing = self._layout.horizontalSpacing()
        fit = max(1, (width + spacing) // (self.min_width + spacing))
        return max(1, min(self.max_columns, fit, len(self.items) or 1))

    def _arrange(self, width: int) -> None:
        columns = self.columns_for(width)
        if columns == self.columns:
            return
        self.columns = columns
        for widget in self.items:
            self._layout.removeWidget(widget)
        for column in range(self._layout.columnCount()):
            self._layout.setColumnStretch(column, 0)
        for place, widget in enumerate(self.items):
            self._layout.addWidget(widget, place // columns, place % columns)
            widget.show()
        for column in range(columns):
            self._layout.setColumnStretch(column, 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Re-flow the items when another number of columns fits."""
        super().resizeEvent(event)
        self._arrange(event.size().width())
