"""Start-up: process start to the main window shown, against a bare QMainWindow."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.bench.databases import bench_database
from tests.bench.harness import Recorder

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("netwise-probe window-shown", flush=True),
                                          app.quit()))
        return False

app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1180, 760)
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


def time_to_line(command: list[str], env: dict[str, str], marker: str) -> float:
    """Milliseconds from starting ``command`` to the line starting with ``marker``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(marker):
            elapsed = (time.perf_counter() - start) * 1000
            break
    else:
        process.wait()
        raise RuntimeError(f"{command} ended without printing {marker!r}")
    process.stdout.close()
    process.wait(timeout=30)
    return elapsed


def installed_command() -> list[str]:
    """NetWise as a user starts it: the ``netwise`` script beside this Python, if installed."""
    script = Path(sys.executable).with_name("netwise")
    return [str(script)] if script.exists() else [sys.executable, "-m", "desktop_app"]


WINDOW_MARKER = "netwise-probe window-shown"


def window_probe_command(program: list[str], database: Path) -> list[str]:
    """``program`` opening ``database``, printing WINDOW_MARKER once its window has painted."""
    return [*program, "--db", str(database), "--startup-probe", "window"]


def bench_env(data_dir: str) -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", NETWISE_DATA_DIR=data_dir)


def compile_package() -> None:
    """Byte-compile NetWise as an installer does (pip, the frozen bundle): otherwise, where
    PYTHONDONTWRITEBYTECODE is set, every start would compile every module again."""
    import compileall

    import desktop_app

    compileall.compile_dir(Path(desktop_app.__file__).parent, quiet=1)


def run(recorder: Recorder, repeats: int) -> None:
    database = bench_database("10k")
    compile_package()
    with tempfile.TemporaryDirectory() as data_dir:
        env = bench_env(data_dir)
        bare_script = Path(data_dir) / "bare_window.py"
        bare_script.write_text(BARE_WINDOW)
        bare_command = [sys.executable, str(bare_script)]
        app_command = window_probe_command(installed_command(), database)
        marker = WINDOW_MARKER
        # Warm the file cache once, then alternate so that noise hits both alike.
        time_to_line(bare_command, env, marker)
        time_to_line(app_command, env, marker)
        bare, app = [], []
        for _ in range(repeats):
            bare.append(time_to_line(bare_command, env, marker))
            app.append(time_to_line(app_command, env, marker))
    bare.sort()
    app.sort()
    bare_ms, app_ms = bare[len(bare) // 2], app[len(app) // 2]
    recorder.record("startup.bare_qt_window_ms", bare_ms, "ms", runs=repeats)
    recorder.record(
        "startup.window_ms",
        app_ms,
        "ms",
        reference="startup.bare_qt_window_ms",
        ratio=round(app_ms / bare_ms, 2),
        limit_ratio=1.6,
        contacts=10_000,
        runs=repeats,
    )
