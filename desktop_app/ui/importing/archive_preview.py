"""The preview of LinkedIn's data export: whose archive it is, what the messages and
invitations become, the strangers who wrote to you, and whether to keep the text.

Nothing is written here. Changing the owner or "Keep message text" has the archive read
and planned again (``reread``, on the worker thread: the flow does it and hands the new
plan to ``show_plan``); ticking strangers only changes who is created. Import writes the
plan as it then stands, in one transaction.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.evidence_wording import (
    archive_line,
    found_by,
    invitations_line,
    messages_line,
)
from desktop_app.exchange.plan import CREATE, MERGE
from desktop_app.ui.importing.decision import plain_label
from desktop_app.ui.importing.evidence_people_model import EvidencePeopleModel, PersonRow
from desktop_app.ui.importing.tabs import import_buttons, table_view
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.linkedin_evidence import LinkedInPlan

OWNER_CHOICES = 12  # the people with most interactions offered as the owner
_STATUS = {"contact": "a contact", "connection": "a new connection"}


def people_rows(plan: LinkedInPlan) -> list[PersonRow]:
    """Everyone the messages and invitations are with, strangers first, most active first."""
    rows = [
        PersonRow(
            identity,
            planned.person.name or planned.person.profile_url,
            planned.person.profile_url,
            planned.interactions,
            _STATUS.get(planned.match, "not a contact"),
            planned.match == "stranger",
        )
        for identity, planned in plan.people.items()
    ]
    return sorted(rows, key=lambda row: (not row.stranger, -row.interactions, row.name))


class ArchivePreviewDialog(QDialog):
    # The owner (a name or profile address, "" for the archive's own) and whether to keep
    # the text: read the archive again with these.
    reread = Signal(str, bool)

    def __init__(
        self, plan: LinkedInPlan, parent: QWidget | None = None, *, owner: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("archivePreviewDialog")
        self.setWindowTitle(f"Import “{Path(plan.source).name}”")
        self.plan = plan
        self.keep_text_read = False  # whether the plan's interactions carry the text
        self.owner_read = ""  # the owner the plan was read as ("": the archive's own)
        self.people_model = EvidencePeopleModel(self)
        self.people_model.choices_changed.connect(self._refresh_summary)

        self.header = plain_label()
        self.header.setObjectName("archiveHeader")
        self.owner = QComboBox()
        self.owner.setObjectName("archiveOwner")
        self.owner.setEditable(True)
        self.owner.setAccessibleName("Whose archive it is")
        self.owner.setToolTip(
            "Whose messages these are: choose someone else, or type a name or profile "
            "address and press Enter, and the archive is read again as theirs."
        )
        self.owner.textActivated.connect(self._on_owner)
        self.found_by = plain_label()
        self.keep_text = QCheckBox("&Keep message text")
        self.keep_text.setObjectName("keepText")
        self.keep_text.setToolTip(
            "Off: only who wrote first, when, and whether they answered are kept. "
            "On: each interaction's note holds the messages' text (plain text)."
        )
        self.keep_text.toggled.connect(lambda on: self.reread.emit(self.owner_read, on))
        owner_row = QHBoxLayout()
        owner_row.addWidget(self.owner, 1)
        owner_row.addWidget(self.found_by, 1)
        form = QFormLayout()
        form.addRow("Whose archive:", owner_row)
        form.addRow("", self.keep_text)

        counts = QGroupBox("What the archive becomes")
        self.messages = plain_label()
        self.messages.setObjectName("archiveMessages")
        self.invitations = plain_label()
        self.invitations.setObjectName("archiveInvitations")
        self.evidence = plain_label()
        self.evidence.setObjectName("archiveEvidence")
        self.connections = plain_label()
        self.connections.setObjectName("archiveConnections")
        box = QVBoxLayout(counts)
        for label in (self.messages, self.invitations, self.connections, self.evidence):
            box.addWidget(label)

        self.people_label = plain_label()
        self.people_table = table_view(self.people_model, "archivePeopleTable")
        self.people_table.setAccessibleName("People of the archive")
        for column, width in enumerate((240, 330, 90)):
            self.people_table.setColumnWidth(column, width)
        self.create_all = QPushButton("Create &All")
        self.create_all.setToolTip("Make every stranger who wrote to you a contact")
        self.create_all.clicked.connect(lambda: self.people_model.create_all(True))
        self.skip_all = QPushButton("Skip A&ll")
        self.skip_all.setToolTip("Create none of the strangers (their messages are left out)")
        self.skip_all.clicked.connect(lambda: self.people_model.create_all(False))
        people_bar = QHBoxLayout()
        people_bar.addWidget(self.people_label, 1)
        people_bar.addWidget(self.create_all)
        people_bar.addWidget(self.skip_all)

        self.summary = plain_label()
        self.summary.setObjectName("archiveSummary")
        self.buttons, self.import_button = import_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(form)
        layout.addWidget(counts)
        layout.addLayout(people_bar)
        layout.addWidget(self.people_table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.resize(1040, 700)
        self.show_plan(plan, keep_text=False, owner=owner)

    @property
    def owner_asked(self) -> str:
        """The owner as chosen: a profile address when the choice has one, else the text."""
        text = self.owner.currentText().strip()
        index = self.owner.findText(text)
        address = self.owner.itemData(index) if index >= 0 else None
        return address or text

    def show_plan(self, plan: LinkedInPlan, *, keep_text: bool, owner: str = "") -> None:
        """Show ``plan`` (a new one after a re-reading, as ``owner``'s when given); the
        strangers ticked stay ticked."""
        self.plan = plan
        self.keep_text_read = keep_text
        self.owner_read = owner
        contents = plan.contents
        self.header.setText(
            f"{archive_line(contents, plan.source)} Each person is found by profile address, "
            "then e-mail, then exact name among your contacts. Nothing is written until you "
            "choose Import."
        )
        self._fill_owner_choices()
        self.found_by.setText(f"({found_by(contents)})" if contents.owner else "")
        self.keep_text.blockSignals(True)
        self.keep_text.setChecked(keep_text)
        self.keep_text.blockSignals(False)
        people = len({i.counterpart.identity for i in contents.interactions})
        self.messages.setText(messages_line(contents.summary, people))
        self.invitations.setText(invitations_line(contents.invitations))
        self.connections.setText(self._connections_text())
        matched = [p for p in plan.people.values() if p.match != "stranger"]
        self.evidence.setText(
            f"Evidence: {count_of(sum(p.interactions for p in matched), 'interaction')} with "
            f"{count_of(len(matched), 'person', 'people')} who are contacts or connections "
            f"({plan.already:,} of all imported before)."
        )
        self.people_model.set_rows(people_rows(plan))
        strangers = len(self.people_model.strangers)
        self.people_label.setText(
            f"People ({len(self.people_model.rows):,}). {count_of(strangers, 'stranger')} "
            "wrote to you or were written to and are not contacts: tick those to create; "
            "the others' messages are left out."
            if strangers
            else f"People ({len(self.people_model.rows):,}): every one is a contact or a "
            "connection of this archive."
        )
        for button in (self.create_all, self.skip_all):
            button.setEnabled(bool(strangers))
        self.set_busy(False)
        self._refresh_summary()

    def _connections_text(self) -> str:
        preview = self.plan.connections
        unchanged = self.plan.connections_unchanged
        if preview is None:
            return (
                f"Connections: {count_of(unchanged, 'contact')} already as the export has them."
                if unchanged
                else "Connections: none in this archive."
            )
        items = preview.plan
        return (
            f"Connections: {items.count(CREATE):,} to create, {items.count(MERGE):,} to merge "
            f"into contacts, {unchanged:,} already as the export has them."
        )

    def _fill_owner_choices(self) -> None:
        """The owner found, then the people with most interactions (an owner found wrongly
        shows up among them, having written in every conversation)."""
        owner = self.plan.contents.owner
        self.owner.blockSignals(True)
        self.owner.clear()
        if owner is not None:
            self.owner.addItem(owner.person.name, owner.person.profile_url)
        busiest = sorted(self.plan.people.values(), key=lambda p: -p.interactions)
        for planned in busiest[:OWNER_CHOICES]:
            if planned.person.name and self.owner.findText(planned.person.name) < 0:
                self.owner.addItem(planned.person.name, planned.person.profile_url)
        self.owner.setCurrentIndex(0 if owner is not None else -1)
        self.owner.blockSignals(False)

    def _on_owner(self, text: str) -> None:
        current = self.plan.contents.owner
        if text.strip() and (current is None or text.strip() != current.person.name):
            self.reread.emit(self.owner_asked, self.keep_text.isChecked())

    def set_busy(self, busy: bool) -> None:
        """While the archive is read again: nothing to change, nothing to import."""
        for widget in (self.owner, self.keep_text, self.people_table, self.import_button):
            widget.setEnabled(not busy)
        if busy:
            self.summary.setText("Reading the archive again…")

    def restore(self) -> None:
        """A re-reading failed: the plan shown stays, and so do its owner and text box."""
        self.show_plan(self.plan, keep_text=self.keep_text_read, owner=self.owner_read)

    def apply_choices(self) -> LinkedInPlan:
        """The plan with the strangers ticked to be created."""
        self.plan.create_strangers = False
        self.plan.to_create = set(self.people_model.to_create)
        return self.plan

    def _refresh_summary(self) -> None:
        strangers = self.people_model.strangers
        created = len(self.people_model.to_create)
        parts = [
            f"Import writes {count_of(len(self.plan.rows) - self.plan.already, 'new interaction')}"
            " at most, in one transaction",
        ]
        if strangers:
            parts.append(
                f"{count_of(created, 'stranger')} to create, {len(strangers) - created:,} skipped"
            )
        parts.append("message text kept" if self.keep_text_read else "no message text kept")
        self.summary.setText("; ".join(parts) + ".")
