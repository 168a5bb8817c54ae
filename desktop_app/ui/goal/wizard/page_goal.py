"""Page 1: what kind of goal, and the goal in one sentence."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QGridLayout, QLabel, QLineEdit, QRadioButton, QWidget

from desktop_app.insights.findings import Finding
from desktop_app.insights.goal_checks import check_statement
from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.ui.common.goal_labels import GOAL_TYPE_DESCRIPTIONS, GOAL_TYPE_LABELS
from desktop_app.ui.goal.wizard.base import GoalWizardPage
from desktop_app.ui.goal.wizard.messages import mute

_MNEMONICS = {
    "land_job": "&Land a job",
    "next_level": "Reach the ne&xt level",
    "change_industry": "&Change industry",
    "grow_business": "&Grow a business",
    "mentors": "Find &mentors and learn",
}
FIRST_START_NOTE = (
    "Not now? Cancel closes the wizard until the next start of NetWise, when it opens "
    "again. Skip for Now closes it and keeps it from opening at start; either way you can "
    "start it from the Goal & Pitch page at any time."
)


class GoalTypePage(GoalWizardPage):
    def __init__(self) -> None:
        super().__init__(
            "Your goal",
            "Networking pays off when it serves a stated goal. Which kind is yours, and what "
            "is it, in one sentence?",
        )
        self.types = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        for row, (code, label) in enumerate(GOAL_TYPE_LABELS.items()):
            button = QRadioButton(_MNEMONICS.get(code, label), self)
            button.setObjectName(f"goalType-{code}")
            button.setAccessibleDescription(GOAL_TYPE_DESCRIPTIONS[code])
            description = QLabel(GOAL_TYPE_DESCRIPTIONS[code], self)
            description.setTextFormat(Qt.TextFormat.PlainText)
            description.setWordWrap(True)
            mute(description)
            self.types.addButton(button, row)
            self.buttons[code] = button
            grid.addWidget(button, row, 0)
            grid.addWidget(description, row, 1)
        self.statement = QLineEdit(self)
        self.statement.setObjectName("statement")
        self.statement.setPlaceholderText(
            "e.g. Move from product manager to head of product at a climate-tech company "
            "within nine months."
        )
        self.statement.setAccessibleName("Goal statement")
        statement_label = QLabel("Your goal in one &sentence (what, where, by when):", self)
        statement_label.setBuddy(self.statement)
        self.outer.addLayout(grid)
        self.outer.addSpacing(12)
        self.outer.addWidget(statement_label)
        self.outer.addWidget(self.statement)
        self.outer.addWidget(self.messages)
        self.outer.addStretch(1)
        # Shown on first start only, where Cancel and Skip for Now both close the wizard.
        self.first_start_note = QLabel(FIRST_START_NOTE, self)
        self.first_start_note.setObjectName("firstStartNote")
        self.first_start_note.setTextFormat(Qt.TextFormat.PlainText)
        self.first_start_note.setWordWrap(True)
        mute(self.first_start_note)
        self.first_start_note.hide()
        self.outer.addWidget(self.first_start_note)
        self.statement.textChanged.connect(lambda _text: self.update_checks())
        self.types.idToggled.connect(lambda _id, _on: self.update_checks())

    def load(self, profile: GoalProfile, pitch: PitchDraft) -> None:
        self.buttons.get(profile.goal_type, self.buttons["land_job"]).setChecked(True)
        self.statement.setText(profile.statement)

    def first_field(self) -> QWidget:
        return self.statement

    def goal_type(self) -> str:
        return next(code for code, button in self.buttons.items() if button.isChecked())

    def apply(self, profile: GoalProfile, pitch: PitchDraft) -> tuple[GoalProfile, PitchDraft]:
        statement = " ".join(self.statement.text().split())
        return dataclasses.replace(profile, goal_type=self.goal_type(), statement=statement), pitch

    def findings(self) -> list[Finding]:
        return check_statement(self.statement.text())
