"""Two programs importing the same file into one database at once: nobody is created twice.

Real processes on a real SQLite file, without the command line's lock: the store alone must
keep the database right, whatever the interleaving.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.bench.linkedin_files import write_connections

# Prepares the import (who is new?), says so, waits for the other process to have
# prepared too, then writes: the interleaving that used to create everyone twice.
IMPORT_AFTER_BOTH_PREPARED = """
import sys, time
from pathlib import Path
from desktop_app.exchange.formats import contact_parser
from desktop_app.store.database import open_database
from desktop_app.store.importer import apply_import, prepare_import

database, csv_file, ready, other_ready = sys.argv[1:]
db = open_database(database)
preview = prepare_import(db, contact_parser("linkedin")(csv_file))
Path(ready).touch()
deadline = time.monotonic() + 30
while not Path(other_ready).exists() and time.monotonic() < deadline:
    time.sleep(0.005)
result = apply_import(db, preview.plan, last_known_id=preview.last_known_id)
db.close()
print(len(result.created), len(result.merged) + result.unchanged)
"""


def distinct_and_total(target: Path | str) -> tuple[int, int]:
    from sqlalchemy import create_engine, text

    from desktop_app.store.engine import database_url

    engine = create_engine(database_url(str(target)))
    with engine.connect() as connection:
        found = connection.execute(
            text("SELECT count(DISTINCT linkedin_url), count(*) FROM contacts")
        ).one()
    engine.dispose()
    return found[0], found[1]


@pytest.mark.both_databases
def test_two_processes_that_both_read_before_writing_create_each_person_once(
    tmp_path: Path, backend: str, request: pytest.FixtureRequest
) -> None:
    from desktop_app.store.database import open_database

    csv_file = write_connections(tmp_path / "Connections.csv", 1_000)
    for round_number in range(3):
        if backend == "sqlite":
            database: Path | str = tmp_path / f"round-{round_number}.sqlite3"
        else:
            server = request.getfixturevalue("postgres_server")
            database = server.url(server.create_database())
        open_database(str(database)).close()  # made and migrated before the race
        flags = [tmp_path / f"ready-{round_number}-{side}" for side in "ab"]
        processes = [
            subprocess.Popen(
                [
                    *(sys.executable, "-c", IMPORT_AFTER_BOTH_PREPARED),
                    *(str(database), str(csv_file), str(flags[side]), str(flags[1 - side])),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=dict(os.environ),
            )
            for side in (0, 1)
        ]
        outcomes = [process.communicate(timeout=120) for process in processes]
        for process, (_out, err) in zip(processes, outcomes, strict=True):
            assert process.returncode == 0, err
        distinct, total = distinct_and_total(database)
        assert total == distinct, f"round {round_number}: {total} contacts for {distinct} people"
        created = sorted(int(out.split()[0]) for out, _err in outcomes)
        assert created[0] == 0 and created[1] == distinct, outcomes


def test_a_plan_written_after_another_import_merges_whom_it_would_have_created(
    tmp_path: Path,
) -> None:
    from desktop_app.exchange.formats import contact_parser
    from desktop_app.store.database import open_database
    from desktop_app.store.importer import apply_import, prepare_import

    csv_file = write_connections(tmp_path / "Connections.csv", 200)
    parsed = contact_parser("linkedin")(str(csv_file))
    first, second = (open_database(str(tmp_path / "mine.sqlite3")) for _ in range(2))
    try:
        plans = [prepare_import(db, parsed).plan for db in (first, second)]
        created = len(apply_import(first, plans[0]).created)
        # Without the preview's last known id, every contact is checked.
        result = apply_import(second, plans[1])
    finally:
        first.close()
        second.close()
    assert result.created == []
    assert len(result.merged) + result.unchanged == created
    assert distinct_and_total(tmp_path / "mine.sqlite3") == (created, created)
