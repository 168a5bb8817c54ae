"""NetWise run as a user (or an installer) runs it, and another process holding a lock."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def run_netwise(*args: str, env: dict[str, str] | None = None, timeout: int = 60):  # type: ignore[no-untyped-def]
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env if env is not None else dict(os.environ),
    )


HOLD_THE_LOCK = """
import sys, time
from desktop_app.dblock import DatabaseLock
lock = DatabaseLock(sys.argv[1], sys.argv[2])
print("held" if lock.acquire() else "refused", flush=True)
time.sleep(120)
"""


@contextmanager
def lock_held_by_another_process(
    target: Path | str, program: str
) -> Iterator[subprocess.Popen[str]]:
    """A separate process holding ``target``'s lock as ``program``."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLD_THE_LOCK, str(target), program],
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ),
    ) as process:
        try:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "held"
            yield process
        finally:
            process.kill()
