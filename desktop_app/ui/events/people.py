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

from desktop_app.ui.common import labels
from desktop_app.ui.common.widgets.field_error import error_label
from desktop_app.validation import (
    MAX_EMAIL,
    MAX_NAME_PART,
    MAX_SHORT_TEXT,
    check_control_characters,
    check_email,
    check_length,
)

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
    """Name, company, title and e-mail: a contact met at (or planned for) an event."""

    def __init__(self, event_name: str, typed: str, role: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"New Person — {event_name}")
        first, _, last = typed.partition(" ")
        self.first_name = QLineEdit(first)
        self.last_name = QLineEdit(last)
        self.company = QLineEdit()
        self.title = QLineEdit()
        self.email = QLineEdit()
        self.email.setPlaceholderText("name@example.com")
        self.role = role_combo()
        self.role.setCurrentIndex(max(0, self.role.findData(role)))
        self.errors = {key: error_label(self, key) for key in ("name", "company", "title", "email")}
        self.error = self.errors["name"]
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&First name:", self.first_name)
        form.addRow("&Last name:", self.last_name)
        form.addRow("", self.errors["name"])
        form.addRow("&Company:", self.company)
        form.addRow("", self.errors["company"])
        form.addRow("&Title:", self.title)
        form.addRow("", self.errors["title"])
        form.addRow("&E-mail:", self.email)
        form.addRow("", self.errors["email"])
        form.addRow("&At this event:", self.role)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        # Room for the fields and for the title with the event's name (window managers
        # cut a title wider than the window: "New Pers… NetWise").
        metrics = self.fontMetrics()
        wanted = metrics.horizontalAdvance(f"{self.windowTitle()} — NetWise") + 120
        self.setMinimumWidth(min(max(metrics.averageCharWidth() * 60, wanted), 720))

    def problems(self) -> dict[str, str]:
        """What keeps each field from being saved, by field."""
        first, last = self.first_name.text(), self.last_name.text()
        email = self.email.text().strip()
        checks = {
            "name": [
                None
                if (first.strip() or last.strip())
                else "Give at least a first or a last name.",
                check_length("The first name", first, MAX_NAME_PART),
                check_length("The last name", last, MAX_NAME_PART),
                check_control_characters("The first name", first),
                check_control_characters("The last name", last),
            ],
            "company": [
                check_length("The company", self.company.text(), MAX_SHORT_TEXT),
                check_control_characters("The company", self.company.text()),
            ],
            "title": [
                check_length("The title", self.title.text(), MAX_SHORT_TEXT),
                check_control_characters("The title", self.title.text()),
            ],
            "email": [
                check_length("The e-mail address", email, MAX_EMAIL),
                check_control_characters("The e-mail address", email),
                check_email(email) if email else None,
            ],
        }
        return {
            key: found[0]
            for key, messages in checks.items()
            if (found := [message for message in messages if message])
        }

    def accept(self) -> None:
        """Saved only when every field can be: a name, and a real e-mail address if any."""
        problems = self.problems()
        fields = {
            "name": self.first_name,
            "company": self.company,
            "title": self.title,
            "email": self.email,
        }
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        if problems:
            self.adjustSize()  # room for the messages just shown
            fields[next(iter(problems))].setFocus()
            return
        super().accept()
