"""A score out of 100 drawn as its number with a thin bar along the cell's foot, so a
column of them reads at a glance."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate

from desktop_app.ui.common.roles import SORT_ROLE

if TYPE_CHECKING:
    from PySide6.QtCore import QModelIndex, QPersistentModelIndex
    from PySide6.QtGui import QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

BAR_HEIGHT = 3


class ScoreBarDelegate(QStyledItemDelegate):
    """The cell as usual (number right-aligned), then the bar: its raw value out of 100."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """Numbers align right, as in any table of figures."""
        super().initStyleOption(option, index)
        option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Paint the cell, then a bar as long as the score's share of the cell's width."""
        super().paint(painter, option, index)
        value = index.data(SORT_ROLE)
        if not isinstance(value, int) or value <= 0:
            return
        inner = option.rect.adjusted(4, 0, -4, -2)
        width = round(inner.width() * min(value, 100) / 100)
        bar = QRect(inner.left(), inner.bottom() - BAR_HEIGHT + 1, width, BAR_HEIGHT)
        # Asked of the view: touching QStyle from Python costs start-up time (~15 ms).
        view = self.parent()
        selected = isinstance(view, QAbstractItemView) and view.selectionModel().isSelected(
            view.model().index(index.row(), index.column(), index.parent())
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Highlight
        colour = QColor(option.palette.color(role))
        colour.setAlpha(200 if selected else 150)
        painter.fillRect(bar, colour)
