"""One writer per database: a lock beside it, held by the window or by a writing command.

The lock is the operating system's lock on ``<database>.lock`` (``flock`` on POSIX,
``msvcrt.locking`` on Windows), so it ends with its process: a lock file left behind by a
process that died is free to take, whatever it says. The file names its holder (process
id and program) for the message the next comer shows. Neither Qt nor SQLAlchemy here:
the window and the headless commands take the same lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop_app.paths import data_dir, ensure_private_dir, make_private_dirs

WINDOW = "window"
# Windows locks byte ranges and refuses to read a locked one: lock a byte far past the
# holder's line, so that it stays readable.
_LOCKED_BYTE = 1 << 20


def is_server_database(target: str) -> bool:
    """Whether ``target`` is the address of a database server rather than a file."""
    scheme = target.split("://", 1)[0] if "://" in target else ""
    return bool(scheme) and not scheme.startswith("sqlite")


def lock_path_for(target: str) -> Path:
    """``<file>.lock`` for a database file; a hashed name in the data folder for a URL."""
    if "://" not in target:
        return Path(target).with_name(Path(target).name + ".lock")
    digest = hashlib.sha256(target.encode()).hexdigest()[:16]
    return data_dir() / "locks" / f"{digest}.lock"


@dataclass(frozen=True, slots=True)
class LockHolder:
    """Who holds a database: a process id (if known) and ``window`` or a command's name."""

    pid: int | None
    program: str

    def describe(self) -> str:
        process = f"process {self.pid}" if self.pid else "another process"
        if self.program in (WINDOW, ""):
            return f"open in NetWise ({process})"
        return f"in use by “netwise {self.program}” ({process})"


class DatabaseInUseError(Exception):
    """Another NetWise holds the database; ``message`` is the one line to show."""

    def __init__(self, target: str, holder: LockHolder | None, problem: str = "") -> None:
        if problem:
            text = f"“{target}” cannot be locked for writing: {problem}."
        elif holder is None or holder.program in (WINDOW, ""):
            described = holder.describe() if holder else "open in another NetWise"
            text = f"“{target}” is {described}; close it first."
        else:
            text = f"“{target}” is {holder.describe()}; try again when it has finished."
        self.target, self.holder, self.message = target, holder, text
        super().__init__(text)


class DatabaseLock:
    """The lock of one database, taken by ``acquire`` and held until ``release``."""

    def __init__(self, target: str, program: str = WINDOW) -> None:
        self.target, self.program = target, program
        self.path = lock_path_for(target)
        self.problem = ""  # why the lock file itself cannot be opened, if it cannot
        self._fd: int | None = None

    def acquire(self) -> bool:
        """Take the lock if no live process holds it; never waits.

        A server database (PostgreSQL) is never locked: several windows, on this computer
        or others, work on it at once, and the server keeps their transactions apart.
        """
        if self._fd is not None or is_server_database(self.target):
            return True
        try:
            if "://" in self.target:
                ensure_private_dir(self.path.parent)
            else:
                make_private_dirs(self.path.parent)
            fd = self._open_locked()
        except OSError as exc:
            self.problem = exc.strerror or str(exc)
            return False
        if fd is None:
            return False
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n{self.program}\n".encode())
        self._fd = fd
        return True

    def _open_locked(self) -> int | None:
        """A descriptor of the lock file, locked; None if another process holds it."""
        # A holder that releases removes the file: what was locked must still be the file
        # at the path, or the lock guards nothing.
        for _attempt in range(10):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            if not _try_lock(fd):
                os.close(fd)
                return None
            try:
                current = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                current = False
            if current:
                if os.name == "posix":
                    os.fchmod(fd, 0o600)  # a lock file of an older NetWise may be 0644
                return fd
            os.close(fd)
        return None

    def holder(self) -> LockHolder | None:
        """Who holds the lock, as its file says (None if the file says nothing)."""
        lines: list[str] = []
        # A holder locks the file first and writes its line just after: give it a moment.
        for _attempt in range(20):
            try:
                lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                return None
            if lines:
                break
            time.sleep(0.025)
        if not lines:
            return None
        pid = int(lines[0]) if lines[0].strip().isdigit() else None
        program = lines[1].strip() if len(lines) > 1 else ""
        # An older NetWise wrote its application name on the second line.
        return LockHolder(pid, "" if program.lower().startswith("netwise") else program)

    def owner_pid(self) -> int | None:
        holder = self.holder()
        return holder.pid if holder else None

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        if os.name == "posix":
            self.path.unlink(missing_ok=True)  # still locked: nobody takes the old file
            os.close(fd)
            return
        _unlock(fd)
        os.close(fd)
        # Refused when another process has opened it meanwhile: that one takes it over.
        with contextlib.suppress(OSError):
            self.path.unlink(missing_ok=True)


@contextlib.contextmanager
def held_for_writing(target: str, program: str) -> Iterator[DatabaseLock]:
    """Hold ``target``'s lock for the block; DatabaseInUseError if another process has it."""
    lock = DatabaseLock(target, program)
    if not lock.acquire():
        holder = lock.holder()
        # No holder named: it let go just now, so the lock is free to take.
        if holder is not None or lock.problem or not lock.acquire():
            raise DatabaseInUseError(target, holder, lock.problem)
    try:
        yield lock
    finally:
        lock.release()


if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _LOCKED_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
