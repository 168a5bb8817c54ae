"""What start-up does before the window's first paint: only what that window needs.

Start-up is held to a bare Qt window's time (bench ``startup.window_ms``): everything the
window needs only later (the subcommands, the database lock's hashing, dataclasses, datetime,
Qt's ``Qt`` namespace, the pages) waits until after the first paint.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# Runs the program as the command line does and notes, as the window reports its first
# paint (``--startup-probe window``), which modules are loaded and which Qt classes exist.
AT_FIRST_PAINT = """
import json, sys

class FirstPaintNotes:
    def __init__(self, out):
        self.out = out
        self.notes = None

    def write(self, text):
        if self.notes is None and text.startswith("netwise-probe window-shown"):
            qtcore = sys.modules["PySide6.QtCore"]
            self.notes = {"modules": sorted(sys.modules), "qtcore": sorted(vars(qtcore))}
        return self.out.write(text)

    def flush(self):
        self.out.flush()

notes = FirstPaintNotes(sys.stdout)
sys.stdout = notes
from desktop_app.app import main
code = main(["--db", sys.argv[1], "--startup-probe", "window"])
sys.stdout = notes.out
print(json.dumps(notes.notes))
sys.exit(code)
"""

# Loaded only once the window is on screen (or when a command needs them).
NOT_BEFORE_FIRST_PAINT = (
    "sqlalchemy",
    "alembic",
    "hashlib",  # the database lock's name; about 3 ms for OpenSSL
    "dataclasses",
    "datetime",
    "desktop_app.commands",  # the subcommands, parsed by name only
    "desktop_app.dblock",
    "desktop_app.ui.common.widgets",
    "desktop_app.ui.contacts",  # the pages are built after the first paint
    "desktop_app.ui.events",
    "desktop_app.ui.followups",
    "desktop_app.ui.dashboard",
    "desktop_app.ui.goal",
)


def notes_at_first_paint(database: Path, data_dir: Path) -> dict[str, list[str]]:
    env = {**os.environ, "NETWISE_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-c", AT_FIRST_PAINT, str(database)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("netwise-probe window-shown")
    return json.loads(lines[-1])


def test_the_first_paint_loads_nothing_the_window_needs_only_later(
    db_path: Path, network, data_dir: Path
) -> None:
    modules = notes_at_first_paint(db_path, data_dir)["modules"]
    early = [
        module
        for module in modules
        if any(module == name or module.startswith(name + ".") for name in NOT_BEFORE_FIRST_PAINT)
    ]
    assert early == []


def test_the_first_paint_does_not_build_qts_namespace(
    db_path: Path, network, data_dir: Path
) -> None:
    # PySide6 builds a class at its first use; ``Qt`` brings every one of its enums
    # (about 14 ms here, longer than the rest of the window's own set-up).
    assert "Qt" not in notes_at_first_paint(db_path, data_dir)["qtcore"]
