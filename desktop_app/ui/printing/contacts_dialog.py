"""Printing from the Contacts page: which contacts (the selection, the contacts shown, all)
and which layout (a compact table, or a summary of each on its own page)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui.common.widgets.contact_scope import ContactScope, ContactScopeBox

if TYPE_CHECKING:
    from desktop_app.reports.documents import Document
    from desktop_app.store.database import Database

TABLE, SUMMARIES = "table", "summaries"
# A summary reads a contact's whole history: more than this would keep the window waiting.
SUMMARIES_UP_TO = 100


class PrintContactsDialog(QDialog):
    """The choices before a contacts printout; the layout follows the count (one contact:
    its summary, more: the table) until the user picks one."""

    def __init__(self, scope: ContactScope, verb: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printContactsDialog")
        self.setWindowTitle(verb.rstrip("…"))
        layout = QVBoxLayout(self)
        self.scope_box = ContactScopeBox(scope, self)
        layout.addWidget(self.scope_box)
        layout_box = QGroupBox("Layout", self)
        rows = QVBoxLayout(layout_box)
        self.layouts = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        texts = {
            TABLE: "A table, one line per contact",
            SUMMARIES: f"A summary of each contact, one page each (up to {SUMMARIES_UP_TO})",
        }
        for number, (key, text) in enumerate(texts.items()):
            button = QRadioButton(text, layout_box)
            button.setObjectName(f"layout_{key}")
            self.layouts.addButton(button, number)
            self.buttons[key] = button
            rows.addWidget(button)
        layout.addWidget(layout_box)
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        box.button(QDialogButtonBox.StandardButton.Ok).setText(verb)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
        self._layout_chosen = False
        self.layouts.idClicked.connect(self._chosen_by_user)
        self.scope_box.changed.connect(self._follow_count)
        self.setMinimumWidth(440)
        self._follow_count()

    def layout_name(self) -> str:
        return TABLE if self.buttons[TABLE].isChecked() else SUMMARIES

    def _chosen_by_user(self, _id: int) -> None:
        self._layout_chosen = True

    def _follow_count(self) -> None:
        count = self.scope_box.count()
        summaries = self.buttons[SUMMARIES]
        summaries.setEnabled(count <= SUMMARIES_UP_TO)
        if not summaries.isEnabled() or not self._layout_chosen:
            self.buttons[SUMMARIES if count == 1 else TABLE].setChecked(True)

    def document(self, database: Database, *, with_pitch: bool = False) -> Document | None:
        """The printout chosen (None when no contact is left to print)."""
        from desktop_app.store.printouts import contact_ids_for_print
        from desktop_app.ui.printing.sheets import contacts_document

        ids = self.scope_box.contact_ids()
        if ids is None:
            ids = contact_ids_for_print(database, archived=True)
        if not ids:
            return None
        as_list = self.layout_name() == TABLE
        return contacts_document(database, ids, as_list=as_list, with_pitch=with_pitch)


def choose_contacts_printout(  # type: ignore[no-untyped-def]
    parent: QWidget, database: Database, scope: ContactScope, verb: str, *, with_pitch=False
) -> Document | None:
    """Ask which contacts and which layout, then build the document; None on Cancel."""
    dialog = PrintContactsDialog(scope, verb, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        # A hundred summaries take a moment to read.
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return dialog.document(database, with_pitch=with_pitch)
        finally:
            QGuiApplication.restoreOverrideCursor()
    finally:
        dialog.deleteLater()
