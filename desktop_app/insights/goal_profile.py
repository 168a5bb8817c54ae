"""The goal profile and the elevator pitch as plain values.

The store reads and writes these; the wizard edits them; the checks in this package read
them. They hold only strings, numbers and dates, so every layer can use them.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

PITCH_PART_KEYS = ("who", "offer", "look_for", "why", "ask")
CHECKLIST_KEYS = ("headline", "summary", "organisations", "looking_for")


@dataclass(frozen=True)
class OrganisationEntry:
    """An alumni, industry or professional organisation joined or to join."""

    name: str
    kind: str = "professional"  # alumni | industry | professional
    status: str = "to_join"  # joined | to_join


@dataclass(frozen=True)
class Measure:
    """A measurable target, e.g. ("Informational meetings per month", 4)."""

    name: str
    target: float

    def as_dict(self) -> dict[str, Any]:
        target: float | int = int(self.target) if self.target == int(self.target) else self.target
        return {"name": self.name, "target": target}


def stored_measures(values: Any) -> tuple[Measure, ...]:
    """The measures of a stored goal: items that are not a measure with a finite numeric
    target (left by an older import) are passed over rather than failing every reader."""
    measures = []
    for value in values or ():
        if not isinstance(value, dict):
            continue
        try:
            target = float(value.get("target") or 0)
        except (TypeError, ValueError, OverflowError):
            continue
        if math.isfinite(target):
            measures.append(Measure(str(value.get("name", "")), target))
    return tuple(measures)


@dataclass(frozen=True)
class ChecklistItem:
    done: bool = False
    note: str = ""


@dataclass(frozen=True)
class GoalProfile:
    """One version of the goal, as the user wrote it."""

    goal_type: str = "land_job"
    statement: str = ""
    target_roles: tuple[str, ...] = ()
    target_companies: tuple[str, ...] = ()
    target_industries: tuple[str, ...] = ()
    target_locations: tuple[str, ...] = ()
    target_seniority: str | None = None
    weekly_hours: float = 0.0
    target_date: dt.date | None = None
    measures: tuple[Measure, ...] = ()
    checklist: dict[str, ChecklistItem] = field(default_factory=dict)
    organisations: tuple[OrganisationEntry, ...] = ()


@dataclass(frozen=True)
class PitchParts:
    """The five parts a stranger needs: who, what for them, what I seek, why, the ask."""

    who: str = ""
    offer: str = ""
    look_for: str = ""
    why: str = ""
    ask: str = ""

    def as_dict(self) -> dict[str, str]:
        return {key: getattr(self, key) for key in PITCH_PART_KEYS}

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> PitchParts:
        return cls(**{key: str(values.get(key) or "") for key in PITCH_PART_KEYS})

    def in_order(self) -> list[str]:
        return [getattr(self, key) for key in PITCH_PART_KEYS]


@dataclass(frozen=True)
class PitchVariants:
    thirty_seconds: str = ""
    headline: str = ""
    summary: str = ""

    def as_dict(self) -> dict[str, str]:
        return {
            "thirty_seconds": self.thirty_seconds,
            "headline": self.headline,
            "summary": self.summary,
        }

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> PitchVariants:
        return cls(
            thirty_seconds=str(values.get("thirty_seconds") or ""),
            headline=str(values.get("headline") or ""),
            summary=str(values.get("summary") or ""),
        )


@dataclass(frozen=True)
class PitchDraft:
    """One version of the pitch: its parts, the assembled text, and the variants."""

    parts: PitchParts = field(default_factory=PitchParts)
    text: str = ""
    variants: PitchVariants = field(default_factory=PitchVariants)
