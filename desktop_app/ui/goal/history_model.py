"""The versions of the goal, newest first, as a list model."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from desktop_app.ui.common.dates import format_day
from desktop_app.ui.common.roles import ACTIVE_ROLE, ID_ROLE

if TYPE_CHECKING:
    from desktop_app.store.goals import VersionSummary


_Index = QModelIndex | QPersistentModelIndex


class VersionListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._versions: list[VersionSummary] = []

    def set_versions(self, versions: Sequence[VersionSummary]) -> None:
        self.beginResetModel()
        self._versions = list(versions)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        """Versions at the top level only."""
        return 0 if parent.isValid() else len(self._versions)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Label, statement as tooltip, goal id and whether it is active."""
        if not index.isValid() or not 0 <= index.row() < len(self._versions):
            return None
        version = self._versions[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            active = " (active)" if version.is_active else ""
            return f"Version {version.version} · {format_day(version.created_at)}{active}"
        if role == Qt.ItemDataRole.ToolTipRole:
            # Tool tips that look like markup are rendered as such: escape the user's text.
            return f"<p>{html.escape(version.statement)}</p>"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return version.statement
        if role == ID_ROLE:
            return version.goal_id
        if role == ACTIVE_ROLE:
            return version.is_active
        return None

    def row_of(self, goal_id: int) -> int:
        return next((row for row, v in enumerate(self._versions) if v.goal_id == goal_id), -1)
