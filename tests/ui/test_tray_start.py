"""``netwise --tray``: NetWise starts hidden in the tray (as at log-in), or shows its
window where the desktop has no tray. Run in a process of its own, as at log-in."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from desktop_app.ui.common.ui_state import open_ui_state
from desktop_app.ui.shell.tray import KEEP_RUNNING

# Starts NetWise through its real entry point and reports, once the database is open and
# the tray (if any) built, what the user would see. The offscreen platform has no tray;
# with "tray" as its second argument, this desktop is given one.
START_FOR_THE_TRAY = """
import json, os, signal, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from desktop_app.app import main
from desktop_app.ui.shell.application import create_application
from desktop_app.ui.shell.main_window import MainWindow

if sys.argv[2] == "tray":
    QSystemTrayIcon.isSystemTrayAvailable = staticmethod(lambda: True)
app = create_application()
looks = iter(range(250))  # five seconds at most: a hidden window with no tray ends too

def look():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    window = windows[0] if windows else None
    settled = window is not None and window.database() is not None
    waiting = not settled or (window.tray is None and not window.isVisible())
    if waiting and next(looks, None) is not None:
        QTimer.singleShot(20, look)
        return
    tray = window.tray
    print(json.dumps({
        "visible": window.isVisible(),
        "tooltip": tray.icon.toolTip() if tray is not None else None,
    }), flush=True)
    if sys.argv[3:] == ["kill"]:
        os.kill(os.getpid(), signal.SIGTERM)  # as a log-out does: NetWise must end
        return
    window.quitting = True
    window.close()
    app.quit()

QTimer.singleShot(0, look)
sys.exit(main(["--db", sys.argv[1], "--tray", "--no-crash-dialog"]))
"""


def start_for_the_tray(db_path: Path, desktop: str, *then: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", START_FOR_THE_TRAY, str(db_path), desktop, *then],
        capture_output=True,
        text=True,
        timeout=30,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_started_for_the_tray_the_window_stays_hidden_and_the_tray_says_what_is_due(
    db_path: Path, network
) -> None:
    seen = start_for_the_tray(db_path, "tray")
    assert seen == {"visible": False, "tooltip": "NetWise\n1 follow-up overdue"}


def test_started_for_the_tray_where_there_is_none_the_window_shows(db_path: Path, network) -> None:
    assert start_for_the_tray(db_path, "no tray") == {"visible": True, "tooltip": None}


def test_kept_running_in_the_tray_a_polite_kill_still_ends_netwise(db_path: Path, network) -> None:
    ui_state = open_ui_state()
    ui_state.setValue(KEEP_RUNNING, True)
    ui_state.sync()
    seen = start_for_the_tray(db_path, "tray", "kill")  # returns only once it has ended
    assert seen == {"visible": False, "tooltip": "NetWise\n1 follow-up overdue"}
