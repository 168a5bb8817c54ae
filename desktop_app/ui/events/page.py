"""The Events page: the table (sorted and filtered in SQL), the detail, the actions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.page_names import EVENTS
from desktop_app.ui.common.messages import Button, ask
from desktop_app.ui.common.page import Page
from desktop_app.ui.common.shown_refresh import RefreshWhenShown
from desktop_app.ui.common.widgets.sort_header import SortArrowHeader
from desktop_app.ui.events.detail import EventDetailPane
from desktop_app.ui.events.model import EventTableModel
from desktop_app.ui.events.operations import (
    announce_new_person,
    change_attendance,
    edit_event_in_dialog,
    follow_up_everyone,
    new_event_in_dialog,
    push_deleted_event,
)

if TYPE_CHECKING:
    from desktop_app.reports.documents import Document
    from desktop_app.store.changes import Change
    from desktop_app.store.database import Database
    from desktop_app.ui.common.services import Services

VIEWS = (("upcoming", "Upcoming"), ("past", "Past"), ("all", "All events"))
SEARCH_DELAY_MS = 150


class EventsPage(Page):
    name = EVENTS
    title = "Events"
    icon_name = "events"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._sort = ("starts_at", True)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search events by name, place or notes")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search events")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.view = QComboBox()
        self.view.setAccessibleName("Which events")
        for code, label in VIEWS:
            self.view.addItem(label, code)
        self.view.setCurrentIndex(2)
        self.view.currentIndexChanged.connect(lambda _i: self.reload())
        new_button = QPushButton("&New Event…")
        new_button.clicked.connect(self.new_event)

        self.model = EventTableModel(self._fetch, self)
        self.model.sort_requested.connect(self._on_sort_requested)
        self.table = QTableView()
        self.table.setObjectName("eventsTable")
        self.table.setHorizontalHeader(SortArrowHeader(self.table))
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(2, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _index: self.edit_event())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_current())
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self._add_actions()

        self.detail = EventDetailPane(self._find_contacts, self)
        self.detail.picker.chosen.connect(self._add_person)
        self.detail.picker.new_person_requested.connect(self._new_person)
        self.detail.remove_requested.connect(self._remove_person)
        self.detail.follow_up_everyone.connect(self.follow_up_everyone)
        self.detail.open_contact_requested.connect(self.show_contact)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.view)
        top.addWidget(new_button)
        # The table is wide (nine columns), so the detail sits below it.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("eventsSplitter")
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([420, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._restore_layout()
        # Events written in another window: read again here (now, or once shown).
        self._elsewhere = RefreshWhenShown(self, self.reload)
        self.changes.changed.connect(self._on_change)

    # -- actions -----------------------------------------------------------------------
    def _add_actions(self) -> None:
        def action(text: str, slot, shortcut: QKeySequence | str) -> QAction:  # type: ignore[no-untyped-def]
            act = QAction(text, self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _checked=False: self._on_this_page(slot))
            self.addAction(act)
            return act

        self.new_action = action("&New Event…", self.new_event, "Ctrl+Shift+N")
        self.edit_action = action("&Edit Event…", self.edit_event, "F2")
        self.open_action = action("Open", self.edit_event, "Return")
        # Return opens the event only from its table: on a person below, it opens them.
        self.removeAction(self.open_action)
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.open_action)
        self.delete_action = action(
            "&Delete Event", self.delete_event, QKeySequence.StandardKey.Delete
        )
        self.follow_up_action = action(
            "&Follow Up with Everyone I Met", self.follow_up_everyone, "Ctrl+Shift+F"
        )

    def _on_this_page(self, slot) -> None:  # type: ignore[no-untyped-def]
        """From the Events menu, on another page: show this one first, then act."""
        if not self.isVisible():
            self.services.navigate(self.name)
        slot()

    def add_menu_actions(self, menus: dict[str, QMenu]) -> None:
        if "events" in menus:
            menu = menus["events"]
            menu.addActions([self.new_action, self.edit_action, self.follow_up_action])
            menu.addSeparator()
            menu.addAction(self.delete_action)

    has_search = True  # Edit → Find (Ctrl+F) searches here

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _context_menu(self, position) -> None:  # type: ignore[no-untyped-def]
        menu = QMenu(self)
        menu.addActions([self.new_action, self.edit_action, self.follow_up_action])
        menu.addSeparator()
        menu.addAction(self.delete_action)
        self.services.add_print_entries(menu)
        menu.exec(self.table.viewport().mapToGlobal(position))

    # -- data --------------------------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        super().set_database(database)
        self.reload()

    def _fetch(self, ids):  # type: ignore[no-untyped-def]
        from desktop_app.store.events import event_rows

        return event_rows(self.database, ids) if self.database else {}

    def _find_contacts(self, typed: str) -> list[tuple[int, str, str]]:
        from desktop_app.store.event_people import find_contacts

        return find_contacts(self.database, typed) if self.database else []

    def _query(self):  # type: ignore[no-untyped-def]
        from desktop_app.store.events import EventQuery

        return EventQuery(
            text=self.search.text(),
            view=self.view.currentData(),
            sort=self._sort[0],
            descending=self._sort[1],
        )

    def reload(self, select_id: int | None = None) -> None:
        """Query the events again (filter, view or data changed), keeping the selection."""
        if self.database is None:
            self.model.set_ids([])
            return
        from desktop_app.store.events import event_ids

        keep = select_id if select_id is not None else self.current_event_id()
        self.model.set_ids(event_ids(self.database, self._query()))
        self.select_event(keep)
        self._show_current()

    def _on_change(self, what: Change) -> None:
        if what.events and self.database is not None:
            self._elsewhere.request()

    def _on_sort_requested(self, key: str, descending: bool) -> None:
        # Kept without a database too: the header's saved order, restored before the
        # database opens, is the order the first query uses.
        self._sort = (key, descending)
        if self.database is None:
            return
        from desktop_app.store.events import event_ids

        self.model.reorder(event_ids(self.database, self._query()))

    def current_event_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.row_id(index.row()) if index.isValid() else None

    def select_event(self, event_id: int | None) -> None:
        row = self.model.row_of(event_id) if event_id is not None else None
        if row is None:
            if self.model.rowCount() == 0:
                return
            row = 0
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _show_current(self) -> None:
        from desktop_app.store.event_people import event_detail

        event_id = self.current_event_id()
        detail = event_detail(self.database, event_id) if self.database and event_id else None
        self.detail.show_event(detail)
        for action in (self.edit_action, self.delete_action, self.follow_up_action):
            action.setEnabled(detail is not None)  # greyed in the Events menu with no event
        self.printable_changed.emit()

    def refresh_current(self) -> None:
        """Read the selected event's row and detail again (its people changed)."""
        event_id = self.current_event_id()
        if event_id is not None:
            self.model.refresh_rows([event_id])
        self._show_current()

    # -- writes ------------------------------------------------------------------------
    def new_event(self) -> None:
        if self.database is not None:
            new_event_in_dialog(self)

    def edit_event(self) -> None:
        event_id = self.current_event_id()
        if self.database is not None and event_id is not None:
            edit_event_in_dialog(self, event_id)

    def delete_event(self) -> None:
        event_id = self.current_event_id()
        if self.database is None or event_id is None:
            return
        row = self.model.row_data(self.model.row_of(event_id) or 0)
        name = row.name if row else "this event"
        answer = ask(
            self,
            "Delete Event",
            f"Delete “{name}”? The people stay in your contacts. You can undo this with "
            f"{QKeySequence(QKeySequence.StandardKey.Undo).toString(QKeySequence.SequenceFormat.NativeText)}.",
            default=Button.Yes,
        )
        if answer != Button.Yes:
            return
        push_deleted_event(self, event_id, name)

    def forget_event(self, event_id: int) -> None:
        """The event was deleted: its row goes, the rows around it stay selected."""
        self.model.remove_ids([event_id])
        self._show_current()

    def follow_up_everyone(self) -> None:
        if self.database is not None and self.current_event_id() is not None:
            follow_up_everyone(self)

    def _add_person(self, contact_id: int, role: str) -> None:
        event_id = self.current_event_id()
        if self.database is None or event_id is None:
            return
        change_attendance(self, event_id, contact_id, role)

    def _new_person(self, typed: str, role: str) -> None:
        event_id = self.current_event_id()
        if self.database is None or event_id is None:
            return
        from desktop_app.store.event_people import create_contact_at_event
        from desktop_app.ui.events.people import NewPersonDialog

        dialog = NewPersonDialog(self.detail.heading.text(), typed, role, self)
        if dialog.exec():
            created = create_contact_at_event(
                self.database,
                event_id,
                dialog.first_name.text(),
                dialog.last_name.text(),
                company=dialog.company.text(),
                title=dialog.title.text(),
                email=dialog.email.text(),
                role=dialog.role.currentData(),
            )
            self.detail.picker.name.clear()
            announce_new_person(self, created)

    def _remove_person(self, contact_id: int) -> None:
        event_id = self.current_event_id()
        if self.database is None or event_id is None:
            return
        change_attendance(self, event_id, contact_id, None)

    def report_change(self, what: Change) -> None:
        """Tell the other views (follow-ups, contacts, status bar) what changed."""
        self.changes.report(what)
        self.overview_changed.emit()

    def counts_changed(self) -> None:
        """Events were added or removed: the window's counts are read again."""
        self.overview_changed.emit()

    def show_status(self, message: str) -> None:
        self.services.show_status(message, 8000)

    def current_event_name(self) -> str:
        return self.detail.heading.text()

    def widget(self) -> QWidget:
        """The page as the parent of its dialogs and messages."""
        return self

    # -- printing ----------------------------------------------------------------------
    def can_print(self) -> bool:
        return self.database is not None and self.current_event_id() is not None

    def printable_document(self) -> Document | None:
        """The preparation sheet of the selected event."""
        event_id = self.current_event_id()
        if self.database is None or event_id is None:
            return None
        from desktop_app.ui.common.documents import event_document

        return event_document(self.database, event_id)

    # -- layout ------------------------------------------------------------------------
    def _restore_layout(self) -> None:
        ui_state = self.services.ui_state
        header = ui_state.value("events/header")
        if isinstance(header, QByteArray):
            self.table.horizontalHeader().restoreState(header)
        else:
            for column, width in enumerate((230, 105, 170, 125, 55, 75, 85, 115)):
                self.table.setColumnWidth(column, width)
        splitter = ui_state.value("events/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        view = ui_state.value("events/view")
        if isinstance(view, str) and self.view.findData(view) >= 0:
            self.view.setCurrentIndex(self.view.findData(view))

    def save_state(self, ui_state: QSettings) -> None:
        """Column layout, splitter and view, in the window's UI state."""
        ui_state.setValue("events/header", self.table.horizontalHeader().saveState())
        ui_state.setValue("events/splitter", self.splitter.saveState())
        ui_state.setValue("events/view", self.view.currentData())
