"""The window's layout in the UI state: put back at start-up, remembered when it closes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from desktop_app.page_names import DASHBOARD

if TYPE_CHECKING:
    from desktop_app.ui.shell.main_window import MainWindow


def restore_window_state(window: MainWindow) -> str:
    """Geometry and splitter now; returns the page to show first."""
    ui_state = window.ui_state
    geometry = ui_state.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1180, 760)
    state = ui_state.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    splitter = ui_state.value("window/splitter")
    if isinstance(splitter, QByteArray):
        window.splitter.restoreState(splitter)
    page = ui_state.value("window/page", DASHBOARD)
    names = [e.name for e in window.page_entries]
    page = page if page in names else DASHBOARD
    # Only the navigation shows it yet: the page itself is built in finish_setup.
    window.navigation.blockSignals(True)
    window.navigation.select_page(page)
    window.navigation.blockSignals(False)
    return page


def save_window_state(window: MainWindow, shown_first: str) -> None:
    """The layout, the page on screen (``shown_first`` if none is yet) and every page's own."""
    ui_state = window.ui_state
    ui_state.setValue("window/geometry", window.saveGeometry())
    ui_state.setValue("window/state", window.saveState())
    ui_state.setValue("window/splitter", window.splitter.saveState())
    current = window.stack.currentWidget()
    ui_state.setValue("window/page", getattr(current, "name", shown_first))
    for page in window.pages.values():
        page.save_state(ui_state)
    ui_state.sync()
