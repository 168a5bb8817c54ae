"""The version of one row as this window last read or wrote it.

A save or an undo passes it to the store, which refuses the write when the row moved on
since (someone else wrote it); each write this window makes moves it on by one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class RowVersion:
    def __init__(self, version: int) -> None:
        self.version = version

    def write(self, save: Callable[[int], T]) -> T:
        """``save(version)``; once the store took it, the row is one version further."""
        result = save(self.version)
        self.version += 1
        return result
