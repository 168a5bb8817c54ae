"""The review "Are you networking with the wrong people?": the contacts to move on from or
to give to first, grouped by reason, with one-click actions on the chosen contact."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.insights.review import review_summary
from desktop_app.ui.common.roles import CONTACT_ID_ROLE
from desktop_app.ui.dashboard.review_model import ALIGNMENT, COMPANY, NAME, ReviewModel

# key → (button text, tooltip, shortcut within the review)
ACTIONS = {
    "archive": ("Archive", "Archive this contact: they leave your active network", "Ctrl+Shift+A"),
    "followup": ("Schedule Follow-up…", "Choose a date to follow up with them", "Ctrl+Shift+F"),
    "help": ("Log Help Offered", "Log that you offered them help (a small favour)", "Ctrl+Shift+H"),
    "dismiss": (
        "Dismiss Flag",
        "This reason does not apply: stop counting it against them",
        "Ctrl+Shift+D",
    ),
}
EMPTY_TEXT = (
    "Nobody to move on from or to give to first: everyone you are in touch with gives "
    "and takes in fair measure."
)


class ReviewPanel(QWidget):
    """Emits ``action(key, contact_id)`` for a button, ``open_contact(id)`` on Enter or a
    double-click, ``open_verdict(verdict)`` for a group's "… and N more" row."""

    action = Signal(str, int)
    open_contact = Signal(int)
    open_verdict = Signal(str)  # the "… and N more" row: everyone with that verdict

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPanel")
        self.heading = QLabel("Are you networking with the wrong people?", self)
        self.heading.setObjectName("reviewHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("reviewSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.model = ReviewModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("reviewTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.setMinimumHeight(300)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(NAME, 240)
        header.resizeSection(COMPANY, 160)
        header.resizeSection(ALIGNMENT, 80)
        self.detail = QLabel(self)
        self.detail.setObjectName("reviewDetail")
        self.detail.setTextFormat(Qt.TextFormat.PlainText)  # names and reasons are user data
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: dict[str, QPushButton] = {}
        self.actions: dict[str, QAction] = {}
        row = QHBoxLayout()
        for key, (text, tip, shortcut) in ACTIONS.items():
            action = QAction(text, self)
            action.setToolTip(f"{tip} ({QKeySequence(shortcut).toString()})")
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, k=key: self._act(k))
            self.addAction(action)
            self.actions[key] = action
            button = QPushButton(text, self)
            button.setObjectName(f"review_{key}")
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        layout.addWidget(self.detail)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.tree.activated.connect(self._activated)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self._update()

    def set_review(self, groups: tuple, reasons: dict[int, tuple[str, ...]]) -> None:  # type: ignore[type-arg]
        """Show the review, keeping the chosen contact chosen if it is still listed. Nobody
        is chosen in place of one gone (archived, say): a second key press must not act on
        someone the user did not choose."""
        current = self.current_contact()
        self.model.set_review(groups, reasons)
        for row in range(self.model.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)  # the whole title
        self.tree.expandAll()
        self.summary.setText(
            EMPTY_TEXT
            if not groups
            else f"{review_summary(groups)} Each group says why and what to do; choose a "
            "contact to act on it (a double-click or Enter opens them on the Contacts page)."
        )
        self.tree.setVisible(bool(groups))
        for button in self.buttons.values():
            button.setVisible(bool(groups))
        if current is not None and (index := self.model.index_of(current)).isValid():
            self.tree.setCurrentIndex(index)
        self._update()

    def current_contact(self) -> int | None:
        index = self.tree.currentIndex()
        found = index.siblingAtColumn(0).data(CONTACT_ID_ROLE) if index.isValid() else None
        return int(found) if found is not None else None

    def select_contact(self, contact_id: int) -> bool:
        index = self.model.index_of(contact_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)
        return index.isValid()

    def _act(self, key: str) -> None:
        contact_id = self.current_contact()
        if contact_id is not None:
            self.action.emit(key, contact_id)

    def _activated(self, index: QModelIndex) -> None:
        found = index.siblingAtColumn(0).data(CONTACT_ID_ROLE)
        if found is not None:
            self.open_contact.emit(int(found))
        elif index.parent().isValid() and (group := self.model.group(index)) is not None:
            self.open_verdict.emit(group.verdict)

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update()

    def _update(self) -> None:
        index = self.tree.currentIndex()
        entry = self.model.entry(index.siblingAtColumn(0)) if index.isValid() else None
        for key in ACTIONS:
            self.buttons[key].setEnabled(entry is not None)
            self.actions[key].setEnabled(entry is not None)
        if entry is None:
            self.detail.setText("")
            self.detail.hide()
            return
        reasons = self.model.entry_reasons(entry)
        company = f", {entry.company}" if entry.company else ""
        lines = [f"{entry.name}{company} — {entry.label}, alignment {entry.alignment}"]
        lines += [f"• {reason}" for reason in reasons]
        self.detail.setText("\n".join(lines))
        self.detail.show()

    def _context_menu(self, position) -> None:  # type: ignore[no-untyped-def]
        if self.model.entry(self.tree.indexAt(position).siblingAtColumn(0)) is None:
            return
        menu = QMenu(self)
        menu.addActions(list(self.actions.values()))
        menu.exec(self.tree.viewport().mapToGlobal(position))
        menu.deleteLater()
