"""An editable list of short entries (roles, companies...) usable from the keyboard.

Type an entry and press Enter (or Add); F2 or a double click edits one; Delete removes
the selected one. Duplicates, whatever their case, never get in, and the list says so.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QWidget,
)

from desktop_app.insights.targets import clean_entry, dedupe


class EntryLineEdit(QLineEdit):
    """Enter submits the typed entry instead of pressing the wizard's Next button; with
    nothing typed, Enter goes on to the dialog as usual."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keep Enter for the entry while there is one."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.text().strip():
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class EntryListWidget(QListWidget):
    removeRequested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Delete and Backspace remove the selected entry."""
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.currentItem():
            self.removeRequested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class EditableList(QWidget):
    """A titled list with an entry field; ``changed`` after every change of the entries."""

    changed = Signal()

    def __init__(
        self,
        title: str,
        placeholder: str,
        *,
        name: str,
        problem_of: Callable[[str], str | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.problem_of = problem_of
        self.title = QLabel(title, self)
        self.entry = EntryLineEdit(self)
        self.entry.setObjectName(f"{name}Entry")
        self.entry.setPlaceholderText(placeholder)
        plain_title = title.replace("&", "")
        self.entry.setAccessibleName(f"New entry for {plain_title.lower()}")
        self.title.setBuddy(self.entry)
        self.add_button = QPushButton("Add", self)
        self.add_button.setAccessibleName(f"Add to {plain_title.lower()}")
        self.list = EntryListWidget(self)
        self.list.setObjectName(f"{name}List")
        self.list.setAccessibleName(plain_title)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list.setMinimumHeight(64)
        small = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.list.setIconSize(QSize(small, small))
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setAccessibleName(f"Remove the selected entry from {plain_title}")
        self.note = QLabel(self)
        self.note.setObjectName(f"{name}Note")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.entry, 1, 0)
        layout.addWidget(self.add_button, 1, 1)
        layout.addWidget(self.list, 2, 0, 2, 1)
        layout.addWidget(self.remove_button, 2, 1, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.note, 4, 0, 1, 2)
        layout.setRowStretch(3, 1)
        self.entry.submitted.connect(self.add_typed)
        self.add_button.clicked.connect(self.add_typed)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.removeRequested.connect(self.remove_selected)
        self.list.itemChanged.connect(self._edited)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.entry.textChanged.connect(lambda _text: self._update_buttons())
        self._update_buttons()

    # -- values ------------------------------------------------------------------------
    def values(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def set_values(self, values: Sequence[str]) -> None:
        self._fill(dedupe(values).kept)
        self.changed.emit()

    def _fill(self, values: Sequence[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for value in values:
            item = QListWidgetItem(value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self._mark_problems()
        self.list.blockSignals(False)
        self._update_buttons()

    # -- actions -----------------------------------------------------------------------
    def add_typed(self) -> None:
        text = clean_entry(self.entry.text())
        if not text:
            return
        existing = {value.casefold() for value in self.values()}
        self.entry.clear()
        if text.casefold() in existing:
            self._say(f"“{text}” is already in the list.")
            return
        self._say("")
        self._fill([*self.values(), text])
        self.list.setCurrentRow(self.list.count() - 1)
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        removed = self.list.item(row).text()
        self._fill([v for i, v in enumerate(self.values()) if i != row])
        if self.list.count():
            self.list.setCurrentRow(min(row, self.list.count() - 1))
        self._say(f"Removed “{removed}”.")
        self.changed.emit()

    def _edited(self, _item: QListWidgetItem) -> None:
        """An entry was edited in place: drop it if it became empty or a duplicate."""
        values = self.values()
        result = dedupe(values)
        if result.kept == values:
            self.list.blockSignals(True)
            self._mark_problems()
            self.list.blockSignals(False)
        else:
            row = self.list.currentRow()
            self._fill(result.kept)
            if self.list.count():
                self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        if result.removed:
            self._say(f"Removed the duplicate “{result.removed[0]}”.")
        self.changed.emit()

    # -- display -----------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setAccessibleName(text)
        self.note.setVisible(bool(text))

    def _mark_problems(self) -> None:
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for row in range(self.list.count()):
            item = self.list.item(row)
            problem = self.problem_of(item.text()) if self.problem_of else None
            item.setIcon(warning if problem else QIcon())
            # Tool tips that look like markup are rendered as such: escape the user's text.
            item.setToolTip(f"<p>{html.escape(problem)}</p>" if problem else "")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, problem or "")

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.entry.text().strip()))
        self.remove_button.setEnabled(self.list.currentItem() is not None)
