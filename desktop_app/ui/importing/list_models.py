"""Small read-only table models for the preview's other tabs: columns, problems, people.

``ListTableModel`` shows a list of objects through one function per column, computed when
painted (so a status that changes, such as a row's action, is always current).
``JobChangesModel`` adds a check box per job change: ticked, the new company and title
are written; unticked, the merge keeps the old ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop_app.exchange.merging import JOB_FIELDS
from desktop_app.exchange.plan import MERGE
from desktop_app.ui.common.headers import column_title
from desktop_app.ui.importing import describe

if TYPE_CHECKING:
    from desktop_app.exchange.plan import PlanItem
    from desktop_app.store.importer import ImportPreview

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
JOB = frozenset(JOB_FIELDS)


class ListTableModel(QAbstractTableModel, Generic[T]):
    def __init__(
        self,
        headers: Sequence[str],
        cells: Sequence[Callable[[T], str]],
        objects: Sequence[T],
        parent: Any = None,
        *,
        right_aligned: Sequence[int] = (),
    ) -> None:
        super().__init__(parent)
        assert len(headers) == len(cells)
        self.headers = list(headers)
        self.cells = list(cells)
        self.objects = list(objects)
        self.right_aligned = frozenset(right_aligned)

    def object_at(self, row: int) -> T:
        return self.objects[row]

    def refresh(self) -> None:
        """Every cell may have changed (a decision made elsewhere): repaint."""
        if self.objects:
            last = self.index(len(self.objects) - 1, len(self.headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last, [Qt.ItemDataRole.DisplayRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """One row per object."""
        return 0 if parent.isValid() else len(self.objects)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """One column per header."""
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The column function's text; alignment for number columns."""
        if not index.isValid() or not 0 <= index.row() < len(self.objects):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cells[index.column()](self.objects[index.row()])
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cut-off cell
            return describe.tooltip(self.cells[index.column()](self.objects[index.row()]))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.right_aligned:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return column_title(self.headers, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable, read-only."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class JobChangesModel(ListTableModel["PlanItem"]):
    """Merges that give a known contact a new company or title, each with "apply" ticked."""

    decisions_changed = Signal(list)  # item indexes

    def __init__(
        self, preview: ImportPreview, item_indexes: Sequence[int], parent: Any = None
    ) -> None:
        changes = preview.changes
        items = [preview.plan.items[index] for index in item_indexes]

        def old(item: PlanItem) -> str:
            fields = {c.field: c.old for c in changes[item.index].fields}
            return describe.job(fields.get("title", item.record.title), fields.get("company", ""))

        def new(item: PlanItem) -> str:
            return describe.job(item.record.title, item.record.company)

        super().__init__(
            ("Update", "Name", "Was", "Now"),
            (lambda item: "", lambda item: item.record.name(), old, new),
            items,
            parent,
        )
        self.preview = preview
        self._rows = {item.index: row for row, item in enumerate(items)}

    def is_applied(self, item: PlanItem) -> bool:
        return item.action == MERGE and describe.is_job_change_accepted(item)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Adds the "apply" check box of the first column."""
        if (
            role == Qt.ItemDataRole.CheckStateRole
            and index.isValid()
            and index.column() == 0
            and 0 <= index.row() < len(self.objects)
        ):
            applied = self.is_applied(self.objects[index.row()])
            return Qt.CheckState.Checked if applied else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """The first column is a check box."""
        flags = super().flags(index)
        if index.isValid() and index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Tick: merge with the new job; untick: merge, keeping the old company and title."""
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != 0:
            return False
        item = self.objects[index.row()]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        self.set_applied([item], checked)
        return True

    def set_applied(self, items: Sequence[PlanItem], applied: bool) -> None:
        for item in items:
            if item.action != MERGE and item.exact is not None:
                item.merge_into(item.exact)
            fields = frozenset(c.field for c in self.preview.changes[item.index].fields)
            current = fields if item.accepted is None else item.accepted
            chosen = current | (fields & JOB) if applied else current - JOB
            item.accepted = None if chosen >= fields else chosen
        rows = [self._rows[item.index] for item in items]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), 0))
        self.decisions_changed.emit([item.index for item in items])
