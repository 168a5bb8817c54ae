"""The rows of an import plan as a table model, with filters, for 100,000 rows and more.

The model holds the plan (already in memory: it is what will be written) and a list of
the item indexes the current filter shows. Cells are computed when painted, so a large
file costs nothing until the user scrolls.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from desktop_app.exchange.plan import CREATE, MERGE, SKIP
from desktop_app.ui.common.headers import column_title
from desktop_app.ui.common.roles import ID_ROLE
from desktop_app.ui.importing import describe

if TYPE_CHECKING:
    from desktop_app.exchange.plan import PlanItem
    from desktop_app.store.importer import ImportPreview

Index = QModelIndex | QPersistentModelIndex

LINE, NAME, COMPANY, TITLE, EMAIL, ACTION, KNOWN_AS, CHANGES = range(8)
HEADERS = (
    "Line",
    "Name",
    "Company",
    "Job title",
    "E-mail",
    "Action",
    "Already known as",
    "Changes",
)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# The columns whose text depends on the chosen action.
DECISION_COLUMNS = (ACTION, KNOWN_AS, CHANGES)

FILTERS: tuple[tuple[str, str], ...] = (
    ("all", "All rows"),
    ("review", "Possible matches to review"),
    ("merge", "Merges"),
    ("jobs", "Job changes"),
    ("create", "New contacts"),
    ("skip", "Skipped"),
)


class ImportPlanModel(QAbstractTableModel):
    """Plan items as rows; ``set_filter`` chooses which."""

    def __init__(self, preview: ImportPreview, parent: Any = None) -> None:
        super().__init__(parent)
        self.preview = preview
        self.items = preview.plan.items
        self.filter_key = "all"
        self._rows: list[int] = list(range(len(self.items)))
        self._skip_colour = QApplication.palette().color(
            QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
        )

    # -- content -----------------------------------------------------------------------
    def _accepts(self, key: str) -> Callable[[PlanItem], bool]:
        changes = self.preview.changes
        tests: dict[str, Callable[[PlanItem], bool]] = {
            "all": lambda item: True,
            "review": lambda item: bool(item.suggestions) and item.action != MERGE,
            "merge": lambda item: item.action == MERGE,
            "jobs": lambda item: (
                item.action == MERGE and item.index in changes and changes[item.index].job_change
            ),
            "create": lambda item: item.action == CREATE,
            "skip": lambda item: item.action == SKIP,
        }
        return tests[key]

    def set_filter(self, key: str) -> None:
        """Show the rows of filter ``key`` (see ``FILTERS``)."""
        accepts = self._accepts(key)
        self.beginResetModel()
        self.filter_key = key
        if key == "all":
            self._rows = list(range(len(self.items)))
        else:
            self._rows = [item.index for item in self.items if accepts(item)]
        self.endResetModel()

    def item(self, row: int) -> PlanItem:
        return self.items[self._rows[row]]

    def item_indexes(self, rows: Iterable[int]) -> list[int]:
        return [self._rows[row] for row in rows]

    def row_of(self, item_index: int) -> int | None:
        try:
            return self._rows.index(item_index)
        except ValueError:
            return None

    def decisions_changed(self, item_indexes: Iterable[int]) -> None:
        """Items whose action changed: their rows repaint (the filter is not re-applied,
        so rows do not jump away under the user's eyes)."""
        wanted = set(item_indexes)
        if not wanted or not self._rows:
            return
        rows = [row for row, index in enumerate(self._rows) if index in wanted]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), DECISION_COLUMNS[0]),
                self.index(max(rows), DECISION_COLUMNS[-1]),
                [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole],
            )

    # -- Qt model interface --------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        """One row per plan item the filter shows."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        """The columns of ``HEADERS``."""
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, the item index, alignment, a grey for skipped rows, full tooltips."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self.items[self._rows[index.row()]]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column)
        if role == ID_ROLE:
            return item.index
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LINE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and item.action == SKIP:
            return self._skip_colour
        if role == Qt.ItemDataRole.ToolTipRole:
            if column != KNOWN_AS:
                return describe.tooltip(self._text(item, column))
            matches = ([item.exact] if item.exact else []) + item.suggestions
            return describe.tooltip(
                "\n".join(describe.match_text(self.preview, m) for m in matches)
            )
        return None

    def _text(self, item: PlanItem, column: int) -> str:
        record = item.record
        if column == LINE:
            return str(record.line)
        if column == NAME:
            return record.name()
        if column == COMPANY:
            return record.company
        if column == TITLE:
            return record.title
        if column == EMAIL:
            return record.emails[0].value if record.emails else ""
        if column == ACTION:
            return describe.ACTION_WORDS[item.action]
        if column == KNOWN_AS:
            return describe.match_column(self.preview, item)
        return describe.changes_column(item, self.preview.changes.get(item.index))

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        return column_title(HEADERS, section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable; decisions are made with the buttons and the detail pane."""
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags
