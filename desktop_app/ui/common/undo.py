"""Undoable writes: each runs once when made, then redoes or undoes on the undo stack.

The first run happens before the command reaches the stack, so a write the store refuses
shows its message and leaves nothing to undo. Each write, undo and redo says what it did
in the status bar its ``UndoStack`` was given, with the key that takes it back: nothing
changes silently. The store's write says what it changed; that change is reported after
each redo and undo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.ui.common.undo_stack import STATUS_MS, UndoStack

if TYPE_CHECKING:
    from desktop_app.store.changes import Change

__all__ = [
    "STATUS_MS",
    "UndoStack",
    "attempt",
    "push_made",
    "push_write",
    "retrying",
    "saved_or_said",
]
T = TypeVar("T")


def _keys(standard: QKeySequence.StandardKey) -> str:
    return QKeySequence(standard).toString(QKeySequence.SequenceFormat.NativeText)


# The first word of a write's name ("Archive Ann Lee") and how the status bar says it
# was done ("Archived Ann Lee"), for writes that give no words of their own.
PAST = {
    "Add": "Added",
    "Archive": "Archived",
    "Delete": "Deleted",
    "Dismiss": "Dismissed",
    "Edit": "Edited",
    "Log": "Logged",
    "Mark": "Marked",
    "Reschedule": "Rescheduled",
    "Restore": "Restored",
    "Schedule": "Scheduled",
    "Snooze": "Snoozed",
    "Tag": "Tagged",
}


def _past(text: str) -> str:
    verb, _space, rest = text.partition(" ")
    return f"{PAST[verb]} {rest}" if verb in PAST and rest else f"Done: {text}"


def undo_hint() -> str:
    """How to take back what was just done, as the status bar says it."""
    return f"{_keys(QKeySequence.StandardKey.Undo)} to undo"


def redo_hint() -> str:
    """How to make again what was just undone, as the status bar says it."""
    return f"{_keys(QKeySequence.StandardKey.Redo)} to redo"


def _announcer(stack: QUndoStack) -> Callable[[str], None]:
    """How a write on ``stack`` is said: through its status bar, if it has one."""
    return stack.announce if isinstance(stack, UndoStack) else lambda _message: None


def retrying(parent: QWidget | None, write: Callable[[], T]) -> T:
    """Run ``write``; while the server's connection is lost, offer to try it again.

    Each try is one transaction, so a failed one left nothing behind. Cancel raises the
    ``ConnectionLostError`` to the caller, whose dialog stays open with what was typed.
    """
    from desktop_app.store.errors import ConnectionLostError
    from desktop_app.ui.common.messages import retry_lost_connection

    while True:
        try:
            return write()
        except ConnectionLostError as exc:
            if not retry_lost_connection(parent, exc.message):
                raise


def saved_or_said(dialog: QWidget, problem: QLabel, write: Callable[[], object]) -> bool:
    """A dialog's save: True once written; a refusal (or Cancel on a lost connection) is
    said in ``problem`` and the dialog stays open with what was typed."""
    from desktop_app.store.errors import StoreError

    try:
        retrying(dialog, write)
    except StoreError as exc:
        problem.setText(exc.message)
        problem.show()
        return False
    return True


def attempt(parent: QWidget | None, write: Callable[[], Any]) -> tuple[bool, Any]:
    """Run ``write``; a refusal of the store becomes a message, a lost connection the
    offer to retry. Returns (done, result)."""
    from desktop_app.store.errors import ConnectionLostError, StoreError
    from desktop_app.ui.common.messages import show_store_error

    try:
        return True, retrying(parent, write)
    except ConnectionLostError:
        return False, None  # said already, and the user chose Cancel
    except StoreError as exc:
        show_store_error(parent, exc.message)
        return False, None


class StoreCommand(QUndoCommand):
    def __init__(
        self,
        text: str,
        forward: Callable[[], Any],
        backward: Callable[[Any], object],
        report: Callable[[Change], None],
        parent: QWidget | None = None,
        done: str = "",
        announce: Callable[[str], None] = lambda _message: None,
    ) -> None:
        super().__init__(text)
        self._forward, self._backward, self._report = forward, backward, report
        self._parent = parent
        self._announce = announce
        self._done = done or _past(text)
        self._state: Any = None
        self._change: Change | None = None  # what the write changed, once it ran
        self._first = True

    def _keep(self, result: Any) -> None:
        """From what the write returned: what undoing it needs, and what it changed."""
        from desktop_app.store.changes import Change, Written

        if isinstance(result, Written):
            self._state, self._change = result.value, result.change
        elif isinstance(result, Change):
            self._state, self._change = None, result
        else:
            self._state = result

    def _changed(self) -> Change:
        """What the write changed (nothing, for a write that does not say)."""
        from desktop_app.store.changes import Change

        return self._change if self._change is not None else Change()

    def run_first(self) -> bool:
        done, result = attempt(self._parent, self._forward)
        self._keep(result)
        return done

    def made(self, state: Any) -> None:
        """The write was made elsewhere (a dialog saved it): ``state`` is what it returned."""
        self._keep(state)

    def redo(self) -> None:
        """Repeat the write (the first time it has just been made)."""
        if self._first:
            self._first = False
            self._announce(f"{self._done} — {undo_hint()}")
        else:
            done, result = attempt(self._parent, self._forward)
            self._keep(result)
            if done:
                self._announce(f"Redone: {self.text()}")
        self._report(self._changed())

    def undo(self) -> None:
        """Put back what the write changed."""
        done, _none = attempt(self._parent, lambda: self._backward(self._state))
        if done:
            self._announce(f"Undone: {self.text()} — {redo_hint()}")
        self._report(self._changed())


def push_write(
    stack: QUndoStack,
    text: str,
    forward: Callable[[], Any],
    backward: Callable[[Any], object],
    report: Callable[[Change], None],
    parent: QWidget | None = None,
    done: str = "",
) -> bool:
    """Make the write and, if the store took it, put it on the undo stack.

    ``text`` names the write in the Edit menu ("Archive Ann Lee"); ``done`` says in the
    status bar what happened ("Archived Ann Lee").
    """
    command = StoreCommand(text, forward, backward, report, parent, done, _announcer(stack))
    if not command.run_first():
        return False
    stack.push(command)
    return True


def push_made(
    stack: QUndoStack,
    text: str,
    state: Any,
    forward: Callable[[], Any],
    backward: Callable[[Any], object],
    report: Callable[[Change], None],
    parent: QWidget | None = None,
    done: str = "",
) -> None:
    """Put a write already made (by a dialog, which showed its own refusals) on the stack:
    ``state`` is what the write returned; ``forward`` makes it again after an undo."""
    command = StoreCommand(text, forward, backward, report, parent, done, _announcer(stack))
    command.made(state)
    stack.push(command)
