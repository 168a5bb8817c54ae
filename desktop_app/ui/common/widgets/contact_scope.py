"""Which contacts an export or a printout takes: the selection, the contacts the filter
shows, or all of them.

The Contacts page hands out a ``ContactScope`` (a snapshot of its selection and a way to
read the filtered list); the export and print dialogs show a ``ContactScopeBox`` over it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QRadioButton, QVBoxLayout, QWidget

from desktop_app.ui.common import labels
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.contacts_query import ContactFilter

SELECTED, SHOWN, EVERYONE = "selected", "shown", "everyone"


@dataclass(frozen=True)
class ContactScope:
    """The Contacts page's selection and filter, as an export or a printout needs them."""

    selected: tuple[int, ...]  # in the table's order
    shown: Callable[[], list[int]]  # the contacts the filter shows, in the table's order
    shown_count: int
    total: int  # every contact, archived ones too
    contact_filter: ContactFilter | None = None


def scope_of(page: QWidget) -> ContactScope | None:
    """The page's selection and filter of contacts, if it offers them (the Contacts page)."""
    offer = getattr(page, "contact_scope", None)
    return offer() if callable(offer) else None


def describe_filter(contact_filter: ContactFilter | None) -> str:
    """The filter in a few words: ``search “ann”, tag “mentor”``."""
    from desktop_app.store.contacts_query import STATUS_ANY, STATUS_NOT_ARCHIVED

    if contact_filter is None:
        return "the current filter"
    parts = []
    if contact_filter.text.strip():
        parts.append(f"search “{contact_filter.text.strip()}”")
    if contact_filter.tag:
        parts.append(f"tag “{contact_filter.tag}”")
    if contact_filter.seniority:
        parts.append(labels.SENIORITY.get(contact_filter.seniority, "no level").lower())
    if contact_filter.circle:
        parts.append(labels.CIRCLE.get(contact_filter.circle, contact_filter.circle).lower())
    if contact_filter.status not in (STATUS_ANY, STATUS_NOT_ARCHIVED):
        parts.append(labels.STATUS.get(contact_filter.status, contact_filter.status).lower())
    for key, value in contact_filter.equals:
        from desktop_app.insights.verdicts import VERDICT_LABELS

        parts.append(VERDICT_LABELS.get(value, "") if key == "verdict" else "")
    if contact_filter.status == STATUS_NOT_ARCHIVED:
        parts.append("archived ones left out")
    return ", ".join(p for p in parts if p) or "no filter"


class ContactScopeBox(QGroupBox):
    """Three choices with their counts; the selection first when there is one."""

    changed = Signal()

    def __init__(self, scope: ContactScope, parent: QWidget | None = None) -> None:
        super().__init__("Which contacts", parent)
        self.setObjectName("contactScope")
        self.scope = scope
        layout = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        shown = count_of(scope.shown_count, "contact")
        texts = {
            SELECTED: f"The {count_of(len(scope.selected), 'selected contact')}",
            SHOWN: f"The {shown} shown ({describe_filter(scope.contact_filter)})",
            EVERYONE: f"All {count_of(scope.total, 'contact')}",
        }
        if len(scope.selected) == 1:
            texts[SELECTED] = "The selected contact"
        self.buttons: dict[str, QRadioButton] = {}
        for number, (key, text) in enumerate(texts.items()):
            button = QRadioButton(text, self)
            button.setObjectName(f"scope_{key}")
            self.group.addButton(button, number)
            self.buttons[key] = button
            layout.addWidget(button)
        self.buttons[SELECTED].setEnabled(bool(scope.selected))
        self.buttons[SHOWN].setEnabled(scope.shown_count > 0)
        first = SELECTED if scope.selected else SHOWN if scope.shown_count else EVERYONE
        self.buttons[first].setChecked(True)
        self.group.idToggled.connect(lambda _id, on: on and self.changed.emit())

    def choice(self) -> str:
        return next(key for key, button in self.buttons.items() if button.isChecked())

    def count(self) -> int:
        """How many contacts the choice takes."""
        return {
            SELECTED: len(self.scope.selected),
            SHOWN: self.scope.shown_count,
            EVERYONE: self.scope.total,
        }[self.choice()]

    def contact_ids(self) -> list[int] | None:
        """The chosen contacts in the table's order; None for all of them."""
        choice = self.choice()
        if choice == SELECTED:
            return list(self.scope.selected)
        if choice == SHOWN:
            return self.scope.shown()
        return None
