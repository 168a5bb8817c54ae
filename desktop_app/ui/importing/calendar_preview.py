"""The preview of a calendar file: each entry and what it becomes (an interaction with the
contacts met, a networking event, or skipped), changeable; the people met; the strangers
to create or skip; the problems.

Nothing is written here. A changed choice has the calendar planned again on the worker
thread (``replan``: the flow does it and hands the new plan to ``show_plan``), so the
counts are the ones Import writes, in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.evidence_wording import calendar_line, calendar_plan_line
from desktop_app.ui.importing.calendar_model import CalendarEntriesModel
from desktop_app.ui.importing.decision import plain_label
from desktop_app.ui.importing.evidence_people_model import EvidencePeopleModel, PersonRow
from desktop_app.ui.importing.evidence_work import EVENT, INTERACTION, SKIP
from desktop_app.ui.importing.tabs import import_buttons, problems_tab, table_view
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.calendar_evidence import CalendarPlan

ENTRY_WIDTHS = (170, 300, 330)


def people_rows(plan: CalendarPlan) -> list[PersonRow]:
    """The people of the entries kept: contacts first, then strangers, by name."""
    met: dict[str, int] = {}
    for row in plan.rows:
        met[row.identity] = met.get(row.identity, 0) + 1
    for event in plan.events:
        for identity in event.people:
            met[identity] = met.get(identity, 0) + 1
    rows = [
        PersonRow(
            identity,
            person.name,
            person.email,
            met.get(identity, 0),
            "a contact" if identity in plan.contacts else "not a contact",
            identity not in plan.contacts,
        )
        for identity, person in plan.people.items()
    ]
    return sorted(rows, key=lambda row: (row.stranger, row.name.casefold()))


class CalendarPreviewDialog(QDialog):
    replan = Signal(dict)  # occurrence key → choice: plan the calendar again with these

    def __init__(self, plan: CalendarPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPreviewDialog")
        self.setWindowTitle(f"Import “{Path(plan.calendar.source).name}”")
        self.plan = plan
        self.model = CalendarEntriesModel(plan, self)
        self.people_model = EvidencePeopleModel(self, counted="Meetings and events")
        self.people_model.choices_changed.connect(self._refresh_summary)
        calendar = plan.calendar
        self.header = plain_label(
            f"{calendar_line(calendar)} A meeting becomes an interaction with each contact "
            "among its guests (found by e-mail); a meetup, conference or other networking "
            "event becomes an event, its contacts the people met. Nothing is written until "
            "you choose Import."
        )
        self.header.setObjectName("calendarHeader")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("calendarTabs")
        self.tabs.addTab(self._entries_tab(), f"Entries ({len(calendar.occurrences):,})")
        self.tabs.addTab(self._people_tab(), "People")
        problems, self.problems_model = problems_tab(list(calendar.problems))
        self.tabs.addTab(problems, f"Problems ({len(calendar.problems):,})")
        self.summary = plain_label()
        self.summary.setObjectName("calendarSummary")
        self.buttons, self.import_button = import_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1100, 680)
        self.show_plan(plan)

    def _entries_tab(self) -> QWidget:
        page = QWidget()
        self.table = table_view(self.model, "calendarEntriesTable")
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAccessibleName("Calendar entries")
        for column, width in enumerate(ENTRY_WIDTHS):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._on_selection())
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Selected entries become:"))
        self.choice_buttons: dict[str, QPushButton] = {}
        for choice, text, tip in (
            (INTERACTION, "I&nteraction", "A meeting: an interaction with each contact met"),
            (EVENT, "&Event", "A networking event: an event, its contacts the people met"),
            (SKIP, "&Skip", "Left out of the import"),
        ):
            button = QPushButton(text)
            button.setObjectName(f"choose_{choice}")
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, c=choice: self.choose_selected(c))
            bar.addWidget(button)
            self.choice_buttons[choice] = button
        bar.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._on_selection()
        return page

    def _people_tab(self) -> QWidget:
        page = QWidget()
        self.people_label = plain_label()
        self.people_table = table_view(self.people_model, "calendarPeopleTable")
        self.people_table.setAccessibleName("People met")
        for column, width in enumerate((240, 300, 150)):
            self.people_table.setColumnWidth(column, width)
        create_all = QPushButton("Create &All")
        create_all.clicked.connect(lambda: self.people_model.create_all(True))
        skip_all = QPushButton("Skip A&ll")
        skip_all.clicked.connect(lambda: self.people_model.create_all(False))
        bar = QHBoxLayout()
        bar.addWidget(self.people_label, 1)
        bar.addWidget(create_all)
        bar.addWidget(skip_all)
        layout = QVBoxLayout(page)
        layout.addLayout(bar)
        layout.addWidget(self.people_table, 1)
        return page

    # -- choices -----------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        for selected in self.table.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def choose_selected(self, choice: str) -> None:
        if self.model.choose(self.selected_rows(), choice):
            self.set_busy(True)
            self.replan.emit(dict(self.model.choices))

    def show_plan(self, plan: CalendarPlan) -> None:
        """Show ``plan`` (made again after a choice); strangers ticked stay ticked."""
        self.plan = plan
        self.shown_choices = dict(self.model.choices)
        self.model.set_plan(plan)
        self.people_model.set_rows(people_rows(plan))
        strangers = len(self.people_model.strangers)
        self.people_label.setText(
            f"People met ({len(self.people_model.rows):,}): "
            f"{count_of(len(self.people_model.rows) - strangers, 'contact')}, "
            f"{count_of(strangers, 'stranger')} (not contacts: tick those to create; the "
            "others are left out)."
        )
        self.set_busy(False)

    def set_busy(self, busy: bool) -> None:
        """While the calendar is planned again: no choice, no import."""
        for widget in (self.table, self.people_table, self.import_button):
            widget.setEnabled(not busy)
        for button in self.choice_buttons.values():
            button.setEnabled(not busy and bool(self.selected_rows()))
        if busy:
            self.summary.setText("Counting again…")
        else:
            self._refresh_summary()

    def restore(self) -> None:
        """Planning again failed: the choices of the plan shown are back."""
        self.model.choices = dict(self.shown_choices)
        self.show_plan(self.plan)

    def apply_choices(self) -> CalendarPlan:
        """The plan with the strangers ticked to be created."""
        self.plan.create_strangers = False
        self.plan.to_create = set(self.people_model.to_create)
        return self.plan

    def _on_selection(self) -> None:
        selected = bool(self.selected_rows())
        for button in self.choice_buttons.values():
            button.setEnabled(selected and self.table.isEnabled())

    def _refresh_summary(self) -> None:
        created = len(self.people_model.to_create)
        strangers = len(self.people_model.strangers)
        line = calendar_plan_line(self.plan)
        if strangers:
            line += f" Strangers: {created:,} to create, {strangers - created:,} skipped."
        self.summary.setText(line)
        self.import_button.setEnabled(bool(self.plan.rows or self.plan.events))
