"""Where the contacts table stands when it has no rows: why, and the way on.

No contacts yet: add one or import. A search or filter that finds nobody: clear it.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedWidget, QWidget

from desktop_app.ui.common.widgets.empty_state import EmptyState

NO_CONTACTS = (
    "No contacts yet",
    "Add the people you know one by one, or import your LinkedIn connections or an "
    "address book (Google CSV, vCard). Each contact's fit with your goal then shows here.",
)
NO_MATCHES = (
    "Nobody matches",
    "No contact matches the search and filters above. Clear the search, or show everyone, "
    "archived contacts included.",
)
MINIMUM_WIDTH = 100


class EmptyStatePage(Protocol):
    """What the empty state's buttons lead to on the page."""

    services: Any
    filter_bar: Any

    def new_contact(self) -> None: ...


# key → button text, in the order shown
BUTTONS = {
    "add": "Add a Contact…",
    "import": "Import Contacts…",
    "clear": "Clear the Search",
    "everyone": "Show Everyone",
}


class ContactsEmptyState(EmptyState):
    """A heading, a sentence and the buttons that lead on (``chosen(key)``)."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("", "", parent)
        self.setObjectName("contactsEmptyState")
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        row.addStretch(1)
        for key, text in BUTTONS.items():
            button = QPushButton(text, self)
            button.setObjectName(f"contacts_{key}")
            button.clicked.connect(lambda _checked=False, k=key: self.chosen.emit(k))
            button.hide()
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        self.add_below(row)

    def show_state(self, heading: str, body: str, buttons: tuple[str, ...]) -> None:
        self.heading.setText(heading)
        self.body.setText(body)
        for key, button in self.buttons.items():
            button.setVisible(key in buttons)

    def shown_buttons(self) -> list[str]:
        return [key for key, button in self.buttons.items() if not button.isHidden()]


class TableOrEmptyState(QStackedWidget):
    """The table while it has rows, else the empty state saying why."""

    def __init__(self, table: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.empty = ContactsEmptyState(self)
        self.addWidget(table)
        self.addWidget(self.empty)
        # Its own minimum, not the empty state's row of buttons: the window stays as narrow.
        self.setMinimumWidth(MINIMUM_WIDTH)

    def show_counts(self, shown: int, total: int, searching: bool) -> None:
        if shown:
            self.setCurrentWidget(self.table)
            return
        if total == 0:
            self.empty.show_state(*NO_CONTACTS, buttons=("add", "import"))
        else:
            buttons = ("clear", "everyone") if searching else ("everyone",)
            self.empty.show_state(*NO_MATCHES, buttons=buttons)
        self.setCurrentWidget(self.empty)


def lead_on(page: EmptyStatePage, key: str) -> None:
    """The empty state's buttons: add, import, clear the search, show everyone."""
    if key == "add":
        page.new_contact()
    elif key == "import":
        page.services.import_contacts()
    elif key == "clear":
        page.filter_bar.clear_search()
    else:
        page.filter_bar.show_everyone()
