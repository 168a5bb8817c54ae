"""The thresholds the Settings dialog shows, tab by tab, and the rule that checks them
together before anything is saved."""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.ui.shell.goal_help_thresholds import GOAL_HELP_THRESHOLDS

FOLLOW_UP = "follow_up_days"


@dataclass(frozen=True)
class Threshold:
    name: str  # a field of InsightSettings, or FOLLOW_UP
    label: str
    unit: str
    explanation: str


TABS: tuple[tuple[str, tuple[Threshold, ...]], ...] = (
    (
        "Replies",
        (
            Threshold(
                "reply_window_days",
                "Reply window",
                "days",
                "Outreach with no reply after this long counts as unanswered.",
            ),
            Threshold(
                "unanswered_in_a_row",
                "Unanswered in a row",
                "messages",
                "This many unanswered in a row, and nothing back, means they ignore you.",
            ),
            Threshold(
                "silence_days",
                "Silence window",
                "days",
                "Nothing from them for this long: ignoring you; no contact at all: gone quiet.",
            ),
        ),
    ),
    (
        "Give and Take",
        (
            Threshold(
                "reciprocity_months",
                "Counted over",
                "months",
                "Help given and received is counted over this many months.",
            ),
            Threshold(
                "one_sided_points",
                "One-sided from",
                "points",
                "One side at this many points and the other at none: they (or you) only take.",
            ),
            Threshold("points_small", "Small help", "points", "What one small favour counts."),
            Threshold("points_medium", "Medium help", "points", "What one medium favour counts."),
            Threshold("points_large", "Large help", "points", "What one large favour counts."),
        ),
    ),
    (
        "Alignment",
        (
            Threshold(
                "weight_industry",
                "Industry weight",
                "",
                "Weight of a target industry in the score (weights share the 100 points).",
            ),
            Threshold("weight_company", "Company weight", "", "Weight of a target company."),
            Threshold(
                "weight_role", "Role weight", "", "Weight of a title matching a target role."
            ),
            Threshold(
                "weight_seniority",
                "Seniority weight",
                "",
                "Weight of being at or above the seniority you target.",
            ),
            Threshold(
                "weight_interests",
                "Interests weight",
                "",
                "Weight of shared interests, most when they relate to your goal.",
            ),
            Threshold(
                "weight_location",
                "Location weight",
                "",
                "Weight of living in one of your goal's target locations.",
            ),
            Threshold(
                "aligned_at",
                "Aligned from",
                "/ 100",
                "At or above this score a contact fits your goal (Prioritise).",
            ),
            Threshold(
                "partly_aligned_at",
                "Worth re-engaging from",
                "/ 100",
                "At or above this score a contact who went quiet is worth re-engaging.",
            ),
        ),
    ),
    ("Goal Help", tuple(Threshold(*fields) for fields in GOAL_HELP_THRESHOLDS)),
    (
        "Time and Dashboard",
        (
            Threshold(
                "no_return_hours",
                "No return after",
                "hours",
                "This much time with someone and not one reply, meeting or referral.",
            ),
            Threshold(
                "higher_level_share_below",
                "Higher-level share below",
                "%",
                "The dashboard warns when fewer of your contacts are senior to you.",
            ),
            Threshold(
                "new_territory_share_below",
                "New-territory share below",
                "%",
                "The dashboard warns when fewer of your contacts are outside your circle.",
            ),
            Threshold("growth_months", "Growth charts", "months", "How far back the charts go."),
            Threshold(
                FOLLOW_UP,
                "Follow-up after an event",
                "days",
                "“Follow Up with Everyone I Met” schedules follow-ups this many days ahead "
                "(a weekend day moves to the Monday after).",
            ),
        ),
    ),
)
WEIGHTS = (
    "weight_industry",
    "weight_company",
    "weight_role",
    "weight_seniority",
    "weight_interests",
)  # location counts only for a goal that names places: it cannot stand in for these


def check(values: dict[str, float]) -> tuple[str, str]:
    """Why these values cannot be saved together, in words, and the field to correct;
    ("", "") when they can."""
    if values["partly_aligned_at"] > values["aligned_at"]:
        return "“Worth re-engaging from” cannot be above “Aligned from”.", "partly_aligned_at"
    if not any(values[name] for name in WEIGHTS):
        return "At least one alignment weight must be above 0, or every contact scores 0.", (
            "weight_industry"
        )
    if not values["points_small"] <= values["points_medium"] <= values["points_large"]:
        return "Help points must not shrink with the size of help: small ≤ medium ≤ large.", (
            "points_medium"
        )
    return "", ""
