"""Keep in touch on the Contacts page: the detail pane's line (the cadence that applies and
why, the last touch, when they are next due) with its menu, the birthday as a user reads
it, and the "Keep in Touch" submenu of the Contact menu and the table's context menu."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from desktop_app.insights import keep_in_touch as rules
from desktop_app.insights.verdicts import VERDICT_LABELS
from desktop_app.ui.common.keep_in_touch_operations import KeepInTouchOperations
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.widgets.plain_label import shortened

if TYPE_CHECKING:
    from desktop_app.insights.keep_in_touch import Birthday
    from desktop_app.store.records import ContactDetail, TouchState

NAME_IN_MENUS = 60


def _days(count: int) -> str:
    return f"{count} day{'s' * (count != 1)}"


def cadence_source(state: TouchState) -> str:
    """Where the cadence comes from, in a few words."""
    if state.own is not None:
        return "their own"
    if state.source == "tag":
        return f"tag {state.source_name}"
    if state.source == "verdict":
        return f"verdict {VERDICT_LABELS.get(state.source_name, state.source_name)}"
    return "no verdict yet"


def touch_text(state: TouchState, today: dt.date | None = None) -> str:
    """ "Monthly (tag mentor)", then the last touch and the next due day, or how late."""
    day = today or dt.date.today()
    first = f"{rules.CADENCE_LABELS[state.cadence]} ({cadence_source(state)})"
    when = f"Last touch {format_date(state.last_touch_on)}"
    if state.snoozed_until is not None:
        when += f" · snoozed until {format_date(state.snoozed_until)}"
    elif state.due_on is None:
        when += " · never due"
    elif state.due_on > day:
        when += f" · next due {format_date(state.due_on)}"
    elif state.due_on == day:
        when += " · due today"
    else:
        when += f" · overdue by {_days((day - state.due_on).days)}"
    return f"{first}\n{when}"


def birthday_text(birthday: Birthday | None, today: dt.date | None = None) -> str:
    """ "12 March (turns 40)", or "29 February" when the year is not known."""
    if birthday is None:
        return ""
    day = today or dt.date.today()
    name = f"{birthday.day} {dt.date(2000, birthday.month, 1):%B}"
    age = birthday.age_on(birthday.next_on_or_after(day))
    return name if age is None else f"{name} (turns {age})"


class KeepInTouchRow(QWidget):
    """The detail pane's keep-in-touch line and the button whose menu changes it."""

    def __init__(
        self, label: QLabel, operations: KeepInTouchOperations | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.label = label
        self._operations = operations
        self.button = QToolButton(self)
        self.button.setObjectName("keepInTouchButton")
        self.button.setText("Change")
        self.button.setToolTip("Change the cadence, or snooze keeping in touch")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setAccessibleName("Keep in touch: change the cadence or snooze")
        self.button.setEnabled(operations is not None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label, 1)
        layout.addWidget(self.button)

    def show_detail(self, detail: ContactDetail) -> None:
        """The menu for this contact: their own cadence checked, and "End Snooze" if snoozed."""
        if self._operations is None:
            return
        old = self.button.menu()
        ids, name = [detail.id], shortened(detail.full_name, NAME_IN_MENUS)
        current = detail.contact.touch_cadence
        menu = self._operations.menu(self, lambda: ids, current, lambda: name)
        touch = detail.keep_in_touch
        if touch is not None and touch.snoozed_until is not None:
            wake = menu.addAction("&End Snooze")
            wake.triggered.connect(lambda _checked=False: self._operations.wake(ids, name))
        self.button.setMenu(menu)
        if old is not None:
            old.deleteLater()


def _cadence_actions(menu: QMenu) -> list[QAction]:
    cadences = menu.findChild(QMenu, "cadenceMenu")
    return [a for a in cadences.actions() if a.isCheckable()] if cadences is not None else []


def check_cadence(menu: QMenu, code: str | None, known: bool) -> None:
    """Check ``code`` in the Keep in Touch menu's Cadence submenu (none unless ``known``)."""
    for action in _cadence_actions(menu):
        group = action.actionGroup()
        if group is not None:  # a selection of many checks none
            group.setExclusionPolicy(group.ExclusionPolicy.ExclusiveOptional)
        action.setChecked(known and action.data() == code)


def selection_menu(
    parent: QWidget,
    operations: KeepInTouchOperations,
    selected: Callable[[], list[int]],
    count: Callable[[], int],
    shown: Callable[[], ContactDetail | None],
) -> QMenu:
    """ "Keep in Touch" acting on every selected contact (one write for all of them); the
    cadence of a single contact, the one the detail pane shows, checked. ``count`` says
    cheaply how many are selected (reading 1,000 ids twice a choice would be slow)."""

    def one() -> ContactDetail | None:
        detail = shown()
        single = detail is not None and count() <= 1 and selected() == [detail.id]
        return detail if single else None

    def name() -> str | None:
        detail = one()
        return shortened(detail.full_name, NAME_IN_MENUS) if detail else None

    menu = operations.menu(parent, selected, None, name)

    def refresh() -> None:
        detail = one()
        check_cadence(menu, detail.contact.touch_cadence if detail else None, detail is not None)

    menu.aboutToShow.connect(refresh)
    return menu
