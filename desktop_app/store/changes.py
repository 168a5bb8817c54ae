"""What a write changed, said by the write itself so every view refreshes just what it shows.

Each store function behind an undoable action returns a ``Change`` (or a ``Written``: the
change with what the caller gets back, a new row's id or what undoing needs). The window
announces it as it is; nobody rebuilds the list of contacts touched by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    # Their fields changed; their rows stay where they are.
    edited: frozenset[int] = frozenset()
    # Added, deleted or re-filed (archived...): lists showing contacts query again.
    moved: frozenset[int] = frozenset()
    # Their interactions or follow-ups changed (dates, timeline, follow-up lists).
    interactions: frozenset[int] = frozenset()
    # Events or the goal were written where this window did not see it (another window):
    # the Events and Goal pages read themselves again. Their own writes refresh them.
    events: bool = False
    goal: bool = False

    @property
    def contacts(self) -> frozenset[int]:
        return self.edited | self.moved | self.interactions


def change(
    *,
    edited: Iterable[int] = (),
    moved: Iterable[int] = (),
    interactions: Iterable[int] = (),
) -> Change:
    return Change(frozenset(edited), frozenset(moved), frozenset(interactions))


@dataclass(frozen=True)
class Written(Generic[T]):
    """A write's ``change`` and its ``value``: the new row's id, or what undoing it needs."""

    change: Change
    value: T


# Writes made elsewhere, what they touched unknown (a notice that names no tables, or
# notices missed while the server was out of reach): lists showing contacts query again
# (no contact has the id 0), open details, the Events and the Goal pages read again.
ELSEWHERE = Change(moved=frozenset({0}), events=True, goal=True)

# The tables whose rows the Events page shows (an event's people, their follow-ups and
# outcomes, their names) and those of the Goal & Pitch page.
_EVENT_TABLES = frozenset({"events", "event_attendees", "interactions", "contacts"})
_GOAL_TABLES = frozenset({"goals", "pitches"})


def written_elsewhere(tables: Iterable[str] | None) -> Change:
    """What another window's transaction changed, from the tables it wrote (None: not
    said, so everything). Contact lists follow every write, as any may move a score."""
    if tables is None:
        return ELSEWHERE
    written = frozenset(tables)
    return replace(
        ELSEWHERE, events=bool(written & _EVENT_TABLES), goal=bool(written & _GOAL_TABLES)
    )
