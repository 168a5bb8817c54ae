"""The contact dialog (new and edit): every field, messages beside the fields at fault,
and nothing typed is lost without the user saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app import validation
from desktop_app.ui import labels
from desktop_app.ui.widgets.field_error import error_label
from desktop_app.ui.widgets.tags_edit import TagsEdit

if TYPE_CHECKING:
    from desktop_app.store.records import ContactInput, LabelledValue

Submit = Callable[["ContactInput"], None]


def _text_box(parent: QWidget, lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 12)
    return box


class ContactDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        known_tags: list[str],
        submit: Submit,
        initial: ContactInput | None = None,
    ) -> None:
        super().__init__(parent)
        from desktop_app.store.records import ContactInput

        self.setObjectName("contactDialog")
        self.submit = submit
        self.initial = initial or ContactInput()
        self._labels = {
            "emails": {e.value: e.label for e in self.initial.emails},
            "phones": {p.value: p.label for p in self.initial.phones},
        }
        self._tried = False
        self.setWindowTitle("Edit Contact" if initial else "New Contact")
        self._build(known_tags)
        self._load(self.initial)
        self.resize(max(860, self.sizeHint().width()), self.sizeHint().height())

    # -- construction ----------------------------------------------------------------
    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _combo(self, name: str, items: list[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, value in items:
            combo.addItem(text, value)
        return combo

    def _with_error(self, field: QWidget, name: str) -> QWidget:
        holder = QWidget(self)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        self.errors[name] = error_label(holder, name)
        layout.addWidget(self.errors[name])
        return holder

    def _build(self, known_tags: list[str]) -> None:
        self.errors: dict[str, QLabel] = {}
        self.first_name = self._line("firstName")
        self.middle_name = self._line("middleName")
        self.last_name = self._line("lastName")
        self.title_edit = self._line("title")
        self.company = self._line("company")
        self.industry = self._line("industry")
        self.location = self._line("location")
        self.emails = self._line("emails", "name@example.com (several: separate by commas)")
        self.phones = self._line("phones", "+1 555 010 7788 (kept as you type it)")
        self.linkedin = self._line("linkedin", "https://www.linkedin.com/in/…")
        person = QFormLayout()
        person.addRow("&First name:", self._with_error(self.first_name, "name"))
        person.addRow("&Middle name:", self.middle_name)
        person.addRow("&Last name:", self.last_name)
        person.addRow("&Title:", self.title_edit)
        person.addRow("Compan&y:", self.company)
        person.addRow("&Industry:", self.industry)
        person.addRow("Locatio&n:", self.location)
        person.addRow("&E-mail:", self._with_error(self.emails, "emails"))
        person.addRow("&Phone:", self._with_error(self.phones, "phones"))
        person.addRow("Lin&kedIn:", self._with_error(self.linkedin, "linkedin"))

        self.seniority = self._combo(
            "seniority", [("Not set", None), *((v, k) for k, v in labels.SENIORITY.items())]
        )
        self.seniority.setToolTip("Their level relative to yours")
        self.circle = self._combo("circle", [(v, k) for k, v in labels.CIRCLE.items()])
        self.status = self._combo("status", [(v, k) for k, v in labels.STATUS.items()])
        self.tags = TagsEdit(known_tags, self)
        self.tags.setObjectName("tags")
        self.how_met = self._line("howMet", "Where and how you met")
        self.can_help = _text_box(self, 2)
        self.can_help.setObjectName("canHelpWith")
        self.i_can_offer = _text_box(self, 2)
        self.i_can_offer.setObjectName("iCanOffer")
        self.interests = self._line("sharedInterests")
        self.notes = _text_box(self, 4)
        self.notes.setObjectName("notes")
        relation = QFormLayout()
        relation.addRow("&Seniority:", self.seniority)
        relation.addRow("&Circle:", self.circle)
        relation.addRow("Stat&us:", self.status)
        relation.addRow("T&ags:", self.tags)
        relation.addRow("&How we met:", self.how_met)
        relation.addRow("They can help &with:", self.can_help)
        relation.addRow("I can &offer:", self.i_can_offer)
        relation.addRow("Shared inte&rests:", self.interests)
        relation.addRow("Notes:", self.notes)

        self.problem = error_label(self, "save")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        for number, form in enumerate((person, relation)):
            column = QVBoxLayout()  # rows at the top, not spread over the height
            column.addLayout(form)
            column.addStretch(1)
            if number:
                columns.addSpacing(16)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        for edit in (self.first_name, self.middle_name, self.last_name, self.emails):
            edit.textChanged.connect(self._revalidate)
        for edit in (self.phones, self.linkedin):
            edit.textChanged.connect(self._revalidate)

    # -- values ----------------------------------------------------------------------
    def _load(self, data: ContactInput) -> None:
        self.first_name.setText(data.first_name)
        self.middle_name.setText(data.middle_name)
        self.last_name.setText(data.last_name)
        self.title_edit.setText(data.title)
        self.company.setText(data.company)
        self.industry.setText(data.industry)
        self.location.setText(data.location)
        self.emails.setText(", ".join(e.value for e in data.emails))
        self.phones.setText(", ".join(p.value for p in data.phones))
        self.linkedin.setText(data.linkedin_url)
        self.seniority.setCurrentIndex(max(self.seniority.findData(data.seniority), 0))
        self.circle.setCurrentIndex(max(self.circle.findData(data.circle), 0))
        self.status.setCurrentIndex(max(self.status.findData(data.status), 0))
        self.tags.set_tags(data.tags)
        self.how_met.setText(data.how_met)
        self.can_help.setPlainText(data.can_help_with)
        self.i_can_offer.setPlainText(data.i_can_offer)
        self.interests.setText(data.shared_interests)
        self.notes.setPlainText(data.notes)

    def _labelled(self, kind: str, text: str) -> tuple[LabelledValue, ...]:
        from desktop_app.store.records import LabelledValue

        known = self._labels[kind]
        return tuple(
            LabelledValue(value, known.get(value, "")) for value in validation.split_entries(text)
        )

    def value(self) -> ContactInput:
        from desktop_app.store.records import ContactInput

        return ContactInput(
            first_name=self.first_name.text().strip(),
            middle_name=self.middle_name.text().strip(),
            last_name=self.last_name.text().strip(),
            title=self.title_edit.text().strip(),
            company=self.company.text().strip(),
            industry=self.industry.text().strip(),
            location=self.location.text().strip(),
            linkedin_url=self.linkedin.text().strip(),
            seniority=self.seniority.currentData(),
            circle=self.circle.currentData(),
            how_met=self.how_met.text().strip(),
            met_at_event_id=self.initial.met_at_event_id,
            shared_interests=self.interests.text().strip(),
            can_help_with=self.can_help.toPlainText().strip(),
            i_can_offer=self.i_can_offer.toPlainText().strip(),
            notes=self.notes.toPlainText().strip(),
            status=self.status.currentData(),
            emails=self._labelled("emails", self.emails.text()),
            phones=self._labelled("phones", self.phones.text()),
            tags=tuple(self.tags.tags()),
        )

    def is_modified(self) -> bool:
        return self.value() != self.initial

    # -- validation and saving -------------------------------------------------------
    def problems(self) -> dict[str, str]:
        found = {
            "name": validation.check_name(
                self.first_name.text(), self.middle_name.text(), self.last_name.text()
            ),
            "emails": validation.check_emails(self.emails.text()),
            "phones": validation.check_phones(self.phones.text()),
            "linkedin": validation.check_web_address(self.linkedin.text()),
        }
        return {key: message for key, message in found.items() if message}

    def _show_problems(self) -> dict[str, str]:
        found = self.problems()
        for key, label in self.errors.items():
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        return found

    def _revalidate(self) -> None:
        if self._tried:
            self._show_problems()

    def save(self) -> None:
        """Check every field; write only when all are right, else say what to fix where."""
        from desktop_app.store.errors import StoreError

        self._tried = True
        found = self._show_problems()
        if found:
            field = {
                "name": self.first_name,
                "emails": self.emails,
                "phones": self.phones,
                "linkedin": self.linkedin,
            }[next(iter(found))]
            field.setFocus()
            return
        try:
            self.submit(self.value())
        except StoreError as exc:
            self.problem.setText(exc.message)
            self.problem.show()
            return
        self.accept()

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask before losing what was typed."""
        if self.is_modified():
            box = QMessageBox(
                QMessageBox.Icon.Question,
                "Unsaved changes",
                "This contact has changes that are not saved.",
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setObjectName("unsavedChangesBox")
            box.setDefaultButton(QMessageBox.StandardButton.Save)
            answer = box.exec()
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()
