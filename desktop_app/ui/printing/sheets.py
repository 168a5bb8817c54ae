"""From the store's plain data to the documents of ``reports``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.reports.data import ContactSheet, EventSheet
from desktop_app.reports.documents import Document, event_sheet
from desktop_app.ui.events.labels import EVENT_KIND_LABELS

if TYPE_CHECKING:
    from desktop_app.store.database import Database


def event_document(db: Database, event_id: int) -> Document:
    """The preparation sheet: the event, then the people I mean to meet, with talking points."""
    from desktop_app.store.goals import read_active_goal
    from desktop_app.store.printouts import event_for_sheet
    from desktop_app.ui.goal.printing import card_of

    source = event_for_sheet(db, event_id)
    goal = read_active_goal(db)
    people = tuple(
        ContactSheet(
            name=p.name,
            title=p.title,
            company=p.company,
            shared_interests=p.shared_interests,
            can_help_with=p.can_help_with,
            i_can_offer=p.i_can_offer,
        )
        for p in source.people
    )
    return event_sheet(
        EventSheet(
            name=source.name,
            starts_at=source.starts_at,
            place=source.place,
            kind=EVENT_KIND_LABELS.get(source.kind, source.kind),
            notes=source.notes,
            goal=card_of(goal.profile, goal.pitch) if goal else None,
            people=people,
        )
    )
