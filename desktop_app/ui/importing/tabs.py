"""The preview's secondary tabs: the column mapping, the problems, and the re-import summary
(job changes worth a congratulation, new connections)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common.dates import format_day
from desktop_app.ui.common.widgets.empty_state import EmptyState
from desktop_app.ui.importing import describe
from desktop_app.ui.importing.decision import plain_label
from desktop_app.ui.importing.list_models import JobChangesModel, ListTableModel
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.exchange.plan import PlanItem
    from desktop_app.exchange.records import ColumnMapping, ParsedFile, Problem
    from desktop_app.store.importer import ImportPreview
    from desktop_app.ui.importing.describe import PreviewLists


def table_view(model, name: str) -> QTableView:  # type: ignore[no-untyped-def]
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.horizontalHeader().setStretchLastSection(True)
    # The header asks its selection model whether each column is wholly selected as it
    # paints, which calls the model for every row: seconds after "select all" over
    # 100,000 rows. Rows are what is selected here, so the header gets a selection of
    # its own, always empty.
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    header.setSelectionModel(QItemSelectionModel(model, view))
    return view


def columns_tab(parsed: ParsedFile) -> tuple[QWidget, ListTableModel[ColumnMapping]]:
    page = QWidget()
    layout = QVBoxLayout(page)
    if parsed.columns:
        where = f" (the header is on line {parsed.header_line})" if parsed.header_line else ""
        layout.addWidget(
            plain_label(
                f"What each column of the file fills in NetWise{where}. Columns not "
                "imported are left out."
            )
        )
    else:
        layout.addWidget(
            plain_label(
                "A vCard names its fields itself: names, organisation and title, "
                "e-mail addresses, phone numbers, notes and categories are imported."
            )
        )
    model: ListTableModel[ColumnMapping] = ListTableModel(
        ("Column in the file", "Fills in NetWise"),
        (lambda c: c.header, lambda c: describe.field_label(c.field)),
        parsed.columns,
        page,
    )
    view = table_view(model, "columnsTable")
    view.setColumnWidth(0, 260)
    layout.addWidget(view, 1)
    return page, model


def problems_tab(problems: list[Problem]) -> tuple[QWidget, ListTableModel[Problem]]:
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(
        plain_label(
            f"{count_of(len(problems), 'row')} of the file could not be read whole. "
            "Rows without a name, or with a value NetWise does not keep (too long, a "
            "control character, bytes that are not text), are left out, each with its "
            "reason; values that are not valid are left empty."
            if problems
            else "Every row of the file was read."
        )
    )
    model: ListTableModel[Problem] = ListTableModel(
        ("Line", "Problem"),
        (lambda p: str(p.line), lambda p: p.message),
        problems,
        page,
        right_aligned=(0,),
    )
    view = table_view(model, "problemsTable")
    view.setColumnWidth(0, 70)
    layout.addWidget(view, 1)
    return page, model


def changes_tab(
    preview: ImportPreview, lists: PreviewLists
) -> tuple[QWidget, JobChangesModel, ListTableModel[PlanItem]]:
    """Job changes with an "update" tick each, and the people not yet in NetWise."""
    page = QWidget()
    layout = QVBoxLayout(page)
    jobs = JobChangesModel(preview, lists.job_changes, page)
    layout.addWidget(
        plain_label(
            f"Job changes ({len(jobs.objects):,}): people you know who have a new company or "
            "title in this file — worth a congratulation. Untick one to keep the old job."
            if jobs.objects
            else "Job changes: none — nobody you know has a new company or title in this file."
        )
    )
    jobs_view = table_view(jobs, "jobChangesTable")
    jobs_view.setColumnWidth(0, 70)
    jobs_view.setColumnWidth(1, 200)
    jobs_view.setColumnWidth(2, 260)
    layout.addWidget(jobs_view, 1)
    new_items = [preview.plan.items[index] for index in lists.new_people]
    connected = preview.plan.format == "linkedin"
    layout.addWidget(
        plain_label(
            f"New {'connections' if connected else 'people'} ({len(new_items):,}): not in "
            "NetWise yet (possible matches are listed on the Rows tab)."
        )
    )
    people: ListTableModel[PlanItem] = ListTableModel(
        ("Name", "Company", "Job title", "Connected on", "Action"),
        (
            lambda i: i.record.name(),
            lambda i: i.record.company,
            lambda i: i.record.title,
            lambda i: format_day(i.record.connected_on),
            lambda i: describe.ACTION_WORDS[i.action],
        ),
        new_items,
        page,
    )
    people_view = table_view(people, "newPeopleTable")
    for column, width in enumerate((200, 180, 200, 110)):
        people_view.setColumnWidth(column, width)
    layout.addWidget(people_view, 1)
    return page, jobs, people


# What the rows table says when the rows chosen in "Show:" are none, by filter.
NO_ROWS = {
    "review": (
        "No possible matches to review",
        "Every row of the file is either someone new or matches a contact exactly: "
        "nothing needs your decision.",
    ),
    "merge": ("No merges", "No row of the file is set to merge into a contact."),
    "jobs": ("No job changes", "Nobody you know has a new company or title in this file."),
    "create": ("No new contacts", "No row of the file is set to become a new contact."),
    "skip": ("Nothing skipped", "Every row of the file is imported."),
    "all": ("No rows", "The file holds no rows to import."),
}


class RowsOrEmptyState(QStackedWidget):
    """The rows table, or why it is empty for the rows chosen, with a way back to all."""

    show_all = Signal()

    def __init__(self, table: QTableView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.empty = EmptyState("", "", self)
        self.empty.setObjectName("importRowsEmpty")
        self.all_button = QPushButton("Show All Rows", self.empty)
        self.all_button.setObjectName("showAllRows")
        self.all_button.clicked.connect(self.show_all)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.all_button)
        row.addStretch(1)
        self.empty.add_below(row)
        self.addWidget(table)
        self.addWidget(self.empty)

    def show_rows(self, filter_key: str, count: int) -> None:
        if count:
            self.setCurrentWidget(self.table)
            return
        heading, body = NO_ROWS.get(filter_key, NO_ROWS["all"])
        self.empty.heading.setText(heading)
        self.empty.body.setText(body)
        self.all_button.setVisible(filter_key != "all")
        self.setCurrentWidget(self.empty)


def import_buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    """Every preview's Import (the default) and Cancel, accepting or rejecting ``dialog``."""
    buttons = QDialogButtonBox()
    import_button = buttons.addButton("&Import", QDialogButtonBox.ButtonRole.AcceptRole)
    import_button.setObjectName("importButton")
    import_button.setDefault(True)
    buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, import_button
