"""Pages whose features are still to come; each says what it will hold."""

from __future__ import annotations

from desktop_app.ui.pages.base import PlaceholderPage


class DashboardPage(PlaceholderPage):
    name = "dashboard"
    title = "Dashboard"
    icon_name = "dashboard"
    heading = "Your network at a glance"
    explanation = (
        "This page will show who serves your goal and who does not: people who ignore "
        "you, one-sided relationships, the return on the hours you invest, and the mix of "
        "peers and higher-level contacts. It is not built yet."
    )


class ContactsPage(PlaceholderPage):
    name = "contacts"
    title = "Contacts"
    icon_name = "contacts"
    heading = "Contacts"
    explanation = (
        "The people in your network will be listed here, searchable and sortable, with "
        "their interactions and follow-ups. This page is not built yet."
    )


class FollowUpsPage(PlaceholderPage):
    name = "followups"
    title = "Follow-ups"
    icon_name = "followups"
    heading = "Follow-ups"
    explanation = (
        "Follow-ups you owe, grouped into overdue, today, this week and later, will be "
        "listed here. This page is not built yet."
    )
