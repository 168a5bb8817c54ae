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


class EventsPage(PlaceholderPage):
    name = "events"
    title = "Events"
    icon_name = "events"
    heading = "Events"
    explanation = (
        "Networking events you attend, what they cost in time and money, and the people "
        "you met there will be listed here. This page is not built yet."
    )


class GoalPage(PlaceholderPage):
    name = "goal"
    title = "Goal & Pitch"
    icon_name = "goal"
    heading = "Goal & Pitch"
    explanation = (
        "Your goal profile and elevator pitch, with their history, will be shown here, "
        "and a guided wizard will help you write them. This page is not built yet."
    )
