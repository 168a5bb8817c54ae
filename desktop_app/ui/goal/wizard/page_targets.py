"""Page 2: precise targets — roles, companies, industries, locations."""

from __future__ import annotations

import dataclasses
from functools import partial

from PySide6.QtWidgets import QGridLayout, QWidget

from desktop_app.insights.findings import Finding
from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.insights.targets import check_targets, vague_reason
from desktop_app.ui.goal.wizard.base import GoalWizardPage
from desktop_app.ui.goal.wizard.lists import EditableList


class TargetsPage(GoalWizardPage):
    def __init__(self) -> None:
        super().__init__(
            "Targets",
            "Which roles, at which companies or in which industries, where? Be specific: "
            "people can only introduce you when they can picture the job.",
        )
        self.roles = EditableList(
            "&Roles (at least one)",
            "e.g. Head of Product",
            name="roles",
            problem_of=partial(vague_reason, kind="role"),
        )
        self.companies = EditableList(
            "&Companies",
            "e.g. Helix Cloud",
            name="companies",
            problem_of=partial(vague_reason, kind="company"),
        )
        self.industries = EditableList(
            "&Industries",
            "e.g. Renewable energy",
            name="industries",
            problem_of=partial(vague_reason, kind="industry"),
        )
        self.locations = EditableList(
            "L&ocations",
            "e.g. Berlin, or Remote",
            name="locations",
            problem_of=partial(vague_reason, kind="location"),
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.addWidget(self.roles, 0, 0)
        grid.addWidget(self.companies, 0, 1)
        grid.addWidget(self.industries, 1, 0)
        grid.addWidget(self.locations, 1, 1)
        self.outer.addLayout(grid, 1)
        self.outer.addWidget(self.messages)
        for field in self.lists():
            field.changed.connect(self.update_checks)

    def lists(self) -> tuple[EditableList, ...]:
        return (self.roles, self.companies, self.industries, self.locations)

    def load(self, profile: GoalProfile, pitch: PitchDraft) -> None:
        self.roles.set_values(profile.target_roles)
        self.companies.set_values(profile.target_companies)
        self.industries.set_values(profile.target_industries)
        self.locations.set_values(profile.target_locations)

    def first_field(self) -> QWidget:
        return self.roles.entry

    def apply(self, profile: GoalProfile, pitch: PitchDraft) -> tuple[GoalProfile, PitchDraft]:
        return (
            dataclasses.replace(
                profile,
                target_roles=tuple(self.roles.values()),
                target_companies=tuple(self.companies.values()),
                target_industries=tuple(self.industries.values()),
                target_locations=tuple(self.locations.values()),
            ),
            pitch,
        )

    def findings(self) -> list[Finding]:
        return check_targets(
            self.roles.values(),
            self.companies.values(),
            self.industries.values(),
            self.locations.values(),
        )
