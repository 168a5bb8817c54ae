"""Domain settings stored in the database (thresholds, defaults), JSON values by key."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from desktop_app.store.database import Database
from desktop_app.store.models import Setting

FOLLOW_UP_DAYS_AFTER_EVENT = "events.follow_up_days"
DEFAULTS: dict[str, Any] = {FOLLOW_UP_DAYS_AFTER_EVENT: 2}


def read_setting(db: Database, key: str) -> Any:
    with db.transaction() as session:
        value = session.scalar(select(Setting.value).where(Setting.key == key))
    return DEFAULTS.get(key) if value is None else value


def write_setting(db: Database, key: str, value: Any) -> None:
    with db.transaction() as session:
        session.merge(Setting(key=key, value=value))
