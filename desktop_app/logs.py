"""Logging to a rotating file in the data folder (and to stderr for warnings)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop_app.paths import ensure_private_dir, log_dir
from desktop_app.validation import printable

LOG_FILENAME = "netwise.log"


def log_file() -> Path:
    return log_dir() / LOG_FILENAME


class TerminalFormatter(logging.Formatter):
    """Records as the terminal may show them: a control character in a name or a file
    (an escape sequence retitling the window) is written as its escape."""

    def format(self, record: logging.LogRecord) -> str:
        return printable(super().format(record))


def setup_console_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(TerminalFormatter("netwise: %(levelname)s: %(message)s"))
    root.addHandler(console)
    # Alembic reports every plugin and step at INFO; only its problems belong in our log.
    logging.getLogger("alembic").setLevel(logging.WARNING)


def setup_file_logging() -> Path | None:
    """Send logs to the rotating file; returns its path, or None if it cannot be written.

    Called once the window is up: ``logging.handlers`` costs start-up time.
    """
    import logging.handlers

    root = logging.getLogger()
    path = log_file()
    try:
        ensure_private_dir(path.parent)
        handler = _private_rotating_handler(path)
        if os.name == "posix":
            os.chmod(path, 0o600)  # a log of an older NetWise may be 0644
    except OSError as exc:
        root.warning("cannot write the log file %s: %s", path, exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def _owner_only(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


def _private_rotating_handler(path: Path) -> logging.Handler:
    """A rotating log whose every file, the new one after each rotation too, is 0600."""
    import logging.handlers  # here, not at the top: it costs start-up time

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]
            return open(
                self.baseFilename,
                self.mode,
                encoding=self.encoding,
                errors=self.errors,
                opener=_owner_only,
            )

    return PrivateRotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
