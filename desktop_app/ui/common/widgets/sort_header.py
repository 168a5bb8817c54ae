"""A table header whose sort arrow points the way the rows run.

Qt draws an ascending sort as a downward arrow and a descending one as an upward arrow
(the style option's SortUp/SortDown name the order the other way round), so a list of
dates running newest first showed an arrow pointing up. Here the arrow points down when
the values fall down the column (newest first, Z to A) and up when they rise.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QStyleOptionHeader, QWidget

_FLIPPED = {
    QStyleOptionHeader.SortIndicator.SortUp: QStyleOptionHeader.SortIndicator.SortDown,
    QStyleOptionHeader.SortIndicator.SortDown: QStyleOptionHeader.SortIndicator.SortUp,
}


class SortArrowHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader, logical_index: int) -> None:
        super().initStyleOptionForIndex(option, logical_index)
        option.sortIndicator = _FLIPPED.get(option.sortIndicator, option.sortIndicator)
