"""Open follow-ups as a tree: four groups (overdue, today, this week, later), each
filled a page at a time as it is expanded and scrolled (a recruiter may owe thousands)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from desktop_app.ui.common import labels
from desktop_app.ui.common.headers import column_title
from desktop_app.ui.common.roles import CONTACT_ID_ROLE, GROUP_ROLE, ID_ROLE
from desktop_app.ui.common.widgets.plain_label import shortened
from desktop_app.ui.common.widgets.tooltips import plain_tooltip
from desktop_app.validation import MAX_FREE_TEXT

if TYPE_CHECKING:
    from desktop_app.store.reader import Reader
    from desktop_app.store.records import FollowUp

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_GROUP = 0  # internal id of group rows; follow-up rows carry their group's number + 1
COLUMNS = ("Contact", "Due", "After", "Company", "Notes")


class _Group:
    __slots__ = ("count", "items", "key")

    def __init__(self, key: str) -> None:
        self.key = key
        self.count = 0
        self.items: list[FollowUp] = []


class FollowUpTreeModel(QAbstractItemModel):
    PAGE = 200

    def __init__(self, parent=None) -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        from desktop_app.store.followups import GROUPS

        self.reader: Reader | None = None
        self.today = dt.date.today()
        self.groups = [_Group(key) for key in GROUPS]

    def set_reader(self, reader: Reader | None) -> None:
        self.reader = reader
        self.reload()

    def reload(self, today: dt.date | None = None) -> None:
        """Counts read again; each group's rows load again as they are shown."""
        from desktop_app.store.followups import followup_counts

        self.beginResetModel()
        self.today = today or dt.date.today()
        counts = followup_counts(self.reader, self.today) if self.reader else {}
        for group in self.groups:
            group.count = counts.get(group.key, 0)
            group.items = []
        self.endResetModel()

    def total(self, *keys: str) -> int:
        return sum(g.count for g in self.groups if not keys or g.key in keys)

    def followup(self, index: Index) -> FollowUp | None:
        if not index.isValid() or index.internalId() == _GROUP:
            return None
        items = self.groups[index.internalId() - 1].items
        return items[index.row()] if index.row() < len(items) else None

    def group_index(self, key: str) -> QModelIndex:
        row = next(i for i, g in enumerate(self.groups) if g.key == key)
        return self.index(row, 0)

    # -- Qt model interface ----------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        """Groups at the top level, follow-ups under them."""
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, _GROUP)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        """A follow-up's group; nothing above a group."""
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _GROUP)

    def rowCount(self, parent: Index = _ROOT) -> int:
        """Four groups; under each, the follow-ups loaded so far."""
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == _GROUP and parent.column() == 0:
            return len(self.groups[parent.row()].items)
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        """Contact, due date, what it follows, company, notes."""
        return len(COLUMNS)

    def hasChildren(self, parent: Index = _ROOT) -> bool:
        """A group with follow-ups has children, loaded or not yet."""
        if not parent.isValid():
            return True
        if parent.internalId() == _GROUP and parent.column() == 0:
            return self.groups[parent.row()].count > 0
        return False

    def canFetchMore(self, parent: Index) -> bool:
        """More follow-ups of a group wait to be read."""
        if not parent.isValid() or parent.internalId() != _GROUP:
            return False
        group = self.groups[parent.row()]
        return len(group.items) < group.count

    def fetchMore(self, parent: Index) -> None:
        """Read the group's next page of follow-ups."""
        from desktop_app.store.followups import followups_in_group

        if not self.canFetchMore(parent) or self.reader is None:
            return
        group = self.groups[parent.row()]
        found = followups_in_group(
            self.reader, group.key, self.today, offset=len(group.items), limit=self.PAGE
        )
        if not found:
            group.count = len(group.items)  # fewer than counted (changed meanwhile)
            return
        first = len(group.items)
        self.beginInsertRows(parent, first, first + len(found) - 1)
        group.items.extend(found)
        self.endInsertRows()

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Follow-ups are selectable; groups only enabled."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == _GROUP:
            return Qt.ItemFlag.ItemIsEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return column_title(COLUMNS, section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Group titles with their counts; each follow-up's contact, date, kind, notes."""
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(self.groups[index.row()], index.column(), role)
        item = self.followup(index)
        if item is None:
            return None
        if role == ID_ROLE:  # the interaction that is the follow-up
            return item.interaction_id
        if role == CONTACT_ID_ROLE:
            return item.contact_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                item.contact_name,
                labels.format_date(item.due),
                labels.INTERACTION_KIND.get(item.kind, item.kind)
                + f", {labels.format_date(item.occurred_on)}",
                item.company,
                shortened(item.notes.strip().replace("\n", " "), MAX_FREE_TEXT + 1),
            )[index.column()]
        return None

    def _group_data(self, group: _Group, column: int, role: int) -> Any:
        if role == GROUP_ROLE:
            return group.key
        if column != 0:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{labels.FOLLOWUP_GROUP[group.key]} · {group.count:,}"
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        return None
