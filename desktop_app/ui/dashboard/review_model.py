"""The review as a tree: reason groups, each with its contacts (and how many more).

Group rows show the group's title and size; contact rows the name, company, alignment
and the deciding reason. Roles give the contact id and every reason, whatever the column.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui.common.roles import CONTACT_ID_ROLE, FLAG_ROLE, REASONS_ROLE, SORT_ROLE
from desktop_app.ui.common.widgets.tooltips import plain_tooltip

if TYPE_CHECKING:
    from desktop_app.insights.review import ReviewEntry, ReviewGroup


NAME, COMPANY, ALIGNMENT, REASON = range(4)
HEADERS = ("Contact", "Company", "Alignment", "Why")
_GROUP = 0  # internal id of group rows; contact rows carry their group's row + 1

Index = QModelIndex | QPersistentModelIndex


class ReviewModel(QAbstractItemModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.groups: tuple[ReviewGroup, ...] = ()
        self.reasons: dict[int, tuple[str, ...]] = {}

    def set_review(
        self, groups: tuple[ReviewGroup, ...], reasons: dict[int, tuple[str, ...]]
    ) -> None:
        self.beginResetModel()
        self.groups, self.reasons = groups, reasons
        self.endResetModel()

    # -- structure ---------------------------------------------------------------------
    def _children(self, group: ReviewGroup) -> int:
        """Its entries, and a row saying how many more there are when not all were read."""
        return len(group.entries) + (1 if group.total > len(group.entries) else 0)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return self._children(self.groups[parent.row()])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return len(HEADERS)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.entry(index) is None and index.internalId() != _GROUP:
            # "N more": chosen with Enter or a double-click, it opens the Contacts page.
            return (
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren
            )
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.internalId() != _GROUP:
            flags |= Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    # -- content -----------------------------------------------------------------------
    def group(self, index: Index) -> ReviewGroup | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == _GROUP else index.internalId() - 1
        return self.groups[row] if 0 <= row < len(self.groups) else None

    def entry(self, index: Index) -> ReviewEntry | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        group = self.group(index)
        if group is None or index.row() >= len(group.entries):
            return None
        return group.entries[index.row()]

    def entry_reasons(self, entry: ReviewEntry) -> tuple[str, ...]:
        return self.reasons.get(entry.contact_id) or entry.reasons

    def why(self, entry: ReviewEntry) -> str:
        """The contact's own reason: the first one that is not its group's advice."""
        reasons = self.entry_reasons(entry)
        return next((r for r in reasons if r not in entry.reasons), reasons[0] if reasons else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self.group(index)
        if group is None:
            return None
        if index.internalId() == _GROUP:
            return self._group_data(group, index.column(), role)
        entry = self.entry(index)
        if entry is None:  # the "more" row
            if role == Qt.ItemDataRole.DisplayRole and index.column() == NAME:
                more = group.total - len(group.entries)
                return f"… and {more:,} more (Contacts page, verdict {entry_label(group)})"
            return None
        return self._entry_data(entry, index.column(), role)

    def _group_data(self, group: ReviewGroup, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:  # spans the row: the title, its size and what to do
                _reason, _stop, to_do = group.advice.partition(". ")
                return f"{group.title} ({group.total:,})" + (f" — {to_do}" if to_do else "")
            if column == REASON:
                return group.advice
            return None
        if role in (Qt.ItemDataRole.ToolTipRole, REASONS_ROLE):
            return group.advice if role == Qt.ItemDataRole.ToolTipRole else (group.advice,)
        if role == SORT_ROLE:
            return group.title
        return None

    def _entry_data(self, entry: ReviewEntry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return entry.name
            if column == COMPANY:
                return entry.company
            if column == ALIGNMENT:
                return f"{entry.alignment}"
            if column == REASON:
                return self.why(entry)
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip("\n".join(self.entry_reasons(entry)))
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ALIGNMENT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CONTACT_ID_ROLE:
            return entry.contact_id
        if role == REASONS_ROLE:
            return self.entry_reasons(entry)
        if role == FLAG_ROLE:
            return entry.basis
        if role == SORT_ROLE:
            return entry.alignment if column == ALIGNMENT else entry.name.casefold()
        return None

    def index_of(self, contact_id: int) -> QModelIndex:
        """The contact's row (column 0), or an invalid index if the review does not list it."""
        for row, group in enumerate(self.groups):
            for place, entry in enumerate(group.entries):
                if entry.contact_id == contact_id:
                    return self.index(place, 0, self.index(row, 0))
        return QModelIndex()


def entry_label(group: ReviewGroup) -> str:
    from desktop_app.insights.verdicts import VERDICT_LABELS

    return VERDICT_LABELS[group.verdict]
