"""Counts for the status bar and navigation badges: cheap, indexed queries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from desktop_app.store.database import Database
from desktop_app.store.models import Contact, Event, Interaction


@dataclass(frozen=True)
class Overview:
    contacts: int
    events: int
    interactions: int
    followups_due: int


def read_overview(db: Database, today: dt.date | None = None) -> Overview:
    today = today or dt.date.today()
    with db.transaction() as session:
        contacts = session.scalar(select(func.count()).select_from(Contact)) or 0
        events = session.scalar(select(func.count()).select_from(Event)) or 0
        interactions = session.scalar(select(func.count()).select_from(Interaction)) or 0
        due = (
            session.scalar(
                select(func.count())
                .select_from(Interaction)
                .where(
                    Interaction.followup_due.is_not(None),
                    Interaction.followup_done_at.is_(None),
                    Interaction.followup_due <= today,
                )
            )
            or 0
        )
    return Overview(contacts, events, interactions, due)
