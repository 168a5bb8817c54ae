"""The main window: navigation, pages, menus, status bar, remembered state."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QStackedWidget

from desktop_app import APP_NAME
from desktop_app.page_names import CONTACTS, FOLLOWUPS, GOAL
from desktop_app.paths import shown_database
from desktop_app.ui.common.changes import DataChanges
from desktop_app.ui.common.insights_refresher import InsightsRefresher
from desktop_app.ui.common.page import Page
from desktop_app.ui.common.services import Services
from desktop_app.ui.common.undo_stack import UndoStack
from desktop_app.ui.printing.actions import PrintActions
from desktop_app.ui.shell.database_controller import DatabaseController
from desktop_app.ui.shell.menus import (
    add_main_toolbar,
    add_menu_titles,
    fill_main_toolbar,
    fill_menus,
)
from desktop_app.ui.shell.navigation import NavigationList
from desktop_app.ui.shell.pages import PAGES
from desktop_app.ui.shell.window_state import restore_window_state, save_window_state
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.exporting.flow import ExportFlow
    from desktop_app.ui.importing.flow import ImportFlow
    from desktop_app.ui.shell.change_watcher import ServerChangeWatcher
    from desktop_app.ui.shell.store_loader import OpenedStore
    from desktop_app.ui.shell.tray import ReminderTray

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right.

    With ``defer_setup`` the window shows with its final layout first and builds the rest
    (menu actions, the pages not on screen) in ``finish_setup`` right after the first paint.
    With ``offer_goal_wizard`` a database without a goal opens the goal wizard (first
    start); off by default, so self-tests, screenshots and tests never meet it unasked.
    """

    database_ready = Signal()

    def __init__(
        self,
        ui_state: QSettings,
        log_path: Path | None = None,
        *,
        defer_setup: bool = False,
        offer_goal_wizard: bool = False,
    ) -> None:
        super().__init__()
        self.ui_state = ui_state
        self.offer_goal_wizard = offer_goal_wizard
        self.log_path = log_path
        self.undo_stack = UndoStack(self.statusBar().showMessage, self)
        # Writes announce what they changed; pages and the status bar update themselves.
        self.changes = DataChanges(self)
        self._overview_timer = QTimer(self)
        self._overview_timer.setSingleShot(True)
        self._overview_timer.timeout.connect(self.refresh_overview)
        self.changes.changed.connect(lambda _change: self._overview_timer.start(0))
        # Alignment and verdicts, recomputed off the GUI thread after writes.
        self.insights = InsightsRefresher(self)
        self.server_changes: ServerChangeWatcher | None = None  # when a server opens
        self.controller = DatabaseController(self)
        self.controller.opened.connect(self._on_database_opened)
        self.controller.failed.connect(self._on_database_failed)
        self.controller.busy.connect(self._on_database_busy)
        self.setWindowTitle(APP_NAME)
        self.page_entries = PAGES
        self.pages: dict[str, Page] = {}
        self.actions: dict[str, QAction] = {}
        # What pages, flows and dialogs get of the window (they never look it up).
        self.services = Services(
            ui_state=ui_state,
            changes=self.changes,
            undo_stack=self.undo_stack,
            insights=self.insights,
            status_bar=self.statusBar(),
            navigate=self.navigate,
            import_contacts=self.import_contacts,
            print_actions=lambda: self.printing.actions(),
        )
        self.printing = PrintActions(self, self.services, self.database, lambda: self.actions)
        self.tray: ReminderTray | None = None  # set after the first paint, where a tray exists
        self.quitting = False  # Quit from the tray: close for good even when kept running
        self.import_flow: ImportFlow | None = None
        self.export_flow: ExportFlow | None = None
        self.setAcceptDrops(True)  # a contacts file dropped on the window is imported
        self._build_body()
        self._menus = add_menu_titles(self.menuBar())
        self.toolbar = add_main_toolbar(self)
        self._build_status_bar()
        self._initial_page = restore_window_state(
            self,
            self.ui_state,
            self.splitter,
            self.navigation,
            (e.name for e in self.page_entries),
        )
        self._defer_setup = defer_setup
        if not defer_setup:
            self.finish_setup()

    # -- construction ------------------------------------------------------------------
    def _build_body(self) -> None:
        self.stack = QStackedWidget(self)
        self.navigation = NavigationList(self.page_entries, self)
        self.navigation.page_chosen.connect(self.show_page)
        # Side by side (the default); a positional parent would build Qt's enums to choose.
        self.splitter = QSplitter(parent=self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([self.navigation.minimumWidth(), 900])
        self.setCentralWidget(self.splitter)

    def finish_setup(self) -> None:
        """The first page, the menus' actions, then the other pages (idempotent).

        Deferred, the other pages are built one per turn of the event loop, so the
        window answers input while they are made. Qt's namespace is first used here: it
        builds all its enums at once (about 14 ms, kept out of the first paint).
        """
        from PySide6.QtCore import Qt

        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)  # empty until a database opens
        if self.stack.currentWidget() is None:
            self.show_page(self._initial_page)
        if not self.actions:
            self.actions = fill_menus(self, self, self._menus)
            fill_main_toolbar(self.toolbar, self.actions)
            self.printing.follow(self.current_page())
        missing = [e.name for e in self.page_entries if e.name not in self.pages]
        if not self._defer_setup:
            for name in missing:
                self.page(name)
            return

        def build_next() -> None:
            if missing:
                self.page(missing.pop(0))
                QTimer.singleShot(0, build_next)

        QTimer.singleShot(0, build_next)

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()  # plain text from finish_setup on
        self.counts_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.counts_label)

    # -- pages -------------------------------------------------------------------------
    def page(self, name: str) -> Page:
        """The page called ``name``, built on first use."""
        page = self.pages.get(name)
        if page is None:
            entry = next(e for e in self.page_entries if e.name == name)
            page = entry.load()(self.services, self.stack)
            page.overview_changed.connect(self.refresh_overview)
            self.pages[name] = page
            self.stack.addWidget(page)
            if self.actions:  # the menus exist: the page adds its actions now
                page.add_menu_actions(self._menus)
            if self.controller.database is not None:
                page.set_database(self.controller.database)
        return page

    def show_page(self, name: str) -> None:
        page = self.page(name)
        self.stack.setCurrentWidget(page)
        self.navigation.select_page(name)
        self.printing.follow(page)

    def navigate(self, name: str, /, **intent: object) -> None:
        """Show page ``name`` and hand it ``intent`` (a contact to select, a filter...)."""
        page = self.page(name)
        self.show_page(name)
        if intent:
            page.receive(**intent)

    def find(self) -> None:
        """Edit → Find: the search of the page on screen, or the contacts' search."""
        page = self.current_page()
        target = page if getattr(page, "has_search", False) else self.page(CONTACTS)
        target.focus_search()  # type: ignore[attr-defined]

    def print_preview(self) -> None:
        self.printing.preview()

    def print_document(self) -> None:
        self.printing.print()

    def export_pdf(self) -> None:
        self.printing.export_pdf()

    def current_page(self) -> Page:
        return self.stack.currentWidget()  # type: ignore[return-value]

    # -- database ----------------------------------------------------------------------
    def database(self) -> Database | None:
        """The open database (None while none is)."""
        return self.controller.database

    def reload_pages(self) -> None:
        """Every page re-reads the database, and the counts follow (after an import)."""
        for page in self.pages.values():
            page.set_database(self.controller.database)
        self.refresh_overview()

    def preview_database(self, target: str) -> None:
        """Let the page on screen show what it can read from the file while the store loads.

        It paints at once: the set-up that follows (and the loading thread's import of
        SQLAlchemy, which holds the interpreter lock) must not delay those first rows.
        """
        page = self.current_page()
        page.preview_database(target)
        page.repaint()

    def open_database(self, target: str, *, demo: bool = False, synchronous: bool = False) -> None:
        self.controller.open(target, demo=demo, synchronous=synchronous)

    def choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        start = str(Path(self.controller.target).parent) if self.controller.target else ""
        dialog = QFileDialog(self, "Open or Create a NetWise Database", start)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters(["NetWise databases (*.sqlite3 *.sqlite *.db)", "All files (*)"])
        dialog.setDefaultSuffix("sqlite3")
        if dialog.exec() and dialog.selectedFiles():
            self.open_database(str(Path(dialog.selectedFiles()[0]).resolve()))

    def back_up(self) -> None:
        from desktop_app.ui.shell import backup

        if self.controller.database is not None:
            backup.back_up_interactively(self, self.controller.database, self.ui_state)

    def restore_backup(self) -> None:
        """File → Restore…: over the open database, or over the one refused as damaged."""
        from desktop_app.ui.shell import backup, damage_recovery

        if self.controller.damaged is not None and self.controller.database is None:
            damage_recovery.restore_over_damaged(self, self.controller)
        elif self.controller.database is not None:
            backup.restore_interactively(self, self.controller, self.ui_state)

    # -- import and export -------------------------------------------------------------
    def import_contacts(self, path: Path | None = None, format_name: str | None = None) -> None:
        """File → Import… (``path`` None: ask for the file), and files dropped on the window."""
        from desktop_app.ui.importing.flow import ImportFlow

        if self.controller.database is None:
            return
        if self.import_flow is None:
            self.import_flow = ImportFlow(self, self.services, self.database, self.reload_pages)
        if path is None:
            self.import_flow.choose_file(format_name)
        else:
            self.import_flow.start(path, format_name)

    def export_data(self) -> None:
        """File → Export…: contacts (CSV, vCard), calendar (iCalendar), everything (JSON)."""
        from desktop_app.ui.common.widgets.contact_scope import scope_of
        from desktop_app.ui.exporting.flow import ExportFlow

        if self.controller.database is None:
            return
        if self.export_flow is None:
            self.export_flow = ExportFlow(self, self.services, self.database)
        self.export_flow.start(scope_of(self.current_page()))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept one local file while a database is open."""
        from desktop_app.ui.importing.drop import dropped_file

        if self.controller.database is not None and dropped_file(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import the dropped file (its format detected from its content)."""
        from desktop_app.ui.importing.drop import dropped_file

        path = dropped_file(event.mimeData())
        if path is not None and self.controller.database is not None:
            event.acceptProposedAction()
            self.import_contacts(path)

    def _on_database_busy(self, target: str) -> None:
        self.statusBar().showMessage(f"Opening {target}…")

    def _on_database_opened(self, opened: OpenedStore) -> None:
        database = opened.database
        self.undo_stack.clear()
        self.insights.set_database(database)
        if database.notifies or self.server_changes is not None:
            from desktop_app.ui.shell.server_reach import follow_server

            follow_server(self, database)
        for page in self.pages.values():
            page.set_database(database)
        self.update_overview(opened.overview)
        name = database.path.name if database.path else database.target
        self.setWindowTitle(f"{name} — {APP_NAME}")
        for name in ("backup", "restore", "import", "import_folder", "export"):
            if name in self.actions:
                self.actions[name].setEnabled(True)
        self.statusBar().showMessage(f"Opened {database.target}", 5000)
        self.database_ready.emit()
        if self.offer_goal_wizard:
            # After this slot returns, so the window has painted the opened database.
            QTimer.singleShot(0, self._offer_goal_wizard)

    def _offer_goal_wizard(self) -> None:
        from desktop_app.ui.goal.page import GoalPitchPage

        page = self.page(GOAL)
        if isinstance(page, GoalPitchPage) and page.offer_first_start_wizard():
            self.show_page(GOAL)

    def refresh_overview(self) -> None:
        """Re-read the counts after a write (a few indexed counts: fast)."""
        from desktop_app.store.overview import read_overview

        if self.controller.database is not None:
            self.update_overview(read_overview(self.controller.database))
            self.insights.request()

    def update_overview(self, overview) -> None:  # type: ignore[no-untyped-def]
        self.navigation.set_count(FOLLOWUPS, overview.followups_due)
        due = overview.followups_due
        due_text = f" · {count_of(due, 'follow-up')} due" if due else ""
        self.counts_label.setText(
            f"{count_of(overview.contacts, 'contact')} · {count_of(overview.events, 'event')}"
            f"{due_text}"
        )

    def _on_database_failed(self, target: str, message: str) -> None:
        from desktop_app.ui.shell.open_failure import handle_open_failure

        handle_open_failure(self, target, message)

    def show_about(self) -> None:
        from desktop_app.ui.shell.about import show_about

        target = self.controller.target
        show_about(self, shown_database(target) if target else None, self.log_path)

    # -- state -------------------------------------------------------------------------
    def start_on(self, name: str) -> None:
        """Show page ``name`` first (the command line's --page)."""
        self._initial_page = name
        if self.stack.currentWidget() is None:
            self.navigation.blockSignals(True)
            self.navigation.select_page(name)
            self.navigation.blockSignals(False)
        else:
            self.show_page(name)

    def save_state(self) -> None:
        current = self.stack.currentWidget()
        on_screen = getattr(current, "name", self._initial_page)
        save_window_state(self, self.ui_state, self.splitter, on_screen, self.pages.values())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout, then release the database and its lock (or, kept running
        in the tray, only hide)."""
        from desktop_app.ui.shell.tray_host import after_close, hides_instead_of_closing

        if hides_instead_of_closing(self, event):
            return
        if not all(page.may_close() for page in self.pages.values()):
            event.ignore()  # the user keeps what they typed
            return
        self.save_state()
        for flow in (self.import_flow, self.export_flow, self.server_changes):
            if flow is not None:
                flow.shutdown()  # work under way is cancelled: nothing half written
        self.insights.shutdown()
        for page in self.pages.values():
            page.set_database(None)  # nothing reads from it once it is closed
        self.controller.close()
        event.accept()
        after_close(self)
