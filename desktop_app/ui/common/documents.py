"""The documents pages print of their own: a goal version as the goal card, an event as
its preparation sheet (from the store's plain data to the documents of ``reports``).

The Goal & Pitch and Events pages print these, and so does ``netwise print``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.reports.data import ContactSheet, EventSheet, GoalCard, PitchText
from desktop_app.reports.documents import Document, event_sheet, goal_card
from desktop_app.ui.common import labels
from desktop_app.ui.common.goal_labels import (
    GOAL_TYPE_LABELS,
    ORGANISATION_KIND_LABELS,
    ORGANISATION_STATUS_LABELS,
)

if TYPE_CHECKING:
    from desktop_app.store.database import Database
    from desktop_app.store.printouts import TalkingPoints

# The wizard's words for the level, in the printed pages' voice ("you", as the window).
PRINTED_SENIORITY = {
    "junior": "More junior than you",
    "peer": "Peers at your level",
    "senior": "Higher level than you",
    "executive": "Executives and decision-makers",
}


def card_of(profile: GoalProfile, pitch: PitchDraft | None) -> GoalCard:
    """The goal and its pitch in the words the printout uses."""
    return GoalCard(
        statement=profile.statement,
        goal_type=GOAL_TYPE_LABELS.get(profile.goal_type, profile.goal_type),
        target_roles=profile.target_roles,
        target_companies=profile.target_companies,
        target_industries=profile.target_industries,
        target_locations=profile.target_locations,
        target_seniority=PRINTED_SENIORITY.get(profile.target_seniority or "", ""),
        weekly_hours=profile.weekly_hours,
        target_date=profile.target_date,
        measures=tuple((m.name, m.target) for m in profile.measures),
        organisations=tuple(
            (
                org.name,
                f"{ORGANISATION_KIND_LABELS.get(org.kind, org.kind)}, "
                f"{ORGANISATION_STATUS_LABELS.get(org.status, org.status).lower()}",
            )
            for org in profile.organisations
        ),
        pitch=PitchText(pitch.text, pitch.variants.headline) if pitch and pitch.text else None,
    )


def goal_document(profile: GoalProfile, pitch: PitchDraft | None) -> Document:
    return goal_card(card_of(profile, pitch))


def _talking_points(person: TalkingPoints) -> ContactSheet:
    return ContactSheet(
        name=person.name,
        title=person.title,
        company=person.company,
        shared_interests=person.shared_interests,
        can_help_with=person.can_help_with,
        i_can_offer=person.i_can_offer,
    )


def event_document(db: Database, event_id: int, now: dt.datetime | None = None) -> Document:
    """The event's sheet: before it, the people planned to meet with talking points; once
    it has started, the people met there first."""
    from desktop_app.store.goals import read_active_goal
    from desktop_app.store.printouts import event_for_sheet

    source = event_for_sheet(db, event_id)
    goal = read_active_goal(db)
    return event_sheet(
        EventSheet(
            name=source.name,
            starts_at=source.starts_at,
            place=source.place,
            kind=labels.EVENT_KIND.get(source.kind, source.kind),
            notes=source.notes,
            goal=card_of(goal.profile, goal.pitch) if goal else None,
            people=tuple(_talking_points(p) for p in source.people),
            met=tuple(_talking_points(p) for p in source.met),
            past=source.starts_at <= (now or dt.datetime.now()),
        )
    )
