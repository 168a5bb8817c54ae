"""Benchmark databases of the sizes the issues name, generated once into build/bench/."""

from __future__ import annotations

from pathlib import Path

from desktop_app.store.database import open_database
from desktop_app.store.demo import DemoSize, fill_demo_data
from tests.bench.harness import BUILD

SIZES = {
    "10k": DemoSize(contacts=10_000, events=200, interactions=50_000),
    "100k": DemoSize(contacts=100_000, events=10_000, interactions=1_000_000),
}


def bench_database(size: str) -> Path:
    """The path of the generated database ``size`` (made on first use, then reused)."""
    path = BUILD / "bench" / f"contacts-{size}.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    db = open_database(str(partial))
    with db.engine.begin() as connection:
        fill_demo_data(connection, SIZES[size], seed=11)
    db.close()
    for sidecar in partial.parent.glob(partial.name + "-*"):
        sidecar.unlink()
    partial.rename(path)
    return path
