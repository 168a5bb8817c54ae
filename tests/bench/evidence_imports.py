"""Importing evidence files: LinkedIn's whole data export and a busy calendar.

``import.linkedin_archive_30k_ms``: an archive of 30,000 connections and 200,000 messages
in 40,000 conversations, read, planned and written into an empty database, as
``netwise import linkedin`` does; ``import.linkedin_archive_reimport_ms``: the same archive
again into the result (it adds nothing). ``import.ics_5k_ms``: a calendar of 5,000 events
with 500 recurring series, strangers created, into an empty database. Beside each, the
reference of the same run: reading the file alone.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from desktop_app.bulkwork import collector_paused
from desktop_app.exchange.ics_in import default_period, parse_calendar
from desktop_app.exchange.linkedin_archive import read_linkedin_archive
from desktop_app.store.calendar_evidence import apply_calendar_plan, plan_calendar_import
from desktop_app.store.database import open_database
from desktop_app.store.linkedin_evidence import apply_linkedin_plan, plan_linkedin_import
from tests.bench.harness import BUILD, Recorder
from tests.bench.ics_files import write_calendar_file
from tests.bench.linkedin_archive_files import EXPORTED, archive_files, write_archive

LIMITS_MS = {"archive": 15_000, "reimport": 5_000, "ics": 2_000}
ZONE = dt.timezone(dt.timedelta(hours=-5))


def archive_path() -> Path:
    path = BUILD / "bench" / "Complete_LinkedInDataExport_12-01-2026.zip"
    if not path.exists():
        write_archive(path, archive_files(30_000, 200_000, 40_000))
    return path


def calendar_path() -> Path:
    path = BUILD / "bench" / "calendar-5k.ics"
    if not path.exists():
        write_calendar_file(path, 5_000, 500)
    return path


def _read(path: Path):  # type: ignore[no-untyped-def]
    return read_linkedin_archive(
        path, today=EXPORTED.date(), reply_window_days=14, now=EXPORTED, zone=ZONE
    )


def archive_import_ms(path: Path, target: Path) -> tuple[float, dict[str, int]]:
    db = open_database(str(target))
    try:
        with collector_paused():
            start = time.perf_counter()
            contents = _read(path)
            plan = plan_linkedin_import(db, contents, str(path))
            result = apply_linkedin_plan(db, plan)
            elapsed = (time.perf_counter() - start) * 1000
    finally:
        db.close()
    return elapsed, {
        "connections_created": len(result.contacts.created) if result.contacts else 0,
        "interactions_added": result.evidence.added,
        "already": result.evidence.already,
        "strangers_skipped": result.strangers_skipped,
    }


def parse_ms(action) -> float:  # type: ignore[no-untyped-def]
    with collector_paused():
        start = time.perf_counter()
        action()
        return (time.perf_counter() - start) * 1000


def calendar_import_ms(path: Path, target: Path) -> tuple[float, dict[str, int]]:
    db = open_database(str(target))
    try:
        with collector_paused():
            start = time.perf_counter()
            calendar = parse_calendar(path, period=today_period(), local_zone=ZONE)
            plan = plan_calendar_import(db, calendar)
            plan.create_strangers = True
            result = apply_calendar_plan(db, plan)
            elapsed = (time.perf_counter() - start) * 1000
    finally:
        db.close()
    return elapsed, {
        "occurrences": len(calendar.occurrences),
        "interactions_added": result.interactions.added,
        "events_added": result.events_added,
        "contacts_created": result.strangers_created,
    }


def today_period() -> tuple[dt.date, dt.date]:
    return default_period()


def run(recorder: Recorder, repeats: int) -> None:
    archive, calendar = archive_path(), calendar_path()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        reference = parse_ms(lambda: _read(archive))
        recorder.record("ref.linkedin_archive_parse_ms", reference, "ms", messages=200_000)
        target = folder / "archive.sqlite3"
        first, outcome = archive_import_ms(archive, target)
        recorder.record(
            "import.linkedin_archive_30k_ms",
            first,
            "ms",
            reference="ref.linkedin_archive_parse_ms",
            limit_ms=LIMITS_MS["archive"],
            **outcome,
        )
        again, outcome = archive_import_ms(archive, target)
        recorder.record(
            "import.linkedin_archive_reimport_ms",
            again,
            "ms",
            reference="ref.linkedin_archive_parse_ms",
            limit_ms=LIMITS_MS["reimport"],
            **outcome,
        )
        ics_reference = parse_ms(
            lambda: parse_calendar(calendar, period=today_period(), local_zone=ZONE)
        )
        recorder.record("ref.ics_parse_ms", ics_reference, "ms", events=5_000, series=500)
        elapsed, outcome = calendar_import_ms(calendar, folder / "calendar.sqlite3")
        recorder.record(
            "import.ics_5k_ms",
            elapsed,
            "ms",
            reference="ref.ics_parse_ms",
            limit_ms=LIMITS_MS["ics"],
            **outcome,
        )
