"""The Follow-ups page: what is owed to whom, overdue first (done, snooze, reschedule),
and below it who to keep in touch with (``keep_in_touch_list``), in a splitter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, QPoint, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.page_names import FOLLOWUPS
from desktop_app.store.changes import Change
from desktop_app.ui.common.page import Page
from desktop_app.ui.common.roles import CONTACT_ID_ROLE, GROUP_ROLE
from desktop_app.ui.common.roles import ID_ROLE as FOLLOWUP_ID_ROLE
from desktop_app.ui.common.shown_refresh import RefreshWhenShown
from desktop_app.ui.followups.keep_in_touch_list import KeepInTouchList
from desktop_app.ui.followups.model import FollowUpTreeModel

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.common.services import Services

# Every group open: a follow-up hidden in a closed group is one nobody sees.
EXPANDED_AT_FIRST = ("overdue", "today", "this_week", "later")
ACTIONS = (
    ("done", "Mark &Done", "Ctrl+D", "The selected follow-ups are done"),
    ("snooze", "&Snooze a Week", "", "Move the selected follow-ups a week later"),
    ("reschedule", "&Reschedule…", "", "Choose a new date for the selected follow-ups"),
    ("open", "&Open Contact", "Return", "Show the contact on the Contacts page"),
)


class FollowUpsPage(Page):
    name = FOLLOWUPS
    title = "Follow-ups"
    icon_name = "followups"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        # Changes while another page shows are read when this one is shown again.
        self._read_again = RefreshWhenShown(self, self.reload)
        self._expanded = set(EXPANDED_AT_FIRST)
        self.model = FollowUpTreeModel(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("followupsSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeView(self)
        self.tree.setObjectName("followupsTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.doubleClicked.connect(lambda index: self.open_contact(index))
        self.tree.expanded.connect(lambda i: self._expanded.add(i.data(GROUP_ROLE)))
        self.tree.collapsed.connect(lambda i: self._expanded.discard(i.data(GROUP_ROLE)))
        metrics = self.fontMetrics()
        samples = ("Valentina Johansson-Whitfield", "30 Sep 2026", "Outreach message, 30 Sep 2026")
        for column, sample in enumerate((*samples, "Clearview Consulting Group")):
            self.tree.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)
        self.actions: dict[str, QAction] = {}
        buttons = QHBoxLayout()
        for key, text, shortcut, tip in ACTIONS:
            action = QAction(text, self)
            action.setObjectName(f"followup_{key}")
            action.setToolTip(tip)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self.tree.addAction(action)
            action.triggered.connect(lambda _checked=False, k=key: self.act(k))
            self.actions[key] = action
            button = QPushButton(text.replace("&", ""), self)
            button.setObjectName(f"followupButton_{key}")
            button.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
            button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        followups = QWidget(self)
        column = QVBoxLayout(followups)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Follow-ups", followups)
        heading.setObjectName("followupsHeading")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        column.addWidget(heading)
        column.addWidget(self.summary)
        column.addLayout(buttons)
        column.addWidget(self.tree, 1)
        self.keep_in_touch = KeepInTouchList(services, self)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("followupsSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(followups)
        self.splitter.addWidget(self.keep_in_touch)
        self.splitter.setSizes([1, 1])  # half each until the user moves the handle
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self.tree.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        state = services.ui_state.value("followups/header")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.tree.header().restoreState(state)
        state = services.ui_state.value("followups/splitter")
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.splitter.restoreState(state)
        self._update_actions()
        self._show_summary()

    # -- database and changes --------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        super().set_database(database)
        from desktop_app.store.reader import DatabaseReader

        self.model.reader = DatabaseReader(database) if database is not None else None
        self.keep_in_touch.set_database(database)
        self.changes.changed.connect(self._on_change, Qt.ConnectionType.UniqueConnection)
        if database is None:
            self.reload()
        else:
            self._read_again.request()

    def reload(self) -> None:
        """Read the groups again, keeping which are open and where the selection was."""
        self._read_again.stale = False
        current = self.tree.currentIndex()
        group, row = (-1, -1)
        if current.parent().isValid():
            group, row = current.parent().row(), current.row()
        self.model.reload()
        for index in range(self.model.rowCount()):
            group_index = self.model.index(index, 0)
            if group_index.data(GROUP_ROLE) in self._expanded:
                if self.model.canFetchMore(group_index):
                    self.model.fetchMore(group_index)
                self.tree.expand(group_index)
        if group >= 0:
            parent = self.model.index(group, 0)
            count = self.model.rowCount(parent)
            if count:
                self.tree.setCurrentIndex(self.model.index(min(row, count - 1), 0, parent))
        self._show_summary()
        self._update_actions()

    def _on_change(self, what: Change) -> None:
        if what.interactions or what.moved:
            self._read_again.request()

    def _show_summary(self) -> None:
        due = self.model.total("overdue", "today")
        later = self.model.total("this_week", "later")
        if self.database is None:
            text = "Follow-ups you owe will be listed here."
        elif not due and not later:
            text = (
                "Nothing to follow up. Log an interaction with a follow-up date and it "
                "shows here when it is due."
            )
        else:
            text = f"{due:,} due now (overdue or today) · {later:,} coming up"
        self.summary.setText(text)

    # -- actions ---------------------------------------------------------------------
    def selected(self) -> list[QModelIndex]:
        rows = [i for i in self.tree.selectionModel().selectedRows() if i.data(FOLLOWUP_ID_ROLE)]
        current = self.tree.currentIndex()
        if not rows and current.isValid() and current.data(FOLLOWUP_ID_ROLE):
            rows = [current.siblingAtColumn(0)]
        return rows

    def _update_actions(self) -> None:
        chosen = bool(self.selected()) and self.database is not None
        for action in self.actions.values():
            action.setEnabled(chosen)
        for button in self.findChildren(QPushButton):
            button.setEnabled(chosen)

    def act(self, key: str) -> None:
        rows = self.selected()
        if key == "open":
            if rows:
                self.open_contact(rows[0])
            return
        from desktop_app.ui.common.followup_operations import run_followup_action

        if self.database is None or not rows:
            return
        run_followup_action(
            self,
            self.database,
            self.undo_stack,
            self.changes,
            key,
            [i.data(FOLLOWUP_ID_ROLE) for i in rows],
        )

    def open_contact(self, index: QModelIndex) -> None:
        contact_id = index.data(CONTACT_ID_ROLE)
        if contact_id is not None:
            self.show_contact(contact_id)

    def _context_menu(self, position: QPoint) -> None:
        if not self.tree.indexAt(position).data(FOLLOWUP_ID_ROLE):
            return
        menu = QMenu(self)
        menu.addActions(list(self.actions.values()))
        menu.exec(self.tree.viewport().mapToGlobal(position))

    def receive(self, show: str | None = None, **intent: object) -> None:
        """``show="keep_in_touch"``: the keyboard in the keep-in-touch list, on its first
        row (the Dashboard's card leads here)."""
        super().receive(**intent)
        if show is None:
            return
        if show != "keep_in_touch":
            raise ValueError(f"the {self.name} page cannot show {show!r}")
        self.keep_in_touch.focus_first()

    def save_state(self, ui_state: QSettings) -> None:
        ui_state.setValue("followups/header", self.tree.header().saveState())
        ui_state.setValue("followups/splitter", self.splitter.saveState())
        self.keep_in_touch.save_state(ui_state)
