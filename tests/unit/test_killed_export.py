"""An export killed half-way leaves a hidden partial file; the next export removes it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.unit.processes import run_netwise

# A real process writing an export through the real output module, killed mid-write.
KILLED_WHILE_WRITING = """
import os, signal, sys
from desktop_app.exchange.outfile import atomic_text_output
with atomic_text_output(sys.argv[1]) as stream:
    stream.write('{"format": "netwise", "contacts": [')
    stream.flush()
    if sys.argv[2] == 'kill':
        os.kill(os.getpid(), signal.SIGKILL)
    print('writing', flush=True)
    sys.stdin.readline()
"""


def partials(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_the_next_export_removes_a_killed_exports_partial_file(
    tmp_path: Path, db_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "everything.json"
    killed = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING, str(target), "kill"])
    assert killed.returncode != 0
    assert len(partials(out)) == 1 and not target.exists()  # what a killed export leaves

    from desktop_app.store.database import open_database

    open_database(str(db_path)).close()
    result = run_netwise("--db", str(db_path), "export", "json", str(target))
    assert result.returncode == 0, result.stderr
    assert json.loads(target.read_text())["format"] == "netwise"
    assert partials(out) == []


def test_an_export_still_running_keeps_its_partial_file(tmp_path: Path, db_path: Path) -> None:
    from desktop_app.store.database import open_database

    open_database(str(db_path)).close()
    target = tmp_path / "everything.json"
    running = subprocess.Popen(
        [sys.executable, "-c", KILLED_WHILE_WRITING, str(target), "wait"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert running.stdout is not None and running.stdout.readline() == "writing\n"
        theirs = partials(tmp_path)
        assert len(theirs) == 1
        result = run_netwise("--db", str(db_path), "export", "json", str(target))
        assert result.returncode == 0, result.stderr
        assert partials(tmp_path) == theirs
    finally:
        running.communicate("done\n", timeout=30)
    assert partials(tmp_path) == []
