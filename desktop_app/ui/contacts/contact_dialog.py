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
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app import validation
from desktop_app.ui.common import labels
from desktop_app.ui.common.messages import Button, ask
from desktop_app.ui.common.undo import saved_or_said
from desktop_app.ui.common.widgets.field_error import error_label
from desktop_app.ui.common.widgets.tags_edit import TagsEdit
from desktop_app.ui.contacts.keep_in_touch_fields import BirthdayEdit, CadenceCombo

if TYPE_CHECKING:
    from desktop_app.store.records import ContactInput, LabelledValue

Submit = Callable[["ContactInput"], None]

# Each text field: its attribute, how a message names it, its longest text, and whether
# it takes several lines. E-mails and phones are held to their limit one entry at a time.
TEXT_FIELDS = (
    ("first_name", "The first name", validation.MAX_NAME_PART, False),
    ("middle_name", "The middle name", validation.MAX_NAME_PART, False),
    ("last_name", "The last name", validation.MAX_NAME_PART, False),
    ("title_edit", "The title", validation.MAX_SHORT_TEXT, False),
    ("company", "The company", validation.MAX_SHORT_TEXT, False),
    ("industry", "The industry", validation.MAX_LABEL_TEXT, False),
    ("location", "The location", validation.MAX_LABEL_TEXT, False),
    ("emails", "An e-mail address", validation.MAX_EMAIL, False),
    ("phones", "A phone number", validation.MAX_PHONE, False),
    ("linkedin", "The LinkedIn address", validation.MAX_WEB_ADDRESS, False),
    ("tags", "A tag", validation.MAX_TAG, False),
    ("how_met", "“How we met”", validation.MAX_SHORT_TEXT, False),
    ("can_help", "“They can help with”", validation.MAX_FREE_TEXT, True),
    ("i_can_offer", "“I can offer”", validation.MAX_FREE_TEXT, True),
    ("interests", "“Shared interests”", validation.MAX_SHORT_TEXT, False),
    ("notes", "The notes field", validation.MAX_FREE_TEXT, True),
)


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
        default_cadence: str | None = None,
    ) -> None:
        """``default_cadence``: what their tags and verdict come to, where that is known."""
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
        self._build(known_tags, default_cadence)
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

    def _build(self, known_tags: list[str], default_cadence: str | None) -> None:
        self.errors: dict[str, QLabel] = {}
        self.first_name = self._line("firstName")
        self.middle_name = self._line("middleName")
        self.last_name = self._line("lastName")
        self.title_edit = self._line("title")
        self.company = self._line("company")
        self.industry = self._line("industry")
        self.location = self._line("location")
        self.emails = self._line("emails", "name@example.com, name@example.org")
        self.phones = self._line("phones", "+1 555 010 7788 (kept as you type it)")
        self.linkedin = self._line("linkedin", "https://www.linkedin.com/in/…")
        self.birthday = BirthdayEdit(self)
        person = QFormLayout()
        person.addRow("&First name:", self._with_error(self.first_name, "name"))
        person.addRow("&Middle name:", self._with_error(self.middle_name, "middle_name"))
        person.addRow("&Last name:", self._with_error(self.last_name, "last_name"))
        person.addRow("&Title:", self._with_error(self.title_edit, "title_edit"))
        person.addRow("Compan&y:", self._with_error(self.company, "company"))
        person.addRow("&Industry:", self._with_error(self.industry, "industry"))
        person.addRow("Locatio&n:", self._with_error(self.location, "location"))
        person.addRow("&E-mail:", self._with_error(self.emails, "emails"))
        person.addRow("&Phone:", self._with_error(self.phones, "phones"))
        person.addRow("Lin&kedIn:", self._with_error(self.linkedin, "linkedin"))
        person.addRow("&Birthday:", self._with_error(self.birthday, "birthday"))

        self.seniority = self._combo(
            "seniority", [("Not set", None), *((v, k) for k, v in labels.SENIORITY.items())]
        )
        self.seniority.setToolTip("Their level relative to yours")
        self.circle = self._combo("circle", [(v, k) for k, v in labels.CIRCLE.items()])
        self.status = self._combo("status", [(v, k) for k, v in labels.STATUS.items()])
        self.tags = TagsEdit(known_tags, self)
        self.tags.setObjectName("tags")
        self.cadence = CadenceCombo(self, default_cadence)
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
        relation.addRow("T&ags:", self._with_error(self.tags, "tags"))
        relation.addRow("Keep in touch:", self.cadence)  # its every letter is taken
        relation.addRow("&How we met:", self._with_error(self.how_met, "how_met"))
        relation.addRow("They can help &with:", self._with_error(self.can_help, "can_help"))
        relation.addRow("I can &offer:", self._with_error(self.i_can_offer, "i_can_offer"))
        relation.addRow("Shared inte&rests:", self._with_error(self.interests, "interests"))
        relation.addRow("Notes:", self._with_error(self.notes, "notes"))

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
        for attribute, *_rest in TEXT_FIELDS:
            getattr(self, attribute).textChanged.connect(self._revalidate)
        self.birthday.changed.connect(self._revalidate)

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
        self.cadence.set_cadence(data.touch_cadence)
        self.birthday.set_birthday(data.birthday)
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
            touch_cadence=self.cadence.cadence(),
            birthday=self.birthday.birthday(),
        )

    def is_modified(self) -> bool:
        # A birthday that is not a day reads as none: typed all the same.
        return self.value() != self.initial or self.birthday.problem() is not None

    # -- validation and saving -------------------------------------------------------
    def _text(self, attribute: str) -> str:
        field = getattr(self, attribute)
        return field.toPlainText() if isinstance(field, QPlainTextEdit) else field.text()

    def _text_problem(self, attribute: str, label: str, limit: int, multiline: bool) -> str | None:
        """Too long, or a control character: said of the field itself."""
        text = self._text(attribute)
        entries = validation.split_entries(text) if attribute in ("emails", "phones") else [text]
        if attribute == "tags":
            entries = self.tags.tags()
        for entry in entries:
            problem = validation.check_length(label, entry, limit)
            problem = problem or validation.check_control_characters(
                label, entry, multiline=multiline
            )
            if problem:
                return problem
        return None

    def problems(self) -> dict[str, str]:
        """What to fix, keyed by field (the name's message sits under the first name)."""
        found: dict[str, str | None] = {
            attribute: self._text_problem(attribute, label, limit, multiline)
            for attribute, label, limit, multiline in TEXT_FIELDS
        }
        found["name"] = found.pop("first_name") or validation.check_name(
            self.first_name.text(), self.middle_name.text(), self.last_name.text()
        )
        found["emails"] = found["emails"] or validation.check_emails(self.emails.text())
        found["phones"] = found["phones"] or validation.check_phones(self.phones.text())
        found["linkedin"] = found["linkedin"] or validation.check_web_address(self.linkedin.text())
        found["birthday"] = self.birthday.problem()
        order = ["name", *(attribute for attribute, *_rest in TEXT_FIELDS[1:10]), "birthday"]
        order += [attribute for attribute, *_rest in TEXT_FIELDS[10:]]
        return {key: message for key in order if (message := found.get(key))}

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

        self._tried = True
        found = self._show_problems()
        if found:
            first = next(iter(found))
            getattr(self, "first_name" if first == "name" else first).setFocus()
            return
        if saved_or_said(self, self.problem, lambda: self.submit(self.value())):
            self.accept()

    def reject(self) -> None:
        """Cancel, Escape or closing the window: ask before losing what was typed."""
        if self.is_modified():
            answer = ask(
                self,
                "Unsaved changes",
                "This contact has changes that are not saved.",
                Button.Save | Button.Discard | Button.Cancel,
                default=Button.Save,
                name="unsavedChangesBox",
            )
            if answer == Button.Save:
                self.save()
                return
            if answer != Button.Discard:
                return
        super().reject()
