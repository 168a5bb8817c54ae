"""A goal version as the printable goal card of ``reports``."""

from __future__ import annotations

from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.reports.data import GoalCard, PitchText
from desktop_app.reports.documents import Document, goal_card
from desktop_app.ui.goal.labels import (
    GOAL_TYPE_LABELS,
    ORGANISATION_KIND_LABELS,
    ORGANISATION_STATUS_LABELS,
)

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
