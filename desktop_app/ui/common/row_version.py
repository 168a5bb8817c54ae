"""The version of one row as this window last read or wrote it.

A save or an undo passes it to the store, which refuses the write when someone else
wrote the row since; after each write this window makes, it is the version that write left.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class RowVersion:
    def __init__(self, version: int, written: Callable[[], int | None]) -> None:
        self.version = version
        self._written = written  # the latest version this window's writes left the row at

    def write(self, save: Callable[[int], T]) -> T:
        """``save(version)``; once the store took it, the row is at the version it left."""
        result = save(self.version)
        self.version = self._written() or self.version + 1
        return result
