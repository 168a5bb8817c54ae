"""Page 5: the elevator pitch — parts, live preview, words, seconds, checks, variants."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_app.insights.findings import Finding, Level
from desktop_app.insights.goal_profile import (
    PITCH_PART_KEYS,
    GoalProfile,
    PitchDraft,
    PitchParts,
    PitchVariants,
)
from desktop_app.insights.pitch import assemble_pitch, check_pitch
from desktop_app.insights.pitch_variants import generate_variants
from desktop_app.insights.wording import AIM_SECONDS, count_words, speaking_seconds
from desktop_app.ui.common.goal_labels import PITCH_PART_LABELS, PITCH_PART_PLACEHOLDERS
from desktop_app.ui.goal.wizard.base import GoalWizardPage
from desktop_app.ui.goal.wizard.messages import FindingList
from desktop_app.ui.goal.wizard.pitch_widgets import SpeakingGauge, VariantsEditor
from desktop_app.wording import count_of

_MNEMONIC_LABELS = {
    "who": "&Who I am:",
    "offer": "What I off&er:",
    "look_for": "What I &look for:",
    "why": "W&hy:",
    "ask": "The &ask:",
}

# Passed checks not worth a line: the gauge shows the length; no targets, nothing to name.
_NOT_NEWS = frozenset(("pitch.length_ok", "looking_for.no_targets"))


class PitchPage(GoalWizardPage):
    def __init__(self) -> None:
        super().__init__(
            "Elevator pitch",
            "Who you are, what you offer, what you look for and why, and one clear ask — "
            f"said in {AIM_SECONDS[0]}–{AIM_SECONDS[1]} seconds, so a stranger can follow.",
        )
        self.parts: dict[str, QPlainTextEdit] = {}
        self.preview = QLabel(self)
        self.counts = QLabel(self)
        self.gauge = SpeakingGauge(self)
        # What already works, beside the preview; what does not goes under the tabs.
        self.passed = FindingList("Checks passed", self)
        self.passed.setObjectName("pitchPassed")
        self.variants = VariantsEditor(self)
        self.tabs = QTabWidget(self)
        self._roles: tuple[str, ...] = ()
        self._companies: tuple[str, ...] = ()
        self._industries: tuple[str, ...] = ()
        self.tabs.addTab(self._build_parts_tab(), "Parts and &Preview")
        self.tabs.addTab(self.variants, "&Variants")
        self.tabs.setObjectName("pitchTabs")
        self.outer.addWidget(self.tabs, 1)
        self.outer.addWidget(self.messages)
        self.variants.regenerate_requested.connect(self.regenerate_variants)

    def _build_parts_tab(self) -> QWidget:
        tab = QWidget(self)
        form = QFormLayout()
        line = self.fontMetrics().lineSpacing()
        for key in PITCH_PART_KEYS:
            editor = QPlainTextEdit(tab)
            editor.setObjectName(f"part-{key}")
            editor.setTabChangesFocus(True)
            editor.setPlaceholderText(PITCH_PART_PLACEHOLDERS[key])
            editor.setAccessibleName(PITCH_PART_LABELS[key])
            editor.setFixedHeight(line * 2 + 14)
            editor.textChanged.connect(self._parts_changed)
            label = QLabel(_MNEMONIC_LABELS[key], tab)
            label.setBuddy(editor)
            form.addRow(label, editor)
            self.parts[key] = editor
        heading = QLabel("Your pitch as a stranger hears it:", tab)
        self.preview.setObjectName("pitchPreview")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setAccessibleName("Pitch preview")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.preview.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.preview.setMargin(8)
        self.preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.preview.setAutoFillBackground(True)
        self.preview.setBackgroundRole(QPalette.ColorRole.Base)
        self.counts.setObjectName("pitchCounts")
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        right = QVBoxLayout()
        right.addWidget(heading)
        right.addWidget(self.preview)
        right.addWidget(self.counts)
        right.addWidget(self.gauge)
        right.addSpacing(6)
        right.addWidget(self.passed)
        right.addStretch(1)
        row = QHBoxLayout(tab)
        row.addLayout(form, 5)
        row.addSpacing(12)
        row.addLayout(right, 4)
        return tab

    def tab_order(self) -> list[QWidget]:
        return [self.tabs, *self.parts.values(), self.preview]

    # -- values ------------------------------------------------------------------------
    def pitch_parts(self) -> PitchParts:
        return PitchParts(**{key: editor.toPlainText() for key, editor in self.parts.items()})

    def load(self, profile: GoalProfile, pitch: PitchDraft) -> None:
        for key, value in pitch.parts.as_dict().items():
            self.parts[key].setPlainText(value)
        generated = generate_variants(
            pitch.parts, roles=profile.target_roles, industries=profile.target_industries
        ).as_dict()
        # A variant saved earlier is the user's; the ones never written are generated.
        saved = {key: value for key, value in pitch.variants.as_dict().items() if value}
        variants = PitchVariants.from_dict({**generated, **saved})
        edited = {key for key, value in saved.items() if generated[key] != value}
        self.variants.set_variants(variants, edited=edited)

    def first_field(self) -> QWidget:
        return self.parts["who"]

    def refresh(self) -> None:
        profile, _pitch = self.goal_wizard().current()
        self._roles = profile.target_roles
        self._companies = profile.target_companies
        self._industries = profile.target_industries
        self._parts_changed()

    def apply(self, profile: GoalProfile, pitch: PitchDraft) -> tuple[GoalProfile, PitchDraft]:
        parts = PitchParts(
            **{k: " ".join(v.split()) for k, v in self.pitch_parts().as_dict().items()}
        )
        return profile, dataclasses.replace(
            pitch, parts=parts, text=assemble_pitch(parts), variants=self.variants.variants()
        )

    def findings(self) -> list[Finding]:
        return check_pitch(
            self.pitch_parts(),
            roles=self._roles,
            companies=self._companies,
            industries=self._industries,
        )

    # -- live preview ------------------------------------------------------------------
    def _parts_changed(self) -> None:
        parts = self.pitch_parts()
        text = assemble_pitch(parts)
        words = count_words(text)
        seconds = speaking_seconds(words)
        self.preview.setText(text or "(Write the parts on the left; the pitch appears here.)")
        low, high = AIM_SECONDS
        self.counts.setText(
            f"{count_of(words, 'word')} · about {count_of(round(seconds), 'second')} "
            f"(aim: {low}–{high} s)"
        )
        self.counts.setAccessibleName(self.counts.text())
        self.gauge.set_seconds(seconds)
        self.variants.follow_parts(
            generate_variants(parts, roles=self._roles, industries=self._industries)
        )
        self.update_checks()
        passed = [f for f in self.findings() if f.level is Level.OK and f.code not in _NOT_NEWS]
        self.passed.show_findings(passed)

    def regenerate_variants(self) -> None:
        generated = generate_variants(
            self.pitch_parts(), roles=self._roles, industries=self._industries
        )
        self.variants.set_variants(generated, edited=set())
