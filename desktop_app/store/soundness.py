"""Is an existing database file sound? Answered read-only, before anything is written to it.

SQLite's ``quick_check`` walks every page of the file and finds the damage a disk or a
copy can do (zeroed or overwritten pages, broken links between them). A damaged file is
refused as it is: nothing written, the sidecar files a read-only look leaves removed, and
the message names the newest backup that passes the same check.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

from desktop_app.datetext import format_moment
from desktop_app.store.errors import CorruptDatabaseError

SIDECARS = ("-wal", "-shm")


@contextlib.contextmanager
def read_only_connection(path: Path) -> Iterator[sqlite3.Connection]:
    """A read-only connection to ``path`` (which must exist: it is never created)."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield connection
    finally:
        connection.close()


def sidecars_present(path: Path) -> set[str]:
    """Which of the ``-wal`` and ``-shm`` files exist beside ``path``."""
    return {suffix for suffix in SIDECARS if Path(f"{path}{suffix}").exists()}


def remove_new_empty_sidecars(path: Path, existing: set[str]) -> None:
    """Remove the ``-wal`` and ``-shm`` that reading a refused file left beside it.

    Reading a WAL database creates an empty ``-wal`` and an ``-shm`` index, which a
    read-only connection cannot remove on closing. Only those absent before (``existing``)
    go, and only while the log is empty: a log with content, or one that was there
    already, may be another program's and is never touched.
    """
    wal = Path(f"{path}-wal")
    with contextlib.suppress(OSError):
        if "-wal" in existing or (wal.exists() and wal.stat().st_size > 0):
            return
        for suffix in SIDECARS:
            if suffix not in existing:
                Path(f"{path}{suffix}").unlink(missing_ok=True)


def damage_found(connection: sqlite3.Connection) -> str | None:
    """What ``quick_check`` reports on the open file, or None if it is sound.

    A page too broken to read makes SQLite raise instead of reporting; that is damage too.
    """
    try:
        rows = connection.execute("PRAGMA quick_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        if "malformed" in str(exc).lower() or "corrupt" in str(exc).lower():
            return str(exc)
        raise
    report = "; ".join(str(row[0]) for row in rows)
    return None if report == "ok" else report


class SoundnessCheck:
    """``quick_check`` of a file in a thread of its own, started before the store loads.

    SQLite lets go of the interpreter lock while it reads the pages, so the check costs
    the window nothing while SQLAlchemy is imported beside it. Only for a plain path.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.sidecars_before = sidecars_present(path)
        self._report: str | None = None
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="soundness-check", daemon=True)
        self._thread.start()

    @classmethod
    def start_for(cls, target: str) -> SoundnessCheck | None:
        """A check started on the file ``target`` names, if it is an existing file."""
        if "://" in target:
            return None
        path = Path(target)
        try:
            if not path.is_file() or path.stat().st_size == 0:
                return None
        except OSError:
            return None
        return cls(path)

    def _run(self) -> None:
        try:
            with read_only_connection(self.path) as connection:
                self._report = damage_found(connection)
        except BaseException as exc:  # handed to whoever asks for the result
            self._error = exc

    def result(self) -> str | None:
        """What ``damage_found`` says (waiting for it), or the error that stopped it."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._report


def newest_sound_backup(path: Path, folders: list[Path]) -> Path | None:
    """The newest backup of ``path`` in ``folders`` that passes ``quick_check``."""
    candidates: list[Path] = []
    for folder in dict.fromkeys(folders):
        with contextlib.suppress(OSError):
            candidates.extend(folder.glob(f"{path.stem}-*.sqlite3"))
    by_age = sorted(candidates, key=_modified, reverse=True)
    for candidate in by_age:
        before = sidecars_present(candidate)
        try:
            with read_only_connection(candidate) as connection:
                if damage_found(connection) is None:
                    return candidate
        except sqlite3.Error:
            continue
        finally:
            remove_new_empty_sidecars(candidate, before)
    return None


def _modified(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def damaged_database_error(
    path: Path,
    target: str,
    folders: list[Path],
    *,
    problem: str = "some of its pages cannot be read",
) -> CorruptDatabaseError:
    """The one message for a damaged file: what happened, and the backup to restore."""
    backup = newest_sound_backup(path, folders)
    if backup is None:
        advice = (
            "No backup of it was found: open another database, or restore a copy you keep "
            "elsewhere with File → Restore… in the NetWise window."
        )
    else:
        when = format_moment(dt.datetime.fromtimestamp(_modified(backup)))
        advice = (
            f"To go on, restore the newest sound backup, “{backup}” (saved {when}), with "
            "File → Restore… in the NetWise window."
        )
    return CorruptDatabaseError(
        f"“{target}” is damaged ({problem}): NetWise did not open it, and it was left "
        f"untouched. {advice}",
        target=target,
    )
