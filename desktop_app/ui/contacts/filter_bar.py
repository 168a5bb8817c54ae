"""The search box and facet filters above the contacts table.

Typing filters as the user types, after a short pause (each keystroke would otherwise run a
search the next keystroke makes obsolete); facets apply at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QWidget

from desktop_app.insights.verdicts import VERDICT_LABELS
from desktop_app.ui.common import labels

if TYPE_CHECKING:
    from desktop_app.store.contacts_query import ContactFilter

ANY = None


class ContactFilterBar(QWidget):
    filter_changed = Signal(object)  # ContactFilter
    leave_down = Signal()  # the arrow key down in the search box: on to the results

    DEBOUNCE_MS = 150

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.search.setObjectName("contactSearch")
        self.search.setPlaceholderText("Search names, companies, titles, tags, notes…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search contacts")
        self.search.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_now)
        self.search.textChanged.connect(lambda _text: self._timer.start())

        self.tag = self._combo("tagFacet", "Tag", [("All tags", ANY)])
        self.seniority = self._combo(
            "seniorityFacet",
            "Seniority",
            [
                ("Any seniority", ANY),
                *((v, k) for k, v in labels.SENIORITY.items()),
                ("Seniority not set", "unset"),
            ],
        )
        self.status = self._combo(
            "statusFacet",
            "Status",
            [
                ("Not archived", "not_archived"),
                *((v, k) for k, v in labels.STATUS.items()),
                ("Any status", "any"),
            ],
        )
        self.circle = self._combo(
            "circleFacet",
            "Circle",
            [("Familiar and new", ANY), *((v, k) for k, v in labels.CIRCLE.items())],
        )
        self.verdict = self._combo(
            "verdictFacet", "Verdict", [("Any verdict", ANY), *_swap(VERDICT_LABELS)]
        )
        self.verdict.setToolTip("Show only contacts with this verdict on their fit with your goal")
        self.combos = (self.tag, self.seniority, self.status, self.circle, self.verdict)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The facets as wide as their text; the search takes the rest.
        layout.addWidget(self.search, 1)
        for combo in self.combos:
            layout.addWidget(combo)

    def _combo(self, name: str, what: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(f"Filter by {what.lower()}")
        combo.setToolTip(f"Show only contacts with this {what.lower()}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # As wide as its text when there is room; narrower (elided) in a small window.
        combo.setMinimumWidth(combo.fontMetrics().averageCharWidth() * 8 + 32)
        for text, value in items:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _index: self.apply_now())
        return combo

    def set_tags(self, names: list[str]) -> None:
        """Offer ``names`` in the tag facet, keeping the chosen tag if it still exists."""
        chosen = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("All tags", ANY)
        for name in names:
            self.tag.addItem(name, name)
        found = self.tag.findData(chosen) if chosen is not None else 0
        self.tag.setCurrentIndex(max(found, 0))
        self.tag.blockSignals(False)
        if chosen is not None and found < 0:
            self.apply_now()

    def show_everyone(self) -> None:
        """Clear the search and every facet, archived contacts included, then apply."""
        for combo in self.combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self.status.findData("any"))
        self.status.blockSignals(False)
        self.search.clear()  # unblocked, so its clear button goes too; apply_now stops the pause
        self.apply_now()

    def clear_search(self) -> None:
        """Clear the words searched for; the facets stay as chosen."""
        self.search.clear()
        self.apply_now()

    def widen_until(self, shows: Callable[[], bool]) -> str | None:
        """Clear the search, then every facet too if ``shows()`` still says no; what was
        cleared ("the search was", "the filters were" …), or None if it still does not show."""
        searched = bool(self.search.text().strip())
        if searched:
            self.clear_search()
        widened = not shows()
        if widened:
            self.show_everyone()
            if not shows():
                return None
        if searched and widened:
            return "the search and filters were"
        return "the filters were" if widened else "the search was"

    def show_verdict(self, verdict: str) -> None:
        """Everyone with ``verdict`` (not archived): the search and other facets cleared."""
        for combo in self.combos:
            combo.blockSignals(True)
        for combo in self.combos:
            combo.setCurrentIndex(0)
        self.verdict.setCurrentIndex(max(self.verdict.findData(verdict), 0))
        for combo in self.combos:
            combo.blockSignals(False)
        self.search.clear()
        self.apply_now()

    def current_filter(self) -> ContactFilter:
        from desktop_app.store.contacts_query import ContactFilter

        verdict = self.verdict.currentData()
        return ContactFilter(
            text=self.search.text(),
            tag=self.tag.currentData(),
            seniority=self.seniority.currentData(),
            status=self.status.currentData(),
            circle=self.circle.currentData(),
            equals=() if verdict is None else (("verdict", verdict),),
        )

    def apply_now(self) -> None:
        self._timer.stop()
        self.filter_changed.emit(self.current_filter())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Escape clears the search; the down arrow moves on to the results."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.search.clear()
                self.apply_now()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.apply_now()
                self.leave_down.emit()
                return True
        return super().eventFilter(watched, event)


def _swap(table: dict[str, str]) -> list[tuple[str, object]]:
    """(text, value) items from a {value: text} table."""
    return [(text, value) for value, text in table.items()]
