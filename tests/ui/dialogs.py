"""Driving modal dialogs and pop-up menus from tests: act on the next one that opens.

A watcher polls the event loop until its widget shows up, acts once, and stops. Every
watcher still waiting when a test ends is stopped by the ``stop_dialog_watchers``
fixture, so a dialog that never opened in one test cannot be answered by a watcher from
it in the next one.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

POLL_MS = 20

_waiting: list[QTimer] = []


def _watch(find: Callable[[], QWidget | None], act: Callable[[QWidget], object], kind: type):
    seen: list[QWidget] = []
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def poll() -> None:
        widget = find()
        if isinstance(widget, kind) and widget not in seen:
            timer.stop()
            _waiting.remove(timer)
            seen.append(widget)
            act(widget)

    timer.timeout.connect(poll)
    _waiting.append(timer)
    timer.start()
    return seen


def when_dialog_opens(act: Callable[[QWidget], object], kind: type = QWidget) -> list[QWidget]:
    """Call ``act`` with the next modal dialog of type ``kind``; returns the list it fills."""
    return _watch(QApplication.activeModalWidget, act, kind)


def when_menu_pops_up(act: Callable[[QWidget], object], kind: type = QWidget) -> list[QWidget]:
    """Call ``act`` with the next pop-up (a context menu) of type ``kind``."""
    return _watch(QApplication.activePopupWidget, act, kind)


def stop_waiting() -> int:
    """Stop every watcher whose widget never came; returns how many there were."""
    count = len(_waiting)
    for timer in _waiting:
        timer.stop()
    _waiting.clear()
    return count


def reactivate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Give the window the focus (after a dialog closed, as a window manager does; the
    offscreen platform leaves no window active), so its keyboard shortcuts work."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
