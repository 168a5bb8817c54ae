"""The main window: navigation, pages, menus, status bar, remembered state."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
)

from desktop_app import APP_NAME, __version__
from desktop_app.paths import data_dir
from desktop_app.ui.changes import DataChanges
from desktop_app.ui.database_controller import DatabaseController
from desktop_app.ui.menus import add_menu_titles, fill_menus
from desktop_app.ui.navigation import NavigationList
from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.registry import PAGE_CLASSES

if TYPE_CHECKING:
    from desktop_app.ui.store_loader import OpenedStore

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Navigation on the left, the current page on the right.

    With ``defer_setup`` the window shows with its final layout first and builds the rest
    (menu actions, the pages not on screen) in ``finish_setup`` right after the first paint.
    """

    database_ready = Signal()

    def __init__(
        self, settings: QSettings, log_path: Path | None = None, *, defer_setup: bool = False
    ) -> None:
        super().__init__()
        self.settings = settings
        self.log_path = log_path
        self.undo_stack = QUndoStack(self)
        # Writes announce what they changed; pages and the status bar update themselves.
        self.changes = DataChanges(self)
        self._overview_timer = QTimer(self)
        self._overview_timer.setSingleShot(True)
        self._overview_timer.timeout.connect(self.refresh_overview)
        self.changes.changed.connect(lambda _change: self._overview_timer.start(0))
        self.controller = DatabaseController(self)
        self.controller.opened.connect(self._on_database_opened)
        self.controller.failed.connect(self._on_database_failed)
        self.controller.busy.connect(self._on_database_busy)
        self.setWindowTitle(APP_NAME)
        self.page_classes = PAGE_CLASSES
        self.pages: dict[str, Page] = {}
        self.actions: dict[str, QAction] = {}
        self._build_body()
        self._menus = add_menu_titles(self.menuBar())
        self._build_status_bar()
        self._restore_state()
        if not defer_setup:
            self.finish_setup()

    # -- construction ------------------------------------------------------------------
    def _build_body(self) -> None:
        self.stack = QStackedWidget(self)
        self.navigation = NavigationList(self.page_classes, self)
        self.navigation.page_chosen.connect(self.show_page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.navigation)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([self.navigation.minimumWidth(), 900])
        self.setCentralWidget(self.splitter)

    def finish_setup(self) -> None:
        """Menus' actions and every page not built yet (idempotent)."""
        if not self.actions:
            self.actions = fill_menus(self, self._menus)
        for page_class in self.page_classes:
            self.page(page_class.name)

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel()
        self.counts_label.setTextFormat(Qt.TextFormat.PlainText)
        self.counts_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.counts_label)

    # -- pages -------------------------------------------------------------------------
    def page(self, name: str) -> Page:
        """The page called ``name``, built on first use."""
        page = self.pages.get(name)
        if page is None:
            page_class = next(c for c in self.page_classes if c.name == name)
            page = page_class(self.stack)
            self.pages[name] = page
            self.stack.addWidget(page)
            if self.controller.database is not None:
                page.set_database(self.controller.database)
        return page

    def show_page(self, name: str) -> None:
        self.stack.setCurrentWidget(self.page(name))
        self.navigation.select_page(name)

    def current_page(self) -> Page:
        return self.stack.currentWidget()  # type: ignore[return-value]

    # -- database ----------------------------------------------------------------------
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
        from desktop_app.ui import backup_action

        if self.controller.database is not None:
            backup_action.back_up_interactively(self, self.controller.database)

    def _on_database_busy(self, target: str) -> None:
        self.statusBar().showMessage(f"Opening {target}…")

    def _on_database_opened(self, opened: OpenedStore) -> None:
        database = opened.database
        self.undo_stack.clear()
        for page in self.pages.values():
            page.set_database(database)
        self.update_overview(opened.overview)
        name = database.path.name if database.path else database.target
        self.setWindowTitle(f"{name} — {APP_NAME}")
        if "backup" in self.actions:
            self.actions["backup"].setEnabled(database.path is not None)
        self.statusBar().showMessage(f"Opened {database.target}", 5000)
        self.database_ready.emit()

    def refresh_overview(self) -> None:
        """Counts in the status bar and navigation, read again (after a write)."""
        from desktop_app.store.overview import read_overview

        if self.controller.database is not None:
            self.update_overview(read_overview(self.controller.database))

    def update_overview(self, overview) -> None:  # type: ignore[no-untyped-def]
        self.navigation.set_count("followups", overview.followups_due)
        due = f" · {overview.followups_due:,} follow-ups due" if overview.followups_due else ""
        self.counts_label.setText(
            f"{overview.contacts:,} contacts · {overview.events:,} events{due}"
        )

    def _on_database_failed(self, target: str, message: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.statusBar().clearMessage()
        if self.controller.database is None:
            for page in self.pages.values():
                page.set_database(None)  # drop what a start-up preview showed
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Cannot open the database", message, parent=self
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setObjectName("databaseErrorBox")
        other = box.addButton("Open Another…", QMessageBox.ButtonRole.AcceptRole)
        if self.controller.database is None:
            box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        else:
            box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is other:
            self.choose_database()
        elif self.controller.database is None:
            self.close()

    # -- about -------------------------------------------------------------------------
    def show_about(self) -> None:
        import html

        from PySide6.QtWidgets import QMessageBox

        database = self.controller.target or "none"
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {html.escape(__version__)}</h3>"
            "<p>Network strategically: with the right people, for a stated goal, in "
            "give-and-take relationships.</p>"
            "<p>Your data stays on this computer.</p>"
            f"<p><b>Database:</b> {html.escape(database)}<br>"
            f"<b>Data folder:</b> {html.escape(str(data_dir()))}<br>"
            f"<b>Log file:</b> {html.escape(str(self.log_path or 'not written'))}</p>",
        )

    # -- state -------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1180, 760)
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        page = self.settings.value("window/page", "dashboard")
        names = [c.name for c in self.page_classes]
        self.show_page(page if page in names else "dashboard")

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/page", self.current_page().name)
        for page in self.pages.values():
            page.save_state(self.settings)
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Remember the layout, then release the database and its lock."""
        self.save_state()
        for page in self.pages.values():
            page.set_database(None)  # nothing reads from it once it is closed
        self.controller.close()
        event.accept()
