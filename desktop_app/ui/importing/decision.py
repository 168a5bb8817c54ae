"""The detail of one row of the preview: create, merge into which match, or skip; and,
for a merge into a known contact, which of its changes to accept."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.exchange.plan import MERGE
from desktop_app.ui.common.roles import FIELD_ROLE
from desktop_app.ui.importing import describe

if TYPE_CHECKING:
    from desktop_app.exchange.matching import Match
    from desktop_app.exchange.plan import PlanItem
    from desktop_app.store.importer import ImportPreview


def plain_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # imported text is never markup
    label.setWordWrap(True)
    return label


class DecisionPane(QGroupBox):
    """What happens to the current row. ``decided`` carries the item indexes changed."""

    decided = Signal(list)

    def __init__(
        self,
        preview: ImportPreview,
        choose: Callable[[list[PlanItem], str, Match | None], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Selected row", parent)
        self.setObjectName("decisionPane")
        self.preview = preview
        self._choose = choose
        self.item: PlanItem | None = None
        self.heading = plain_label()
        self.heading.setObjectName("decisionHeading")
        self.choices = QVBoxLayout()
        self.group = QButtonGroup(self)
        self.group.idClicked.connect(self._on_choice)
        self.explanation = plain_label()
        self.explanation.setObjectName("decisionExplanation")
        self.changes = QListWidget()
        self.changes.setObjectName("decisionChanges")
        self.changes.setAccessibleName("Changes the merge makes")
        self.changes.itemChanged.connect(self._on_change_ticked)
        # The choices on the left, the changes of a merge on the right.
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addLayout(self.choices)
        left.addWidget(self.explanation)
        left.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addWidget(self.changes, 1)
        self._options: list[tuple[str, Match | None]] = []
        self.show_item(None)

    # -- showing -----------------------------------------------------------------------
    def show_item(self, item: PlanItem | None) -> None:
        self.item = item
        for button in self.group.buttons():
            self.group.removeButton(button)
            self.choices.removeWidget(button)
            button.hide()  # at once: deleteLater would leave it painted until the next loop
            button.deleteLater()
        self._options = []
        self.changes.clear()
        if item is None:
            self.heading.setText("Select a row to see its matches and choose what to do.")
            self.explanation.setText("")
            self.changes.hide()
            return
        record = item.record
        self.heading.setText(f"Line {record.line}: {describe.who(record.name(), record.company)}")
        self._options.append(("create", None))
        for match in ([item.exact] if item.exact else []) + item.suggestions:
            self._options.append(("merge", match))
        self._options.append(("skip", None))
        for number, (action, match) in enumerate(self._options):
            if action == "create":
                text = "Create a new contact"
            elif action == "skip":
                text = "Skip this row"
            else:
                assert match is not None
                text = "Merge into " + describe.match_text(self.preview, match)
            button = QRadioButton(text)
            button.setObjectName(f"choice_{action}_{number}")
            button.setChecked(self._is_current(item, action, match))
            self.group.addButton(button, number)
            self.choices.addWidget(button)
            button.show()  # now, not when the layout gets round to it
        self._show_changes(item)

    @staticmethod
    def _is_current(item: PlanItem, action: str, match: Match | None) -> bool:
        if action != item.action:
            return False
        if match is None:
            return True
        return (match.contact_id, match.other_index) == (item.contact_id, item.into_index)

    def _show_changes(self, item: PlanItem) -> None:
        self.changes.blockSignals(True)
        self.changes.clear()
        changes = self.preview.changes.get(item.index)
        if item.action != MERGE:
            self.explanation.setText(
                describe.created_text(item) if item.action == "create" else "This row is left out."
            )
            self.changes.hide()
        elif item.into_index is not None:
            earlier = self.preview.plan.items[item.into_index].record
            self.explanation.setText(
                f"Combined with line {earlier.line}, the same person earlier in this file: "
                "what that row lacks is filled from this one."
            )
            self.changes.hide()
        elif not changes:
            self.explanation.setText("The contact already holds everything in this row.")
            self.changes.hide()
        else:
            self.explanation.setText("The merge makes these changes (untick one to keep the old):")
            for change in changes.fields:
                entry = QListWidgetItem(describe.change_text(change))
                entry.setData(FIELD_ROLE, change.field)
                entry.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                accepted = item.accepted is None or change.field in item.accepted
                entry.setCheckState(Qt.CheckState.Checked if accepted else Qt.CheckState.Unchecked)
                self.changes.addItem(entry)
            for text in describe.added_texts(changes):
                self.changes.addItem(QListWidgetItem(text))
            self.changes.show()
        self.changes.blockSignals(False)

    # -- choosing ----------------------------------------------------------------------
    def _on_choice(self, number: int) -> None:
        if self.item is None or not 0 <= number < len(self._options):
            return
        action, match = self._options[number]
        self._choose([self.item], action, match)
        self._show_changes(self.item)

    def _on_change_ticked(self, entry: QListWidgetItem) -> None:
        item = self.item
        if item is None or item.index not in self.preview.changes:
            return
        fields = frozenset(c.field for c in self.preview.changes[item.index].fields)
        ticked = set()
        for row in range(self.changes.count()):
            other = self.changes.item(row)
            field = other.data(FIELD_ROLE)
            if field and other.checkState() == Qt.CheckState.Checked:
                ticked.add(field)
        item.accepted = None if ticked >= fields else frozenset(ticked)
        self.decided.emit([item.index])
