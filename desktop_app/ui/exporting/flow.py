"""File → Export…: the choice, the file, then the writing off the GUI thread with progress.

``finished`` tells the outcome: "exported", "cancelled" (no file written), "failed" (a
message was shown) or "declined" (the user closed a dialog).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop_app.exchange.formats import EXPORT_FORMATS
from desktop_app.ui.common.background import BackgroundTask, TaskProgressDialog, WorkCancelledError
from desktop_app.ui.common.messages import notify
from desktop_app.ui.common.ui_state import last_folder, remember_folder
from desktop_app.ui.exporting.dialog import ExportDialog
from desktop_app.ui.exporting.work import export_file

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_app.store.database import Database
    from desktop_app.ui.common.services import Services
    from desktop_app.ui.common.widgets.contact_scope import ContactScope

SUGGESTED_NAMES = {
    "csv": "netwise-contacts",
    "vcard": "netwise-contacts",
    "ics": "netwise-calendar",
    "json": "netwise-export",
}


class ExportFlow(QObject):
    finished = Signal(str)

    def __init__(
        self, window: QWidget, services: Services, database: Callable[[], Database | None]
    ) -> None:
        """``window`` is the dialogs' parent; ``database`` answers the open database."""
        super().__init__(window)
        self.window = window
        self.services = services
        self._database = database
        self.task: BackgroundTask | None = None
        self.dialog: ExportDialog | None = None
        self.running = False
        self.progress_after_ms = 400

    def start(self, scope: ContactScope | None = None) -> None:
        """Ask what to export; ``scope`` (from the Contacts page) offers its selection and
        filter besides all contacts."""
        if self.running or self._database() is None:
            return
        self.running = True
        chosen = str(self.services.ui_state.value("export/format", "csv"))
        self.dialog = dialog = ExportDialog(self.window, chosen, scope)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._choose_file(
                dialog.format_name(), dialog.include_done.isChecked(), dialog.contact_ids()
            )
        )
        dialog.rejected.connect(lambda: self._end("declined"))
        dialog.open()

    def _choose_file(
        self, format_name: str, include_done: bool, contact_ids: list[int] | None = None
    ) -> None:
        self.dialog = None
        self.services.ui_state.setValue("export/format", format_name)
        form = EXPORT_FORMATS[format_name]
        folder = last_folder(self.services.ui_state, f"export-{format_name}")
        name = f"{SUGGESTED_NAMES[format_name]}-{dt.date.today():%Y-%m-%d}{form.extensions[0]}"
        patterns = " ".join(f"*{e}" for e in form.extensions)
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Export", str(folder / name), f"{form.label} ({patterns})"
        )
        if not chosen:
            self._end("declined")
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(form.extensions[0])
        remember_folder(self.services.ui_state, f"export-{format_name}", path)
        self._write(format_name, path, include_done, contact_ids)

    def _write(
        self, format_name: str, path: Path, include_done: bool, contact_ids: list[int] | None
    ) -> None:
        db = self._database()
        self.task = task = BackgroundTask(
            lambda r: export_file(
                db, format_name, path, r, include_done=include_done, contact_ids=contact_ids
            ),
            "export",
        )
        TaskProgressDialog(
            task, "Export", f"Exporting to “{path.name}”…", self.window, self.progress_after_ms
        )
        task.succeeded.connect(lambda what: self._written(path, what))
        task.failed.connect(self._failed)
        task.start()

    def _written(self, path: Path, what: str) -> None:
        self._end("exported", f"Exported {what} to {path}")

    def _failed(self, error: Exception) -> None:
        if isinstance(error, WorkCancelledError):
            self._end("cancelled", "Export cancelled: no file was written.")
            return
        message = getattr(error, "message", None) or (
            "The export stopped because of an unexpected error; the details are in the log file."
        )
        notify(self.window, "Export", message, warning=True, name="exportMessage")
        self._end("failed")

    def _end(self, outcome: str, status: str = "") -> None:
        if status:
            self.services.show_status(status, 10000)
        self.running = False
        self.task = None
        self.finished.emit(outcome)

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.wait(30)
