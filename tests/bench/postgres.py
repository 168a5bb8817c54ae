"""The contacts figures and the 10k LinkedIn import on PostgreSQL, beside SQLite's.

A server of the bench's own (as the tests start one) holds the same generated networks
as the SQLite benchmark databases (same sizes, same seed), vacuumed and analysed as the
server's autovacuum leaves them a minute after a large write; the contacts page is
measured through the real window as ``contacts`` does, with the same limits, each figure
named ``pg.…``, beside references of the same run: the first 40 rows read with psycopg
alone, a bare Qt table painted, and the import's rows copied in raw.
``pg.change_notice_ms`` (change notices between windows) is in ``change_notices``.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
    with server.admin(name) as connection:
        connection.execute("VACUUM ANALYZE")
    return name


# The first screen of the contacts table, as ``contacts.VISIBLE_ROWS_SQL`` on SQLite.
VISIBLE_ROWS_SQL = """
SELECT c.id, c.status, c.full_name, c.title, c.company, c.industry, c.seniority, c.circle,
  (SELECT string_agg(t.name, ', ' ORDER BY lower(t.name)) FROM contact_tags ct
   JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id),
  c.last_interaction_on, c.next_followup_on
FROM contacts c ORDER BY lower(c.full_name) NULLS FIRST, c.id LIMIT 40
"""


def ref_visible_rows(server: PostgresServer, name: str, repeats: int) -> float:
    """The first 40 rows read with psycopg alone, a connection each time (as a window
    opening the page has none warm either)."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        with server.admin(name) as connection:
            rows = connection.execute(VISIBLE_ROWS_SQL).fetchall()
        samples.append((time.perf_counter() - start) * 1000)
        assert len(rows) == 40
    return statistics.median(samples)


def driver() -> str:
    """psycopg's implementation measured: "binary" or "c" from a pip install, "python" over
    the system's libpq as in the Linux installer (``PSYCOPG_IMPL=python`` chooses it)."""
    import psycopg

    return f"psycopg {psycopg.pq.__impl__}"


def _record(recorder: Recorder, name: str, samples: list[float], **extra: object) -> None:
    recorder.record(
        name, statistics.median(samples), "ms", limit=LIMITS[name], runs=len(samples), **extra
    )


def bench_contacts(recorder: Recorder, server: PostgresServer, size: str, repeats: int) -> None:
    name = generated(server, size)
    visible = ref_visible_rows(server, name, repeats)
    recorder.record("ref.pg_visible_rows_ms", visible, "ms", rows=40, runs=repeats)
    gui = contacts.Gui(server.url(name))  # type: ignore[arg-type]
    try:
        bare = statistics.median(contacts.ref_bare_table(gui, repeats))
        refs = {
            "ref_pg_visible_rows_ms": round(visible, 2),
            "ref_bare_table_ms": round(bare, 2),
            "driver": driver(),
        }
        total = gui.page.model.total
        _record(
            recorder,
            "pg.contacts.open_ms",
            contacts.bench_open(gui, repeats),
            contacts=total,
            **refs,
        )
        _record(
            recorder,
            "pg.contacts.filter_keystroke_ms",
            contacts.bench_typing(gui, repeats),
            word=contacts.TYPED_WORD,
            **refs,
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
            **refs,
        )
        _record(recorder, "pg.contacts.jump_end_ms", contacts.bench_jump(gui, repeats), **refs)
    finally:
        gui.close()


def copy_ms(server: PostgresServer, name: str, csv_path: Path) -> float:
    """The reference: the file's rows copied raw into contacts and contact_emails."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle) if len(r) == 7 and r[0] != "First Name"]
    now = dt.datetime.now()
    with server.admin(name) as connection:
        start = time.perf_counter()
        with connection.transaction():
            first = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM contacts")
            first_id = first.fetchone()[0]  # type: ignore[index]
            cursor = connection.cursor()
            columns = (
                "id, first_name, middle_name, last_name, full_name, title, company, industry, "
                "location, linkedin_url, circle, how_met, shared_interests, can_help_with, "
                "i_can_offer, notes, status, created_at, updated_at"
            )
            with cursor.copy(f"COPY contacts ({columns}) FROM STDIN") as copy:
                for n, r in enumerate(rows):
                    name = (r[0], "", r[1], f"{r[0]} {r[1]}", r[5], r[4], "", "", r[2])
                    rest = ("familiar", "LinkedIn", "", "", "", "", "active", now, now)
                    copy.write_row((first_id + n, *name, *rest))
            emails = "COPY contact_emails (contact_id, address, label) FROM STDIN"
            with cursor.copy(emails) as copy:
                for n, r in enumerate(rows):
                    if r[3]:
                        copy.write_row((first_id + n, r[3], ""))
        return (time.perf_counter() - start) * 1000


def bench_import(recorder: Recorder, server: PostgresServer, repeats: int) -> None:
    template = generated(server, "10k")
    csv_path = connections_file("10k", bench_database("10k"))
    samples, raw = [], []
    for _ in range(repeats):  # alternate, so noise hits both alike
        name = server.create_database(template)  # the same 10,000 contacts each run
        db = open_database(server.url(name))
        try:
            # As the window's worker and the command line run it.
            with collector_paused():
                start = time.perf_counter()
                preview = prepare_import(db, parse_linkedin(csv_path))
                apply_import(db, preview.plan, last_known_id=preview.last_known_id)
                samples.append((time.perf_counter() - start) * 1000)
        finally:
            db.close()
            server.drop_database(name)
        name = server.create_database(template)
        try:
            raw.append(copy_ms(server, name, csv_path))
        finally:
            server.drop_database(name)
    reference = statistics.median(raw)
    recorder.record("ref.pg_copy_10k_ms", reference, "ms", rows=10_000, runs=repeats)
    _record(
        recorder,
        "pg.import.linkedin_10k_ms",
        samples,
        rows=10_000,
        reference="ref.pg_copy_10k_ms",
        ref_pg_copy_10k_ms=round(reference, 2),
        driver=driver(),
    )


@contextmanager
def bench_server(figures: str) -> Iterator[PostgresServer | None]:
    """The bench's own server, with NetWise's data folder a temporary one; None (and said
    so) where PostgreSQL is not installed, as there are no ``figures`` then."""
    binaries = find_binaries()
    if binaries is None:
        print(f"pg: PostgreSQL is not installed; no {figures}", flush=True)
        yield None
        return
    server = PostgresServer(binaries)
    server.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            os.environ["NETWISE_DATA_DIR"] = str(Path(folder) / "data")
            yield server
    finally:
        server.stop()


def run(recorder: Recorder, repeats: int, size: str = "100k") -> None:
    with bench_server("pg.* figures") as server:
        if server is not None:
            bench_contacts(recorder, server, size, repeats)
            bench_import(recorder, server, repeats)
