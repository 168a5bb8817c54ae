"""Page 4: time and measures — hours a week, a target date, targets with numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop_app.insights.findings import Finding
from desktop_app.insights.goal_checks import check_measures, check_target_date, check_weekly_hours
from desktop_app.insights.goal_profile import GoalProfile, Measure, PitchDraft
from desktop_app.insights.targets import clean_entry
from desktop_app.ui.common.dates import date_format
from desktop_app.ui.goal.wizard.base import GoalWizardPage
from desktop_app.ui.goal.wizard.lists import EntryLineEdit
from desktop_app.wording import count_of

SUGGESTED_MEASURES = (
    "Informational meetings per month",
    "Referrals",
    "New aligned contacts per month",
    "Higher-level contacts met per month",
    "Interviews",
)
DEFAULT_HOURS = 3.0
DEFAULT_MONTHS = 6


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class TimeMeasuresPage(GoalWizardPage):
    def __init__(self) -> None:
        super().__init__(
            "Time and measures",
            "A realistic budget of time, a date to aim at, and numbers that show whether "
            "your networking is working.",
        )
        self.hours = QDoubleSpinBox(self)
        self.hours.setObjectName("weeklyHours")
        self.hours.setRange(0.0, 80.0)
        self.hours.setSingleStep(0.5)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" hours a week")
        self.hours.setAccessibleName("Hours per week")
        # Checked when the typing is done (Tab, Enter, arrows), not at every keystroke.
        self.hours.setKeyboardTracking(False)
        self.target_date = QDateEdit(self)
        self.target_date.setObjectName("targetDate")
        self.target_date.setCalendarPopup(True)
        self.target_date.setDisplayFormat(date_format())
        self.target_date.setDateRange(QDate(2000, 1, 1), QDate(2199, 12, 31))
        self.target_date.setAccessibleName("Target date")
        self.days_away = QLabel(self)
        self.days_away.setObjectName("daysAway")
        self.days_away.setTextFormat(Qt.TextFormat.PlainText)
        self.measure_name = QComboBox(self)
        self.measure_name.setObjectName("measureName")
        self.measure_name.setEditable(True)
        self.measure_line = EntryLineEdit(self.measure_name)  # Enter adds, not Next
        self.measure_name.setLineEdit(self.measure_line)
        self.measure_name.addItems(SUGGESTED_MEASURES)
        self.measure_name.setCurrentIndex(-1)
        self.measure_name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.measure_line.setPlaceholderText("What you will count")
        self.measure_name.setAccessibleName("Measure")
        self.measure_target = QSpinBox(self)
        self.measure_target.setObjectName("measureTarget")
        self.measure_target.setRange(0, 1000)
        self.measure_target.setValue(4)
        self.measure_target.setMaximumWidth(120)
        self.measure_target.setAccessibleName("Target number")
        self.add_measure = QPushButton("Add", self)
        self.add_measure.setAccessibleName("Add measure")
        self.measures = QTreeWidget(self)
        self.measures.setObjectName("measures")
        self.measures.setAccessibleName("Measurable targets")
        self.measures.setHeaderLabels(["Measure", "Target"])
        self.measures.setRootIsDecorated(False)
        self.measures.setColumnWidth(0, 420)
        self.remove_measure = QPushButton("Remove", self)
        self.remove_measure.setAccessibleName("Remove the selected measure")
        self._build_layout()
        self.hours.valueChanged.connect(lambda _v: self.update_checks())
        self.target_date.dateChanged.connect(lambda _d: self._date_changed())
        self.add_measure.clicked.connect(self.add_typed_measure)
        self.measure_line.submitted.connect(self.add_typed_measure)
        self.remove_measure.clicked.connect(self.remove_selected_measure)
        self.measures.currentItemChanged.connect(
            lambda *_: self.remove_measure.setEnabled(self.measures.currentItem() is not None)
        )

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        hours_label = QLabel("&Time for networking:", self)
        hours_label.setBuddy(self.hours)
        date_label = QLabel("Target &date:", self)
        date_label.setBuddy(self.target_date)
        form.addRow(hours_label, self.hours)
        when = QHBoxLayout()
        when.addWidget(self.target_date)
        when.addWidget(self.days_away)
        when.addStretch(1)
        form.addRow(date_label, when)
        self.outer.addLayout(form)
        self.outer.addSpacing(8)
        heading = QLabel("&Measurable targets (with a number each):", self)
        heading.setBuddy(self.measure_name)
        self.outer.addWidget(heading)
        entry = QHBoxLayout()
        entry.addWidget(self.measure_name, 3)
        entry.addWidget(self.measure_target, 1)
        entry.addWidget(self.add_measure)
        self.outer.addLayout(entry)
        rows = QHBoxLayout()
        rows.addWidget(self.measures, 1)
        rows.addWidget(self.remove_measure, 0, Qt.AlignmentFlag.AlignTop)
        self.outer.addLayout(rows, 1)
        self.outer.addWidget(self.messages)

    # -- values ------------------------------------------------------------------------
    def load(self, profile: GoalProfile, pitch: PitchDraft) -> None:
        today = self.goal_wizard().today
        self.hours.setValue(profile.weekly_hours or DEFAULT_HOURS)
        default_date = today + dt.timedelta(days=DEFAULT_MONTHS * 30)
        self.target_date.setDate(_qdate(profile.target_date or default_date))
        for measure in profile.measures:
            self._add_row(measure)
        self.remove_measure.setEnabled(False)

    def first_field(self) -> QWidget:
        return self.hours

    def refresh(self) -> None:
        self._date_changed()

    def _date_changed(self) -> None:
        days = (self.date() - self.goal_wizard().today).days
        self.days_away.setText(
            f"in {count_of(days, 'day')}"
            if days > 0
            else "today"
            if days == 0
            else f"{count_of(-days, 'day')} ago"
        )
        self.update_checks()

    def date(self) -> dt.date:
        value = self.target_date.date()
        return dt.date(value.year(), value.month(), value.day())

    def measure_values(self) -> list[Measure]:
        items = (self.measures.topLevelItem(i) for i in range(self.measures.topLevelItemCount()))
        return [
            Measure(item.text(0), float(item.data(1, Qt.ItemDataRole.UserRole)))
            for item in items
            if item is not None
        ]

    def apply(self, profile: GoalProfile, pitch: PitchDraft) -> tuple[GoalProfile, PitchDraft]:
        return (
            dataclasses.replace(
                profile,
                weekly_hours=self.hours.value(),
                target_date=self.date(),
                measures=tuple(self.measure_values()),
            ),
            pitch,
        )

    def findings(self) -> list[Finding]:
        today = self.goal_wizard().today
        return [
            check_weekly_hours(self.hours.value()),
            check_target_date(self.date(), today),
            *check_measures(self.measure_values()),
        ]

    # -- actions -----------------------------------------------------------------------
    def add_typed_measure(self) -> None:
        name = clean_entry(self.measure_name.currentText())
        if not name:
            return
        existing = [m for m in self.measure_values() if m.name.casefold() == name.casefold()]
        for item_index in range(self.measures.topLevelItemCount()):
            item = self.measures.topLevelItem(item_index)
            if existing and item is not None and item.text(0) == existing[0].name:
                # The same measure again: its number is updated, not a second row added.
                self.measures.takeTopLevelItem(item_index)
                break
        item = self._add_row(Measure(name, self.measure_target.value()))
        self.measures.setCurrentItem(item)
        self.measure_name.setCurrentIndex(-1)
        self.measure_name.clearEditText()
        self.update_checks()

    def remove_selected_measure(self) -> None:
        item = self.measures.currentItem()
        if item is not None:
            self.measures.takeTopLevelItem(self.measures.indexOfTopLevelItem(item))
            self.update_checks()

    def _add_row(self, measure: Measure) -> QTreeWidgetItem:
        shown = measure.as_dict()["target"]
        item = QTreeWidgetItem([measure.name, str(shown)])
        item.setData(1, Qt.ItemDataRole.UserRole, float(measure.target))
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.measures.addTopLevelItem(item)
        return item
