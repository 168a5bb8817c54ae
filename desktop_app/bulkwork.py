"""Bulk work — an import of 100,000 rows — without the cyclic garbage collector's pauses.

Creating a million small objects makes Python run full collections again and again. Each
walks every live object while holding the interpreter lock (0.1–0.4 s at 100,000 rows),
which stalls the GUI thread as well, and finds nothing to free: records, plans and rows
hold no reference cycles. So the collector is paused while bulk work runs. At the end the
objects still alive are frozen (``gc.freeze``: moved out of the collector's generations),
or the first collections after it would walk them all at once, on whatever thread
allocates next. Reference counting frees them as usual when they are dropped. A frozen
object in a reference cycle would never be freed, so a collection runs first, while the
heap is still small: only cycles made during the bulk work itself can be kept.

Used by whatever runs an import or an export: the window's worker thread, the command
line, the benchmarks.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False
_freeze_at_end = True


def bulk_work_running() -> bool:
    """Whether some thread is inside ``collector_paused`` (the collector is off)."""
    return _depth > 0


@contextmanager
def collector_paused(*, collect_first: bool = True, freeze: bool = True) -> Iterator[None]:
    """Pause automatic garbage collection inside the block (nests, and across threads).

    ``collect_first=False`` when the caller has just collected on the thread where it
    must happen (the GUI thread: cyclic garbage may hold Qt objects). ``freeze=False``
    for a short read whose objects are dropped at once (nothing left to freeze).
    """
    global _depth, _was_enabled, _freeze_at_end
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            _freeze_at_end = freeze
            if _was_enabled and collect_first:
                gc.collect()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0:
                if _freeze_at_end:
                    gc.freeze()
                if _was_enabled:
                    gc.enable()
