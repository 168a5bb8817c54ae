"""What the Settings dialog edits, read and written together: the insight thresholds and
the follow-up default after an event. One transaction writes both, so a failed write
leaves the stored settings as they were."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.insights.settings import DEFAULT_SETTINGS, InsightSettings
from desktop_app.store.database import Database
from desktop_app.store.insight_inputs import read_insight_settings, write_insight_settings
from desktop_app.store.models import Setting
from desktop_app.store.settings import DEFAULTS, FOLLOW_UP_DAYS_AFTER_EVENT

FOLLOW_UP_DAYS_RANGE = (0, 90)


@dataclass(frozen=True)
class Preferences:
    insights: InsightSettings = field(default=DEFAULT_SETTINGS)
    follow_up_days: int = int(DEFAULTS[FOLLOW_UP_DAYS_AFTER_EVENT])

    def __post_init__(self) -> None:
        low, high = FOLLOW_UP_DAYS_RANGE
        if not low <= self.follow_up_days <= high:
            raise ValueError(f"follow_up_days must be a number from {low} to {high}")


def read_preferences(db: Database) -> Preferences:
    with db.transaction() as session:
        insights = read_insight_settings(session.connection())
        stored = session.get(Setting, FOLLOW_UP_DAYS_AFTER_EVENT)
    days = Preferences.follow_up_days
    if stored is not None and isinstance(stored.value, int | float):
        low, high = FOLLOW_UP_DAYS_RANGE
        days = min(max(int(stored.value), low), high)
    return Preferences(insights, days)


def write_preferences(db: Database, preferences: Preferences) -> None:
    """Store both; the insights refresher then rescores every contact (new settings)."""
    with db.transaction() as session:
        write_insight_settings(session.connection(), preferences.insights)
        session.merge(Setting(key=FOLLOW_UP_DAYS_AFTER_EVENT, value=preferences.follow_up_days))
