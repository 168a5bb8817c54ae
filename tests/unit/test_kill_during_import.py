"""``kill -9`` in the middle of an import or a restore: the database stays sound, all or nothing.

A real ``python -m desktop_app --db F import linkedin BIG.csv`` (and ``import json``) is
killed at random moments: half anywhere in its run, half as its commit is written. The
file must then pass ``PRAGMA integrity_check`` and hold either exactly what it held before
(nothing new) or exactly what a whole import gives (everything new), table by table,
schema included. The delays are seeded, so a failing moment is likely found again.
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

KILLS_PER_COMMAND = 16


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


def start(db: Path, args: tuple[str, ...], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        command(db, *args), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def wait_for_the_write(process: subprocess.Popen[bytes], db: Path) -> None:
    """Until the write-ahead log grows past its header: the commit's burst has begun.

    A transaction is built in memory and reaches the file in a burst at its commit, a
    few hundredths of a second long; kills timed by the clock alone rarely land in it.
    """
    while process.poll() is None and wal_size(db) <= 32:
        time.sleep(0.001)


def kill_at_random_moments(base: Path, args: tuple[str, ...], folder: Path) -> dict[str, int]:
    env = dict(os.environ, NETWISE_DATA_DIR=str(folder / "data"))
    env.pop("NETWISE_DB", None)
    before = state(base)
    whole = fresh_copy(base, folder / "whole.sqlite3")
    started = time.perf_counter()
    assert start(whole, args, env).wait(timeout=120) == 0
    duration = time.perf_counter() - started
    after = state(whole)
    assert after != before
    rng = random.Random(f"{args[:2]}")
    outcome = {"kills": 0, "nothing new": 0, "everything new": 0, "log left": 0}
    for trial in range(KILLS_PER_COMMAND):
        db = fresh_copy(base, folder / f"killed-{trial}.sqlite3")
        process = start(db, args, env)
        if trial % 2:
            wait_for_the_write(process, db)
            time.sleep(rng.uniform(0.0, 0.03))
        else:
            time.sleep(rng.uniform(0.0, duration))
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
