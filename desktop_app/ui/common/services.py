"""What the main window hands every page, flow and dialog it builds.

A page asks these, never the window: where the UI state is kept, where writes are
announced and undone, the status bar, how to show another page with an intent (a contact
to select, a filter), the insights refresher, and the window's import and print entries.
A page built alone (in a test) gets real ones of its own from ``Services.standalone``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from desktop_app.ui.common.undo_stack import STATUS_MS, UndoStack

if TYPE_CHECKING:  # names for annotations only: each Qt class named costs start-up time
    from collections.abc import Callable, Sequence
    from typing import Protocol

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu, QStatusBar

    from desktop_app.ui.common.changes import DataChanges
    from desktop_app.ui.common.insights_refresher import InsightsRefresher

    class Navigate(Protocol):
        def __call__(self, page_name: str, /, **intent: object) -> None:
            """Show the page ``page_name`` and hand it ``intent`` (``Page.receive``)."""


def _nowhere(_page_name: str, /, **_intent: object) -> None:
    """A page alone has no other page to show."""


def _nothing() -> None:
    """A page alone has no window to import into."""


# A named tuple, not a dataclass: the window builds one before its first paint, and
# importing dataclasses would cost that paint about 2 ms.
class Services(NamedTuple):
    ui_state: QSettings  # window layout, last folders, chosen formats
    changes: DataChanges
    undo_stack: UndoStack
    insights: InsightsRefresher
    status_bar: QStatusBar
    navigate: Navigate
    import_contacts: Callable[[], None]  # File → Import…
    print_actions: Callable[[], Sequence[QAction]]  # Print Preview, Print, Export PDF

    def show_status(self, message: str, ms: int = STATUS_MS) -> None:
        self.status_bar.showMessage(message, ms)

    def add_print_entries(self, menu: QMenu) -> None:
        """Append the window's Print Preview / Print / Export PDF to a context menu."""
        entries = list(self.print_actions())
        if entries:
            menu.addSeparator()
            menu.addActions(entries)

    @classmethod
    def standalone(
        cls,
        *,
        ui_state: QSettings | None = None,
        navigate: Navigate = _nowhere,
        import_contacts: Callable[[], None] = _nothing,
    ) -> Services:
        """Real services for a page built without the window: their own announcer, undo
        stack, refresher and (hidden) status bar; showing another page and importing do
        what ``navigate`` and ``import_contacts`` do (nothing unless given)."""
        from PySide6.QtWidgets import QStatusBar

        from desktop_app.ui.common.changes import DataChanges
        from desktop_app.ui.common.insights_refresher import InsightsRefresher
        from desktop_app.ui.common.ui_state import open_ui_state

        status_bar = QStatusBar()
        changes = DataChanges()
        return cls(
            ui_state=ui_state if ui_state is not None else open_ui_state(),
            changes=changes,
            undo_stack=UndoStack(status_bar.showMessage, changes),
            insights=InsightsRefresher(changes),
            status_bar=status_bar,
            navigate=navigate,
            import_contacts=import_contacts,
            print_actions=list,
        )
