"""What start-up does before the window's first paint: only what that window needs.

Start-up is held to a bare Qt window's time (bench ``startup.window_ms``): what the window
needs only later (Qt's ``Qt`` namespace) waits until after the first paint.
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


def test_the_first_paint_does_not_build_qts_namespace(
    db_path: Path, network, data_dir: Path
) -> None:
    # PySide6 builds a class at its first use; ``Qt`` brings every one of its enums
    # (about 14 ms here, longer than the rest of the window's own set-up).
    assert "Qt" not in notes_at_first_paint(db_path, data_dir)["qtcore"]
