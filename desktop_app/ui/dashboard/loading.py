"""Reading everything the dashboard shows, on a worker thread (never the GUI thread).

``load_view`` brings the cached scores current, reads the whole dashboard, and the reasons
in words of the contacts the review lists first: a few hundred milliseconds at 100,000
contacts, so the page runs it in a ``BackgroundTask``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop_app.store.dashboard import Dashboard
    from desktop_app.store.database import Database

# The review lists the first of each group; the rest are on the Contacts page (verdict).
SHOWN_PER_GROUP = 50


@dataclass(frozen=True)
class DashboardView:
    dashboard: Dashboard
    # Every reason of each contact the review lists, in words (the deciding one first).
    reasons: dict[int, tuple[str, ...]]

    @property
    def has_contacts(self) -> bool:
        """Active or dormant contacts to measure (archived ones do not count)."""
        return bool(self.dashboard.verdict_counts)

    @property
    def has_goal(self) -> bool:
        return self.dashboard.goal is not None


def load_view(database: Database) -> DashboardView:
    """The dashboard with the review's reasons (any thread; the store opens its own
    connections)."""
    from desktop_app.store.dashboard import load_dashboard
    from desktop_app.store.insight_reads import load_reasons

    dashboard = load_dashboard(database, review_first=SHOWN_PER_GROUP)
    ids = [entry.contact_id for group in dashboard.review for entry in group.entries]
    return DashboardView(dashboard, load_reasons(database, ids, dashboard.today))
