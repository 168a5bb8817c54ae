"""Follow-up actions shared by the contact detail pane and the Follow-ups page:
mark done, snooze a week, reschedule — each undoable, each announced as a change."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common.changes import DataChanges
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.undo import push_write

if TYPE_CHECKING:
    from desktop_app.store.changes import Written
    from desktop_app.store.database import Database
    from desktop_app.store.interactions import FollowUpState

SNOOZE_DAYS = 7
ACTION_TEXT = {
    "done": "Mark Follow-up Done",
    "snooze": "Snooze Follow-up",
    "reschedule": "Reschedule",
}


def ask_date(parent: QWidget | None, title: str, initial: dt.date) -> dt.date | None:
    """A date chosen on a calendar, or None if the user cancels."""
    dialog = QDialog(parent)
    dialog.setObjectName("dateDialog")
    dialog.setWindowTitle(title)
    calendar = QCalendarWidget(dialog)
    calendar.setObjectName("calendar")
    calendar.setSelectedDate(QDate(initial.year, initial.month, initial.day))
    calendar.setGridVisible(True)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    calendar.activated.connect(lambda _date: dialog.accept())
    layout = QVBoxLayout(dialog)
    layout.addWidget(calendar)
    layout.addWidget(buttons)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    if not accepted:
        return None
    chosen = calendar.selectedDate()
    return dt.date(chosen.year(), chosen.month(), chosen.day())


def run_followup_action(
    parent: QWidget,
    database: Database,
    stack: QUndoStack,
    changes: DataChanges,
    key: str,
    interaction_ids: Iterable[int],
) -> bool:
    """Do ``key`` ("done", "snooze", "reschedule") to the follow-ups; returns whether done."""
    from desktop_app.store import interactions as writes

    ids = sorted(set(interaction_ids))
    if not ids:
        return False
    forward: Callable[[], Written[FollowUpState]]
    followups = "a follow-up" if len(ids) == 1 else f"{len(ids)} follow-ups"
    if key == "done":
        forward = partial(writes.mark_followups_done, database, ids)
        done = f"Marked {followups} done"
    elif key == "snooze":
        forward = partial(writes.snooze_followups, database, ids, SNOOZE_DAYS)
        done = f"Snoozed {followups} for a week"
    elif key == "reschedule":
        due = ask_date(parent, "Reschedule Follow-up", dt.date.today() + dt.timedelta(days=1))
        if due is None:
            return False
        forward = partial(writes.reschedule_followups, database, ids, due)
        done = f"Rescheduled {followups} to {format_date(due)}"
    else:
        raise ValueError(key)
    count = f" ({len(ids)})" if len(ids) > 1 else ""
    return push_write(
        stack,
        ACTION_TEXT[key] + count,
        forward,
        lambda previous: writes.restore_followups(database, previous),
        changes.report,
        parent,
        done,
    )
