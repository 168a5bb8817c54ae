"""Logging to a rotating file in the data folder (and to stderr for warnings)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from desktop_app.paths import ensure_private_dir, log_dir

LOG_FILENAME = "netwise.log"


def log_file() -> Path:
    return log_dir() / LOG_FILENAME


def setup_console_logging(verbose: bool = False) -> None:
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    console = logging.StreamHandler()
    console.setLevel(logging.DEBUG if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("netwise: %(levelname)s: %(message)s"))
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
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        if os.name == "posix":
            os.chmod(path, 0o600)
    except OSError as exc:
        root.warning("cannot write the log file %s: %s", path, exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
