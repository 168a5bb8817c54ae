"""What the insight rules read besides the summaries: the settings, the active goal and the
flags the user dismissed. Each read returns plain values of ``desktop_app.insights``."""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any

from sqlalchemy import Connection, text

from desktop_app.insights.goal_profile import GoalProfile, stored_measures
from desktop_app.insights.settings import SETTINGS_KEY, InsightSettings
from desktop_app.insights.verdicts import FLAGS

log = logging.getLogger(__name__)


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def read_insight_settings(connection: Connection) -> InsightSettings:
    """The stored thresholds, or the defaults (with a log line) if they cannot be used."""
    stored = connection.execute(
        text("SELECT value FROM settings WHERE key = :key"), {"key": SETTINGS_KEY}
    ).scalar()
    if stored is None:
        return InsightSettings()
    try:
        data = _json(stored)
        if not isinstance(data, dict):
            raise ValueError("not an object")
        return InsightSettings.from_dict(data)
    except (ValueError, TypeError) as exc:
        log.warning("stored insight settings ignored (%s); using the defaults", exc)
        return InsightSettings()


def write_insight_settings(connection: Connection, settings: InsightSettings) -> None:
    """Store the thresholds; the next read of the insights recomputes what they change."""
    connection.execute(
        text(
            "INSERT INTO settings (key, value) VALUES (:key, :value) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        {"key": SETTINGS_KEY, "value": json.dumps(settings.to_dict())},
    )


_GOAL_COLUMNS = (
    "goal_type, statement, target_roles, target_companies, target_industries, "
    "target_locations, target_seniority, weekly_hours, measures, target_date, created_at"
)


def read_insight_goal(connection: Connection) -> tuple[GoalProfile | None, dt.date | None]:
    """The active goal as the rules need it (no checklist or organisations), and the day
    that version was saved; (None, None) before the first goal."""
    row = connection.execute(
        text(f"SELECT {_GOAL_COLUMNS} FROM goals WHERE is_active ORDER BY version DESC")
    ).first()
    if row is None:
        return None, None
    (
        kind,
        statement,
        roles,
        companies,
        industries,
        locations,
        seniority,
        hours,
        measures,
        target_date,
        created_at,
    ) = row
    profile = GoalProfile(
        goal_type=kind,
        statement=statement or "",
        target_roles=_texts(roles),
        target_companies=_texts(companies),
        target_industries=_texts(industries),
        target_locations=_texts(locations),
        target_seniority=seniority or None,
        weekly_hours=float(hours or 0),
        target_date=_date(target_date),
        measures=stored_measures(_json(measures)),
    )
    return profile, _date(created_at)


def _texts(stored: Any) -> tuple[str, ...]:
    return tuple(str(v).strip() for v in _json(stored) or () if str(v).strip())


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value if not isinstance(value, dt.datetime) else value.date()
    return dt.date.fromisoformat(str(value)[:10])


def read_dismissed_flags(connection: Connection) -> dict[int, frozenset[str]]:
    found: dict[int, set[str]] = {}
    for contact_id, flag in connection.execute(
        text("SELECT contact_id, flag FROM dismissed_flags")
    ):
        found.setdefault(contact_id, set()).add(flag)
    return {contact_id: frozenset(flags) for contact_id, flags in found.items()}


def dismiss_flag(connection: Connection, contact_id: int, flag: str) -> None:
    """Dismiss ``flag`` for a contact: its verdict no longer counts it (undo: restore_flag)."""
    if flag not in FLAGS:
        raise ValueError(f"unknown flag {flag!r}; flags are {', '.join(FLAGS)}")
    connection.execute(
        text(
            "INSERT INTO dismissed_flags (contact_id, flag, dismissed_at) "
            "VALUES (:contact_id, :flag, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING"
        ),
        {"contact_id": contact_id, "flag": flag},
    )


def restore_flag(connection: Connection, contact_id: int, flag: str) -> None:
    connection.execute(
        text("DELETE FROM dismissed_flags WHERE contact_id = :contact_id AND flag = :flag"),
        {"contact_id": contact_id, "flag": flag},
    )
