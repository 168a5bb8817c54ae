"""One NetWise per database: a lock file beside the database (or in the data folder)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile

from desktop_app.paths import data_dir, ensure_private_dir


def lock_path_for(target: str) -> Path:
    """``<file>.lock`` for a database file; a hashed name in the data folder for a URL."""
    if "://" not in target:
        return Path(target).with_name(Path(target).name + ".lock")
    import hashlib

    digest = hashlib.sha256(target.encode()).hexdigest()[:16]
    return data_dir() / "locks" / f"{digest}.lock"


class DatabaseLock:
    """Held for as long as a window has the database open."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.path = lock_path_for(target)
        ensure_private_dir(self.path.parent) if "://" in target else self.path.parent.mkdir(
            parents=True, exist_ok=True, mode=0o700
        )
        self._lock = QLockFile(str(self.path))
        # A lock is stale only when its process is gone, never because it is old.
        self._lock.setStaleLockTime(0)

    def acquire(self) -> bool:
        return self._lock.tryLock(200)

    def owner_pid(self) -> int | None:
        # PySide6 returns (pid, hostname, appname), with pid 0 when there is no lock.
        pid = self._lock.getLockInfo()[0]
        return pid or None

    def release(self) -> None:
        self._lock.unlock()
