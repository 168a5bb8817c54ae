"""What every page of the main window provides."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop_app.ui.common.changes import DataChanges

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMenu

    from desktop_app.reports.documents import Document
    from desktop_app.store.database import Database


class Page(QWidget):
    """A page of the main window. Subclasses set the class attributes and fill themselves
    from the database in ``set_database`` (called once the store is open, and again when
    the user opens another database)."""

    name: ClassVar[str]  # as on the command line (--page)
    title: ClassVar[str]
    icon_name: ClassVar[str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{self.name}Page")
        self.database: Database | None = None
        self._own_changes: DataChanges | None = None
        self._own_stack: QUndoStack | None = None

    # Emitted when what ``can_print``/``printable_document`` answer changes (the selection).
    printable_changed = Signal()
    # Emitted after a write that changes the counts in the status bar and navigation.
    overview_changed = Signal()

    def set_database(self, database: Database | None) -> None:
        self.database = database

    # -- the window's services (a page alone, in a test, makes its own) -----------------
    def _window_attr(self, name: str) -> Any:
        return getattr(self.window(), name, None)

    @property
    def changes(self) -> DataChanges:
        """Where writes are announced: the window's, so every view hears them."""
        found = self._window_attr("changes")
        if found is None:
            if self._own_changes is None:
                self._own_changes = DataChanges(self)
            found = self._own_changes
        return found

    @property
    def undo_stack(self) -> QUndoStack:
        found = self._window_attr("undo_stack")
        if found is None:
            if self._own_stack is None:
                self._own_stack = QUndoStack(self)
            found = self._own_stack
        return found

    def show_contact(self, contact_id: int) -> None:
        """The contact on the Contacts page, selected (the filter widened if need be)."""
        window = self.window()
        if hasattr(window, "page"):
            contacts = window.page("contacts")
            window.show_page("contacts")
            contacts.reveal_contact(contact_id)

    def preview_database(self, target: str) -> None:
        """At start-up, before the store is open: show what can be read from the file
        directly, if the page can (the contacts table does; most pages need not)."""

    def add_menu_actions(self, menus: dict[str, QMenu]) -> None:
        """Put the page's actions into the window's menus (keyed as in ``ui.menus``)."""

    def save_state(self, settings: QSettings) -> None:
        """Remember the page's layout (column widths, splitters) when the window closes."""

    def can_print(self) -> bool:
        """Whether ``printable_document`` has something now (cheap: no document is built)."""
        return False

    def printable_document(self) -> Document | None:
        """What File → Print prints on this page (the selection, the sheet...), if anything."""
        return None
