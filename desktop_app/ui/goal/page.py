"""The Goal & Pitch page: the active goal and pitch, older versions, the wizard, copying.

Reading happens when the database arrives (a few small queries); store modules are
imported inside the methods, so building the page at start-up costs no SQLAlchemy import.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_app.page_names import GOAL
from desktop_app.ui.common.dates import format_day
from desktop_app.ui.common.page import Page
from desktop_app.ui.common.roles import ID_ROLE
from desktop_app.ui.common.shown_refresh import RefreshWhenShown
from desktop_app.ui.common.widgets.empty_state import EmptyState
from desktop_app.ui.goal.history_model import VersionListModel

if TYPE_CHECKING:
    from desktop_app.reports.documents import Document
    from desktop_app.store.changes import Change
    from desktop_app.store.database import Database
    from desktop_app.store.goals import GoalVersion
    from desktop_app.ui.common.services import Services
    from desktop_app.ui.goal.wizard.wizard import GoalWizard


class GoalPitchPage(Page):
    name = GOAL
    title = "Goal & Pitch"
    icon_name = "goal"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.shown: GoalVersion | None = None
        self.wizard: GoalWizard | None = None
        heading = QLabel("Goal & Pitch", self)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.edit_button = QPushButton("Edit in &Wizard…", self)
        self.edit_button.setObjectName("editInWizard")
        self.edit_button.setToolTip("Change the goal and pitch; saving adds a new version.")
        self.copy_button = QPushButton("Co&py Pitch", self)
        self.copy_button.setObjectName("copyPitch")
        self.copy_button.setToolTip("Copy the pitch of the version shown to the clipboard.")
        self.copied = QLabel(self)
        self.copied.setObjectName("copiedNote")
        self.copied.setTextFormat(Qt.TextFormat.PlainText)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.copied)
        bar.addWidget(self.copy_button)
        bar.addWidget(self.edit_button)
        self.history_model = VersionListModel(self)
        self.history = QListView(self)
        self.history.setObjectName("goalHistory")
        self.history.setAccessibleName("Versions of the goal")
        self.history.setModel(self.history_model)
        self.history.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.viewer = QTextBrowser(self)
        self.viewer.setObjectName("goalViewer")
        self.viewer.setOpenLinks(False)
        self.viewer.setAccessibleName("Goal and pitch")
        history_box = QWidget(self)
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_label = QLabel("Ve&rsions:", history_box)
        history_label.setBuddy(self.history)
        history_layout.addWidget(history_label)
        history_layout.addWidget(self.history)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(history_box)
        self.splitter.addWidget(self.viewer)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 700])
        self.empty = EmptyState(
            "No goal yet",
            "A precise goal tells you whom to meet, and a clear pitch tells them why. The "
            "wizard takes you through both in seven short steps.",
            self,
        )
        self.start_button = QPushButton("&Start the Wizard…", self)
        self.start_button.setObjectName("startWizard")
        empty_box = QWidget(self)
        empty_layout = QVBoxLayout(empty_box)
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(1)
        self.body = QStackedWidget(self)
        self.body.addWidget(empty_box)
        self.body.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.body, 1)
        self.edit_button.clicked.connect(lambda: self.open_wizard())
        self.start_button.clicked.connect(lambda: self.open_wizard())
        self.copy_button.clicked.connect(self.copy_pitch)
        self.history.selectionModel().selectionChanged.connect(self._selection_changed)
        # A goal saved in another window: its versions read again (now, or once shown).
        self._elsewhere = RefreshWhenShown(self, self._reload_keeping_choice)
        self.changes.changed.connect(self._on_change)
        self._update_actions()

    # -- data --------------------------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        super().set_database(database)
        self.reload()

    def reload(self, select_goal_id: int | None = None) -> None:
        """Read the history again and show ``select_goal_id`` (default: the active one)."""
        from desktop_app.store.goals import list_goal_versions

        self.shown = None
        self.printable_changed.emit()
        versions = list_goal_versions(self.database) if self.database else []
        self.history_model.set_versions(versions)
        self.body.setCurrentIndex(1 if versions else 0)
        if versions:
            wanted = select_goal_id or next(
                (v.goal_id for v in versions if v.is_active), versions[0].goal_id
            )
            row = max(self.history_model.row_of(wanted), 0)
            self.history.setCurrentIndex(self.history_model.index(row))
        else:
            self.viewer.clear()
        self._update_actions()

    def _on_change(self, what: Change) -> None:
        if what.goal and self.database is not None:
            self._elsewhere.request()

    def _reload_keeping_choice(self) -> None:
        """The version chosen stays shown, unless it was the active one: then the new
        active version is (someone saved a new goal)."""
        shown = self.shown
        keep = shown.goal_id if shown is not None and not shown.is_active else None
        self.reload(keep)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        from desktop_app.store.goals import read_goal_version

        index = self.history.currentIndex()
        if not index.isValid() or self.database is None:
            return
        self.shown = read_goal_version(self.database, index.data(ID_ROLE))
        self._show_version()

    def _show_version(self) -> None:
        from desktop_app.ui.goal.render import goal_and_pitch_html

        self.copied.clear()
        version = self.shown
        if version is None:
            self.viewer.clear()
        else:
            state = "active" if version.is_active else "an earlier version, kept for reference"
            when = format_day(version.created_at)
            intro = f"<p><b>Version {version.version}</b> of {when}: {state}.</p>"
            self.viewer.setHtml(
                intro
                + goal_and_pitch_html(
                    version.profile, version.pitch, dt.date.today(), pitch_first=True
                )
            )
        self._update_actions()
        self.printable_changed.emit()

    def can_print(self) -> bool:
        return self.shown is not None

    def printable_document(self) -> Document | None:
        """The goal card of the version shown: the goal, its measures and the pitch."""
        if self.shown is None:
            return None
        from desktop_app.ui.common.documents import goal_document

        return goal_document(self.shown.profile, self.shown.pitch)

    def _update_actions(self) -> None:
        # Without a goal the empty state's Start button is the one way in: no second
        # button saying "edit" for nothing to edit, no pitch to copy.
        has_goal = self.body.currentIndex() == 1
        self.edit_button.setVisible(has_goal)
        self.copy_button.setVisible(has_goal)
        self.edit_button.setEnabled(self.database is not None and self.wizard is None)
        self.start_button.setEnabled(self.database is not None and self.wizard is None)
        has_pitch = bool(self.shown and self.shown.pitch and self.shown.pitch.text)
        self.copy_button.setEnabled(has_pitch)

    # -- actions -----------------------------------------------------------------------
    def copy_pitch(self) -> None:
        if self.shown is None or self.shown.pitch is None:
            return
        QGuiApplication.clipboard().setText(self.shown.pitch.text)
        self.copied.setText(f"Pitch of version {self.shown.version} copied.")

    def receive(self, *, wizard: bool = False) -> None:  # type: ignore[override]
        """Open the goal wizard."""
        if wizard:
            self.open_wizard()

    def offer_first_start_wizard(self) -> bool:
        """On first start (no goal, wizard not put off) open the wizard; whether it did."""
        from desktop_app.store.goals import should_offer_wizard

        if self.database is None or self.wizard is not None:
            return False
        if not should_offer_wizard(self.database):
            return False
        self.open_wizard(first_start=True)
        return True

    def open_wizard(self, *, first_start: bool = False) -> GoalWizard | None:
        """The wizard, window-modal, starting from the version shown (or from nothing)."""
        from desktop_app.ui.goal.wizard.wizard import GoalWizard

        if self.database is None or self.wizard is not None:
            return self.wizard
        shown = self.shown
        self.wizard = GoalWizard(
            self.database,
            shown.profile if shown else None,
            shown.pitch if shown else None,
            first_start=first_start,
            parent=self.window(),
        )
        self.wizard.saved.connect(lambda saved: self.reload(saved.goal_id))
        self.wizard.saved.connect(lambda _saved: self.overview_changed.emit())  # rescoring
        self.wizard.finished.connect(self._wizard_closed)
        self.wizard.open()
        self._update_actions()
        return self.wizard

    def may_close(self) -> bool:
        """Answers typed in an open wizard are not lost with the window unless the user
        agrees."""
        return self.wizard is None or self.wizard.discard_answers()

    def _wizard_closed(self, _result: int) -> None:
        if self.wizard is not None:
            self.wizard.deleteLater()
        self.wizard = None
        self._update_actions()
