"""What the Settings dialog edits, read and written together: the insight thresholds, the
follow-up default after an event, the keep-in-touch cadence of each verdict and of each
tag. One transaction writes them all, so a failed write leaves the stored settings as
they were."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import func, select

from desktop_app.insights.keep_in_touch import VERDICT_DEFAULTS
from desktop_app.insights.settings import DEFAULT_SETTINGS, InsightSettings
from desktop_app.store.database import Database
from desktop_app.store.insight_inputs import read_insight_settings, write_insight_settings
from desktop_app.store.keep_in_touch import (
    apply_cadence_defaults,
    apply_tag_cadence,
    read_cadence_defaults,
)
from desktop_app.store.models import ContactTag, Setting, Tag
from desktop_app.store.settings import DEFAULTS, FOLLOW_UP_DAYS_AFTER_EVENT

FOLLOW_UP_DAYS_RANGE = (0, 90)


@dataclass(frozen=True)
class Preferences:
    insights: InsightSettings = field(default=DEFAULT_SETTINGS)
    follow_up_days: int = int(DEFAULTS[FOLLOW_UP_DAYS_AFTER_EVENT])
    # verdict → the cadence of the contacts with that verdict and no cadence of their own
    cadence_defaults: Mapping[str, str] = field(default_factory=lambda: dict(VERDICT_DEFAULTS))

    def __post_init__(self) -> None:
        low, high = FOLLOW_UP_DAYS_RANGE
        if not low <= self.follow_up_days <= high:
            raise ValueError(f"follow_up_days must be a number from {low} to {high}")


@dataclass(frozen=True)
class TagCadence:
    """A tag as Settings lists it: its own cadence (None: none) and how many carry it."""

    tag_id: int
    name: str
    cadence: str | None
    contacts: int


def read_preferences(db: Database) -> Preferences:
    with db.transaction() as session:
        insights = read_insight_settings(session.connection())
        stored = session.get(Setting, FOLLOW_UP_DAYS_AFTER_EVENT)
    days = Preferences.follow_up_days
    if stored is not None and isinstance(stored.value, int | float):
        low, high = FOLLOW_UP_DAYS_RANGE
        days = min(max(int(stored.value), low), high)
    return Preferences(insights, days, read_cadence_defaults(db))


def read_tag_cadences(db: Database) -> tuple[TagCadence, ...]:
    """Every tag by name, with its cadence and the number of contacts carrying it."""
    carried = (
        select(func.count()).where(ContactTag.tag_id == Tag.id).correlate(Tag).scalar_subquery()
    )
    statement = select(Tag.id, Tag.name, Tag.touch_cadence, carried).order_by(Tag.name)
    with db.transaction() as session:
        return tuple(TagCadence(*row) for row in session.execute(statement))


def write_preferences(
    db: Database, preferences: Preferences, tag_cadences: Mapping[int, str | None] | None = None
) -> None:
    """Store the preferences and the cadence of the tags in ``tag_cadences`` (tag id →
    cadence, None: none of its own); the due days follow in the same transaction, and the
    insights refresher then rescores every contact (new settings)."""
    with db.transaction() as session:
        connection = session.connection()
        write_insight_settings(connection, preferences.insights)
        session.merge(Setting(key=FOLLOW_UP_DAYS_AFTER_EVENT, value=preferences.follow_up_days))
        apply_cadence_defaults(session, preferences.cadence_defaults)
        for tag_id, cadence in (tag_cadences or {}).items():
            apply_tag_cadence(connection, tag_id, cadence)
