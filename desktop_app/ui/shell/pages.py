"""The pages of the main window, in navigation order.

Each entry names its page class by module path and is imported only when the page is
first shown: a page's widgets cost start-up time that the first window should not pay.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.ui.common.page import Page


@dataclass(frozen=True)
class PageEntry:
    name: str  # as on the command line (--page)
    title: str
    icon_name: str
    page_class_path: str  # "module:Class"

    def load(self) -> type[Page]:
        module, _, cls = self.page_class_path.partition(":")
        page_class = getattr(import_module(module), cls)
        assert page_class.name == self.name, f"{self.page_class_path} is not page {self.name}"
        return page_class


PAGES: tuple[PageEntry, ...] = (
    PageEntry("dashboard", "Dashboard", "dashboard", "desktop_app.ui.dashboard.page:DashboardPage"),
    PageEntry("contacts", "Contacts", "contacts", "desktop_app.ui.contacts.page:ContactsPage"),
    PageEntry("events", "Events", "events", "desktop_app.ui.events.page:EventsPage"),
    PageEntry(
        "followups", "Follow-ups", "followups", "desktop_app.ui.followups.page:FollowUpsPage"
    ),
    PageEntry("goal", "Goal & Pitch", "goal", "desktop_app.ui.goal.page:GoalPitchPage"),
)
