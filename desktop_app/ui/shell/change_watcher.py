"""Another window's writes on the same server database, shown here within moments.

A background thread waits on the server's change notices (no polling on the GUI thread);
each notice from another window becomes a queued signal, and the GUI thread announces a
change through the window's announcer and asks for the insights to be brought up to date.
A lost connection is made again, with a growing wait, while the window stays open.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal

from desktop_app.store.changes import ELSEWHERE

if TYPE_CHECKING:
    from typing import Protocol

    from desktop_app.store.changes import Change
    from desktop_app.store.database import Database
    from desktop_app.ui.common.changes import DataChanges
    from desktop_app.ui.common.insights_refresher import InsightsRefresher

    class ServerHost(Protocol):
        """The window a watcher lives in (``MainWindow``)."""

        server_changes: ServerChangeWatcher | None
        changes: DataChanges
        insights: InsightsRefresher


log = logging.getLogger(__name__)
# Seconds before listening again after a lost connection, doubled after each failed try.
FIRST_RETRY_S = 1.0
LONGEST_RETRY_S = 15.0


class ServerChangeWatcher(QObject):
    """Listens while a server database is open in its window; stops with the window."""

    noticed = Signal(object)  # Change: what the other window's transaction wrote

    def __init__(self, changes: DataChanges, insights: InsightsRefresher, parent: QObject) -> None:
        super().__init__(parent)
        self.changes, self.insights = changes, insights
        self._stop: threading.Event | None = None
        self.noticed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def watch(self, database: Database) -> None:
        """Listen to ``database`` (only a server database sends notices)."""
        from desktop_app.store.change_notices import listen

        self.stop()
        if not database.notifies:
            return
        stop = self._stop = threading.Event()
        thread = threading.Thread(
            target=self._listen, args=(listen, database, stop), name="change-notices", daemon=True
        )
        thread.start()

    def _listen(self, listen, database: Database, stop: threading.Event) -> None:  # type: ignore[no-untyped-def]
        """Listen until stopped; a lost connection is made again, waiting longer after
        each failed try, and once it is back a change is announced (the notices sent
        meanwhile are lost, so the window reads again what it shows)."""
        wait_s, lost = FIRST_RETRY_S, False

        def listening() -> None:
            nonlocal wait_s, lost
            wait_s = FIRST_RETRY_S
            if lost:
                lost = False
                log.info("Change notices heard again")
                self.noticed.emit(ELSEWHERE)  # what was missed is not known

        while not stop.is_set():
            try:
                listen(database, self.noticed.emit, stop, listening)
            except Exception as exc:  # the server went away: try again in a while
                if stop.is_set():
                    return
                if not lost:
                    log.warning("Change notices stopped: %s", str(exc).splitlines()[0])
                lost = True
                stop.wait(wait_s)
                wait_s = min(wait_s * 2, LONGEST_RETRY_S)

    def stop(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None

    shutdown = stop  # the window closing

    def _show(self, what: Change) -> None:
        if self._stop is None:
            return
        self.changes.report(what)
        self.insights.request(now=True)


def follow_server(window: ServerHost, database: Database) -> None:
    """Listen to ``database`` in ``window`` (built on the first server database opened;
    a file database stops the listening)."""
    if window.server_changes is None:
        window.server_changes = ServerChangeWatcher(
            window.changes,
            window.insights,
            window,  # type: ignore[arg-type]
        )
    window.server_changes.watch(database)
