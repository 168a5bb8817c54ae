"""Help → About: the version, and where the database, the data and the log are."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app import APP_NAME, __version__
from desktop_app.paths import data_dir


def show_about(parent: QWidget, database: str | None, log_path: Path | None) -> None:
    QMessageBox.about(
        parent,
        f"About {APP_NAME}",
        f"<h3>{APP_NAME} {html.escape(__version__)}</h3>"
        "<p>Network strategically: with the right people, for a stated goal, in "
        "give-and-take relationships.</p>"
        "<p>Your data stays on this computer.</p>"
        f"<p><b>Database:</b> {html.escape(database or 'none')}<br>"
        f"<b>Data folder:</b> {html.escape(str(data_dir()))}<br>"
        f"<b>Log file:</b> {html.escape(str(log_path or 'not written'))}</p>",
    )
