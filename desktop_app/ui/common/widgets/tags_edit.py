"""A line edit for comma-separated tags that completes the tag being typed."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget


class TagsEdit(QLineEdit):
    def __init__(self, known: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Comma-separated, e.g. mentor, alumni")
        self.completer_model = QStringListModel(known, self)
        self.tag_completer = QCompleter(self.completer_model, self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag_completer.setWidget(self)
        self.tag_completer.activated.connect(self._insert)
        self.textEdited.connect(self._suggest)

    def tags(self) -> list[str]:
        return [part.strip() for part in self.text().split(",") if part.strip()]

    def set_tags(self, tags: list[str] | tuple[str, ...]) -> None:
        self.setText(", ".join(tags))

    def _current_word(self) -> str:
        return self.text()[: self.cursorPosition()].split(",")[-1].strip()

    def _suggest(self, _text: str) -> None:
        word = self._current_word()
        if not word:
            self.tag_completer.popup().hide()
            return
        self.tag_completer.setCompletionPrefix(word)
        if self.tag_completer.completionCount():
            self.tag_completer.complete()
        else:
            self.tag_completer.popup().hide()

    def _insert(self, completion: str) -> None:
        """Replace the word being typed by ``completion`` and start the next tag."""
        before = self.text()[: self.cursorPosition()]
        after = self.text()[self.cursorPosition() :]
        head = before.rsplit(",", 1)[0] + ", " if "," in before else ""
        text = f"{head}{completion}, "
        self.setText(text + after.lstrip(", "))
        self.setCursorPosition(len(text))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """While the list of suggestions shows, its keys belong to it."""
        popup = self.tag_completer.popup()
        if popup.isVisible() and event.key() in (
            Qt.Key.Key_Enter,
            Qt.Key.Key_Return,
            Qt.Key.Key_Escape,
            Qt.Key.Key_Tab,
            Qt.Key.Key_Backtab,
        ):
            event.ignore()
            return
        super().keyPressEvent(event)
