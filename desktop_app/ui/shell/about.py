"""Help → About: the version, and where the database, the data and the log are."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.paths import data_dir
from desktop_app.ui.common.messages import about


def show_about(parent: QWidget, database: str | None, log_path: Path | None) -> None:
    about(
        parent,
        f"About {APP_NAME}",
        f"{APP_NAME} {__version__}",
        [
            "Network strategically: with the right people, for a stated goal, in "
            "give-and-take relationships.",
            "Your data stays on this computer.",
        ],
        [
            ("Database", database or "none"),
            ("Data folder", str(data_dir())),
            ("Log file", str(log_path or "not written")),
        ],
    )
