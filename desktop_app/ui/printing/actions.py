"""File → Print Preview / Print / Export PDF for whatever the current page offers."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from desktop_app.ui.common.ui_state import last_folder, remember_folder

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.common.page import Page
    from desktop_app.ui.common.services import Services

PRINT_ACTIONS = ("print_preview", "print", "export_pdf")


class PrintActions:
    """Keeps the print actions enabled exactly when the current page has something to print.

    ``window`` is the dialogs' parent; ``database`` and ``window_actions`` answer the open
    database and the menus' actions by name (none until the menus are filled).
    """

    def __init__(
        self,
        window: QWidget,
        services: Services,
        database: Callable[[], Database | None],
        window_actions: Callable[[], Mapping[str, QAction]],
    ) -> None:
        self.window = window
        self.services = services
        self._database = database
        self._window_actions = window_actions
        self._watched: Page | None = None

    def actions(self) -> list[QAction]:
        actions = self._window_actions()
        return [actions[name] for name in PRINT_ACTIONS if name in actions]

    def follow(self, page: Page) -> None:
        if self._watched is not None:
            self._watched.printable_changed.disconnect(self.refresh)
        self._watched = page
        page.printable_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        available = self._watched is not None and self._watched.can_print()
        for action in self.actions():
            action.setEnabled(available)

    def _document(self, verb: str):  # type: ignore[no-untyped-def]
        """The page's document; from the Contacts page, after asking which contacts (its
        selection, the contacts shown, all) and which layout. None when declined."""
        page = self._watched
        if page is None:
            return None
        from desktop_app.ui.common.widgets.contact_scope import scope_of  # after start-up

        scope = scope_of(page)
        database = self._database()
        if scope is None or database is None:
            return page.printable_document()
        from desktop_app.ui.printing.contacts_dialog import choose_contacts_printout

        pitch = self._window_actions().get("print_with_pitch")
        with_pitch = bool(pitch and pitch.isChecked())
        return choose_contacts_printout(self.window, database, scope, verb, with_pitch=with_pitch)

    def preview(self) -> None:
        from desktop_app.ui.printing.output import preview

        document = self._document("Preview…")
        if document is not None:
            preview(self.window, document)

    def print(self) -> None:
        from desktop_app.ui.printing.output import print_with_dialog

        document = self._document("Print…")
        if document is not None:
            print_with_dialog(self.window, document)

    def export_pdf(self) -> Path | None:
        from desktop_app.ui.printing.output import export_pdf_with_dialog

        document = self._document("Export PDF…")
        if document is None:
            return None
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in document.title).strip()
        folder = last_folder(self.services.ui_state, "pdf")
        path = export_pdf_with_dialog(self.window, document, folder / f"{safe or 'NetWise'}.pdf")
        if path is not None:
            remember_folder(self.services.ui_state, "pdf", path)
            self.services.show_status(f"Saved {path}", 8000)
        return path
