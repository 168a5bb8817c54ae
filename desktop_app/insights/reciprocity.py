"""Reciprocity: value given vs received over the window, and the one-sided flags.

Each act of help counts by its size (small 1, medium 2, large 3 points by default). Over
the reciprocity window (12 months), *they only take* when I gave at least
``one_sided_points`` (3) and received nothing; *you only take* the other way round. Three
points against zero is one-sided; two against zero is not yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop_app.insights.model import ContactSummary
from desktop_app.insights.settings import InsightSettings
from desktop_app.wording import count_of


@dataclass(frozen=True)
class Reciprocity:
    given_points: int
    received_points: int
    balance: int  # given minus received: above 0, you give more than you get
    they_only_take: bool
    you_only_take: bool
    reasons: tuple[str, ...]


def one_sided(given: int, received: int, threshold: int) -> tuple[bool, bool]:
    """(they only take, you only take) for points given and received."""
    return (given >= threshold and received == 0, received >= threshold and given == 0)


def assess_reciprocity(summary: ContactSummary, settings: InsightSettings) -> Reciprocity:
    given = summary.given.points(settings)
    received = summary.received.points(settings)
    they_take, you_take = one_sided(given, received, settings.one_sided_points)
    months = settings.reciprocity_months
    reasons = [
        f"Over the last {count_of(months, 'month')} you gave {count_of(given, 'value point')} "
        f"({_sizes(summary.given.small, summary.given.medium, summary.given.large)}) and "
        f"received {received} "
        f"({_sizes(summary.received.small, summary.received.medium, summary.received.large)})."
    ]
    if they_take:
        reasons.insert(
            0,
            f"They only take: you gave {count_of(given, 'point')} of help in "
            f"{count_of(months, 'month')} and "
            "received nothing back.",
        )
    elif you_take:
        reasons.insert(
            0,
            f"You only take: they gave you {count_of(received, 'point')} of help in "
            f"{count_of(months, 'month')} and "
            "you have given nothing back.",
        )
    return Reciprocity(given, received, given - received, they_take, you_take, tuple(reasons))


def _sizes(small: int, medium: int, large: int) -> str:
    parts = [f"{n} {size}" for n, size in ((small, "small"), (medium, "medium"), (large, "large"))]
    counted = [p for p in parts if not p.startswith("0 ")]
    return ", ".join(counted) if counted else "no help"
