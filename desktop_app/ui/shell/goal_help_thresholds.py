"""The Settings dialog's "Goal Help" tab: what help toward the goal adds to a
contact's score, and when hours with someone become a time sink.

Each entry is (field of ``InsightSettings``, label, unit, explanation), as the dialog's
``Threshold`` takes them.
"""

from __future__ import annotations

GOAL_HELP_THRESHOLDS: tuple[tuple[str, str, str, str], ...] = (
    (
        "goal_help_points",
        "Each act of help",
        "points",
        "Added for each referral, introduction, advice or lead they gave you toward your "
        "goal (over the months of Give and Take).",
    ),
    (
        "goal_help_most",
        "Help counts at most",
        "points",
        "The most that help toward your goal adds (the score stays at most 100).",
    ),
    (
        "can_help_points",
        "Can help with",
        "points",
        "Added when what they can help with names a target role, company or industry.",
    ),
    (
        "time_sink_hours",
        "Time sink after",
        "hours",
        "This much time with someone off your goal who answers, but from whom nothing "
        "toward it came lately: a time sink (Move on).",
    ),
    (
        "time_sink_months",
        "Nothing toward your goal for",
        "months",
        "How far back help toward your goal is looked for before the hours count as a time sink.",
    ),
)
