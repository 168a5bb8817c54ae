"""The pages of the main window by name, in navigation order.

Named here once, free of Qt: the command line offers them (``--page``), the window
builds and shows them, and pages ask for one another by these names.
"""

from __future__ import annotations

DASHBOARD = "dashboard"
CONTACTS = "contacts"
EVENTS = "events"
FOLLOWUPS = "followups"
GOAL = "goal"

PAGE_NAMES = (DASHBOARD, CONTACTS, EVENTS, FOLLOWUPS, GOAL)
