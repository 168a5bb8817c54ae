"""Importing LinkedIn files: parse, match against 10,000 contacts, write, index.

Each run imports into a fresh copy of the 10k benchmark database (10,000 contacts,
50,000 interactions), so every run matches against the same existing contacts. Beside
it, the reference: the same rows written by a raw sqlite3 ``executemany`` into a copy
of the same database, measured in the same run.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from desktop_app.bulkwork import collector_paused
from desktop_app.exchange.linkedin import parse_linkedin
from desktop_app.store.database import open_database
from desktop_app.store.importer import apply_import, prepare_import
from tests.bench.databases import bench_database
from tests.bench.harness import BUILD, Recorder
from tests.bench.linkedin_files import write_connections

LIMITS_MS = {"10k": 1500, "100k": 15000}
ROWS = {"10k": 10_000, "100k": 100_000}


def connections_file(size: str, existing: Path) -> Path:
    path = BUILD / "bench" / f"Connections-{size}.csv"
    if not path.exists():
        write_connections(path, ROWS[size], overlap_db=existing)
    return path


def fresh_copy(database: Path, folder: Path) -> Path:
    target = folder / "import.sqlite3"
    for old in folder.glob("import.sqlite3*"):
        old.unlink()
    shutil.copyfile(database, target)
    return target


def import_ms(database: Path, csv_path: Path, folder: Path) -> tuple[float, dict[str, int]]:
    target = fresh_copy(database, folder)
    db = open_database(str(target))
    try:
        # As the window's worker and the command line run it: without collector pauses.
        with collector_paused():
            start = time.perf_counter()
            parsed = parse_linkedin(csv_path)
            preview = prepare_import(db, parsed)
            result = apply_import(db, preview.plan)
            elapsed = (time.perf_counter() - start) * 1000
    finally:
        db.close()
    return elapsed, {
        "created": len(result.created),
        "merged": len(result.merged),
        "suggested": len(preview.plan.suggested()),
    }


def executemany_ms(database: Path, csv_path: Path, folder: Path) -> float:
    """The same rows, straight into contacts and contact_emails with sqlite3."""
    with csv_path.open(encoding="utf-8", newline="") as handle:
        rows = [r for r in csv.reader(handle) if len(r) == 7 and r[0] != "First Name"]
    target = fresh_copy(database, folder)
    connection = sqlite3.connect(target)
    try:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        now = dt.datetime.now().isoformat(" ")
        start = time.perf_counter()
        first = connection.execute("SELECT coalesce(max(id), 0) + 1 FROM contacts").fetchone()[0]
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO contacts (id, first_name, middle_name, last_name, full_name, title, "
            "company, industry, location, linkedin_url, circle, how_met, shared_interests, "
            "can_help_with, i_can_offer, notes, status, created_at, updated_at) VALUES "
            "(?, ?, '', ?, ?, ?, ?, '', '', ?, 'familiar', 'LinkedIn', '', '', '', '', "
            "'active', ?, ?)",
            [
                (first + n, r[0], r[1], f"{r[0]} {r[1]}", r[5], r[4], r[2], now, now)
                for n, r in enumerate(rows)
            ],
        )
        connection.executemany(
            "INSERT INTO contact_emails (contact_id, address, label) VALUES (?, ?, '')",
            [(first + n, r[3]) for n, r in enumerate(rows) if r[3]],
        )
        connection.commit()
        return (time.perf_counter() - start) * 1000
    finally:
        connection.close()


def run(recorder: Recorder, repeats: int) -> None:
    existing = bench_database("10k")
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        for size in ("10k", "100k"):
            csv_path = connections_file(size, existing)
            runs = repeats if size == "10k" else max(1, min(3, repeats))
            # Alternate the two so that noise on the shared machine hits both alike.
            ours, raw, outcome = [], [], {}
            for _ in range(runs):
                elapsed, outcome = import_ms(existing, csv_path, folder)
                ours.append(elapsed)
                if size == "10k":
                    raw.append(executemany_ms(existing, csv_path, folder))
            if size == "10k":
                recorder.record(
                    "ref.sqlite_executemany_10k_ms",
                    statistics.median(raw),
                    "ms",
                    rows=ROWS[size],
                    runs=runs,
                )
            recorder.record(
                f"import.linkedin_{size}_ms",
                statistics.median(ours),
                "ms",
                reference="ref.sqlite_executemany_10k_ms",
                limit_ms=LIMITS_MS[size],
                rows=ROWS[size],
                existing_contacts=10_000,
                runs=runs,
                **outcome,
            )
