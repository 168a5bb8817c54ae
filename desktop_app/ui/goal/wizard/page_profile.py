"""Page 6: the profile checklist — is the profile written for the target industry?"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from desktop_app.insights.findings import Finding, Level, worth_showing
from desktop_app.insights.goal_profile import ChecklistItem, GoalProfile, PitchDraft
from desktop_app.insights.profile_checklist import CHECKLIST_LABELS, assess_checklist
from desktop_app.ui.goal.wizard.base import GoalWizardPage
from desktop_app.ui.goal.wizard.messages import FindingList, mute

_MNEMONICS = {
    "headline": "&Headline written from the target industry's point of view",
    "summary": "&Summary written for readers in the target industry",
    "organisations": "&Organisations joined (alumni, industry, professional)",
    "looking_for": "A &precise description of what I am looking for",
}


class ChecklistRow:
    """A check box, what the check found, the current text it looked at, and a note."""

    def __init__(self, key: str, parent: QWidget) -> None:
        self.key = key
        self.box = QCheckBox(_MNEMONICS[key], parent)
        self.box.setObjectName(f"check-{key}")
        self.box.setAccessibleName(CHECKLIST_LABELS[key])
        self.assessment = FindingList(f"Check of {CHECKLIST_LABELS[key]}", parent)
        self.assessment.setObjectName(f"assessment-{key}")
        self.subject = QLabel(parent)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setWordWrap(True)
        mute(self.subject)  # a quotation of what was checked
        self.note = QLineEdit(parent)
        self.note.setObjectName(f"note-{key}")
        self.note.setPlaceholderText("Note (what to change, when)")
        self.note.setAccessibleName(f"Note on {CHECKLIST_LABELS[key]}")


class ProfileChecklistPage(GoalWizardPage):
    def __init__(self) -> None:
        super().__init__(
            "Profile checklist",
            "Before you reach out, people will look you up. Check that your profile speaks "
            "to the industry you want to join.",
        )
        grid = QGridLayout()
        grid.setColumnMinimumWidth(0, 18)
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(2)
        self.rows: dict[str, ChecklistRow] = {}
        row = 0
        for key in CHECKLIST_LABELS:
            item = ChecklistRow(key, self)
            self.rows[key] = item
            grid.addWidget(item.box, row, 0, 1, 2)
            grid.addWidget(item.subject, row + 1, 1)
            grid.addWidget(item.assessment, row + 2, 1)
            grid.addWidget(item.note, row + 3, 1)
            grid.setRowMinimumHeight(row + 4, 10)
            row += 5
        self.outer.addLayout(grid)
        self.outer.addStretch(1)

    def load(self, profile: GoalProfile, pitch: PitchDraft) -> None:
        for key, row in self.rows.items():
            saved = profile.checklist.get(key, ChecklistItem())
            row.box.setChecked(saved.done)
            row.note.setText(saved.note)

    def first_field(self) -> QWidget:
        return self.rows["headline"].box

    def refresh(self) -> None:
        profile, pitch = self.goal_wizard().current()
        findings = assess_checklist(
            headline=pitch.variants.headline,
            summary=pitch.variants.summary,
            looking_for=pitch.parts.look_for,
            organisations=profile.organisations,
            roles=profile.target_roles,
            companies=profile.target_companies,
            industries=profile.target_industries,
        )
        joined = [org.name for org in profile.organisations if org.status == "joined"]
        subjects = {
            "headline": pitch.variants.headline,
            # Whole, as checked: a target named only in its closing paragraph still counts.
            "summary": "\n".join(pitch.variants.summary.split("\n\n")),
            "organisations": ", ".join(joined),
            "looking_for": pitch.parts.look_for,
        }
        for key, row in self.rows.items():
            row.assessment.show_findings([findings[key]])
            text = subjects[key]
            row.subject.setText(f"“{text}”" if text else "")
            row.subject.setVisible(bool(text))

    def remarks(self) -> list[Finding]:
        """What the checks found, then the items not ticked yet, as a to-do list."""
        found = worth_showing(f for row in self.rows.values() for f in row.assessment.findings())
        to_do = [
            Finding(f"profile.{key}_to_do", Level.HINT, f"To do: {CHECKLIST_LABELS[key]}.")
            for key, row in self.rows.items()
            if not row.box.isChecked()
        ]
        return found + to_do

    def apply(self, profile: GoalProfile, pitch: PitchDraft) -> tuple[GoalProfile, PitchDraft]:
        checklist = {
            key: ChecklistItem(row.box.isChecked(), " ".join(row.note.text().split()))
            for key, row in self.rows.items()
        }
        return dataclasses.replace(profile, checklist=checklist), pitch
