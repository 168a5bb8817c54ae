"""Settings' Keep in Touch tab: the default cadence of each verdict, and each tag's own.

A contact's cadence is their own, else the shortest of their tags', else their verdict's
default. Nothing is written here: the dialog saves what this tab shows on OK, with the
other settings in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop_app.insights import keep_in_touch as rules
from desktop_app.insights.verdicts import VERDICT_LABELS
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.preferences import TagCadence

NO_CADENCE = "None"
VERDICTS_EXPLAINED = (
    "A contact with no cadence of their own or from a tag follows their verdict's default. "
    "Anyone whose cadence passes without an interaction is overdue."
)
TAGS_EXPLAINED = (
    "A tag's cadence applies to everyone who carries it and has none of their own; where "
    "tags differ, the shortest wins. None: the verdict's default applies."
)
NO_TAGS = "No tags yet. Tag contacts on the Contacts page to give a tag its own cadence here."


def _explanation(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    muted = parent.palette().color(QPalette.ColorRole.PlaceholderText).name()
    label.setStyleSheet(f"color: {muted};")
    return label


def _combo(codes: Sequence[str | None], parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for code in codes:  # None is kept as "": an item's data cannot be None
        combo.addItem(NO_CADENCE if code is None else rules.CADENCE_LABELS[code], code or "")
    return combo


def _choose(combo: QComboBox, code: str | None) -> None:
    combo.setCurrentIndex(max(combo.findData(code or ""), 0))


def _chosen(combo: QComboBox) -> str | None:
    return combo.currentData() or None


class KeepInTouchOptions(QWidget):
    """The verdicts' default cadences and the tags' cadences, as combo boxes."""

    def __init__(self, tags: Sequence[TagCadence], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keepInTouchOptions")
        self.tags = list(tags)
        self.verdict_combos: dict[str, QComboBox] = {}
        self.tag_combos: dict[int, QComboBox] = {}

        verdicts = QGroupBox("Default cadence by verdict", self)
        form = QFormLayout(verdicts)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(_explanation(VERDICTS_EXPLAINED, verdicts))
        for verdict in rules.VERDICT_DEFAULTS:
            combo = _combo(rules.CADENCES, verdicts)
            combo.setObjectName(f"cadence_{verdict}")
            combo.setAccessibleName(f"{VERDICT_LABELS[verdict]}: default cadence")
            label = QLabel(f"{VERDICT_LABELS[verdict]}:", verdicts)
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.verdict_combos[verdict] = combo

        tagged = QGroupBox("Cadence by tag", self)
        column = QVBoxLayout(tagged)
        column.addWidget(_explanation(TAGS_EXPLAINED if self.tags else NO_TAGS, tagged))
        if self.tags:
            column.addWidget(self._tag_list(tagged), 1)

        layout = QVBoxLayout(self)
        layout.addWidget(verdicts)
        layout.addWidget(tagged, 1 if self.tags else 0)
        if not self.tags:
            layout.addStretch(1)
        self.restore_tags()

    def _tag_list(self, parent: QWidget) -> QScrollArea:
        """One row per tag (a user may have hundreds): scrolled, name as plain text."""
        scroll = QScrollArea(parent)
        scroll.setObjectName("tagCadences")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(scroll)
        form = QFormLayout(body)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for tag in self.tags:
            combo = _combo((None, *rules.CADENCES), body)
            combo.setObjectName(f"tag_cadence_{tag.tag_id}")
            combo.setAccessibleName(f"Tag {tag.name}: cadence")
            label = QLabel(f"{tag.name} ({count_of(tag.contacts, 'contact')}):", body)
            label.setTextFormat(Qt.TextFormat.PlainText)  # the user's own words
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.tag_combos[tag.tag_id] = combo
        scroll.setWidget(body)
        return scroll

    # -- values ----------------------------------------------------------------------
    def show_defaults(self, defaults: Mapping[str, str]) -> None:
        for verdict, combo in self.verdict_combos.items():
            _choose(combo, defaults.get(verdict, rules.VERDICT_DEFAULTS[verdict]))

    def restore_tags(self, *, to_none: bool = False) -> None:
        """Each tag's stored cadence (``to_none``: none, as Restore Defaults puts it)."""
        for tag in self.tags:
            _choose(self.tag_combos[tag.tag_id], None if to_none else tag.cadence)

    def defaults(self) -> dict[str, str]:
        return {verdict: str(combo.currentData()) for verdict, combo in self.verdict_combos.items()}

    def changed_tags(self) -> dict[int, str | None]:
        """tag id → its new cadence, for the tags whose cadence was changed."""
        return {
            tag.tag_id: code
            for tag in self.tags
            if (code := _chosen(self.tag_combos[tag.tag_id])) != tag.cadence
        }
