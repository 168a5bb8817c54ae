"""``kill -9`` in the middle of an import or a restore: the database stays sound, all or nothing.

A real ``python -m desktop_app --db F import linkedin BIG.csv`` (and ``import json``) is
killed at random moments: half anywhere in its run, half around its commit. The file must then pass
``PRAGMA integrity_check`` and hold either exactly what it held before (nothing new) or
exactly what a whole import gives (everything new), table by table, schema included.
Seeded, so a failing moment is found again.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from desktop_app.store.demo import open_demo_database
from tests.bench.linkedin_files import write_connections

KILLS_PER_COMMAND = 12


def state(db: Path) -> tuple[tuple[tuple[str, str], ...], dict[str, int]]:
    """The schema's names and every table's row count, after integrity_check says ok."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        schema = tuple(
            connection.execute(
                "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' "
                "ORDER BY type, name"
            ).fetchall()
        )
        tables = [name for kind, name in schema if kind == "table"]
        counts = {
            t: connection.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables
        }
    connection.close()
    return schema, counts


def command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "desktop_app", "--db", str(db), *args]


def netwise(db: Path, *args: str, env: dict[str, str]) -> None:
    """Run to the end; it must succeed."""
    result = subprocess.run(command(db, *args), env=env, capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr.decode()


def fresh_copy(base: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(base, target)
    return target


def wal_size(db: Path) -> int:
    wal = Path(f"{db}-wal")
    try:
        return wal.stat().st_size
    except FileNotFoundError:
        return 0


def timed_whole_run(db: Path, args: tuple[str, ...], env: dict[str, str]) -> tuple[float, float]:
    """Run to the end, watching the write-ahead log: (when writing began, when it ended).

    A transaction is built in memory and reaches the file in a burst at its commit, a
    few hundredths of a second long: half the kills aim at that burst.
    """
    started = time.perf_counter()
    process = subprocess.Popen(
        command(db, *args), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    writing = None
    while process.poll() is None:
        if writing is None and wal_size(db) > 32:  # more than the log's header
            writing = time.perf_counter() - started
        time.sleep(0.005)
    ended = time.perf_counter() - started
    assert process.returncode == 0
    return (writing if writing is not None else ended * 0.8), ended


def kill_at_random_moments(base: Path, args: tuple[str, ...], folder: Path) -> dict[str, int]:
    env = dict(os.environ, NETWISE_DATA_DIR=str(folder / "data"))
    env.pop("NETWISE_DB", None)
    before = state(base)
    whole = fresh_copy(base, folder / "whole.sqlite3")
    writing, ended = timed_whole_run(whole, args, env)
    after = state(whole)
    assert after != before
    rng = random.Random(f"{args[:2]}")
    outcome = {"kills": 0, "nothing new": 0, "everything new": 0, "log left": 0}
    for trial in range(KILLS_PER_COMMAND):
        db = fresh_copy(base, folder / f"killed-{trial}.sqlite3")
        process = subprocess.Popen(
            command(db, *args), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if trial % 2:
            time.sleep(rng.uniform(writing * 0.8, ended))
        else:
            time.sleep(rng.uniform(0.0, ended))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        outcome["kills"] += 1
        outcome["log left"] += wal_size(db) > 32  # killed while or just after writing
        found = state(db)
        assert found in (before, after), f"kill {trial}: neither nothing nor everything new"
        outcome["nothing new" if found == before else "everything new"] += 1
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
    return outcome


def test_kill_during_a_linkedin_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    base = tmp_path / "base.sqlite3"
    open_demo_database(str(base)).close()
    big = write_connections(tmp_path / "Connections.csv", 6000)
    outcome = kill_at_random_moments(base, ("import", "linkedin", str(big)), tmp_path)
    print(f"\nkill -9 during import linkedin: {outcome}")
    assert outcome["nothing new"] > 0


def test_kill_during_a_json_restore_leaves_all_or_nothing(tmp_path: Path) -> None:
    full = tmp_path / "full.sqlite3"
    open_demo_database(str(full)).close()
    env = dict(os.environ, NETWISE_DATA_DIR=str(tmp_path / "data"))
    big = write_connections(tmp_path / "Connections.csv", 3000)
    for args in (("import", "linkedin", str(big)), ("export", "json", str(tmp_path / "all.json"))):
        netwise(full, *args, env=env)
    empty = tmp_path / "empty.sqlite3"
    from desktop_app.store.database import open_database

    open_database(str(empty)).close()  # restoring needs an empty database
    restore = ("import", "json", str(tmp_path / "all.json"))
    outcome = kill_at_random_moments(empty, restore, tmp_path)
    print(f"\nkill -9 during import json: {outcome}")
    assert outcome["nothing new"] > 0
