"""One writer per database: the lock the window and the writing commands take.

Real processes: a process holds the lock the way the window does, and the command line
run beside it is refused with one line that names the holder, writing nothing.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from desktop_app.dblock import DatabaseLock
from tests.bench.linkedin_files import write_connections
from tests.unit.processes import lock_held_by_another_process, run_netwise


def contacts(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM contacts").fetchone()[0]


def test_an_import_beside_an_open_window_is_refused_naming_the_window(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    csv_file = write_connections(tmp_path / "Connections.csv", 50)
    assert run_netwise("--db", str(db), "import", "linkedin", str(csv_file)).returncode == 0
    before = contacts(db)
    other = write_connections(tmp_path / "More.csv", 50, seed=9)
    with lock_held_by_another_process(db, "window") as holder:
        pid = holder.pid
        result = run_netwise("--db", str(db), "import", "linkedin", str(other))
        assert result.returncode == 1
        assert result.stderr == (
            f"netwise: “{db}” is open in NetWise (process {pid}); close it first. "
            "Nothing was imported.\n"
        )
        # Reading commands may run beside the window; a restore from JSON writes.
        dump = tmp_path / "all.json"
        exported = run_netwise("--db", str(db), "export", "json", str(dump))
        assert exported.returncode == 0, exported.stderr
        restored = run_netwise("--db", str(db), "import", "json", str(dump))
        assert restored.returncode == 1
        assert restored.stderr.endswith("close it first. Nothing was imported.\n")
        dry = run_netwise("--db", str(db), "import", "linkedin", str(other), "--dry-run")
        assert dry.returncode == 0, dry.stderr
    assert contacts(db) == before


def test_an_import_beside_another_import_says_to_try_again(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    csv_file = write_connections(tmp_path / "Connections.csv", 20)
    with lock_held_by_another_process(db, "import") as holder:
        pid = holder.pid
        result = run_netwise("--db", str(db), "import", "linkedin", str(csv_file))
    assert result.returncode == 1
    assert result.stderr == (
        f"netwise: “{db}” is in use by “netwise import” (process {pid}); try again when it "
        "has finished. Nothing was imported.\n"
    )
    assert not db.exists()


def test_two_imports_of_one_file_at_once_create_each_person_once(tmp_path: Path) -> None:
    csv_file = write_connections(tmp_path / "Connections.csv", 1_000)
    for round_number in range(3):
        db = tmp_path / f"round-{round_number}.sqlite3"
        command = [sys.executable, "-m", "desktop_app", "--db", str(db), "import", "linkedin"]
        processes = [
            subprocess.Popen(
                [*command, str(csv_file)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=dict(os.environ),
            )
            for _ in range(2)
        ]
        outcomes = [(p.wait(timeout=120), *p.communicate()) for p in processes]
        for code, _out, err in outcomes:
            assert code == 0 or (code == 1 and "try again when it has finished" in err), err
            assert "Traceback" not in err
        assert any(code == 0 for code, _out, _err in outcomes)
        with sqlite3.connect(db) as connection:
            distinct, total = connection.execute(
                "SELECT count(DISTINCT linkedin_url), count(*) FROM contacts"
            ).fetchone()
        assert total == distinct, f"round {round_number}: {total} contacts for {distinct} people"


def test_a_lock_left_by_a_process_that_died_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    with lock_held_by_another_process(db, "window") as holder:
        lock = DatabaseLock(str(db))
        assert not lock.acquire()
        assert lock.owner_pid() == holder.pid
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        # The file still names the dead process; the operating system's lock went with it.
        assert lock.owner_pid() == holder.pid
        assert lock.acquire()
        assert lock.owner_pid() == os.getpid()
        lock.release()
    assert not lock.path.exists()


def test_a_lock_file_an_older_netwise_left_behind_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "mine.sqlite3"
    stale = db.with_name("mine.sqlite3.lock")
    stale.write_text("999999\nNetWise\nsomehost\n")
    os.chmod(stale, 0o644)
    lock = DatabaseLock(str(db))
    assert lock.acquire()
    assert stale.read_text() == f"{os.getpid()}\nwindow\n"
    assert stale.stat().st_mode & 0o777 == 0o600
    lock.release()
