"""Writing an export file whole or not at all, readable by its owner only."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

PARTIAL_SUFFIX = ".part"
# A partial file older than this is stale even if its process number is in use again.
STALE_AFTER_SECONDS = 24 * 3600


class ExportFileError(Exception):
    """The export file cannot be written; ``message`` says why, naming the file."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.message = f"“{path}”: {problem}"
        super().__init__(self.message)


@contextlib.contextmanager
def atomic_output_path(path: str | Path) -> Iterator[Path]:
    """A new owner-only (0600) file beside ``path`` for the block to fill; it replaces
    ``path`` only when the block ends without error.

    For writers that take a file name (a PDF, a picture); a failed write leaves no
    half-written file and any earlier file of that name untouched, and the partial file of
    a writer that was killed is removed by the next write to that name.
    """
    target = Path(path)
    remove_stale_partials(target)
    try:
        fd, temporary = tempfile.mkstemp(
            prefix=f"{partial_prefix(target)}{os.getpid()}-",
            suffix=PARTIAL_SUFFIX,
            dir=target.parent or ".",
        )
        os.close(fd)
    except OSError as exc:
        raise ExportFileError(path, f"cannot be written: {exc.strerror or exc}.") from exc
    try:
        yield Path(temporary)
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise ExportFileError(path, f"cannot be written: {exc.strerror or exc}.") from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_text_output(
    path: str | Path, *, encoding: str = "utf-8", newline: str | None = ""
) -> Iterator[TextIO]:
    """A text stream whose content replaces ``path`` only when the block ends without error.

    The file is created 0600 (exports hold personal data); a failed export leaves no
    half-written file and any earlier file of that name untouched. The partial file of
    an export that was killed is removed by the next export to that name.
    """
    with (
        atomic_output_path(path) as temporary,
        temporary.open("w", encoding=encoding, newline=newline) as stream,
    ):
        yield stream


def partial_prefix(target: Path) -> str:
    """Hidden, beside the target, and named after it: ``.contacts.csv.<pid>-<random>.part``."""
    return f".{target.name}."


def remove_stale_partials(target: Path) -> None:
    """Remove the partial files of exports to ``target`` whose process is gone."""
    folder = target.parent or Path(".")
    prefix = partial_prefix(target)
    with contextlib.suppress(OSError):
        for leftover in folder.glob(f"{glob_escape(prefix)}*{PARTIAL_SUFFIX}"):
            pid_text = leftover.name[len(prefix) :].split("-", 1)[0]
            if not pid_text.isdigit():
                continue
            with contextlib.suppress(OSError):
                too_old = time.time() - leftover.stat().st_mtime > STALE_AFTER_SECONDS
                if too_old or not _process_alive(int(pid_text)):
                    leftover.unlink()


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _process_alive(pid: int) -> bool:
    """Whether process ``pid`` runs (where that cannot be told cheaply: assume it does)."""
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # only the age rule applies
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True
