"""The frozen program against the same program run from the venv: process start to window.

Measures the bundle that ``make installer`` (or ``python packaging/freeze.py``) left in
dist/; skips, saying so, when there is none. Both open the 10k-contact bench database and
run alternately, so that noise on the machine hits both alike.
"""

from __future__ import annotations

import statistics
import tempfile

from tests.bench.databases import bench_database
from tests.bench.harness import ROOT, Recorder
from tests.bench.startup import (
    WINDOW_MARKER,
    bench_env,
    compile_package,
    installed_command,
    time_to_line,
    window_probe_command,
)
from tests.packaging.scripts import frozen_executable

RUNS = 5


def run(recorder: Recorder, repeats: int) -> None:
    del repeats  # the figure is defined as the median of five runs
    program = frozen_executable(ROOT / "dist")
    if not program.is_file():
        print(f"packaging: skipped: no frozen bundle at {program} (build it: make installer)")
        return
    database = bench_database("10k")
    compile_package()
    frozen_command = window_probe_command([str(program)], database)
    venv_command = window_probe_command(installed_command(), database)
    with tempfile.TemporaryDirectory() as data_dir:
        env = bench_env(data_dir)
        time_to_line(frozen_command, env, WINDOW_MARKER)  # warm the file cache
        time_to_line(venv_command, env, WINDOW_MARKER)
        frozen, venv = [], []
        for _ in range(RUNS):
            frozen.append(time_to_line(frozen_command, env, WINDOW_MARKER))
            venv.append(time_to_line(venv_command, env, WINDOW_MARKER))
    frozen_ms, venv_ms = statistics.median(frozen), statistics.median(venv)
    # Both run byte-compiled code (the venv's is compiled by the start-up bench), so the
    # bundle must start as fast as the venv program, within the noise of five runs here.
    recorder.record(
        "startup.frozen_window_ms",
        frozen_ms,
        "ms",
        reference="startup.window_ms",
        venv_window_ms=round(venv_ms, 2),
        ratio=round(frozen_ms / venv_ms, 2),
        limit_ratio=1.1,
        contacts=10_000,
        runs=RUNS,
    )
