"""Keeps the Contacts page in step with the insights: the score cells after the window's
refresher recomputed them, and the current contact's "Fit with your goal".

The refresher (``Services.insights``) recomputes scores off the GUI thread after writes and
emits ``updated``; the table then forgets its cached rows and repaints the score columns
where they are (selection and scroll stay). Only a table sorted or filtered by a score is
queried again, since the order or the set of rows may have changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt

from desktop_app.ui.contacts.columns import SCORE_KEYS

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.ui.common.insights_refresher import InsightsRefresher
    from desktop_app.ui.contacts.detail_pane import ContactDetailPane
    from desktop_app.ui.contacts.table_model import ContactTableModel

NO_GOAL_NOTE = "Set a goal (Goal & Pitch page) to see how each contact fits it."


class ContactsView(Protocol):
    """What the follower updates: the page's table model and detail pane, for its database
    and current contact."""

    model: ContactTableModel
    detail: ContactDetailPane
    database: Database | None

    def current_contact(self) -> int | None: ...


class InsightFollower(QObject):
    def __init__(self, view: ContactsView, refresher: InsightsRefresher, parent: QObject) -> None:
        super().__init__(parent)
        self.view = view
        self.refresher = refresher
        refresher.updated.connect(self.scores_updated, Qt.ConnectionType.UniqueConnection)

    def uses_scores(self) -> bool:
        """Whether the table's order or its rows depend on the scores."""
        model = self.view.model
        keys = {key for key, _value in model.contact_filter.equals}
        return model.sort_order.key in SCORE_KEYS or bool(keys & SCORE_KEYS)

    def scores_updated(self, freshness: object = None) -> None:
        """Re-read the score cells (and re-query a table that sorts or filters by them)."""
        model = self.view.model
        if model.reader is None or self.view.database is None:
            return
        # Even when this refresh found nothing to do, another reader (the dashboard's, the
        # command line's) may have rescored since the cells were read: read them again.
        if self.uses_scores():
            model.refresh()
        model.clear_cache(SCORE_KEYS)
        self.show_fit(self.view.current_contact())

    def show_fit(self, contact_id: int | None) -> None:
        """The contact's breakdown in the detail pane, computed from the maintained
        summaries (a few milliseconds: see bench ``insights.contact_breakdown_ms``)."""
        fit = self.view.detail.fit
        database = self.view.database
        if contact_id is None or database is None:
            fit.show_insight(None)
            return
        from desktop_app.store.insight_reads import load_contact_insight

        self.refresher.check_day()  # past midnight: every score is redone in the background
        insight = load_contact_insight(database, contact_id, bring_current=False)
        has_goal = insight is not None and any(f.max_points for f in insight.alignment.factors)
        fit.show_insight(insight, "" if has_goal else NO_GOAL_NOTE)
