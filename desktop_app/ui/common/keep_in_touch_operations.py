"""Keep-in-touch writes shared by the Follow-ups page's list, the contacts table and the
detail pane: change the cadence, snooze for a week or a month, wake — each undoable, each
announced as a change — and the menu that offers them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.insights import keep_in_touch as rules
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.undo import push_write

if TYPE_CHECKING:
    from PySide6.QtGui import QUndoStack

    from desktop_app.store.database import Database
    from desktop_app.ui.common.changes import DataChanges

# (days, menu text, what the status bar says): a week and a month, as the issue of the
# product names them.
SNOOZES = ((7, "Snooze a &Week", "a week"), (30, "Snooze a &Month", "a month"))
CADENCE_MENU = (None, *rules.CADENCES)


# The Cadence menu's entries, each with its Alt letter. None: no cadence of the contact's
# own — their tags' or their verdict's default applies.
MENU_TEXTS = {
    None: "&Default (from Tags and Verdict)",
    rules.NOW: "&At Once",
    rules.TWO_WEEKS: "Every 2 &Weeks",
    rules.MONTH: "&Monthly",
    rules.TWO_MONTHS: "Every 2 Mon&ths",
    rules.QUARTER: "&Quarterly",
    rules.HALF_YEAR: "Every &Half-Year",
    rules.YEAR: "&Yearly",
    rules.NEVER: "&Never",
}


def _people(ids: list[int], name: str | None) -> str:
    if len(ids) == 1 and name:
        return name
    return "1 contact" if len(ids) == 1 else f"{len(ids)} contacts"


class KeepInTouchOperations:
    """The undoable keep-in-touch writes of one view, on the window's undo stack."""

    def __init__(
        self,
        parent: QWidget,
        database: Callable[[], Database | None],
        stack: QUndoStack,
        changes: DataChanges,
    ) -> None:
        self._parent = parent
        self._database = database
        self._stack = stack
        self._changes = changes

    def set_cadence(
        self, contact_ids: Iterable[int], cadence: str | None, name: str | None = None
    ) -> bool:
        """Give the contacts their own cadence (None: back to their tags' and verdict's)."""
        from desktop_app.store import keep_in_touch as store

        database = self._database()
        ids = sorted(set(contact_ids))
        if database is None or not ids:
            return False
        who = _people(ids, name)
        if cadence is None:
            done = f"{who}: keep-in-touch cadence back to the default"
        else:
            done = f"{who}: keep in touch {rules.CADENCE_LABELS[cadence].lower()}"
        return push_write(
            self._stack,
            f"Change Cadence of {who}",
            partial(store.set_contact_cadence, database, ids, cadence),
            partial(store.restore_contact_cadence, database),
            self._changes.report,
            self._parent,
            done,
        )

    def snooze(
        self,
        contact_ids: Iterable[int],
        days: int,
        name: str | None = None,
        today: dt.date | None = None,
    ) -> bool:
        """Leave the contacts off the overdue list for ``days``."""
        from desktop_app.store import keep_in_touch as store

        database = self._database()
        ids = sorted(set(contact_ids))
        if database is None or not ids:
            return False
        until = rules.snooze_until(today or dt.date.today(), days)
        who = _people(ids, name)
        return push_write(
            self._stack,
            f"Snooze Keeping in Touch with {who}",
            partial(store.snooze_contacts, database, ids, until),
            partial(store.restore_snoozes, database),
            self._changes.report,
            self._parent,
            f"Snoozed keeping in touch with {who} until {format_date(until)}",
        )

    def wake(self, contact_ids: Iterable[int], name: str | None = None) -> bool:
        """End the contacts' snooze: they are due again by their cadence."""
        from desktop_app.store import keep_in_touch as store

        database = self._database()
        ids = sorted(set(contact_ids))
        if database is None or not ids:
            return False
        who = _people(ids, name)
        return push_write(
            self._stack,
            f"End Snooze of {who}",
            partial(store.unsnooze_contacts, database, ids),
            partial(store.restore_snoozes, database),
            self._changes.report,
            self._parent,
            f"{who}: keeping in touch no longer snoozed",
        )

    def cadence_menu(
        self,
        parent: QWidget,
        contact_ids: Callable[[], list[int]],
        current: str | None = None,
        name: Callable[[], str | None] = lambda: None,
        *,
        known: bool = True,
    ) -> QMenu:
        """ "Cadence": the default and every cadence, ``current`` checked (none when the
        contacts' own cadence is not ``known``), acting on the ids ``contact_ids`` answers."""
        cadences = QMenu("&Cadence", parent)
        cadences.setObjectName("cadenceMenu")
        group = QActionGroup(cadences)
        for code in CADENCE_MENU:
            action = cadences.addAction(MENU_TEXTS[code])
            action.setCheckable(True)
            action.setChecked(known and code == current)
            action.setData(code)
            group.addAction(action)
            action.triggered.connect(
                lambda _checked=False, code=code: self.set_cadence(contact_ids(), code, name())
            )
            if code is None:
                cadences.addSeparator()
        return cadences

    def menu(
        self,
        parent: QWidget,
        contact_ids: Callable[[], list[int]],
        current: str | None = None,
        name: Callable[[], str | None] = lambda: None,
    ) -> QMenu:
        """ "Keep in Touch" with the cadences (``current`` checked) and the snoozes, acting
        on the ids ``contact_ids`` answers when chosen."""
        menu = QMenu("&Keep in Touch", parent)
        menu.setObjectName("keepInTouchMenu")
        menu.addMenu(self.cadence_menu(menu, contact_ids, current, name))
        menu.addSeparator()
        for days, text, _said in SNOOZES:
            action = menu.addAction(text)
            action.setData(days)
            action.triggered.connect(
                lambda _checked=False, days=days: self.snooze(contact_ids(), days, name())
            )
        return menu
