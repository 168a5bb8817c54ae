"""The Dashboard page: the figures of the network against the goal, charts, and the review
"Are you networking with the wrong people?".

It is the first page at start-up, so it builds cheaply: no store, no QtCharts here. The
data is read on a worker thread once the database is open and again after every refresh
of the scores (``Services.insights.updated``); while it reads, the figures already shown stay.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from desktop_app.page_names import CONTACTS, DASHBOARD, FOLLOWUPS, GOAL
from desktop_app.ui.common.background import BackgroundTask, Reporter
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.page import Page
from desktop_app.ui.dashboard import states

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.common.services import Services
    from desktop_app.ui.dashboard.content import DashboardContent
    from desktop_app.ui.dashboard.loading import DashboardView
    from desktop_app.ui.dashboard.operations import ReviewActions


class DashboardPage(Page):
    name = DASHBOARD
    title = "Dashboard"
    icon_name = "dashboard"

    # Emitted on the GUI thread once a reading is shown (figures, charts and review).
    loaded = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.view: DashboardView | None = None
        self.task: BackgroundTask | None = None
        self._again = False  # a reading is wanted once the one under way ends
        self._stale = False  # data changed while the page was hidden
        self._charts_due = False
        self.pages = QStackedWidget(self)
        self.state = states.DashboardState(self)
        self.state.chosen.connect(self._lead_on)
        self.state.show_state(*states.READING)
        self.pages.addWidget(self.state)
        self.content: DashboardContent | None = None  # built when there is something to show
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def actions_for(self, database: Database) -> ReviewActions:
        from desktop_app.ui.dashboard.operations import ReviewActions

        return ReviewActions(self, database, self.undo_stack, self.changes)

    # -- reading ---------------------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        """Read the new database's dashboard (the old one's reading is dropped)."""
        if database is self.database:
            return
        self._stop_reading()
        super().set_database(database)
        insights = self.services.insights
        # Scores recomputed after a write (or a new day): the figures follow.
        insights.updated.connect(self._scores_updated, Qt.ConnectionType.UniqueConnection)
        insights.started.connect(self._show_freshness, Qt.ConnectionType.UniqueConnection)
        self.view = None
        self.state.show_state(*states.READING)
        self.pages.setCurrentWidget(self.state)
        if database is not None:
            self.reload()

    def reload(self) -> None:
        """Read everything again off the GUI thread (after the reading under way, if any)."""
        database = self.database
        if database is None:
            return
        if not self.isVisible():
            self._stale = True  # read when shown: no work for a page nobody sees
            return
        if self.task is not None:
            self._again = True
            return
        from desktop_app.ui.dashboard.loading import load_view

        def work(reporter: Reporter) -> object:
            reporter.check()
            return load_view(database)

        task = BackgroundTask(work, "dashboard")
        task.succeeded.connect(lambda view: self._show(database, view))
        task.failed.connect(self._failed)
        task.finished.connect(self._finished)
        self.task = task
        self._again = self._stale = False
        self._show_freshness()
        task.start()

    def _stop_reading(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait(30)  # it reads the database about to be closed or replaced
            self.task = None
        self._again = False

    def _scores_updated(self, _freshness: object) -> None:
        self.reload()

    def _finished(self) -> None:
        self.task = None
        if self._again:
            self.reload()
        else:
            self._show_freshness()

    def _failed(self, error: object) -> None:
        from desktop_app.ui.common.background import WorkCancelledError

        if isinstance(error, WorkCancelledError):
            return
        message = getattr(error, "message", None) or f"The figures could not be read: {error}"
        if self.content is None or self.pages.currentWidget() is not self.content:
            self.state.show_state("The figures could not be read", message)
        else:
            self.content.freshness.setText("Not updated (see the log)")

    def _show_freshness(self) -> None:
        if self.content is None or self.view is None:
            return
        busy = self.task is not None or self.services.insights.busy
        today = format_date(self.view.dashboard.today)
        self.content.freshness.setText("Updating…" if busy else f"As of {today}")

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again after changes elsewhere: read them."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def wait_until_loaded(self, timeout_ms: int = 15_000) -> bool:
        """Block (running the event loop) until the latest reading is shown, charts and
        all; whether it was in time. For ``--screenshot``."""
        deadline = time.monotonic() + timeout_ms / 1000
        while self.view is None or self.reading:
            left = int((deadline - time.monotonic()) * 1000)
            if left <= 0:
                return False
            loop = QEventLoop()
            self.loaded.connect(loop.quit)
            QTimer.singleShot(left, loop.quit)
            loop.exec()
            self.loaded.disconnect(loop.quit)
        return True

    # -- showing ---------------------------------------------------------------------
    def _show(self, database: Database, view: DashboardView) -> None:
        if database is not self.database:
            return  # read from a database since closed or replaced
        self.view = view
        if not view.has_contacts:
            heading, body = states.NO_CONTACTS
            if view.has_goal:
                self.state.show_state(heading, body, ("add", "import"))
            else:
                body = f"{body} {states.SET_GOAL_TOO}"
                self.state.show_state(heading, body, ("add", "import", "goal"))
            self.pages.setCurrentWidget(self.state)
            self.loaded.emit()
            return
        if not view.has_goal:
            self.state.show_state(*states.NO_GOAL, buttons=("goal", "import"))
            self.pages.setCurrentWidget(self.state)
            self.loaded.emit()
            return
        if self.content is None:
            from desktop_app.ui.dashboard.content import DashboardContent

            self.content = DashboardContent(self)
            self.content.review.action.connect(self._review_action)
            self.content.review.open_contact.connect(self.show_contact)
            self.content.review.open_verdict.connect(self.open_verdict)
            self.content.keep_in_touch.connect(self.open_keep_in_touch)
            self.pages.addWidget(self.content)
        self.content.show_view(view)
        self.pages.setCurrentWidget(self.content)
        self._show_freshness()
        # The charts after the cards have painted: QtCharts loads on the first time.
        self._charts_due = True
        QTimer.singleShot(0, self._fill_charts)

    @property
    def reading(self) -> bool:
        """A reading is under way, or its charts are still to be drawn."""
        return self.task is not None or self._charts_due

    def _fill_charts(self) -> None:
        view = self.view
        if view is None or not view.has_contacts or not view.has_goal or self.content is None:
            self._charts_due = False
            return
        self.content.fill_charts(view)
        self._charts_due = False  # still due if drawing failed: the page is not ready
        self.loaded.emit()

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (dark mode switched on): cards and charts are drawn again in it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.content is not None:
            QTimer.singleShot(0, self._repaint_in_palette)

    def _repaint_in_palette(self) -> None:
        if self.view is not None and self.pages.currentWidget() is self.content:
            self.content.show_view(self.view)
            self._fill_charts()

    # -- acting ----------------------------------------------------------------------
    def _review_action(self, key: str, contact_id: int) -> None:
        from desktop_app.insights.verdicts import BASIS_LABELS

        database = self.database
        if database is None or self.content is None:
            return
        model = self.content.review.model
        entry = model.entry(model.index_of(contact_id))
        if entry is None:
            return
        actions = self.actions_for(database)
        if key == "archive":
            actions.archive(contact_id, entry.name)
        elif key == "followup":
            actions.schedule_followup(contact_id, entry.name)
        elif key == "help":
            actions.log_help_offered(contact_id, entry.name)
        elif key == "dismiss":
            actions.dismiss(contact_id, entry.name, entry.basis, BASIS_LABELS[entry.basis])

    def open_verdict(self, verdict: str) -> None:
        """The Contacts page showing everyone with ``verdict`` (the review lists the first)."""
        self.services.navigate(CONTACTS, verdict=verdict)

    def open_keep_in_touch(self) -> None:
        """The Follow-ups page with its keep-in-touch list selected and focused."""
        self.services.navigate(FOLLOWUPS, show="keep_in_touch")

    def _lead_on(self, key: str) -> None:
        """The empty state's buttons: the goal wizard, a new contact, an import."""
        if key == "goal":
            self.services.navigate(GOAL, wizard=True)
        elif key == "add":
            self.services.navigate(CONTACTS, new_contact=True)
        elif key == "import":
            self.services.import_contacts()
