"""Writing an export file whole or not at all, readable by its owner only."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO


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
    half-written file and any earlier file of that name untouched.
    """
    target = Path(path)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or ".")
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
    half-written file and any earlier file of that name untouched.
    """
    with (
        atomic_output_path(path) as temporary,
        temporary.open("w", encoding=encoding, newline=newline) as stream,
    ):
        yield stream
