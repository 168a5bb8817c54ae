"""Long work off the GUI thread: a worker thread, progress by signal, cancel by a flag.

The work is a plain function that receives a ``Reporter``. It never touches a widget: it
reports progress through the reporter, which forwards it (throttled) as queued signals
to the GUI thread. Once the user cancels, the reporter's next call raises ``WorkCancelledError``
inside the work, so a store transaction under way rolls back and nothing is written.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton, QWidget

from desktop_app.bulkwork import bulk_work_running, collector_paused

log = logging.getLogger(__name__)

# Progress signals at most this often: the GUI thread repaints, it does not drown.
EMIT_EVERY_S = 0.05
# Work runs Python without pause and holds the interpreter lock; the GUI thread needs the
# lock for each call a repaint makes into Python (a table's data(), a few hundred for the
# window) and waits up to the switch interval for each, 5 ms by default: a repaint during
# an import took a quarter of a second. A short interval hands the lock over at once, and
# costs nothing while no other thread asks for it.
SWITCH_INTERVAL_S = 0.00002
_running = 0
_running_lock = threading.Lock()
_usual_interval = sys.getswitchinterval()


@contextmanager
def lock_handed_over_quickly() -> Iterator[None]:
    """While any work runs: the short switch interval; the usual one once none does."""
    global _running, _usual_interval
    with _running_lock:
        if _running == 0:
            _usual_interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL_S)
        _running += 1
    try:
        yield
    finally:
        with _running_lock:
            _running -= 1
            if _running == 0:
                sys.setswitchinterval(_usual_interval)


class WorkCancelledError(Exception):
    """Raised inside the work when the user has cancelled it."""


class Reporter:
    """What the work calls: ``reporter(done, total)`` and ``reporter.stage(text)``.

    Callable with (done, total), so it can be handed to the store as its progress callback.
    """

    def __init__(self, task: BackgroundTask) -> None:
        self._task = task
        self._last_emit = 0.0

    def __call__(self, done: int, total: int) -> None:
        self.check()
        now = time.monotonic()
        if done >= total or now - self._last_emit >= EMIT_EVERY_S:
            self._last_emit = now
            self._task.progressed.emit(done, total)

    def stage(self, text: str, total: int = 0) -> None:
        """A new step: its label, and its size (0: size unknown, a busy indicator)."""
        self.check()
        self._task.staged.emit(text, total)

    def check(self) -> None:
        if self._task.cancelled:
            raise WorkCancelledError


class BackgroundTask(QObject):
    """Runs ``work(reporter)`` in a thread; the outcome arrives on the GUI thread by signal.

    Exactly one of ``succeeded`` (the work's return value) or ``failed`` (the exception,
    ``WorkCancelledError`` included) is emitted, then ``finished``.
    """

    progressed = Signal(int, int)  # done, total
    staged = Signal(str, int)  # label, total (0: unknown)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    def __init__(self, work: Callable[[Reporter], object], name: str = "background") -> None:
        super().__init__()
        self._work = work
        self._name = name
        self._cancel = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def start(self) -> None:
        # Cycles are collected here, on the GUI thread (they may hold Qt objects); the
        # work then runs with the collector paused (see ``bulkwork``). Not while other
        # bulk work runs: its heap (an import's 100,000 rows) is not frozen yet, and a
        # full collection would walk all of it here, stalling the window for most of a
        # second; the collection that started that work is recent enough.
        if not bulk_work_running():
            gc.collect()
        self._thread = threading.Thread(target=self._run, name=self._name, daemon=True)
        self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the thread has ended (for shutting down); True if it has."""
        if self._thread is not None:
            self._thread.join(timeout)
            return not self._thread.is_alive()
        return True

    def _run(self) -> None:
        try:
            # No collector pauses, and no waits for the lock, stalling the GUI.
            with collector_paused(collect_first=False), lock_handed_over_quickly():
                result = self._work(Reporter(self))
            if self.cancelled:  # cancelled after the last check: the result is not wanted
                raise WorkCancelledError
        except WorkCancelledError as exc:
            self.failed.emit(exc)
        except Exception as exc:  # reported to the GUI thread, which decides what to show
            if not getattr(exc, "message", None):
                log.exception("%s failed", self._name)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        self.finished.emit()


class TaskProgressDialog(QProgressDialog):
    """A cancellable progress dialog that follows a ``BackgroundTask`` and closes with it.

    It appears only if the work lasts longer than ``minimum_ms``. Cancelling asks the task
    to stop; the dialog then says so until the work has actually ended (a rollback of a
    large import takes a moment).
    """

    def __init__(
        self, task: BackgroundTask, title: str, label: str, parent: QWidget, minimum_ms: int = 400
    ) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgressDialog")
        self.setWindowTitle(title)
        text = QLabel(self)
        text.setTextFormat(Qt.TextFormat.PlainText)  # file names are the user's text
        text.setWordWrap(True)
        self.setLabel(text)
        self.setLabelText(label)
        self.setRange(0, 0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(420)
        self.setMinimumDuration(minimum_ms)
        self._task = task
        # A window-modal dialog's setValue() runs the event loop, where the next progress
        # (or the end of the work) may arrive: nested updates are skipped, and the end
        # waits until setValue() has returned (deleting the dialog inside it crashes).
        self._updating = False
        self._ended = False
        # The default cancel() would hide the dialog at once; it stays until the work ends.
        self.canceled.disconnect(self.cancel)
        self.canceled.connect(self._on_cancel)
        task.progressed.connect(self._on_progress)
        task.staged.connect(self._on_stage)
        task.finished.connect(self._on_finished)

    def _on_progress(self, done: int, total: int) -> None:
        if self._task.cancelled or self._updating or self._ended:
            return
        self._updating = True
        try:
            if self.maximum() != total:
                self.setRange(0, total)
            self.setValue(done)
        finally:
            self._updating = False
        if self._ended:
            self._close()

    def _on_stage(self, label: str, total: int) -> None:
        if self._task.cancelled or self._ended:
            return
        self.setLabelText(label)
        if self._updating:
            return
        self._updating = True
        try:
            self.setRange(0, total)
            self.setValue(0)
        finally:
            self._updating = False
        if self._ended:
            self._close()

    def _on_cancel(self) -> None:
        self._task.cancel()
        self.setLabelText("Cancelling… nothing will be written.")
        self.setRange(0, 0)
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)

    def _on_finished(self) -> None:
        self._ended = True
        if not self._updating:  # else closed once setValue() has returned
            self._close()

    def _close(self) -> None:
        self.hide()
        self.deleteLater()
