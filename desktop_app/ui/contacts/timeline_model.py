"""A contact's interactions as a small table model: the timeline and the open follow-ups.

A contact may have hundreds of interactions; a model lets the view paint only what shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui import labels

if TYPE_CHECKING:
    from desktop_app.store.records import InteractionRecord

INTERACTION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


@dataclass(frozen=True)
class RecordColumn:
    title: str
    text: Callable[[InteractionRecord], str]
    key: Callable[[InteractionRecord], Any]


def _help(value: str) -> str:
    return "" if value == "none" else labels.HELP[value]


def _reply(record: InteractionRecord) -> str:
    return "" if record.reply_status == "none" else labels.REPLY[record.reply_status]


def _followup(record: InteractionRecord) -> str:
    if record.followup_due is None:
        return ""
    done = " (done)" if record.followup_done_at else ""
    return labels.format_date(record.followup_due) + done


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


TIMELINE_COLUMNS = (
    RecordColumn("Date", lambda r: labels.format_date(r.occurred_on), lambda r: r.occurred_on),
    RecordColumn("Kind", lambda r: labels.INTERACTION_KIND[r.kind], lambda r: r.kind),
    RecordColumn("Initiated", lambda r: labels.INITIATOR[r.initiated_by], lambda r: r.initiated_by),
    RecordColumn("Reply", _reply, lambda r: r.reply_status),
    RecordColumn("Help given", lambda r: _help(r.help_given), lambda r: r.help_given),
    RecordColumn("Help received", lambda r: _help(r.help_received), lambda r: r.help_received),
    RecordColumn(
        "Time", lambda r: labels.format_minutes(r.minutes) if r.minutes else "", lambda r: r.minutes
    ),
    RecordColumn("Follow-up", _followup, lambda r: r.followup_due),
    RecordColumn("Notes", lambda r: _first_line(r.notes), lambda r: r.notes),
)
FOLLOWUP_COLUMNS = (
    RecordColumn("Due", lambda r: labels.format_date(r.followup_due), lambda r: r.followup_due),
    RecordColumn("After", lambda r: labels.INTERACTION_KIND[r.kind], lambda r: r.kind),
    RecordColumn("On", lambda r: labels.format_date(r.occurred_on), lambda r: r.occurred_on),
    RecordColumn("Notes", lambda r: _first_line(r.notes), lambda r: r.notes),
)


class InteractionListModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[RecordColumn], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: list[InteractionRecord] = []

    def set_records(self, records: Sequence[InteractionRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def record(self, row: int) -> InteractionRecord | None:
        return self._records[row] if 0 <= row < len(self._records) else None

    def rowCount(self, parent: Index = _ROOT) -> int:
        """One row per interaction."""
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = _ROOT) -> int:
        """One per ``RecordColumn``."""
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable, read-only rows without children."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.columns)
        ):
            return self.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text, the whole notes as tooltip, the id and a comparable sort value."""
        if not index.isValid() or not 0 <= index.row() < len(self._records):
            return None
        record = self._records[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(record)
        if role == Qt.ItemDataRole.ToolTipRole:
            return record.notes.strip() or column.text(record)
        if role == INTERACTION_ID_ROLE:
            return record.id
        if role == SORT_ROLE:
            return column.key(record)
        return None
