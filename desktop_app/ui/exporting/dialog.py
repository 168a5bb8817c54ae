"""File → Export…: which export and, for contacts, which of them; then where (the flow asks
for the file)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.exchange.formats import EXPORT_FORMATS
from desktop_app.ui.common.widgets.contact_scope import ContactScope, ContactScopeBox

EXPLANATIONS = {
    "csv": "One row per contact, for a spreadsheet. Cells that a spreadsheet would run as a "
    "formula are written so that they show as text.",
    "vcard": "One card per contact (vCard 4.0), for an address book or a phone.",
    "ics": "Events and open follow-ups, for a calendar program.",
    "json": "Every contact, event, interaction, goal and pitch, which NetWise can restore "
    "exactly into a new database.",
}
CONTACT_FORMATS = ("csv", "vcard")  # the formats that can take some contacts only


class ExportDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        chosen: str = "csv",
        scope: ContactScope | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("What do you want to export?"))
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.include_done = QCheckBox("Include follow-ups already done")
        self.include_done.setObjectName("includeDone")
        for number, (name, form) in enumerate(EXPORT_FORMATS.items()):
            button = QRadioButton(form.label)
            button.setObjectName(f"export_{name}")
            self.group.addButton(button, number)
            self.buttons[name] = button
            layout.addWidget(button)
            explanation = QLabel(EXPLANATIONS[name])
            explanation.setTextFormat(Qt.TextFormat.PlainText)
            explanation.setWordWrap(True)
            explanation.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(explanation)
            if name == "ics":  # its option, under it
                row = QHBoxLayout()
                row.addSpacing(24)
                row.addWidget(self.include_done, 1)
                layout.addLayout(row)
        # Offered from the Contacts page: its selection, its filter, or everyone.
        self.scope_box = ContactScopeBox(scope, self) if scope is not None else None
        if self.scope_box is not None:
            layout.addWidget(self.scope_box)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText("Export…")
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self.group.idToggled.connect(lambda *_: self._update())
        self.buttons.get(chosen, self.buttons["csv"]).setChecked(True)
        self.setMinimumWidth(460)
        self._update()

    def format_name(self) -> str:
        return next(name for name, button in self.buttons.items() if button.isChecked())

    def contact_ids(self) -> list[int] | None:
        """The contacts a contacts export takes, in the table's order; None for all."""
        if self.scope_box is None or self.format_name() not in CONTACT_FORMATS:
            return None
        return self.scope_box.contact_ids()

    def _update(self) -> None:
        self.include_done.setEnabled(self.buttons["ics"].isChecked())
        if self.scope_box is not None:
            self.scope_box.setEnabled(self.format_name() in CONTACT_FORMATS)
