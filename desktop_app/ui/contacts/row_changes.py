"""How one ordered list of ids became another, as runs of rows removed and inserted.

Models signal these run by run, so views keep their selection and scroll position when a
few contacts come or go; anything else (a new order) is a layout change or a reset.
No Qt here: plain lists in, plain runs out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

Run = tuple[int, int]  # first and last row, inclusive


@dataclass(frozen=True)
class RowChanges:
    removals: list[Run]  # rows of the old list, ascending
    insertions: list[Run]  # rows of the new list, ascending


def runs(rows: Iterable[int]) -> list[Run]:
    """Consecutive rows as (first, last) pairs, in ascending order."""
    found: list[Run] = []
    for row in rows:
        if found and found[-1][1] == row - 1:
            found[-1] = (found[-1][0], row)
        else:
            found.append((row, row))
    return found


def row_changes(old: list[int], new: list[int]) -> RowChanges | None:
    """The removals and insertions turning ``old`` into ``new``, or None when the ids that
    stay changed their order too (that is not a matter of rows coming and going)."""
    old_set, new_set = set(old), set(new)
    removed, added = old_set - new_set, new_set - old_set
    kept_old = [i for i in old if i not in removed] if removed else old
    kept_new = [i for i in new if i not in added] if added else new
    if kept_old != kept_new:
        return None
    return RowChanges(
        runs(r for r, i in enumerate(old) if i in removed),
        runs(r for r, i in enumerate(new) if i in added),
    )
