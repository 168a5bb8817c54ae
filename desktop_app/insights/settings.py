"""The thresholds behind every insight, with the defaults of the product specification.

One frozen dataclass, stored in the database's ``settings`` table under ``SETTINGS_KEY`` as
a plain JSON object (``to_dict`` / ``from_dict``). Invalid values never get in: the
constructor checks every field's type and range and says which one is wrong.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

SETTINGS_KEY = "insights"

# (lowest, highest) allowed for each field; the type comes from the default.
_RANGES: dict[str, tuple[float, float]] = {
    "reply_window_days": (1, 365),
    "silence_days": (1, 3650),
    "unanswered_in_a_row": (1, 50),
    "reciprocity_months": (1, 120),
    "one_sided_points": (1, 1000),
    "points_small": (0, 100),
    "points_medium": (0, 100),
    "points_large": (0, 100),
    "weight_industry": (0, 100),
    "weight_company": (0, 100),
    "weight_role": (0, 100),
    "weight_seniority": (0, 100),
    "weight_interests": (0, 100),
    "weight_location": (0, 100),
    "goal_help_points": (0, 100),
    "goal_help_most": (0, 100),
    "can_help_points": (0, 100),
    "aligned_at": (1, 100),
    "partly_aligned_at": (0, 100),
    "no_return_hours": (0.0, 10_000.0),
    "time_sink_hours": (0.0, 10_000.0),
    "time_sink_months": (1, 60),
    "higher_level_share_below": (0, 100),
    "new_territory_share_below": (0, 100),
    "growth_months": (1, 60),
}


def allowed_range(name: str) -> tuple[float, float]:
    """(lowest, highest) a field of ``InsightSettings`` accepts (the Settings dialog's)."""
    return _RANGES[name]


@dataclass(frozen=True)
class InsightSettings:
    """Thresholds the user can change (Settings dialog); the defaults follow product.md."""

    # Responsiveness: outreach left unanswered longer than this counts as unanswered...
    reply_window_days: int = 14
    # ...and *ignoring you* needs nothing back from them in this many days; a contact with no
    # interaction at all for this long has *gone quiet* (Re-engage).
    silence_days: int = 90
    # How many outreach in a row must go unanswered past the reply window.
    unanswered_in_a_row: int = 2
    # Reciprocity: value given and received over this many months...
    reciprocity_months: int = 12
    # ...is one-sided when one side reaches this many points and the other has none.
    one_sided_points: int = 3
    # Points of one act of help by its size (the interaction's help given / received).
    points_small: int = 1
    points_medium: int = 2
    points_large: int = 3
    # Alignment weights: the share of the 100 points each factor can earn (renormalised over
    # the factors the goal names, so a goal without target companies does not cap scores).
    weight_industry: int = 25
    weight_company: int = 20
    weight_role: int = 25
    weight_seniority: int = 20
    weight_interests: int = 10
    weight_location: int = 10
    # Helps your goal (``goal_help``): points on top of the profile's for each act of help
    # toward the goal received in the reciprocity window (a referral, an introduction,
    # advice or a lead), up to ``goal_help_most``; and points when what they can help with
    # names a target role, company or industry. The score stays at most 100.
    goal_help_points: int = 15
    goal_help_most: int = 45
    can_help_points: int = 10
    # Alignment at or above this is *aligned* (Prioritise)...
    aligned_at: int = 60
    # ...and at or above this is worth re-engaging when the contact has gone quiet.
    partly_aligned_at: int = 30
    # No return on time: at least this many hours spent with a contact and no outcome at all.
    no_return_hours: float = 3.0
    # Time sink: at least this many hours with someone off your goal who does answer, but
    # from whom nothing toward the goal came in this many months.
    time_sink_hours: float = 5.0
    time_sink_months: int = 6
    # Network mix warnings (percent of the people you were in touch with).
    higher_level_share_below: int = 25
    new_territory_share_below: int = 20
    # Growth charts: how many months back.
    growth_months: int = 12

    def __post_init__(self) -> None:
        problems = []
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            low, high = _RANGES[field.name]
            numeric = isinstance(value, int | float) and not isinstance(value, bool)
            if isinstance(field.default, int) and not isinstance(value, int):
                numeric = False
            if not numeric or not low <= value <= high:
                problems.append(f"{field.name} must be a number from {low} to {high}")
        if not problems and self.partly_aligned_at > self.aligned_at:
            problems.append("partly_aligned_at must not exceed aligned_at")
        if problems:
            raise ValueError("; ".join(problems))

    @property
    def weights(self) -> dict[str, int]:
        """Alignment weight by factor key."""
        return {
            "industry": self.weight_industry,
            "company": self.weight_company,
            "role": self.weight_role,
            "seniority": self.weight_seniority,
            "interests": self.weight_interests,
            "location": self.weight_location,
        }

    def points_for(self, size: str) -> int:
        """Value points of one act of help of ``size`` (none, small, medium, large)."""
        return {"small": self.points_small, "medium": self.points_medium}.get(
            size, self.points_large if size == "large" else 0
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> InsightSettings:
        """Settings from stored JSON: unknown keys ignored, missing keys take their default.

        Raises ``ValueError`` naming the fields whose values are wrong.
        """
        if not data:
            return cls()
        names = {field.name for field in dataclasses.fields(cls)}
        values = {key: value for key, value in data.items() if key in names}
        for key, value in values.items():
            # JSON has one number type: 3.0 read back for an integer field is still 3.
            if (
                isinstance(value, float)
                and value.is_integer()
                and isinstance(getattr(cls, key), int)
            ):
                values[key] = int(value)
        return cls(**values)

    def replace(self, **changes: Any) -> InsightSettings:
        return dataclasses.replace(self, **changes)


DEFAULT_SETTINGS = InsightSettings()
