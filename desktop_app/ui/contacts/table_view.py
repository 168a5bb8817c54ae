"""The contacts table view: fixed row heights, widths in characters, remembered layout."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QWidget

from desktop_app.ui.common.widgets.sort_header import SortArrowHeader
from desktop_app.ui.contacts.score_delegate import ScoreBarDelegate
from desktop_app.ui.contacts.table_model import ContactTableModel


class ContactTableView(QTableView):
    rows_painted = Signal()  # emitted after a paint that showed rows, while armed

    def __init__(self, model: ContactTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactTable")
        self.setAccessibleName("Contacts")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setCornerButtonEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        rows = self.verticalHeader()
        rows.hide()
        # Fixed heights: the view never asks 100,000 rows for their size.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.setHorizontalHeader(SortArrowHeader(self))  # its arrow points the way rows run
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.apply_default_widths()
        self.apply_default_order()
        for section, column in enumerate(model.columns):
            if column.bar:
                self.setItemDelegateForColumn(section, ScoreBarDelegate(self))
        self.setSortingEnabled(True)
        self._armed = False
        self._after_paint: list[Callable[[], object]] = []

    def moveCursor(
        self, action: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        """Home and End, with Ctrl or not, go to the first or last contact in the same
        column: rows are chosen whole, and a jump to the last column would hide the names."""
        ends = (QAbstractItemView.CursorAction.MoveHome, QAbstractItemView.CursorAction.MoveEnd)
        rows = self.model().rowCount()
        if action in ends and rows:
            current = self.currentIndex()
            column = (
                current.column() if current.isValid() else self.horizontalHeader().logicalIndex(0)
            )
            row = 0 if action == QAbstractItemView.CursorAction.MoveHome else rows - 1
            return self.model().index(row, column)
        return super().moveCursor(action, modifiers)

    def contact_model(self) -> ContactTableModel:
        model = self.model()
        assert isinstance(model, ContactTableModel)
        return model

    def apply_default_order(self) -> None:
        """Verdict and alignment right after the company, where a table narrowed by the
        detail pane still shows them (the model keeps its own column order)."""
        header = self.horizontalHeader()
        keys = [column.key for column in self.contact_model().columns]
        if "company" not in keys:
            return
        place = header.visualIndex(keys.index("company")) + 1
        for key in ("verdict", "alignment"):
            if key in keys:
                header.moveSection(header.visualIndex(keys.index(key)), place)
                place += 1

    def apply_default_widths(self) -> None:
        average = self.fontMetrics().averageCharWidth()
        for section, column in enumerate(self.contact_model().columns):
            self.setColumnWidth(section, column.width_chars * average + 16)

    def fit_columns(self, max_chars: int = 36) -> None:
        """Widths that fit the rows on screen (never all 100,000), within reason.

        Rows are measured one by one between the first and last on screen: Qt's own
        "visible rows only" measure takes every row when the view is not laid out.
        """
        model = self.model()
        if not self.isVisible() or model.rowCount() == 0:
            return
        first = max(self.rowAt(0), 0)
        last = self.rowAt(self.viewport().height() - 1)
        if last < 0:
            last = min(model.rowCount() - 1, first + 60)
        header = self.horizontalHeader()
        widest = max_chars * self.fontMetrics().averageCharWidth()
        for section in range(header.count()):
            width = header.sectionSizeHint(section)
            for row in range(first, last + 1):
                hint = self.sizeHintForIndex(model.index(row, section))
                width = max(width, hint.width())
            self.setColumnWidth(section, min(width + 6, widest))

    # -- remembered layout -----------------------------------------------------------
    def _signature(self) -> str:
        return ",".join(column.key for column in self.contact_model().columns)

    def save_layout(self, ui_state: QSettings, prefix: str) -> None:
        ui_state.setValue(f"{prefix}/header", self.horizontalHeader().saveState())
        ui_state.setValue(f"{prefix}/columns", self._signature())

    def restore_layout(self, ui_state: QSettings, prefix: str) -> bool:
        """Widths, order and sort as left, unless the set of columns changed since."""
        state = ui_state.value(f"{prefix}/header")
        if ui_state.value(f"{prefix}/columns") != self._signature():
            return False
        if isinstance(state, QByteArray) and not state.isEmpty():
            return self.horizontalHeader().restoreState(state)
        return False

    # -- first rows painted (start-up probe, benchmarks) ----------------------------------
    def arm_rows_painted(self) -> None:
        self._armed = True

    def after_next_paint(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once rows have been painted (work that can wait for the paint)."""
        self._after_paint.append(callback)

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint, then tell once that rows were painted if someone asked."""
        super().paintEvent(event)
        if self.model().rowCount() == 0:
            return
        if self._armed:
            self._armed = False
            self.rows_painted.emit()
        callbacks, self._after_paint = self._after_paint, []
        for callback in callbacks:
            QTimer.singleShot(0, callback)


def restore_splitters(ui_state: QSettings, prefix: str, splitters: Iterable[QSplitter]) -> None:
    for splitter in splitters:
        state = ui_state.value(f"{prefix}/{splitter.objectName()}")
        if isinstance(state, QByteArray) and not state.isEmpty():
            splitter.restoreState(state)


def save_splitters(ui_state: QSettings, prefix: str, splitters: Iterable[QSplitter]) -> None:
    for splitter in splitters:
        ui_state.setValue(f"{prefix}/{splitter.objectName()}", splitter.saveState())
