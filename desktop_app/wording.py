"""Counted words for every layer (the window, the reports, the command line): ``1 person``,
``2 people``."""

from __future__ import annotations


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """``1 contact``, ``2,345 contacts``."""
    word = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {word}"


def hours_of(hours: float) -> str:
    """``1 hour``, ``1.5 hours``, ``4 hours``."""
    return f"{hours:g} {'hour' if hours == 1 else 'hours'}"
