"""A server database out of reach: said once in the status bar, and read again once back.

The store reports every lost connection, in whichever thread it happened (a table's read,
a search, the insights). The first report shows a line in the status bar and starts
asking the server, off the GUI thread and less and less often, whether it answers again;
when it does, the line goes and a change is announced, so every view reads again what
it may have missed. The window meanwhile keeps what it shows.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from desktop_app.store.changes import ELSEWHERE

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.common.changes import DataChanges
    from desktop_app.ui.common.insights_refresher import InsightsRefresher
    from desktop_app.ui.shell.change_watcher import ServerHost
    from desktop_app.ui.shell.database_controller import DatabaseController

    class ReachHost(ServerHost):
        """The window a server database is open in (``MainWindow``)."""

        controller: DatabaseController

        def statusBar(self) -> QStatusBar: ...

        def findChild(self, kind: type[ServerReach]) -> ServerReach | None: ...


log = logging.getLogger(__name__)

# Seconds between two questions to the server: doubled after each unanswered one.
FIRST_PROBE_S = 1.0
LONGEST_PROBE_S = 15.0
OUT_OF_REACH = "The server is out of reach: showing what was read before, until it is back"


class ServerReach(QObject):
    """Follows whether the window's server answers; ``banner`` says when it does not."""

    lost = Signal(str)  # from any thread: the message of a lost connection
    _answered = Signal(object, bool)  # from the probing thread: (database, answers)

    def __init__(
        self,
        status_bar: QStatusBar,
        changes: DataChanges,
        insights: InsightsRefresher,
        current: Callable[[], Database | None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.changes, self.insights, self.current = changes, insights, current
        self.status_bar = status_bar
        self.banner = QLabel()
        self.banner.setObjectName("serverOutOfReach")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet("QLabel { color: white; background: #b3261e; }")
        self.banner.setContentsMargins(6, 0, 6, 0)
        self.banner.hide()
        status_bar.insertPermanentWidget(0, self.banner)
        self._database: Database | None = None
        self._wait_s = FIRST_PROBE_S
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._probe)
        self.lost.connect(self._on_lost, Qt.ConnectionType.QueuedConnection)
        self._answered.connect(self._on_answer, Qt.ConnectionType.QueuedConnection)

    @property
    def out_of_reach(self) -> bool:
        return self.banner.isVisibleTo(self.status_bar)

    def watch(self, database: Database) -> None:
        """Follow ``database`` (a file database is never out of reach)."""
        self._database = database
        self._timer.stop()
        self.banner.hide()
        if database.notifies:
            database.on_lost = self.lost.emit

    def _on_lost(self, message: str) -> None:
        if self.out_of_reach or self._database is None:
            return  # said once
        log.warning("%s", message)
        self.banner.setText(OUT_OF_REACH)
        self.banner.setToolTip(message)  # which server, and why
        self.banner.show()
        self._wait_s = FIRST_PROBE_S
        self._timer.start(int(self._wait_s * 1000))

    def _probe(self) -> None:
        database = self._database
        if database is None or self.current() is not database:
            self.banner.hide()  # closed, or another database opened meanwhile
            return
        threading.Thread(
            target=lambda: self._answered.emit(database, database.reach()),
            name="server-reach",
            daemon=True,
        ).start()

    def _on_answer(self, database: Database, answers: bool) -> None:
        if database is not self._database or self.current() is not database:
            return
        if not answers:
            self._wait_s = min(self._wait_s * 2, LONGEST_PROBE_S)
            self._timer.start(int(self._wait_s * 1000))
            return
        log.info("the server answers again")
        self.banner.hide()
        self.status_bar.showMessage("Connected to the server again", 5000)
        self.changes.report(ELSEWHERE)  # read again what may have changed meanwhile
        self.insights.request(now=True)


def follow_server(window: ReachHost, database: Database) -> None:
    """Listen to ``database``'s change notices, and say when its server is out of reach."""
    from desktop_app.ui.shell.change_watcher import follow_server as listen_to_changes

    listen_to_changes(window, database)
    reach = window.findChild(ServerReach)
    if reach is None:
        reach = ServerReach(
            window.statusBar(),
            window.changes,
            window.insights,
            lambda: window.controller.database,
            window,  # type: ignore[arg-type]
        )
    reach.watch(database)
