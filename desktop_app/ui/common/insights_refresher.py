"""Keeps the cached alignment and verdicts current, off the GUI thread.

Writes queue the contacts whose scores they change (store triggers); a new goal, new
settings or a new day make every score stale. After any of those the window asks for a
refresh; requests are gathered for a moment and one background task brings the cache up
to date (a few cheap reads when nothing is stale, about a second for a full rescoring of
100,000 contacts). Views that show scores listen to ``updated`` and re-read them.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    import datetime as dt

    from PySide6.QtCore import Qt

    from desktop_app.store.database import Database
    from desktop_app.ui.common.background import BackgroundTask, Reporter

log = logging.getLogger(__name__)

# Writes come in bursts (a dialog saves, the follow-ups update): one refresh after them.
GATHER_MS = 250


def _today() -> dt.date:
    # datetime is imported at first use: the window builds its refresher before its first
    # paint, which does not need it.
    import datetime

    return datetime.date.today()


class InsightsRefresher(QObject):
    """``window.insights``: ``request()`` after a write; ``updated`` once scores are current."""

    # Emitted on the GUI thread with the store's ``Freshness`` once the cache is current.
    updated = Signal(object)
    # Emitted when a refresh starts (views may show that figures are being updated).
    started = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self._task: BackgroundTask | None = None
        self._again = False
        self._day: dt.date | None = None  # the day the scores were last checked on
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(GATHER_MS)
        self._timer.timeout.connect(self._start)
        self._follows_application_state = False

    @property
    def busy(self) -> bool:
        """A refresh is under way or due."""
        return self._task is not None or self._timer.isActive()

    def set_database(self, database: Database | None) -> None:
        """Follow another database (None: closed); its cache is checked at once."""
        self.database = database
        self._timer.stop()
        if database is not None:
            self._follow_application_state()
            self._day = _today()
            self.request(now=True)

    def _follow_application_state(self) -> None:
        """Check the day whenever the window comes back to the front. Connected once a
        database opens (a new day matters only then): the signal's argument builds Qt's
        namespace, whose enums would cost the window's first paint about 14 ms."""
        application = QGuiApplication.instance()
        if not self._follows_application_state and isinstance(application, QGuiApplication):
            application.applicationStateChanged.connect(self._on_application_state)
            self._follows_application_state = True

    def request(self, *, now: bool = False) -> None:
        """Bring the scores up to date soon (``now``: without waiting for more writes)."""
        if self.database is None:
            return
        if self._task is not None:
            self._again = True  # the running refresh may have read before this write
            return
        self._timer.start(0 if now else GATHER_MS)

    def check_day(self) -> None:
        """After midnight every value window moves: ask for a refresh (cheap otherwise)."""
        if _today() != self._day:
            self._day = _today()
            self.request(now=True)

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        from PySide6.QtCore import Qt

        if state == Qt.ApplicationState.ApplicationActive:
            self.check_day()

    def _start(self) -> None:
        database = self.database
        if database is None or self._task is not None:
            return
        # Imported here: the window is built before any of this is needed.
        from desktop_app.store.scores import ensure_insights_current
        from desktop_app.ui.common.background import BackgroundTask

        def work(_reporter: Reporter) -> object:
            return ensure_insights_current(database)

        task = BackgroundTask(work, "insights")
        task.succeeded.connect(lambda freshness: self._done(database, freshness))
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self._task = task
        self._again = False
        self.started.emit()
        task.start()

    def _done(self, database: Database, freshness: object) -> None:
        if database is self.database:
            self.updated.emit(freshness)

    @staticmethod
    def _failed(error: object) -> None:
        # A locked database or the like: the next write or page visit asks again.
        log.warning("insights not refreshed: %s", getattr(error, "message", error))

    def _finished(self) -> None:
        self._task = None
        if self._again:
            self.request(now=True)

    def shutdown(self) -> None:
        """Closing: stop asking, and wait for a refresh under way (it is one transaction)."""
        self._timer.stop()
        self.database = None
        if self._task is not None:
            self._task.wait(30)
