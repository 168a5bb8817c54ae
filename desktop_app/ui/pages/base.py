"""What every page of the main window provides."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop_app.ui.widgets.empty_state import EmptyState

if TYPE_CHECKING:
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

    # Emitted when what ``can_print``/``printable_document`` answer changes (the selection).
    printable_changed = Signal()
    # Emitted after a write that changes the counts in the status bar and navigation.
    overview_changed = Signal()

    def set_database(self, database: Database | None) -> None:
        self.database = database

    def save_layout(self) -> None:
        """Remember column widths, splitters... (called when the window closes)."""

    def can_print(self) -> bool:
        """Whether ``printable_document`` has something now (cheap: no document is built)."""
        return False

    def printable_document(self) -> Document | None:
        """What File → Print prints on this page (the selection, the sheet...), if anything."""
        return None


class PlaceholderPage(Page):
    """A page whose feature is not built yet: it says plainly what will be there."""

    heading: ClassVar[str]
    explanation: ClassVar[str]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addWidget(EmptyState(self.heading, self.explanation, self))
