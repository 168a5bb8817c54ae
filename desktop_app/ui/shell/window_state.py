"""The window's layout in the UI state: put back at start-up, remembered when it closes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray

from desktop_app.page_names import DASHBOARD

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow, QSplitter

    from desktop_app.ui.common.page import Page
    from desktop_app.ui.shell.navigation import NavigationList


def restore_window_state(
    window: QMainWindow,
    ui_state: QSettings,
    splitter: QSplitter,
    navigation: NavigationList,
    page_names: Iterable[str],
) -> str:
    """Geometry and splitter now; returns the page to show first."""
    geometry = ui_state.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(1180, 760)
    state = ui_state.value("window/state")
    if isinstance(state, QByteArray):
        window.restoreState(state)
    sizes = ui_state.value("window/splitter")
    if isinstance(sizes, QByteArray):
        splitter.restoreState(sizes)
    page = ui_state.value("window/page", DASHBOARD)
    page = page if page in set(page_names) else DASHBOARD
    # Only the navigation shows it yet: the page itself is built in finish_setup.
    navigation.blockSignals(True)
    navigation.select_page(page)
    navigation.blockSignals(False)
    return page


def save_window_state(
    window: QMainWindow,
    ui_state: QSettings,
    splitter: QSplitter,
    page_on_screen: str,
    pages: Iterable[Page],
) -> None:
    """The layout, the page on screen and every page's own."""
    ui_state.setValue("window/geometry", window.saveGeometry())
    ui_state.setValue("window/state", window.saveState())
    ui_state.setValue("window/splitter", splitter.saveState())
    ui_state.setValue("window/page", page_on_screen)
    for page in pages:
        page.save_state(ui_state)
    ui_state.sync()
