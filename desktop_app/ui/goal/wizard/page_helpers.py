"""Page 3: who can help — the level of people to meet, and organisations to belong to."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from desktop_app.insights.findings import Finding, Level
from desktop_app.insights.goal_checks import default_seniority
from desktop_app.insights.goal_profile import GoalProfile, OrganisationEntry, PitchDraft
from desktop_app.insights.targets import clean_entry
from desktop_app.ui.common.goal_labels import (
    ORGANISATION_KIND_LABELS,
    ORGANISATION_STATUS_LABELS,
    SENIORITY_LABELS,
)
from desktop_app.ui.goal.wizard.base import GoalWizardPage
from desktop_app.ui.goal.wizard.lists import EntryLineEdit

_SENIORITY_WHY = {
    "junior": "People earlier in their careers: good for giving back, rarely for opening doors.",
    "peer": "People at your level: they share what they hear, but seldom decide.",
    "senior": "People above your level: they are the ones in a position to open doors.",
    "executive": "Decision-makers: few, busy, and worth a precise ask.",
}


def _combo(labels: dict[str, str], name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for code, label in labels.items():
        combo.addItem(label, code)
    return combo


class WhoCanHelpPage(GoalWizardPage):
    def __init__(self) -> None:
        super().__init__(
            "Who can help",
            "Whom to meet, and which alumni, industry and professional organisations give you "
            "a reason to meet them.",
        )
        self.seniority = _combo(SENIORITY_LABELS, "Target seniority")
        self.seniority.setObjectName("seniority")
        self.seniority_why = QLabel(self)
        self.seniority_why.setTextFormat(Qt.TextFormat.PlainText)
        self.seniority_why.setWordWrap(True)
        self._seniority_chosen = False  # by the user, rather than the goal type's default
        self._defaulted_for = ""
        self.org_name = EntryLineEdit(self)
        self.org_name.setObjectName("organisationName")
        self.org_name.setPlaceholderText("e.g. Riverside University Alumni")
        self.org_name.setAccessibleName("Organisation name")
        self.org_kind = _combo(ORGANISATION_KIND_LABELS, "Organisation kind")
        self.org_status = _combo(ORGANISATION_STATUS_LABELS, "Membership")
        self.add_org = QPushButton("Add", self)
        self.add_org.setAccessibleName("Add organisation")
        self.organisations = QTreeWidget(self)
        self.organisations.setObjectName("organisations")
        self.organisations.setAccessibleName("Organisations")
        self.organisations.setHeaderLabels(["Organisation", "Kind", "Membership"])
        self.organisations.setRootIsDecorated(False)
        self.organisations.setColumnWidth(0, 320)
        self.toggle_org = QPushButton("Mark &Joined", self)
        self.remove_org = QPushButton("Remove", self)
        self.remove_org.setAccessibleName("Remove the selected organisation")
        self._build_layout()
        self.seniority.activated.connect(self._seniority_picked)
        self.seniority.currentIndexChanged.connect(lambda _i: self._explain_seniority())
        self.org_name.submitted.connect(self.add_organisation)
        self.add_org.clicked.connect(self.add_organisation)
        self.remove_org.clicked.connect(self.remove_organisation)
        self.toggle_org.clicked.connect(self.toggle_membership)
        self.organisations.currentItemChanged.connect(lambda *_: self._update_buttons())

    def _build_layout(self) -> None:
        form = QFormLayout()
        seniority_label = QLabel("&Seniority of the people to meet:", self)
        seniority_label.setBuddy(self.seniority)
        combo_row = QHBoxLayout()
        combo_row.addWidget(self.seniority)
        combo_row.addStretch(1)
        form.addRow(seniority_label, combo_row)
        form.addRow("", self.seniority_why)
        self.outer.addLayout(form)
        self.outer.addSpacing(8)
        heading = QLabel("&Organisations to join or already joined:", self)
        heading.setBuddy(self.org_name)
        self.outer.addWidget(heading)
        entry = QHBoxLayout()
        entry.addWidget(self.org_name, 3)
        entry.addWidget(self.org_kind, 1)
        entry.addWidget(self.org_status, 1)
        entry.addWidget(self.add_org)
        self.outer.addLayout(entry)
        rows = QHBoxLayout()
        rows.addWidget(self.organisations, 1)
        buttons = QHBoxLayout()
        buttons.setDirection(QHBoxLayout.Direction.TopToBottom)
        buttons.addWidget(self.toggle_org)
        buttons.addWidget(self.remove_org)
        buttons.addStretch(1)
        rows.addLayout(buttons)
        self.outer.addLayout(rows, 1)
        self.outer.addWidget(self.messages)

    def tab_order(self) -> list[QWidget]:
        return [
            self.seniority,
            self.org_name,
            self.org_kind,
            self.org_status,
            self.add_org,
            self.organisations,
            self.toggle_org,
            self.remove_org,
        ]

    # -- values ------------------------------------------------------------------------
    def load(self, profile: GoalProfile, pitch: PitchDraft) -> None:
        if profile.target_seniority:
            self._select_seniority(profile.target_seniority)
            self._seniority_chosen = True
        for org in profile.organisations:
            self._add_row(org)
        self._update_buttons()

    def first_field(self) -> QWidget:
        return self.seniority

    def refresh(self) -> None:
        """Follow the goal type of page 1 until the user picks a level themselves."""
        goal_type = self.goal_wizard().goal_type()
        if not self._seniority_chosen and goal_type != self._defaulted_for:
            self._select_seniority(default_seniority(goal_type))
            self._defaulted_for = goal_type
        self._explain_seniority()

    def apply(self, profile: GoalProfile, pitch: PitchDraft) -> tuple[GoalProfile, PitchDraft]:
        return (
            dataclasses.replace(
                profile,
                target_seniority=self.seniority.currentData(),
                organisations=tuple(self.organisation_entries()),
            ),
            pitch,
        )

    def organisation_entries(self) -> list[OrganisationEntry]:
        return [
            OrganisationEntry(
                item.text(0),
                item.data(1, Qt.ItemDataRole.UserRole),
                item.data(2, Qt.ItemDataRole.UserRole),
            )
            for item in (
                self.organisations.topLevelItem(i)
                for i in range(self.organisations.topLevelItemCount())
            )
            if item is not None
        ]

    def findings(self) -> list[Finding]:
        if self.organisations.topLevelItemCount():
            return []
        return [
            Finding(
                "helpers.no_organisations",
                Level.HINT,
                "No organisations yet: alumni, industry and professional groups are where "
                "people expect to be approached.",
            )
        ]

    # -- actions -----------------------------------------------------------------------
    def add_organisation(self) -> None:
        name = clean_entry(self.org_name.text())
        if not name:
            return
        self.org_name.clear()
        if any(org.name.casefold() == name.casefold() for org in self.organisation_entries()):
            self.messages.show_findings(
                [Finding("helpers.duplicate", Level.HINT, f"“{name}” is already in the list.")]
            )
            return
        item = self._add_row(
            OrganisationEntry(name, self.org_kind.currentData(), self.org_status.currentData())
        )
        self.organisations.setCurrentItem(item)
        self.update_checks()

    def remove_organisation(self) -> None:
        item = self.organisations.currentItem()
        if item is not None:
            self.organisations.takeTopLevelItem(self.organisations.indexOfTopLevelItem(item))
            self.update_checks()
        self._update_buttons()

    def toggle_membership(self) -> None:
        item = self.organisations.currentItem()
        if item is None:
            return
        status = "to_join" if item.data(2, Qt.ItemDataRole.UserRole) == "joined" else "joined"
        item.setData(2, Qt.ItemDataRole.UserRole, status)
        item.setText(2, ORGANISATION_STATUS_LABELS[status])
        self._update_buttons()

    def _add_row(self, org: OrganisationEntry) -> QTreeWidgetItem:
        item = QTreeWidgetItem(
            [
                org.name,
                ORGANISATION_KIND_LABELS.get(org.kind, org.kind),
                ORGANISATION_STATUS_LABELS.get(org.status, org.status),
            ]
        )
        item.setData(1, Qt.ItemDataRole.UserRole, org.kind)
        item.setData(2, Qt.ItemDataRole.UserRole, org.status)
        self.organisations.addTopLevelItem(item)
        return item

    def _update_buttons(self) -> None:
        item = self.organisations.currentItem()
        self.remove_org.setEnabled(item is not None)
        self.toggle_org.setEnabled(item is not None)
        joined = item is not None and item.data(2, Qt.ItemDataRole.UserRole) == "joined"
        self.toggle_org.setText("Mark &To Join" if joined else "Mark &Joined")

    def _seniority_picked(self, _index: int) -> None:
        self._seniority_chosen = True

    def _select_seniority(self, code: str) -> None:
        index = self.seniority.findData(code)
        if index >= 0:
            self.seniority.setCurrentIndex(index)

    def _explain_seniority(self) -> None:
        self.seniority_why.setText(_SENIORITY_WHY.get(self.seniority.currentData(), ""))
