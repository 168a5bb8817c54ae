"""Benchmark figures: one JSON object a line, printed and written to build/bench.json."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build"
RESULTS = BUILD / "bench.json"


class Recorder:
    def __init__(self) -> None:
        self.lines: list[dict] = []

    def record(
        self, name: str, value: float, unit: str, reference: str | None = None, **extra: object
    ) -> None:
        line: dict[str, object] = {"name": name, "value": round(value, 2), "unit": unit}
        if reference:
            line["reference"] = reference
        line.update(extra)
        self.lines.append(line)
        print(json.dumps(line), flush=True)

    def write(self) -> None:
        BUILD.mkdir(exist_ok=True)
        RESULTS.write_text("".join(json.dumps(line) + "\n" for line in self.lines))


def median_ms(run: Callable[[], float], repeats: int) -> float:
    """The median of ``repeats`` calls of ``run``, each returning milliseconds."""
    return statistics.median(run() for _ in range(repeats))


def time_ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000
