"""The contacts figures and the 10k LinkedIn import on PostgreSQL, beside SQLite's.

A server of the bench's own (as the tests start one) holds the same generated networks
as the SQLite benchmark databases (same sizes, same seed); the contacts page is measured
through the real window as ``contacts`` does, with the same limits, each figure named
``pg.…``. ``pg.change_notice_ms`` (change notices between windows) is in ``change_notices``.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from desktop_app.bulkwork import collector_paused
from desktop_app.exchange.linkedin import parse_linkedin
from desktop_app.store.database import open_database
from desktop_app.store.demo import fill_demo_data
from desktop_app.store.importer import apply_import, prepare_import
from desktop_app.store.scores import ensure_insights_current
from tests.bench import contacts
from tests.bench.databases import SIZES, bench_database
from tests.bench.harness import Recorder
from tests.bench.imports import LIMITS_MS, connections_file
from tests.postgres_server import PostgresServer, find_binaries

LIMITS = {
    "pg.contacts.open_ms": 150,
    "pg.contacts.filter_keystroke_ms": 60,
    "pg.contacts.sort_ms": 250,
    "pg.contacts.jump_end_ms": 60,
    "pg.import.linkedin_10k_ms": LIMITS_MS["10k"],
}


def generated(server: PostgresServer, size: str) -> str:
    """A database on ``server`` holding the generated network ``size``, scored."""
    name = server.create_database()
    db = open_database(server.url(name))
    try:
        with db.engine.begin() as connection:
            fill_demo_data(connection, SIZES[size], seed=11)
        ensure_insights_current(db)
    finally:
        db.close()
    return name


def _record(recorder: Recorder, name: str, samples: list[float], **extra: object) -> None:
    recorder.record(
        name, statistics.median(samples), "ms", limit=LIMITS[name], runs=len(samples), **extra
    )


def bench_contacts(recorder: Recorder, server: PostgresServer, size: str, repeats: int) -> None:
    url = server.url(generated(server, size))
    gui = contacts.Gui(url)  # type: ignore[arg-type]
    try:
        total = gui.page.model.total
        _record(recorder, "pg.contacts.open_ms", contacts.bench_open(gui, repeats), contacts=total)
        _record(
            recorder,
            "pg.contacts.filter_keystroke_ms",
            contacts.bench_typing(gui, repeats),
            word=contacts.TYPED_WORD,
        )
        by_column = contacts.bench_sort(gui, repeats)
        worst = max(by_column, key=by_column.__getitem__)
        recorder.record(
            "pg.contacts.sort_ms",
            by_column[worst],
            "ms",
            limit=LIMITS["pg.contacts.sort_ms"],
            worst_column=worst,
            columns={k: round(v, 1) for k, v in by_column.items()},
            runs=repeats,
        )
        _record(recorder, "pg.contacts.jump_end_ms", contacts.bench_jump(gui, repeats))
    finally:
        gui.close()


def bench_import(recorder: Recorder, server: PostgresServer, repeats: int) -> None:
    template = generated(server, "10k")
    csv_path = connections_file("10k", bench_database("10k"))
    samples = []
    for _ in range(repeats):
        name = server.create_database(template)  # the same 10,000 contacts each run
        db = open_database(server.url(name))
        try:
            with collector_paused():
                start = time.perf_counter()
                preview = prepare_import(db, parse_linkedin(csv_path))
                apply_import(db, preview.plan)
                samples.append((time.perf_counter() - start) * 1000)
        finally:
            db.close()
            server.drop_database(name)
    _record(recorder, "pg.import.linkedin_10k_ms", samples, rows=10_000)


def run(recorder: Recorder, repeats: int, size: str = "100k") -> None:
    binaries = find_binaries()
    if binaries is None:
        print("pg: PostgreSQL is not installed; no pg.* figures", flush=True)
        return
    server = PostgresServer(binaries)
    server.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            os.environ["NETWISE_DATA_DIR"] = str(Path(folder) / "data")
            bench_contacts(recorder, server, size, repeats)
            bench_import(recorder, server, repeats)
    finally:
        server.stop()
