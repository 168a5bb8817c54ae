"""What is due today, for reminders (the tray, notifications): one small record, one read.

Today it counts open follow-ups due today and overdue; more sources (keep in touch,
birthdays) add a field here and a count in ``read_due``, and every reminder shows them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app.store.database import Database
from desktop_app.store.models import Interaction


@dataclass(frozen=True)
class DueToday:
    day: dt.date
    followups_today: int = 0
    followups_overdue: int = 0

    @property
    def total(self) -> int:
        return self.followups_today + self.followups_overdue


def read_due(db: Database, today: dt.date | None = None) -> DueToday:
    """Counts of what is due on ``today`` (indexed counts: fast)."""
    today = today or dt.date.today()
    open_followup = (
        Interaction.followup_due.is_not(None),
        Interaction.followup_done_at.is_(None),
    )
    count = select(func.count()).select_from(Interaction).where(*open_followup)
    with db.transaction() as session:
        due_today = session.scalar(count.where(Interaction.followup_due == today)) or 0
        overdue = session.scalar(count.where(Interaction.followup_due < today)) or 0
    return DueToday(today, int(due_today), int(overdue))
