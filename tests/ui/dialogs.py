"""Driving modal dialogs from tests: act on the next one that opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


def when_dialog_opens(act: Callable[[QWidget], None], *, kind: type = QWidget) -> list[QWidget]:
    """Call ``act`` with the next modal dialog of type ``kind`` (polling the event loop)."""
    seen: list[QWidget] = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog not in seen:
            seen.append(dialog)
            act(dialog)
        else:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(20, poll)
    return seen


def reactivate(qtbot, window: QWidget) -> None:  # type: ignore[no-untyped-def]
    """Give the window back the focus after a dialog closed, as a window manager does
    (the offscreen platform leaves no window active)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
