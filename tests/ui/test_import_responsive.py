"""The window's thread gets the interpreter back at once while an import reads a big file.

The reading (parsing, screening, matching) runs Python on a worker thread without pause,
holding the interpreter lock. The window's thread hands the lock over each time it goes
into Qt and needs it back for every call Qt makes into Python: a repaint of a table asks
once for each cell's ``data()``, hundreds of times. Each wait was up to 5 ms, and a repaint
of the window took a quarter of a second while 100,000 rows were read.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from desktop_app.ui.common.background import BackgroundTask
from desktop_app.ui.importing import work
from tests.ui.importing import big_linkedin_file


def _lock_wait_ms() -> float:
    """How long this thread waits to run Python again after handing the lock over."""
    start = time.perf_counter()
    time.sleep(0)  # hands the lock over, as every call into Qt does
    return (time.perf_counter() - start) * 1000


def test_the_window_thread_gets_the_interpreter_back_at_once_while_an_import_reads(
    qtbot, database, tmp_path: Path
) -> None:
    path = big_linkedin_file(tmp_path / "Connections.csv", 40_000)
    switch_interval = sys.getswitchinterval()
    task = BackgroundTask(lambda reporter: work.read_contacts(database, path, "linkedin", reporter))
    outcome: list[object] = []
    task.succeeded.connect(outcome.append)
    task.failed.connect(outcome.append)
    task.start()
    waits: list[float] = []
    while not outcome:
        waits.extend(_lock_wait_ms() for _ in range(20))
        qtbot.wait(5)

    assert isinstance(outcome[0], work.ReadContacts)
    assert len(outcome[0].parsed.records) == 40_000
    assert len(waits) >= 100  # the reading outlasted a good many hand-overs
    assert statistics.median(waits) < 1.0, sorted(waits)[len(waits) // 2 :: 20]
    task.wait(5)
    assert sys.getswitchinterval() == switch_interval  # other work shares it as before
