"""The navigation list on the left of the main window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from desktop_app.ui.common.icons import icon
from desktop_app.ui.common.roles import PAGE_NAME_ROLE
from desktop_app.ui.shell.pages import PageEntry


class NavigationList(QListWidget):
    """One entry per page; an entry can carry a count (``Follow-ups  3``)."""

    page_chosen = Signal(str)

    def __init__(self, pages: Sequence[PageEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setAccessibleName("Navigation")
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(20, 20))
        self.setUniformItemSizes(True)
        self.setSpacing(2)
        self._titles: dict[str, str] = {}
        for page in pages:
            item = QListWidgetItem(icon(page.icon_name), page.title)
            item.setData(PAGE_NAME_ROLE, page.name)
            item.setToolTip(page.title)
            self.addItem(item)
            self._titles[page.name] = page.title
        self.currentItemChanged.connect(self._on_current_changed)
        self.setMinimumWidth(self.sizeHintForColumn(0) + 48)

    def select_page(self, name: str) -> None:
        for row in range(self.count()):
            if self.item(row).data(PAGE_NAME_ROLE) == name:
                self.setCurrentRow(row)
                return

    def set_count(self, name: str, count: int) -> None:
        """Show ``count`` after the page's title (nothing when zero)."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(PAGE_NAME_ROLE) == name:
                title = self._titles[name]
                item.setText(f"{title}  ({count:,})" if count else title)
                item.setToolTip(f"{title}: {count:,} due" if count else title)
        # Wide enough for the longest entry, counts included (never clipped).
        self.setMinimumWidth(max(self.minimumWidth(), self.sizeHintForColumn(0) + 48))

    def _on_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is not None:
            self.page_chosen.emit(current.data(PAGE_NAME_ROLE))
