"""A page read again after a change: at once if it shows, else the next time it is shown.

A page nobody sees does no work for a change; it only remembers that what it shows is
stale, and reads itself again as it comes into view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


class RefreshWhenShown(QObject):
    """Calls ``refresh`` on ``request()`` while ``page`` shows, else when it is shown."""

    def __init__(self, page: QWidget, refresh: Callable[[], None]) -> None:
        super().__init__(page)
        self._page, self._refresh = page, refresh
        self.stale = False
        page.installEventFilter(self)

    def request(self) -> None:
        if self._page.isVisible():
            self.stale = False
            self._refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The page coming into view reads what changed while it was hidden."""
        if watched is self._page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self._refresh()
        return False
