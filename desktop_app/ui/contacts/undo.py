"""Undoable writes: each runs once when made, then redoes or undoes on the undo stack.

The first run happens before the command reaches the stack, so a write the store refuses
shows its message and leaves nothing to undo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget


def show_store_error(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, "Not saved", message, parent=parent)
    box.setObjectName("storeErrorBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def attempt(parent: QWidget | None, write: Callable[[], Any]) -> tuple[bool, Any]:
    """Run ``write``; a refusal of the store becomes a message. Returns (done, result)."""
    from desktop_app.store.errors import StoreError

    try:
        return True, write()
    except StoreError as exc:
        show_store_error(parent, exc.message)
        return False, None


class StoreCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        forward: Callable[[], Any],
        backward: Callable[[Any], None],
        report: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(text)
        self._forward, self._backward, self._report = forward, backward, report
        self._parent = parent
        self._state: Any = None
        self._first = True

    def run_first(self) -> bool:
        done, self._state = attempt(self._parent, self._forward)
        return done

    def redo(self) -> None:
        """Repeat the write (the first time it has just been made)."""
        if self._first:
            self._first = False
        else:
            _done, self._state = attempt(self._parent, self._forward)
        self._report()

    def undo(self) -> None:
        """Put back what the write changed."""
        attempt(self._parent, lambda: self._backward(self._state))
        self._report()


def push_write(
    stack: QUndoStack,
    text: str,
    forward: Callable[[], Any],
    backward: Callable[[Any], None],
    report: Callable[[], None],
    parent: QWidget | None = None,
) -> bool:
    """Make the write and, if the store took it, put it on the undo stack."""
    command = StoreCommand(text, forward, backward, report, parent)
    if not command.run_first():
        return False
    stack.push(command)
    return True
