"""The people of an evidence import, as the preview lists them: the contacts they were
matched to, and the strangers (not contacts), each with a box ticked to create them.

Strangers are skipped unless ticked; the ticks are kept by identity when the plan is made
again (another owner, other choices), so a decision survives a re-reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop_app.ui.common.headers import column_title

Index = QModelIndex | QPersistentModelIndex
HEADERS = ("Name", "Profile or e-mail", "Interactions", "In NetWise")
NAME, ADDRESS, COUNT, STATUS = range(4)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True, slots=True)
class PersonRow:
    identity: str
    name: str
    address: str  # their profile address or e-mail
    interactions: int  # the interactions with them (a calendar's: meetings and events)
    status: str  # "a contact", "a new connection", "not a contact"
    stranger: bool


class EvidencePeopleModel(QAbstractTableModel):
    """People as rows; a stranger's name cell has a box: ticked, they become a contact."""

    choices_changed = Signal()

    def __init__(self, parent: Any = None, *, counted: str = "Interactions") -> None:
        super().__init__(parent)
        self.headers = (*HEADERS[:COUNT], counted, *HEADERS[COUNT + 1 :])
        self.rows: list[PersonRow] = []
        self.to_create: set[str] = set()

    def set_rows(self, rows: Iterable[PersonRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        strangers = {row.identity for row in self.rows if row.stranger}
        self.to_create &= strangers
        self.endResetModel()

    @property
    def strangers(self) -> list[PersonRow]:
        return [row for row in self.rows if row.stranger]

    def create_all(self, create: bool) -> None:
        """Tick (or untick) every stranger."""
        self.to_create = {row.identity for row in self.strangers} if create else set()
        if self.rows:
            self.dataChanged.emit(
                self.index(0, NAME),
                self.index(len(self.rows) - 1, STATUS),
                [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DisplayRole],
            )
        self.choices_changed.emit()

    def row_named(self, name: str) -> int:
        return next(number for number, row in enumerate(self.rows) if row.name == name)

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """One row per person."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """The columns of ``HEADERS``."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The person's cells; a box to create a stranger."""
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == NAME and row.stranger:
            created = row.identity in self.to_create
            return Qt.CheckState.Checked if created else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: PersonRow, column: int) -> str:
        if column == NAME:
            return row.name
        if column == ADDRESS:
            return row.address
        if column == COUNT:
            return f"{row.interactions:,}"
        if row.stranger:
            created = row.identity in self.to_create
            return "not a contact: to create" if created else "not a contact: skipped"
        return row.status

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Tick or untick a stranger."""
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != NAME:
            return False
        row = self.rows[index.row()]
        if not row.stranger:
            return False
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.to_create.add(row.identity)
        else:
            self.to_create.discard(row.identity)
        self.dataChanged.emit(
            self.index(index.row(), NAME),
            self.index(index.row(), STATUS),
            [Qt.ItemDataRole.CheckStateRole, Qt.ItemDataRole.DisplayRole],
        )
        self.choices_changed.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return column_title(self.headers, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """A stranger's name is checkable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == NAME and self.rows[index.row()].stranger:
            return ROW_FLAGS | Qt.ItemFlag.ItemIsUserCheckable
        return ROW_FLAGS
