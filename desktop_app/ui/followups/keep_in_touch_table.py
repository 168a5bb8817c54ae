"""The keep-in-touch list's table: whole rows chosen, several at once, never edited in
place, and the keys of its own actions kept from the window's shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

# Columns wide enough for these (name, company, cadence, last touch, overdue by, alignment).
WIDTH_SAMPLES = (
    "Valentina Johansson-Whitfield",
    "Clearview Consulting Group",
    "Every half-year",
    "30 Sep 2026",
    "Overdue by",
    "Alignment",
)


class KeepInTouchTable(QTableView):
    """While it has the focus, the table claims the keys of the actions added to it: Ctrl+L
    is also the window's Contact → Log Interaction…, which would log with the Contacts
    page's contact instead of the one chosen here (and two owners of a key fire neither)."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keepInTouchTable")
        self.setModel(model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        metrics = self.fontMetrics()
        for column, sample in enumerate(WIDTH_SAMPLES):
            self.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)

    def _own_action(self, event: QKeyEvent) -> QAction | None:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        pressed = QKeySequence(QKeyCombination(modifiers, Qt.Key(event.key())))
        for action in self.actions():
            if action.isEnabled() and pressed in action.shortcuts():
                return action
        return None

    def event(self, event: QEvent) -> bool:
        """Keep the window's shortcuts from taking the keys of this table's actions."""
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and self._own_action(event) is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """A key of one of the table's actions triggers it; other keys move as usual."""
        action = self._own_action(event)
        if action is not None:
            action.trigger()
            return
        super().keyPressEvent(event)
