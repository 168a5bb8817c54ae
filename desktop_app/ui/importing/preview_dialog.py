"""The import preview: what the file holds, what it matches, and what the user decides.

Nothing is written here. The dialog changes the plan's items (create, merge into which
match, skip, which changes of a merge to accept); when the user chooses Import, the flow
applies the plan as it then stands, in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.exchange.plan import MERGE
from desktop_app.ui.importing import describe
from desktop_app.ui.importing.decision import DecisionPane, plain_label
from desktop_app.ui.importing.plan_model import FILTERS, ImportPlanModel
from desktop_app.ui.importing.tabs import (
    RowsOrEmptyState,
    changes_tab,
    columns_tab,
    import_buttons,
    problems_tab,
    table_view,
)
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.exchange.matching import Match
    from desktop_app.exchange.merging import ContactChanges
    from desktop_app.exchange.plan import PlanItem
    from desktop_app.exchange.records import ParsedFile
    from desktop_app.store.importer import ImportPreview

# item list → the changes of merging each into the contact it now names (a store read)
LoadChanges = Callable[[list["PlanItem"]], dict[int, "ContactChanges"]]
COLUMN_WIDTHS = (50, 150, 140, 150, 150, 85, 310)


class ImportPreviewDialog(QDialog):
    def __init__(
        self,
        preview: ImportPreview,
        parsed: ParsedFile,
        format_label: str,
        load_changes: LoadChanges,
        parent: QWidget | None = None,
        lists: describe.PreviewLists | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewDialog")
        self.setWindowTitle(f"Import “{Path(parsed.source).name}”")
        self.preview = preview
        self.plan = preview.plan
        self._load_changes = load_changes
        self.model = ImportPlanModel(preview, self)
        self.decision = DecisionPane(preview, self.choose, self)
        self.decision.decided.connect(self._after)

        self.header = plain_label(self._header_text(parsed, format_label))
        self.header.setObjectName("previewHeader")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("previewTabs")
        self.tabs.addTab(self._rows_tab(), f"Rows ({len(self.plan.items):,})")
        columns, self.columns_model = columns_tab(parsed)
        self.tabs.addTab(columns, "Columns")
        problems, self.problems_model = problems_tab(self.plan.problems)
        self.tabs.addTab(problems, f"Problems ({len(self.plan.problems):,})")
        lists = lists or describe.preview_lists(preview)
        summary, self.jobs_model, self.people_model = changes_tab(preview, lists)
        self.jobs_model.decisions_changed.connect(self._after)
        self.tabs.addTab(summary, f"Job changes and new people ({len(self.jobs_model.objects):,})")

        self.summary = plain_label()
        self.summary.setObjectName("planSummary")
        self.buttons, self.import_button = import_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1240, 740)
        self.summary.setText(lists.summary)
        self.import_button.setEnabled(bool(self.plan.items))
        if self.model.rowCount():
            self.table.selectRow(0)

    @staticmethod
    def _header_text(parsed: ParsedFile, format_label: str) -> str:
        problems = f", {count_of(len(parsed.problems), 'problem')}" if parsed.problems else ""
        return (
            f"“{Path(parsed.source).name}” — {format_label}, {parsed.encoding}: "
            f"{count_of(len(parsed.records), 'person', 'people')}{problems}. "
            "Same e-mail or profile address = same person (merged); a similar name at the "
            "same company is only a possible match, for you to decide. Nothing is written "
            "until you choose Import."
        )

    def _rows_tab(self) -> QWidget:
        page = QWidget()
        self.filter = QComboBox()
        self.filter.setObjectName("rowFilter")
        self.filter.setAccessibleName("Which rows")
        for key, label in FILTERS:
            self.filter.addItem(label, key)
        self.filter.currentIndexChanged.connect(self._on_filter)
        self.create_button = QPushButton("&New Contact")
        self.merge_button = QPushButton("&Merge")
        self.skip_button = QPushButton("&Skip")
        self.create_button.setToolTip("Create the selected rows as new contacts")
        self.merge_button.setToolTip(
            "Merge the selected rows into their match (a possible match: the best one)"
        )
        self.skip_button.setToolTip("Leave the selected rows out of the import")
        for button, action in (
            (self.create_button, "create"),
            (self.merge_button, "merge"),
            (self.skip_button, "skip"),
        ):
            button.setObjectName(f"bulk_{action}")
            button.clicked.connect(lambda _c=False, a=action: self.choose_selected(a))
        self.selection_label = QLabel()
        self.selection_label.setObjectName("selectionLabel")
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Show:"))
        bar.addWidget(self.filter)
        bar.addStretch(1)
        bar.addWidget(self.selection_label)
        bar.addWidget(QLabel("Selected rows:"))
        for button in (self.create_button, self.merge_button, self.skip_button):
            bar.addWidget(button)

        self.table = table_view(self.model, "importRowsTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAccessibleName("Rows to import")
        for column, width in enumerate(COLUMN_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._on_current())
        for keys, action in (("Ctrl+Shift+N", "create"), ("Ctrl+M", "merge"), ("Del", "skip")):
            shortcut = QShortcut(QKeySequence(keys), self.table)
            shortcut.activated.connect(lambda a=action: self.choose_selected(a))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("previewSplitter")
        self.rows_area = RowsOrEmptyState(self.table)
        self.rows_area.show_all.connect(lambda: self.filter.setCurrentIndex(0))
        splitter.addWidget(self.rows_area)
        splitter.addWidget(self.decision)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([440, 200])
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(splitter, 1)
        return page

    # -- decisions ---------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        """The selected rows, from the selection's ranges: ``selectedRows()`` asks the model
        for the flags of every cell, which takes seconds over 100,000 rows."""
        rows: set[int] = set()
        for selected in self.table.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def selected_items(self) -> list[PlanItem]:
        return [self.model.item(row) for row in self.selected_rows()]

    def choose_selected(self, action: str) -> None:
        self.choose(self.selected_items(), action)

    def choose(self, items: Sequence[PlanItem], action: str, match: Match | None = None) -> None:
        """Create, skip or merge ``items`` (into ``match``, or each into its best match)."""
        changed, reread = [], []
        for item in items:
            if action == "create":
                item.create()
            elif action == "skip":
                item.skip()
            else:
                target = match or item.exact or (item.suggestions[0] if item.suggestions else None)
                if target is None:  # nothing known to merge into: left as it is
                    continue
                before = (item.contact_id, item.action)
                item.merge_into(target)
                if before != (item.contact_id, MERGE) or item.index not in self.preview.changes:
                    item.accepted = None
                    if target.contact_id is not None:
                        reread.append(item)
            changed.append(item.index)
        if reread:
            self.preview.changes.update(self._load_changes(reread))
        self._after(changed)

    def _after(self, changed: list[int]) -> None:
        """Repaint what a decision changed: rows, the detail, the summary."""
        self.model.decisions_changed(changed)
        self.jobs_model.refresh()
        self.people_model.refresh()
        current = self.decision.item
        if current is not None and current.index in changed:
            self.decision.show_item(current)
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        self.summary.setText(describe.plan_summary(self.plan))
        self.import_button.setEnabled(any(item.action != "skip" for item in self.plan.items))

    # -- view --------------------------------------------------------------------------
    def _on_filter(self) -> None:
        current = self.decision.item
        self.model.set_filter(self.filter.currentData())
        self.rows_area.show_rows(self.filter.currentData(), self.model.rowCount())
        row = self.model.row_of(current.index) if current is not None else None
        if row is None and self.model.rowCount():
            row = 0
        if row is not None:
            self.select_row(row)
        else:
            self.decision.show_item(None)
        self._on_selection()

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_current(self) -> None:
        index = self.table.currentIndex()
        self.decision.show_item(self.model.item(index.row()) if index.isValid() else None)

    def _on_selection(self) -> None:
        count = len(self.selected_rows())
        self.selection_label.setText(f"{count:,} selected" if count > 1 else "")
        for button in (self.create_button, self.merge_button, self.skip_button):
            button.setEnabled(count > 0)
