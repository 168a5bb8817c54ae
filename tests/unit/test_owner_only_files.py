"""Every file NetWise writes is 0600 and every folder it makes 0700, whatever the umask.

Each writer is checked in this process under a permissive umask (022, then 000), so a
file owner-only only thanks to the start-up umask would show; then the real program
writes one of everything, and nothing it left is readable by others.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bench.linkedin_files import write_connections

UMASKS = [0o022, 0o000]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=UMASKS, ids=["umask-022", "umask-000"])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def test_a_new_database_its_sidecars_lock_and_folders(umask: int, tmp_path: Path) -> None:
    from desktop_app.dblock import DatabaseLock
    from desktop_app.store.backup import backup_database
    from desktop_app.store.database import open_database

    path = tmp_path / "new" / "deeper" / "mine.sqlite3"
    lock = DatabaseLock(str(path))
    assert lock.acquire()
    db = open_database(str(path))
    try:
        with db.transaction() as session:
            session.connection().exec_driver_sql("UPDATE insight_state SET paused = paused")
        sidecars = [path.with_name(path.name + end) for end in ("-wal", "-shm", ".lock")]
        for file in (path, *sidecars):
            assert mode(file) == 0o600, file
        copy = backup_database(path, tmp_path / "copies" / "of" / "mine.sqlite3")
    finally:
        db.close()
        lock.release()
    assert mode(copy) == 0o600
    for folder in ("new", "new/deeper", "copies", "copies/of"):
        assert mode(tmp_path / folder) == 0o700, folder


def test_the_log_and_the_one_started_by_a_rotation(umask: int, data_dir: Path) -> None:
    from desktop_app.logs import setup_file_logging

    root = logging.getLogger()
    before = list(root.handlers)
    path = setup_file_logging()
    assert path is not None
    handler = next(h for h in root.handlers if h not in before)
    try:
        logging.getLogger("desktop_app").warning("before the rotation")
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        handler.doRollover()
        logging.getLogger("desktop_app").warning("after the rotation")
    finally:
        root.removeHandler(handler)
        handler.close()
    assert "after the rotation" in path.read_text()
    assert mode(path) == 0o600
    assert mode(path.with_name(path.name + ".1")) == 0o600
    assert mode(path.parent) == 0o700
    assert mode(data_dir) == 0o700


def test_a_printed_pdf_and_its_new_folder(umask: int, tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.reports import documents
    from desktop_app.ui.printing.output import write_pdf
    from tests.reports.sample import PITCH, contact

    path = tmp_path / "printed" / "ann.pdf"
    assert write_pdf(documents.contact_summary(contact(), PITCH), path) == 1
    assert path.read_bytes().startswith(b"%PDF")
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["ann.pdf"]


def test_ui_state(umask: int, data_dir: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.ui.common.ui_state import open_ui_state

    settings = open_ui_state()
    settings.setValue("window/page", "events")
    settings.sync()
    assert (data_dir / "ui-state.ini").read_text().count("events") == 1
    assert mode(data_dir / "ui-state.ini") == 0o600


@pytest.mark.parametrize("mask", UMASKS, ids=["umask-022", "umask-000"])
def test_nothing_the_program_writes_is_readable_by_others(mask: int, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = dict(os.environ, NETWISE_DATA_DIR=str(data))
    env.pop("NETWISE_DB", None)
    db = tmp_path / "made" / "for" / "mine.sqlite3"
    out = tmp_path / "out"
    out.mkdir()
    csv_file = write_connections(tmp_path / "Connections.csv", 30)
    before = {p for p in tmp_path.rglob("*")}
    commands = [
        ("import", "linkedin", str(csv_file)),
        ("export", "csv", str(out / "contacts.csv")),
        ("print", "contacts", "--all", "--pdf", str(out / "pdf" / "contacts.pdf")),
        ("--screenshot", str(out / "window.png")),
    ]
    for command in commands:
        result = subprocess.run(
            [sys.executable, "-m", "desktop_app", "--db", str(db), *command],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            preexec_fn=lambda: os.umask(mask),
        )
        assert result.returncode == 0, (command, result.stderr)
    written = sorted(p for p in tmp_path.rglob("*") if p not in before)
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"made/for/mine.sqlite3", "out/pdf/contacts.pdf", "out/window.png"} <= names
    assert "data/logs/netwise.log" in names and "data/ui-state.ini" in names
    for path in written:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path
