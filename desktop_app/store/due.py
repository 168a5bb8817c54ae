"""What is due today, for reminders (the tray, notifications): one small record, one read.

It counts open follow-ups due today and overdue, contacts due or overdue for keeping in
touch (and how many of those are aligned), and birthdays in the next few days; a new source
adds a field here and a count in ``read_due``, and every reminder shows it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app.store.database import Database
from desktop_app.store.models import Interaction

# Birthdays this many days ahead are reminded of (as ``netwise due`` lists them).
BIRTHDAY_DAYS = 7


@dataclass(frozen=True)
class DueToday:
    day: dt.date
    followups_today: int = 0
    followups_overdue: int = 0
    keep_in_touch: int = 0  # contacts due or overdue for a word from you
    keep_in_touch_aligned: int = 0
    birthdays: int = 0  # within ``birthday_days``
    birthday_days: int = BIRTHDAY_DAYS

    @property
    def total(self) -> int:
        return self.followups_today + self.followups_overdue + self.keep_in_touch + self.birthdays


def read_due(db: Database, today: dt.date | None = None) -> DueToday:
    """Counts of what is due on ``today`` (indexed counts: fast)."""
    today = today or dt.date.today()
    open_followup = (
        Interaction.followup_due.is_not(None),
        Interaction.followup_done_at.is_(None),
    )
    count = select(func.count()).select_from(Interaction).where(*open_followup)
    from desktop_app.store.birthdays import read_birthdays_within
    from desktop_app.store.keep_in_touch import overdue_counts

    with db.transaction() as session:
        due_today = session.scalar(count.where(Interaction.followup_due == today)) or 0
        overdue = session.scalar(count.where(Interaction.followup_due < today)) or 0
    touch, aligned = overdue_counts(db, today)
    birthdays = len(read_birthdays_within(db, today, BIRTHDAY_DAYS))
    return DueToday(today, int(due_today), int(overdue), touch, aligned, birthdays)
