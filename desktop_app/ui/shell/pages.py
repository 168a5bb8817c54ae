"""The pages of the main window, in navigation order.

Each entry names its page class by module path and is imported only when the page is
first shown: a page's widgets cost start-up time that the first window should not pay.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, NamedTuple

from desktop_app.page_names import CONTACTS, DASHBOARD, EVENTS, FOLLOWUPS, GOAL, PAGE_NAMES

if TYPE_CHECKING:
    from desktop_app.ui.common.page import Page


class PageEntry(NamedTuple):  # not a dataclass: that module is not needed before the window
    name: str  # one of PAGE_NAMES
    title: str
    icon_name: str
    page_class_path: str  # "module:Class"

    def load(self) -> type[Page]:
        module, _, cls = self.page_class_path.partition(":")
        page_class = getattr(import_module(module), cls)
        assert page_class.name == self.name, f"{self.page_class_path} is not page {self.name}"
        return page_class


_ENTRIES = {
    entry.name: entry
    for entry in (
        PageEntry(
            DASHBOARD, "Dashboard", "dashboard", "desktop_app.ui.dashboard.page:DashboardPage"
        ),
        PageEntry(CONTACTS, "Contacts", "contacts", "desktop_app.ui.contacts.page:ContactsPage"),
        PageEntry(EVENTS, "Events", "events", "desktop_app.ui.events.page:EventsPage"),
        PageEntry(
            FOLLOWUPS, "Follow-ups", "followups", "desktop_app.ui.followups.page:FollowUpsPage"
        ),
        PageEntry(GOAL, "Goal & Pitch", "goal", "desktop_app.ui.goal.page:GoalPitchPage"),
    )
}
PAGES: tuple[PageEntry, ...] = tuple(_ENTRIES[name] for name in PAGE_NAMES)
