"""The Contacts page: search and facets, the table, and the current contact's detail."""

from __future__ import annotations

import sqlite3
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QMenu, QSplitter, QVBoxLayout, QWidget

from desktop_app.page_names import CONTACTS
from desktop_app.store.changes import Change
from desktop_app.ui.common.page import Page
from desktop_app.ui.common.undo import undo_hint

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.common.services import Services
    from desktop_app.ui.common.widgets.contact_scope import ContactScope
    from desktop_app.ui.contacts.operations import ContactOperations

# ui.contacts is imported when the page is built: at start-up the window shows one page only.

SETTINGS_PREFIX = "contacts"


class ContactsPage(Page):
    name = CONTACTS
    title = "Contacts"
    icon_name = "contacts"

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        from desktop_app.ui.common.keep_in_touch_operations import KeepInTouchOperations
        from desktop_app.ui.contacts import actions as contact_actions
        from desktop_app.ui.contacts.columns import contact_columns
        from desktop_app.ui.contacts.detail_pane import ContactDetailPane
        from desktop_app.ui.contacts.empty_states import TableOrEmptyState
        from desktop_app.ui.contacts.filter_bar import ContactFilterBar
        from desktop_app.ui.contacts.insight_follower import InsightFollower
        from desktop_app.ui.contacts.status_count import StatusBarCount
        from desktop_app.ui.contacts.table_model import ContactTableModel
        from desktop_app.ui.contacts.table_view import ContactTableView

        super().__init__(services, parent)
        self.operations: ContactOperations | None = None
        self._stale = False  # a database arrived while hidden: load when shown
        self._previewing = False
        self._splitters_restored = False
        self._fit_pending = True  # first run: fit the columns to the first rows shown
        self.filter_bar = ContactFilterBar(self)
        self.model = ContactTableModel(contact_columns(), self)
        self.table = ContactTableView(self.model, self)
        self.keep_in_touch = KeepInTouchOperations(
            self, lambda: self.database, self.undo_stack, self.changes
        )
        self.detail = ContactDetailPane(self, self.keep_in_touch)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("contactsSplitter")
        self.table_area = TableOrEmptyState(self.table, self)
        self.splitter.addWidget(self.table_area)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, False)
        self.splitter.setSizes([640, 340])
        self.count_label = StatusBarCount(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.splitter, 1)
        self.actions = contact_actions.build_actions(self, self.table, self)
        # The scores in the table and the detail pane.
        self.insights = InsightFollower(self, services.insights, parent=self)
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.timeout.connect(self.show_current_detail)
        self._connect()
        self._restore_layout()
        self._update_actions()

    def _connect(self) -> None:
        from desktop_app.ui.contacts.empty_states import lead_on

        self.filter_bar.filter_changed.connect(self.model.set_filter)
        self.filter_bar.leave_down.connect(self._focus_table)
        self.model.counts_changed.connect(self._show_counts)
        self.table_area.empty.chosen.connect(partial(lead_on, self))
        self.model.modelReset.connect(self._after_reset)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_current())
        from desktop_app.ui.contacts.actions import show_context_menu

        self.table.customContextMenuRequested.connect(
            partial(show_context_menu, self.table, self.actions, self.services.add_print_entries)
        )
        self.detail.edit_requested.connect(self.edit_current)
        self.detail.log_requested.connect(self.log_interaction)
        self.detail.quick_action.connect(self.quick_action)
        self.detail.edit_interaction.connect(self._edit_interaction)
        self.detail.delete_interaction.connect(self._delete_interaction)
        self.detail.followup_action.connect(self._followup_action)

    # -- database --------------------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        """Read from the open database (the preview of start-up, if any, ends here)."""
        super().set_database(database)
        from desktop_app.store.reader import DatabaseReader

        self.operations = None
        previewed, self._previewing = self._previewing, False
        if database is None:
            self.model.set_reader(None)
            self._update_actions()
            return
        reader = DatabaseReader(database)
        from desktop_app.ui.contacts.operations import ContactOperations

        self.operations = ContactOperations(self, database, reader, self.undo_stack, self.changes)
        self.changes.changed.connect(self._on_change, Qt.ConnectionType.UniqueConnection)
        self.model.reader = reader
        if not self.isVisible():
            self._stale = True
        elif previewed:
            # The preview showed these very rows: re-query quietly, keeping any selection.
            self._refresh_tags()
            self.model.refresh()
            self._detail_timer.start(0)
        else:
            self.load()
        self._update_actions()

    def preview_database(self, target: str) -> None:
        """At start-up, show the first rows straight from the file, read-only, while the
        store (SQLAlchemy, migrations) is still loading."""
        from desktop_app.store.reader import file_reader

        if self.database is not None:
            return
        reader = file_reader(target)
        if reader is None:
            return
        try:
            self.model.set_reader(reader)
        except sqlite3.Error:  # not the schema it seemed: no preview, the store will say why
            self.model.reader = None
            return
        self._previewing = True

    def load(self) -> None:
        self._stale = False
        self._refresh_tags()
        self.model.reload(self.filter_bar.current_filter())

    def _refresh_tags(self) -> None:
        from desktop_app.store.contacts_query import tag_names

        if self.model.reader is not None:
            self.filter_bar.set_tags(tag_names(self.model.reader, in_use=True))

    def _on_change(self, what: Change) -> None:
        """Update what this page shows after a write, precisely and keeping the selection."""
        if self.model.reader is None or self._stale:
            return
        if what.moved:
            self.model.refresh(edited=what.edited | what.interactions)
        else:
            self.model.contacts_edited(what.edited | what.interactions)
        if what.edited or what.moved:
            self._refresh_tags()
        if self.current_contact() in what.contacts or what.moved:
            self._detail_timer.start(0)
        self._update_actions()

    # -- the current contact ---------------------------------------------------------
    def current_contact(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.contact_id(index.row()) if index.isValid() else None

    def selected_contacts(self) -> list[int]:
        # By ranges: selectedRows() visits every cell (1,000 rows chosen: 50 ms a call).
        ranges = self.table.selectionModel().selection()
        rows = sorted({row for part in ranges for row in range(part.top(), part.bottom() + 1)})
        ids = [i for row in rows if (i := self.model.contact_id(row)) is not None]
        current = self.current_contact()
        return ids or ([current] if current is not None else [])

    def select_contact(self, contact_id: int) -> bool:
        row = self.model.row_of(contact_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def reveal_contact(self, contact_id: int) -> bool:
        """Select the contact, widening the filter to everyone if it hides them."""
        if self._stale:
            self.load()
        if not self.select_contact(contact_id):
            self.filter_bar.show_everyone()
            if not self.select_contact(contact_id):
                return False
        self.table.setFocus()
        return True

    def receive(  # type: ignore[override]
        self, *, contact_id: int | None = None, verdict: str = "", new_contact: bool = False
    ) -> None:
        """Select a contact, show everyone with a verdict, or add a contact."""
        if contact_id is not None:
            self.reveal_contact(contact_id)
        if verdict:
            self.filter_bar.show_verdict(verdict)
            self.table.setFocus()
        if new_contact:
            self.new_contact()

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._detail_timer.start(0)
        self._update_actions()

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()
        self.printable_changed.emit()

    def contact_scope(self) -> ContactScope:
        """What an export or a printout may take from here."""
        from desktop_app.ui.contacts.scope import scope_of_table

        return scope_of_table(self.model, self.selected_contacts())

    def can_print(self) -> bool:
        return self.database is not None and bool(self.selected_contacts())

    def show_current_detail(self) -> None:
        from desktop_app.store.contact_detail import read_contact_detail

        reader = self.model.reader
        contact_id = None if self._previewing else self.current_contact()
        detail = None
        if contact_id is not None and reader is not None:
            detail = read_contact_detail(reader, contact_id)
        self.detail.show_detail(detail)
        self.insights.show_fit(contact_id if detail is not None else None)

    def _after_reset(self) -> None:
        """After a new query: the first contact is the current one (its detail shows)."""
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
        if self.model.pending:
            self.table.after_next_paint(self.model.complete)
        if self._fit_pending and self.model.rowCount():
            self._fit_pending = False
            self.table.after_next_paint(self.table.fit_columns)
        self._detail_timer.start(0)
        self._update_actions()

    def _update_actions(self) -> None:
        ready = self.operations is not None
        selected = sum(r.height() for r in self.table.selectionModel().selection())
        if not selected and self.table.currentIndex().isValid():
            selected = 1
        from desktop_app.ui.contacts.actions import update_enabled

        update_enabled(self.actions, ready, selected)
        self.detail.setEnabled(ready)

    # -- actions ---------------------------------------------------------------------
    def _show_me(self) -> None:
        if not self.isVisible():
            self.services.navigate(self.name)

    has_search = True  # Edit → Find (Ctrl+F) searches here

    def focus_search(self) -> None:
        self._show_me()
        self.filter_bar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_bar.search.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus()
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.selectRow(0)

    def new_contact(self) -> None:
        self._show_me()
        created = self.operations.new_contact() if self.operations is not None else None
        if created is not None and not self.select_contact(created):
            self._reveal(created)

    def _reveal(self, created: int) -> None:
        """A new contact the search or a facet hides: widen the filter rather than lose them."""
        cleared = self.filter_bar.widen_until(lambda: self.select_contact(created))
        if cleared is not None:
            name = self.table.currentIndex().data()
            message = f"Added {name}; {cleared} cleared to show them — {undo_hint()}"
            self.services.show_status(message)

    def edit_current(self) -> None:
        contact_id = self.current_contact()
        if self.operations is not None and contact_id is not None:
            self.operations.edit_contact(contact_id)

    open_current = edit_current

    def log_interaction(self) -> None:
        contact_id = self.current_contact()
        if self.operations is not None and contact_id is not None:
            self._show_me()
            self.operations.log_interaction(contact_id)

    def delete_selected(self) -> None:
        ids = self.selected_contacts()
        if self.operations is not None and ids and self.operations.delete_contacts(ids):
            self._select_nobody(ids)

    def archive_selected(self) -> None:
        ids = self.selected_contacts()
        if self.operations is not None and ids and self.operations.archive_contacts(ids):
            self._select_nobody(ids)

    def _select_nobody(self, gone: list[int]) -> None:
        """No neighbour is chosen in place of rows gone: a second key press must not act."""
        if self.current_contact() not in gone:
            self.table.selectionModel().clear()
            self._update_actions()

    def tag_selected(self) -> None:
        if self.operations is not None:
            self.operations.tag_contacts(self.selected_contacts())

    def quick_action(self, key: str) -> None:
        contact_id = self.current_contact()
        if self.operations is not None and contact_id is not None:
            self.operations.quick_action(key, contact_id)

    def _edit_interaction(self, interaction_id: int) -> None:
        if self.operations is not None:
            self.operations.edit_interaction(interaction_id)

    def _delete_interaction(self, interaction_id: int) -> None:
        if self.operations is not None:
            self.operations.delete_interaction(interaction_id)

    def _followup_action(self, key: str, interaction_ids: list[int]) -> None:
        if self.operations is not None and self.current_contact() is not None:
            self.operations.followup_action(key, interaction_ids)

    def add_menu_actions(self, menus: dict[str, QMenu]) -> None:
        from desktop_app.ui.contacts.actions import fill_contact_menu

        if "contact" in menus:
            fill_contact_menu(menus["contact"], self.actions)

    # -- status bar, layout ----------------------------------------------------------
    def _show_counts(self, shown: int, total: int) -> None:
        self.count_label.show_counts(shown, total)
        self.table_area.show_counts(shown, total, bool(self.filter_bar.search.text().strip()))
        self.detail.set_anyone_to_choose(shown > 0)

    def showEvent(self, event: QShowEvent) -> None:
        """Put the count in the status bar, and load what arrived while hidden."""
        super().showEvent(event)
        if not self._splitters_restored:
            self._splitters_restored = True
            self._restore_splitters()
        self.count_label.enter_status_bar(self.services.status_bar)
        if self._stale:
            self.load()

    def hideEvent(self, event: QHideEvent) -> None:
        """Take the count out of the status bar while another page shows."""
        super().hideEvent(event)
        if not event.spontaneous():
            self.count_label.leave_status_bar(self.services.status_bar)

    def _restore_layout(self) -> None:
        ui_state = self.services.ui_state
        self._fit_pending = not self.table.restore_layout(ui_state, SETTINGS_PREFIX)
        header = self.table.horizontalHeader()
        self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _restore_splitters(self) -> None:
        """Once laid out at its real size (a splitter restored earlier would be stretched)."""
        from desktop_app.ui.contacts.table_view import restore_splitters

        splitters = (self.splitter, self.detail.splitter)
        restore_splitters(self.services.ui_state, SETTINGS_PREFIX, splitters)

    def save_state(self, ui_state: QSettings) -> None:
        from desktop_app.ui.contacts.table_view import save_splitters

        self.table.save_layout(ui_state, SETTINGS_PREFIX)
        save_splitters(ui_state, SETTINGS_PREFIX, (self.splitter, self.detail.splitter))
