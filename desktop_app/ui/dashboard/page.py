"""The Dashboard page: the figures of the network against the goal, charts, and the review
"Are you networking with the wrong people?".

It is the first page at start-up, so it builds cheaply: no store, no QtCharts here. The
data is read on a worker thread once the database is open and again after every refresh
of the scores (``window.insights.updated``); while it reads, the figures already shown stay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QEventLoop, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.background import BackgroundTask, Reporter
from desktop_app.ui.changes import DataChanges
from desktop_app.ui.dashboard import states
from desktop_app.ui.dashboard.cards import FigureCard
from desktop_app.ui.dashboard.grid import ResponsiveGrid
from desktop_app.ui.dashboard.review import ReviewPanel
from desktop_app.ui.dashboard.sections import ChartsArea
from desktop_app.ui.labels import format_date
from desktop_app.ui.pages.base import Page

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.dashboard.actions import ReviewActions
    from desktop_app.ui.dashboard.loading import DashboardView

_STATE, _CONTENT = 0, 1


class DashboardPage(Page):
    name = "dashboard"
    title = "Dashboard"
    icon_name = "dashboard"

    # Emitted on the GUI thread once a reading is shown (figures, charts and review).
    loaded = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: DashboardView | None = None
        self.task: BackgroundTask | None = None
        self._again = False  # a reading is wanted once the one under way ends
        self._stale = False  # data changed while the page was hidden
        self._own_stack: QUndoStack | None = None
        self._charts_due = False
        self.pages = QStackedWidget(self)
        self.state = states.DashboardState(self)
        self.state.chosen.connect(self._lead_on)
        self.state.show_state(*states.READING)
        self.pages.addWidget(self.state)
        self.pages.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _build_content(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("dashboardScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        self.heading = QLabel("Your network at a glance", body)
        self.heading.setObjectName("dashboardHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.heading.setFont(font)
        self.freshness = QLabel(body)
        self.freshness.setObjectName("dashboardFreshness")
        self.freshness.setTextFormat(Qt.TextFormat.PlainText)
        self.goal_line = QLabel(body)
        self.goal_line.setObjectName("dashboardGoal")
        self.goal_line.setTextFormat(Qt.TextFormat.PlainText)  # the user's own words
        self.goal_line.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.freshness)
        self.cards = ResponsiveGrid(210, 4, body)
        self.cards.setObjectName("figureCards")
        self.charts: ChartsArea | None = None
        self.charts_slot = QVBoxLayout()
        self.review = ReviewPanel(body)
        self.review.action.connect(self._review_action)
        self.review.open_contact.connect(self.open_contact)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.goal_line)
        layout.addWidget(self.cards)
        layout.addLayout(self.charts_slot)
        layout.addWidget(self.review)
        layout.addStretch(1)
        scroll.setWidget(body)
        return scroll

    # -- window services -------------------------------------------------------------
    def _window_attr(self, name: str) -> Any:
        return getattr(self.window(), name, None)

    @property
    def changes(self) -> DataChanges:
        found = self._window_attr("changes")
        if found is None:
            found = self.__dict__.setdefault("_own_changes", DataChanges(self))
        return found

    @property
    def undo_stack(self) -> QUndoStack:
        found = self._window_attr("undo_stack")
        if found is None:
            if self._own_stack is None:
                self._own_stack = QUndoStack(self)
            found = self._own_stack
        return found

    def actions_for(self, database: Database) -> ReviewActions:
        from desktop_app.ui.dashboard.actions import ReviewActions

        return ReviewActions(self, database, self.undo_stack, self.changes)

    # -- reading ---------------------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        """Read the new database's dashboard (the old one's reading is dropped)."""
        if database is self.database:
            return
        self._stop_reading()
        super().set_database(database)
        insights = self._window_attr("insights")
        if insights is not None:
            # Scores recomputed after a write (or a new day): the figures follow.
            insights.updated.connect(self._scores_updated, Qt.ConnectionType.UniqueConnection)
            insights.started.connect(self._show_freshness, Qt.ConnectionType.UniqueConnection)
        self.view = None
        self.state.show_state(*states.READING)
        self.pages.setCurrentIndex(_STATE)
        if database is not None:
            self.reload()

    def reload(self) -> None:
        """Read everything again off the GUI thread (after the reading under way, if any)."""
        database = self.database
        if database is None:
            return
        if not self.isVisible() and self.view is not None:
            self._stale = True  # read when shown again: no work for a page nobody sees
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
        from desktop_app.ui.background import WorkCancelledError

        if isinstance(error, WorkCancelledError):
            return
        message = getattr(error, "message", None) or f"The figures could not be read: {error}"
        if self.view is None:
            self.state.show_state("The figures could not be read", message)
        else:
            self.freshness.setText("Not updated (see the log)")

    def _show_freshness(self) -> None:
        busy = self.task is not None or bool(getattr(self._window_attr("insights"), "busy", 0))
        if busy and self.view is not None:
            self.freshness.setText("Updating…")
        elif self.view is not None:
            self.freshness.setText(f"As of {format_date(self.view.dashboard.today)}")

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again after changes elsewhere: read them."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def wait_until_loaded(self, timeout_ms: int = 15_000) -> bool:
        """Block (running the event loop) until a reading is shown; for ``--screenshot``."""
        if self.view is not None and self.task is None:
            return True
        loop = QEventLoop()
        self.loaded.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.loaded.disconnect(loop.quit)
        return self.view is not None

    # -- showing ---------------------------------------------------------------------
    def _show(self, database: Database, view: DashboardView) -> None:
        if database is not self.database:
            return  # read from a database since closed or replaced
        self.view = view
        if not view.has_contacts:
            self.state.show_state(*states.NO_CONTACTS, buttons=("add", "import"))
            self.pages.setCurrentIndex(_STATE)
            self.loaded.emit()
            return
        if not view.has_goal:
            self.state.show_state(*states.NO_GOAL, buttons=("goal", "import"))
            self.pages.setCurrentIndex(_STATE)
            self.loaded.emit()
            return
        dashboard = view.dashboard
        goal = dashboard.goal
        self.goal_line.setText(f"Goal: {goal.statement}" if goal and goal.statement else "")
        self.goal_line.setVisible(bool(self.goal_line.text()))
        self.cards.set_widgets(
            [FigureCard(figure, dashboard.today, self.cards) for figure in dashboard.figures]
        )
        self.review.set_review(dashboard.review, view.reasons)
        self.pages.setCurrentIndex(_CONTENT)
        self._show_freshness()
        # The charts after the cards have painted: QtCharts loads on the first time.
        self._charts_due = True
        QTimer.singleShot(0, self._fill_charts)

    @property
    def reading(self) -> bool:
        """A reading is under way, or its charts are still to be drawn."""
        return self.task is not None or self._charts_due

    def _fill_charts(self) -> None:
        self._charts_due = False
        if self.view is None or not self.view.has_contacts or not self.view.has_goal:
            return
        if self.charts is None:
            self.charts = ChartsArea(self.review.parentWidget())
            self.charts_slot.addWidget(self.charts)
        self.charts.fill(self.view)
        self.loaded.emit()

    def changeEvent(self, event: QEvent) -> None:
        """A new palette (dark mode switched on): the charts are drawn again in it."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.charts is not None:
            QTimer.singleShot(0, self._fill_charts)

    # -- acting ----------------------------------------------------------------------
    def _review_action(self, key: str, contact_id: int) -> None:
        from desktop_app.insights.verdicts import BASIS_LABELS

        database = self.database
        entry = self.review.model.entry(self.review.model.index_of(contact_id))
        if database is None or entry is None:
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

    def open_contact(self, contact_id: int) -> None:
        """The contact on the Contacts page, selected."""
        window = self.window()
        if not hasattr(window, "page"):
            return
        contacts = window.page("contacts")
        window.show_page("contacts")
        reveal = getattr(contacts, "reveal_contact", None)
        if reveal is not None:
            reveal(contact_id)

    def _lead_on(self, key: str) -> None:
        """The empty state's buttons: the goal wizard, a new contact, an import."""
        window = self.window()
        if not hasattr(window, "page"):
            return
        if key == "goal":
            goal = window.page("goal")
            window.show_page("goal")
            goal.open_wizard()  # type: ignore[attr-defined]
        elif key == "add":
            contacts = window.page("contacts")
            window.show_page("contacts")
            contacts.new_contact()  # type: ignore[attr-defined]
        elif key == "import":
            window.import_contacts()  # type: ignore[attr-defined]
