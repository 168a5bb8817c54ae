"""File → Print Preview / Print / Export PDF for whatever the current page offers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.ui.settings import last_folder, remember_folder

if TYPE_CHECKING:
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.pages.base import Page

PRINT_ACTIONS = ("print_preview", "print", "export_pdf")


def add_print_entries(menu: QMenu, page: QWidget) -> None:
    """Append the window's Print Preview / Print / Export PDF to a page's context menu."""
    actions = getattr(page.window(), "actions", {})
    entries = [actions[name] for name in PRINT_ACTIONS if name in actions]
    if entries:
        menu.addSeparator()
        menu.addActions(entries)


class PrintActions:
    """Keeps the print actions enabled exactly when the current page has something to print."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self._watched: Page | None = None

    def actions(self) -> list[QAction]:
        return [self.window.actions[name] for name in PRINT_ACTIONS if name in self.window.actions]

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

    def _document(self):  # type: ignore[no-untyped-def]
        return self._watched.printable_document() if self._watched is not None else None

    def preview(self) -> None:
        from desktop_app.ui.printing.output import preview

        document = self._document()
        if document is not None:
            preview(self.window, document)

    def print(self) -> None:
        from desktop_app.ui.printing.output import print_with_dialog

        document = self._document()
        if document is not None:
            print_with_dialog(self.window, document)

    def export_pdf(self) -> Path | None:
        from desktop_app.ui.printing.output import export_pdf_with_dialog

        document = self._document()
        if document is None:
            return None
        safe = "".join(c if c.isalnum() or c in " -_" else "_" for c in document.title).strip()
        folder = last_folder(self.window.settings, "pdf")
        path = export_pdf_with_dialog(self.window, document, folder / f"{safe or 'NetWise'}.pdf")
        if path is not None:
            remember_folder(self.window.settings, "pdf", path)
            self.window.statusBar().showMessage(f"Saved {path}", 8000)
        return path
