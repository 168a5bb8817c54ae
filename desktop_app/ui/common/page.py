"""What every page of the main window provides."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop_app.page_names import CONTACTS

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from desktop_app.reports.documents import Document
    from desktop_app.store.database import Database
    from desktop_app.ui.common.changes import DataChanges
    from desktop_app.ui.common.services import Services
    from desktop_app.ui.common.undo_stack import UndoStack


class Page(QWidget):
    """A page of the main window. Subclasses set the class attributes and fill themselves
    from the database in ``set_database`` (called once the store is open, and again when
    the user opens another database). What a page needs of the window comes in
    ``services``; what another page asks of it comes in ``receive``."""

    name: ClassVar[str]  # one of ``desktop_app.page_names``
    title: ClassVar[str]
    icon_name: ClassVar[str]

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.name}Page")
        self.services = services
        self.database: Database | None = None

    # Emitted when what ``can_print``/``printable_document`` answer changes (the selection).
    printable_changed = Signal()
    # Emitted after a write that changes the counts in the status bar and navigation.
    overview_changed = Signal()

    def set_database(self, database: Database | None) -> None:
        self.database = database

    @property
    def changes(self) -> DataChanges:
        """Where writes are announced, so every view hears them."""
        return self.services.changes

    @property
    def undo_stack(self) -> UndoStack:
        return self.services.undo_stack

    def show_contact(self, contact_id: int) -> None:
        """The contact on the Contacts page, selected (the filter widened if need be)."""
        self.services.navigate(CONTACTS, contact_id=contact_id)

    def receive(self, **intent: object) -> None:
        """Act on what was asked when this page was shown (``Services.navigate``). A page
        that can be asked something names what it understands as keyword arguments."""
        if intent:
            raise TypeError(f"the {self.name} page takes no {', '.join(intent)}")

    def preview_database(self, target: str) -> None:
        """At start-up, before the store is open: show what can be read from the file
        directly, if the page can (the contacts table does; most pages need not)."""

    def add_menu_actions(self, menus: dict[str, QMenu]) -> None:
        """Put the page's actions into the window's menus (keyed as in ``ui.menus``)."""

    def may_close(self) -> bool:
        """Whether the window may close now: a page holding typed, unsaved work asks the
        user first (False: they chose to keep it, and the window stays open)."""
        return True

    def save_state(self, ui_state: QSettings) -> None:
        """Remember the page's layout (column widths, splitters) when the window closes."""

    def can_print(self) -> bool:
        """Whether ``printable_document`` has something now (cheap: no document is built)."""
        return False

    def printable_document(self) -> Document | None:
        """What File → Print prints on this page (the selection, the sheet...), if anything."""
        return None
