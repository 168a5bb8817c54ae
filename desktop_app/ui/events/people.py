"""Adding people to an event: pick an existing contact by name, or create one on the spot."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.ui import labels
from desktop_app.ui.widgets.field_error import error_label

Finder = Callable[[str], list[tuple[int, str, str]]]


def role_combo() -> QComboBox:
    combo = QComboBox()
    combo.addItem(labels.ATTENDANCE_ROLE["met"], "met")
    combo.addItem(labels.ATTENDANCE_ROLE["planned"], "planned")
    return combo


class PersonPicker(QWidget):
    """A name field that completes from the contacts, a role, and Add / New person."""

    chosen = Signal(int, str)  # contact id, role
    new_person_requested = Signal(str, str)  # typed name, role

    def __init__(self, find: Finder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._find = find
        self._matches: dict[str, int] = {}
        self.name = QLineEdit()
        self.name.setPlaceholderText("Type a name to add someone…")
        self.name.setAccessibleName("Person to add")
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(self._on_completion)
        self.name.setCompleter(completer)
        self.name.textEdited.connect(self._update_completions)
        self.name.returnPressed.connect(self._add_typed)
        self.role = role_combo()
        self.add_button = QPushButton("&Add")
        self.add_button.clicked.connect(self._add_typed)
        self.new_button = QPushButton("&New Person…")
        self.new_button.clicked.connect(
            lambda: self.new_person_requested.emit(self.name.text().strip(), self.role_code())
        )
        self.message = error_label(self, "person")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.name, 1)
        row.addWidget(self.role)
        row.addWidget(self.add_button)
        row.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def role_code(self) -> str:
        return self.role.currentData()

    def _update_completions(self, typed: str) -> None:
        self.message.hide()
        found = self._find(typed) if len(typed.strip()) >= 1 else []
        self._matches = {
            f"{name} — {company}" if company else name: contact_id
            for contact_id, name, company in found
        }
        self._completions.setStringList(list(self._matches))

    def _on_completion(self, text: str) -> None:
        contact_id = self._matches.get(text)
        if contact_id is not None:
            self.chosen.emit(contact_id, self.role_code())
            self.name.clear()

    def _add_typed(self) -> None:
        typed = self.name.text().strip()
        if not typed:
            return
        exact = self._matches.get(typed)
        if exact is None:
            found = self._find(typed)
            same = [c for c in found if c[1].casefold() == typed.casefold()]
            exact = same[0][0] if len(same) == 1 else None
        if exact is None:
            self.message.setText(
                f"No single contact is called “{typed}”: pick one from the list, or use New Person…"
            )
            self.message.show()
            return
        self.chosen.emit(exact, self.role_code())
        self.name.clear()


class NewPersonDialog(QDialog):
    """First name, last name, company, title: a contact met at (or planned for) an event."""

    def __init__(self, event_name: str, typed: str, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"New Person — {event_name}")
        first, _, last = typed.partition(" ")
        self.first_name = QLineEdit(first)
        self.last_name = QLineEdit(last)
        self.company = QLineEdit()
        self.title = QLineEdit()
        self.role = role_combo()
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.error = error_label(self, "name")
        form = QFormLayout()
        form.addRow("&First name:", self.first_name)
        form.addRow("&Last name:", self.last_name)
        form.addRow("", self.error)
        form.addRow("&Company:", self.company)
        form.addRow("&Title:", self.title)
        form.addRow("&At this event:", self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """A person needs at least a first or a last name."""
        if not (self.first_name.text().strip() or self.last_name.text().strip()):
            self.error.setText("Give at least a first or a last name.")
            self.error.show()
            self.first_name.setFocus()
            return
        super().accept()
