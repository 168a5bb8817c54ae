"""Keep in touch, on the Follow-ups page: who is due or overdue by their cadence, most
valuable first, with quick actions on the selection (log an interaction, snooze a week or
a month, change the cadence, open the contact) from the keyboard, the context menu and the
buttons. Every write is undoable; the list reads itself again after any write, here or
elsewhere, and after a rescoring (new verdicts move due days), keeping the selection where
it was or on the row that took its place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QItemSelection, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.page_names import CONTACTS
from desktop_app.ui.common.keep_in_touch_operations import SNOOZES, KeepInTouchOperations
from desktop_app.ui.common.shown_refresh import RefreshWhenShown
from desktop_app.ui.common.widgets.empty_state import EmptyState
from desktop_app.ui.common.widgets.plain_label import shortened
from desktop_app.ui.followups.keep_in_touch_model import KeepInTouchModel
from desktop_app.ui.followups.keep_in_touch_table import KeepInTouchTable

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

    from desktop_app.store.changes import Change
    from desktop_app.store.database import Database
    from desktop_app.ui.common.services import Services

HEADER_STATE = "followups/keep_in_touch_header"
NAME_IN_MESSAGES = 60
SNOOZE_KEYS = {7: "Ctrl+Shift+W", 30: "Ctrl+Shift+M"}
# (key, menu text, shortcut, tip)
ACTIONS = (
    (
        "log",
        "&Log Interaction…",
        "Ctrl+L",
        "Log a message, call or meeting with the current contact (it restarts their clock)",
    ),
    *(
        (f"snooze_{days}", text, SNOOZE_KEYS[days], f"Leave the selected contacts off for {said}")
        for days, text, said in SNOOZES
    ),
    ("cadence", "Change &Cadence", "Ctrl+Shift+C", "How often to keep in touch with them"),
    ("open", "&Open Contact", "Return", "Show the contact on the Contacts page"),
)
# (key: an action's or a menu's, text, tip of a menu)
BUTTONS = (
    ("log", "Log Interaction…", ""),
    ("snooze", "Snooze", "Leave the selected contacts off for a week or a month"),
    ("cadence", "Cadence", "How often to keep in touch with the selected contacts"),
    ("open", "Open Contact", ""),
)
EMPTY_HEADING = "Nobody is due to hear from you"
EMPTY_BODY = (
    "Keep in touch lists who is due or overdue for a message, call or meeting by their "
    "cadence, most valuable first. A contact's cadence is their own (Keep in Touch in the "
    "Contacts page's context menu), their tags', or their verdict's default (Edit → "
    "Settings…); any interaction logged restarts their clock."
)


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of consecutive numbers in the sorted ``rows``."""
    runs: list[tuple[int, int]] = []
    for row in rows:
        if runs and runs[-1][1] == row - 1:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs


class KeepInTouchList(QWidget):
    """The heading with the counts, the quick actions, and the list (or what fills it)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keepInTouch")
        self.services = services
        self.database: Database | None = None
        self._read_again = RefreshWhenShown(self, self.reload)
        self.operations = KeepInTouchOperations(
            self, lambda: self.database, services.undo_stack, services.changes
        )
        self.model = KeepInTouchModel(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("keepInTouchHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.table = self._build_table()
        self.empty = EmptyState(EMPTY_HEADING, EMPTY_BODY, self)
        self.empty.setObjectName("keepInTouchEmpty")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)
        self.cadence_menu = self.operations.cadence_menu(
            self, self.selected_ids, name=self._single_name, known=False
        )
        self.cadence_menu.aboutToShow.connect(self._clear_cadence_marks)
        self.quick_actions = self._build_actions()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self._build_buttons())
        layout.addWidget(self.stack, 1)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.table.selectionModel().currentChanged.connect(lambda *_: self._update_actions())
        self._show_counts()

    def _build_table(self) -> KeepInTouchTable:
        table = KeepInTouchTable(self.model, self)
        table.customContextMenuRequested.connect(self._context_menu)
        table.doubleClicked.connect(lambda _index: self.act("open"))
        state = self.services.ui_state.value(HEADER_STATE)
        if isinstance(state, QByteArray) and not state.isEmpty():
            table.horizontalHeader().restoreState(state)
        return table

    def _build_actions(self) -> dict[str, QAction]:
        actions: dict[str, QAction] = {}
        for key, text, shortcut, tip in ACTIONS:
            action = QAction(text, self)
            action.setObjectName(f"keepInTouch_{key}")
            action.setToolTip(tip)
            action.setStatusTip(tip)
            action.setShortcuts([QKeySequence(shortcut)])
            if key == "open":
                action.setShortcuts([QKeySequence(shortcut), QKeySequence("Enter")])
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            # The keyboard shortcuts list tells it from the follow-ups' actions of the page.
            action.setProperty("shortcut_name", f"Keep in touch: {text.replace('&', '')}")
            action.triggered.connect(lambda _checked=False, k=key: self.act(k))
            self.table.addAction(action)
            actions[key] = action
        return actions

    def _build_buttons(self) -> QHBoxLayout:
        """Log and Open as buttons; the snoozes and the cadences as menus of a button each,
        so the row fits beside the navigation in a narrow window."""
        snoozes = QMenu(self)
        snoozes.addActions([self.quick_actions[f"snooze_{days}"] for days, *_ in SNOOZES])
        menus = {"snooze": snoozes, "cadence": self.cadence_menu}
        buttons = QHBoxLayout()
        for key, text, tip in BUTTONS:
            button = QPushButton(text, self)
            button.setObjectName(f"keepInTouchButton_{key}")
            if key in menus:
                button.setToolTip(tip)
                button.setMenu(menus[key])
            else:
                action = self.quick_actions[key]
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                button.setToolTip(f"{action.toolTip()} ({keys})")
                button.clicked.connect(action.trigger)
            buttons.addWidget(button)
        buttons.addStretch(1)
        return buttons

    # -- database and changes --------------------------------------------------------
    def set_database(self, database: Database | None) -> None:
        self.database = database
        self.services.changes.changed.connect(self._on_change, Qt.ConnectionType.UniqueConnection)
        self.services.insights.updated.connect(
            self._on_rescored, Qt.ConnectionType.UniqueConnection
        )
        if database is None:
            self.reload()
        else:
            self._read_again.request()

    def reload(self, changed: frozenset[int] = frozenset()) -> None:
        """Read the list again. Those of ``changed`` it brings (back) are selected, as
        after an undo; otherwise the selected contacts stay selected, and where all of
        them left the list, the next contact still in it becomes current."""
        self._read_again.stale = False
        before = self.model.ids()
        chosen = self.selected_ids()
        current = self.table.currentIndex()
        current_id = before[current.row()] if current.isValid() else None
        self.model.reload(self.database)
        arrived = sorted(self.model.rows_of(changed.difference(before)).values())
        if arrived:
            self._select(arrived, arrived[0])
        elif chosen or current_id is not None:
            self._reselect(before, chosen, current_id)
        self._show_counts()
        self._update_actions()

    def _reselect(self, before: list[int], chosen: list[int], current_id: int | None) -> None:
        rows = sorted(self.model.rows_of(chosen).values())
        current = self.model.row_of(current_id) if current_id is not None else None
        if current is None and rows:
            current = rows[0]
        if current is None:
            current = self._next_row(before, {*chosen, current_id})
            rows = [] if current is None else [current]
        if current is not None:
            self._select(rows, current)

    def _next_row(self, before: list[int], gone: set[int | None]) -> int | None:
        """The row now of the first contact, after the first of ``gone``, still listed."""
        if not self.model.rowCount():
            return None
        first = next((row for row, i in enumerate(before) if i in gone), len(before))
        listed = set(self.model.ids())
        following = next((i for i in before[first:] if i in listed), None)
        found = self.model.row_of(following) if following is not None else None
        return found if found is not None else self.model.rowCount() - 1

    def _select(self, rows: list[int], current: int) -> None:
        """Select ``rows`` (sorted), each run of neighbours as one range, and make
        ``current`` the current row."""
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for first, end in _runs(rows):
            selection.select(self.model.index(first, 0), self.model.index(end, last))
        model = self.table.selectionModel()
        model.setCurrentIndex(self.model.index(current, 0), model.SelectionFlag.NoUpdate)
        model.select(selection, model.SelectionFlag.ClearAndSelect | model.SelectionFlag.Rows)

    def _on_change(self, what: Change) -> None:
        if what.contacts and self.isVisible():
            self.reload(what.contacts)
        elif what.contacts:
            self._read_again.request()  # read when shown

    def _on_rescored(self, _freshness: object) -> None:
        self._read_again.request()  # new verdicts bring new default cadences

    def _show_counts(self) -> None:
        due = self.model.rowCount()
        if due:
            self.heading.setText(f"Keep in touch — {due:,} overdue, {self.model.aligned:,} aligned")
        else:
            self.heading.setText("Keep in touch")
        self.stack.setCurrentWidget(self.table if due else self.empty)

    # -- actions ---------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        """The selected contacts in list order (the current one when none is selected)."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows = [current.row()]
        return [self.model.row_id(row) for row in rows]

    def _current_row(self) -> int | None:
        """The row acted on alone: the current one if selected, else the first selected."""
        current = self.table.currentIndex()
        if current.isValid() and self.table.selectionModel().isRowSelected(current.row()):
            return current.row()
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return rows[0] if rows else (current.row() if current.isValid() else None)

    def _single_name(self) -> str | None:
        ids = self.selected_ids()
        row = self.model.row_of(ids[0]) if len(ids) == 1 else None
        name = self.model.row_name(row) if row is not None else None
        return shortened(name, NAME_IN_MESSAGES) if name else None

    def _update_actions(self) -> None:
        chosen = bool(self.selected_ids()) and self.database is not None
        for action in self.quick_actions.values():
            action.setEnabled(chosen)
        for button in self.findChildren(QPushButton):
            button.setEnabled(chosen)

    def act(self, key: str) -> None:
        """Do ``key`` (one of ``ACTIONS``) for the selection."""
        ids = self.selected_ids()
        if self.database is None or not ids:
            return
        if key.startswith("snooze_"):
            self.operations.snooze(ids, int(key.removeprefix("snooze_")), self._single_name())
        elif key == "cadence":
            self._pop_up_cadences()
        elif key in ("log", "open"):
            row = self._current_row()
            if row is None:
                return
            contact_id = self.model.row_id(row)
            if key == "open":
                self.services.navigate(CONTACTS, contact_id=contact_id)
            else:
                self._log(contact_id, self.model.row_name(row))

    def _log(self, contact_id: int, name: str | None) -> None:
        from desktop_app.ui.common.interaction_operations import log_interaction

        if self.database is not None and name is not None:
            who = shortened(name, NAME_IN_MESSAGES)
            log_interaction(
                self,
                self.database,
                self.services.undo_stack,
                self.services.changes,
                contact_id,
                who,
            )

    def _clear_cadence_marks(self) -> None:
        """A cadence chosen for others is not these contacts' own: none is marked."""
        for action in self.cadence_menu.actions():
            action.setChecked(False)

    def _pop_up_cadences(self) -> None:
        """The cadences under the current row, to choose from by keyboard."""
        current = self.table.currentIndex()
        rect = self.table.visualRect(current) if current.isValid() else self.table.rect()
        self.cadence_menu.popup(self.table.viewport().mapToGlobal(rect.bottomLeft()))

    def _context_menu(self, position: QPoint) -> None:
        if not self.table.indexAt(position).isValid():
            return
        menu = QMenu(self)
        menu.setObjectName("keepInTouchContextMenu")
        menu.addAction(self.quick_actions["log"])
        menu.addSeparator()
        menu.addActions([self.quick_actions[f"snooze_{days}"] for days, *_ in SNOOZES])
        menu.addMenu(self.cadence_menu)
        menu.addSeparator()
        menu.addAction(self.quick_actions["open"])
        menu.exec(self.table.viewport().mapToGlobal(position))

    # -- showing it from elsewhere ---------------------------------------------------
    def focus_first(self) -> None:
        """The keyboard in the list, on its first row (asked by the Dashboard's card)."""
        if self._read_again.stale:
            self.reload()
        if self.model.rowCount():
            self._select([0], 0)
            self.table.scrollToTop()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def save_state(self, ui_state: QSettings) -> None:
        ui_state.setValue(HEADER_STATE, self.table.horizontalHeader().saveState())
