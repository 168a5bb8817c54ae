"""Driving modal dialogs from a test: act on the dialog once it is the active modal one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def on_modal(handle: Callable[[QWidget], object], kind: type = QDialog, tries: int = 200) -> list:
    """Call ``handle(dialog)`` as soon as a modal ``kind`` is up; returns the list it fills."""
    seen: list[QWidget] = []

    def poll(left: int = tries) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, kind) and widget not in seen:
            seen.append(widget)
            handle(widget)
        elif left:
            QTimer.singleShot(10, lambda: poll(left - 1))

    QTimer.singleShot(0, poll)
    return seen
