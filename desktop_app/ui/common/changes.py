"""What a write changed, announced once so every view refreshes just what it shows.

Writes happen in dialogs, undo commands and pages; the contacts table, the detail pane, the
follow-ups page and the status bar each listen and update themselves, precisely.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Change:
    # Their fields changed; their rows stay where they are.
    edited: frozenset[int] = frozenset()
    # Added, deleted or re-filed (archived...): lists showing contacts query again.
    moved: frozenset[int] = frozenset()
    # Their interactions or follow-ups changed (dates, timeline, follow-up lists).
    interactions: frozenset[int] = frozenset()

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


class DataChanges(QObject):
    """The main window's announcer of changes (``window.changes``)."""

    changed = Signal(object)  # Change

    def report(self, what: Change) -> None:
        self.changed.emit(what)
