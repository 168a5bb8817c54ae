"""A contact's interactions as a small table model: the timeline and the open follow-ups.

A contact may have hundreds of interactions; a model lets the view paint only what shows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui.common import labels
from desktop_app.ui.common.headers import column_title
from desktop_app.ui.common.roles import ID_ROLE, SORT_ROLE
from desktop_app.ui.common.widgets.plain_label import shortened
from desktop_app.ui.common.widgets.tooltips import plain_tooltip
from desktop_app.validation import MAX_FREE_TEXT

if TYPE_CHECKING:
    from desktop_app.store.records import InteractionRecord

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_HANDLED = frozenset({_DISPLAY, _TOOLTIP, int(ID_ROLE), int(SORT_ROLE)})
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


@dataclass(frozen=True)
class RecordColumn:
    title: str
    text: Callable[[InteractionRecord], str]
    key: Callable[[InteractionRecord], Any]
    sample: str = ""  # the widest text it usually holds, to size the column by


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
    """The note's first line, cut where a note ends now (one stored before fields had
    limits may run to millions of characters, which a cell takes seconds to elide)."""
    lines = text.strip().splitlines()
    return shortened(lines[0], MAX_FREE_TEXT + 1) if lines else ""


DATE_SAMPLE = "30 Sep 2026"
TIMELINE_COLUMNS = (
    RecordColumn(
        "Date", lambda r: labels.format_date(r.occurred_on), lambda r: r.occurred_on, DATE_SAMPLE
    ),
    RecordColumn(
        "Kind", lambda r: labels.INTERACTION_KIND[r.kind], lambda r: r.kind, "Outreach message"
    ),
    RecordColumn(
        "Initiated",
        lambda r: labels.INITIATOR[r.initiated_by],
        lambda r: r.initiated_by,
        "They did",
    ),
    RecordColumn("Reply", _reply, lambda r: r.reply_status, "Unanswered"),
    RecordColumn("Help given", lambda r: _help(r.help_given), lambda r: r.help_given, "Help given"),
    RecordColumn(
        "Help received",
        lambda r: _help(r.help_received),
        lambda r: r.help_received,
        "Help received",
    ),
    RecordColumn(
        "Time",
        lambda r: labels.format_minutes(r.minutes) if r.minutes else "",
        lambda r: r.minutes,
        "1 h 30 min",
    ),
    RecordColumn("Follow-up", _followup, lambda r: r.followup_due, "30 Sep 2026 (done)"),
    RecordColumn("Notes", lambda r: _first_line(r.notes), lambda r: r.notes),
)
FOLLOWUP_COLUMNS = (
    RecordColumn(
        "Due", lambda r: labels.format_date(r.followup_due), lambda r: r.followup_due, DATE_SAMPLE
    ),
    RecordColumn(
        "After", lambda r: labels.INTERACTION_KIND[r.kind], lambda r: r.kind, "Outreach message"
    ),
    RecordColumn(
        "On", lambda r: labels.format_date(r.occurred_on), lambda r: r.occurred_on, DATE_SAMPLE
    ),
    RecordColumn("Notes", lambda r: _first_line(r.notes), lambda r: r.notes),
)


class InteractionListModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[RecordColumn], parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.columns = tuple(columns)
        self._records: list[InteractionRecord] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # row → its cells, made when first shown

    def set_records(self, records: Sequence[InteractionRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._texts = {}
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
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return column_title([column.title for column in self.columns], section, orientation, role)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        """Text, the whole notes as tooltip, the id and a comparable sort value."""
        if role not in _HANDLED:
            return None
        row = index.row()
        if not 0 <= row < len(self._records) or not index.isValid():
            return None
        record = self._records[row]
        if role == ID_ROLE:
            return record.id
        if role == SORT_ROLE:
            return self.columns[index.column()].key(record)
        texts = self._texts.get(row)
        if texts is None:
            texts = self._texts[row] = tuple(c.text(record) for c in self.columns)
        if role == _TOOLTIP:
            return plain_tooltip(record.notes.strip() or texts[index.column()])
        return texts[index.column()]
