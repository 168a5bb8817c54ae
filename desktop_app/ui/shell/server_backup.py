"""File → Back Up… and Restore… on a server database: a NetWise JSON backup.

The network is written to a JSON file off the GUI thread (the window keeps painting, a
progress dialog shows after a moment), and restored into an empty server database only,
after a question whose default is No. ``finished`` tells the outcome: "backed-up",
"restored", "refused" (a message said why), "cancelled" or "declined".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow

from desktop_app.ui.common.background import BackgroundTask, TaskProgressDialog, WorkCancelledError
from desktop_app.ui.common.messages import Button, ask_later, notify
from desktop_app.ui.common.ui_state import last_folder, remember_folder

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Protocol

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from desktop_app.store.database import Database
    from desktop_app.store.json_backup import BackupFile
    from desktop_app.ui.common.background import Reporter
    from desktop_app.ui.common.insights_refresher import InsightsRefresher

    class RestoredHost(Protocol):
        """What a restore brings up to date in the main window."""

        undo_stack: QUndoStack
        insights: InsightsRefresher

        def reload_pages(self) -> None: ...


FILE_FILTER = "NetWise JSON backups (*.json)"
MESSAGE = "serverBackupMessage"
QUESTION = "serverRestoreQuestion"


def suggested_backup_name(today: dt.date | None = None) -> str:
    return f"netwise-backup-{today or dt.date.today():%Y-%m-%d}.json"


class ServerBackupFlow(QObject):
    """One backup or restore of the server database open in ``window``."""

    finished = Signal(str)

    def __init__(self, window: QMainWindow, database: Database, ui_state: QSettings | None) -> None:
        super().__init__(window)
        self.window = window
        self.database = database
        self.ui_state = ui_state
        self.task: BackgroundTask | None = None
        self.progress_after_ms = 400

    # -- backing up --------------------------------------------------------------------
    def back_up(self) -> None:
        folder = last_folder(self.ui_state, "backup")
        chosen, _ = QFileDialog.getSaveFileName(
            self.window,
            "Back Up the Server Database",
            str(folder / suggested_backup_name()),
            FILE_FILTER,
        )
        if not chosen:
            self._end("declined")
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".json")
        remember_folder(self.ui_state, "backup", path)
        db = self.database

        def work(reporter: Reporter) -> str:
            from desktop_app.store.json_backup import write_backup

            return write_backup(db, path, stage=reporter.stage, progress=reporter)

        self._run(
            "Back Up",
            f"Backing up to “{path.name}”…",
            work,
            lambda what: self._backed_up(path, what),
        )

    def _backed_up(self, path: Path, what: str) -> None:
        self._end("backed-up", f"Backed up {what} to {path}")

    # -- restoring ---------------------------------------------------------------------
    def restore(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            "Restore a Backup",
            str(last_folder(self.ui_state, "backup")),
            f"{FILE_FILTER};;All files (*)",
        )
        if not chosen:
            self._end("declined")
            return
        path = Path(chosen)
        remember_folder(self.ui_state, "backup", path)
        db = self.database

        def work(reporter: Reporter) -> BackupFile:
            from desktop_app.store.json_backup import read_backup

            reporter.stage(f"Reading “{path.name}”…")
            return read_backup(db, path)

        self._run("Restore", f"Reading “{path.name}”…", work, self._confirm)

    def _confirm(self, backup: BackupFile) -> None:
        name = Path(backup.source).name

        def answered(button: Button) -> None:
            if button != Button.Yes:
                self._end("declined", "Restore cancelled: nothing was changed.")
                return
            db = self.database

            def work(reporter: Reporter) -> str:
                from desktop_app.store.json_backup import restore_backup

                reporter.stage(f"Restoring “{name}”…", 1)
                return restore_backup(db, backup, progress=reporter)

            self._run(
                "Restore", f"Restoring “{name}”…", work, lambda what: self._restored(name, what)
            )

        # Writing a whole network into the server database is never what Enter does.
        ask_later(
            self.window,
            "Restore a Backup",
            f"Restore the backup “{name}” ({backup.contents}) into the empty server "
            f"database “{self.database.target}”?",
            answered,
            default=Button.No,
            name=QUESTION,
        )

    def _restored(self, name: str, what: str) -> None:
        window = cast("RestoredHost", self.window)
        window.undo_stack.clear()  # the steps of the empty database have nothing to undo
        window.reload_pages()
        window.insights.request(now=True)
        self._end("restored", f"Restored {name}: {what}, every row counted")

    # -- running and ending ------------------------------------------------------------
    def _run(
        self,
        title: str,
        label: str,
        work: Callable[[Reporter], object],
        then: Callable[[Any], None],
    ) -> None:
        self.task = task = BackgroundTask(work, "server-backup")
        TaskProgressDialog(task, title, label, self.window, self.progress_after_ms)
        task.succeeded.connect(then)
        task.failed.connect(lambda error: self._failed(title, error))
        task.start()

    def _failed(self, title: str, error: Exception) -> None:
        if isinstance(error, WorkCancelledError):
            self._end("cancelled", f"{title} cancelled: nothing was written.")
            return
        message = getattr(error, "message", None) or (
            f"The {title.lower()} stopped because of an unexpected error; the details are in "
            "the log file. Nothing was written."
        )
        notify(self.window, title, message, warning=True, name=MESSAGE)
        self._end("refused")

    def _end(self, outcome: str, status: str = "") -> None:
        if status:
            self.window.statusBar().showMessage(status, 10000)
        self.task = None
        self.finished.emit(outcome)
        self.deleteLater()
