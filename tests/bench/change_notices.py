"""``pg.change_notice_ms``: from a commit in one window to the change shown in another.

Two main windows on one database of the bench's own PostgreSQL server (the 10k network),
both on the Contacts page; a contact is added in the first, and the clock runs from the
commit until the second window's table counts it and has repainted.
"""

from __future__ import annotations

import statistics
import time

from desktop_app.store.contacts import create_contact
from desktop_app.store.records import ContactInput
from tests.bench.contacts import Gui
from tests.bench.harness import Recorder
from tests.bench.postgres import bench_server, generated

LIMIT_MS = 2000
# The listening thread starts as the window opens; its LISTEN is in place well before this.
SETTLE_S = 1.0


def shown_after_commit(writer: Gui, watcher: Gui, number: int) -> float:
    """Milliseconds from the commit of a new contact in ``writer`` to ``watcher`` showing it."""
    before = watcher.page.model.total
    database = writer.window.controller.database
    create_contact(database, ContactInput("Notice", last_name=f"Test {number}"))
    start = time.perf_counter()
    while watcher.page.model.total == before:
        watcher.app.processEvents()
        if time.perf_counter() - start > 10:
            raise RuntimeError("the other window never showed the change")
    watcher.table.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def run(recorder: Recorder, repeats: int) -> None:
    with bench_server("pg.change_notice_ms") as server:
        if server is None:
            return
        url = server.url(generated(server, "10k"))
        writer, watcher = Gui(url), Gui(url)  # type: ignore[arg-type]
        try:
            deadline = time.perf_counter() + SETTLE_S
            while time.perf_counter() < deadline:
                watcher.app.processEvents()
            samples = [shown_after_commit(writer, watcher, n) for n in range(repeats)]
        finally:
            writer.close()
            watcher.close()
    recorder.record(
        "pg.change_notice_ms",
        statistics.median(samples),
        "ms",
        limit=LIMIT_MS,
        runs=len(samples),
        worst=round(max(samples), 1),
    )
