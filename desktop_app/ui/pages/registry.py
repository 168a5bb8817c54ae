"""The pages of the main window, in navigation order.

A feature replaces its placeholder here by pointing the entry at its real page class.
"""

from __future__ import annotations

from desktop_app.ui.pages.base import Page
from desktop_app.ui.pages.contacts import ContactsPage
from desktop_app.ui.pages.followups import FollowUpsPage
from desktop_app.ui.pages.placeholders import DashboardPage, EventsPage, GoalPage

PAGE_CLASSES: tuple[type[Page], ...] = (
    DashboardPage,
    ContactsPage,
    EventsPage,
    FollowUpsPage,
    GoalPage,
)
