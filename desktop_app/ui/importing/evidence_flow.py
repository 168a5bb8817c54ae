"""LinkedIn's data export and calendar files through the window: read, preview, apply.

The import flow hands these files here (``ImportFlow.start``). As for contact files, the
reading, the planning and the writing run on a worker thread behind a cancellable
progress dialog; the preview runs on the GUI thread, and asks for a re-reading (another
owner, the message text kept) or a new plan (other choices) on the worker thread too.
The outcome is the flow's: "imported", "declined", "cancelled" or "failed".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QWidget

from desktop_app.evidence_wording import calendar_written_line, linkedin_written_line
from desktop_app.ui.common.background import BackgroundTask, TaskProgressDialog, WorkCancelledError
from desktop_app.ui.common.messages import notify
from desktop_app.ui.importing import evidence_work as work

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_app.store.calendar_evidence import CalendarPlan
    from desktop_app.store.database import Database
    from desktop_app.store.linkedin_evidence import LinkedInPlan
    from desktop_app.ui.common.background import Reporter
    from desktop_app.ui.common.services import Services
    from desktop_app.ui.importing.archive_preview import ArchivePreviewDialog
    from desktop_app.ui.importing.calendar_preview import CalendarPreviewDialog

CANCELLED = "Import cancelled: nothing written."
QUESTION_WIDTH = 560  # the owner question's explanation wraps at this width


class ImportSteps(Protocol):
    """What the evidence steps share with the import flow that hands them a file: its
    window, services and database, the work and dialog under way, and its endings."""

    window: QWidget
    services: Services
    database: Callable[[], Database | None]
    task: BackgroundTask | None
    progress: TaskProgressDialog | None
    progress_after_ms: int
    preview_dialog: QDialog | None

    def fail(self, error: Exception) -> None: ...
    def end(self, outcome: str, status: str = "") -> None: ...
    def refresh_pages(self) -> None: ...


class EvidenceImport(QObject):
    """The evidence steps of ``flow``: its window, services, database and endings."""

    def __init__(self, flow: ImportSteps, parent: QObject) -> None:
        super().__init__(parent)
        self.flow = flow
        self.preview_dialog: ArchivePreviewDialog | CalendarPreviewDialog | None = None

    def start(self, path: Path, kind: str, owner: str = "") -> None:
        db = self.flow.database
        if kind == work.ARCHIVE:
            self._run(
                f"Reading “{path.name}”…",
                lambda r: work.read_archive(db, path, r, owner=owner),
                lambda plan: self._preview_archive(plan, owner),
                lambda error: self._archive_failed(path, error),
            )
        else:
            self._run(
                f"Reading “{path.name}”…",
                lambda r: work.read_calendar(db, path, r),
                self._preview_calendar,
                self.flow.fail,
            )

    def _run(
        self,
        label: str,
        job: Callable[[Reporter], object],
        then: Callable[[Any], None],
        failed: Callable[[Exception], None],
        *,
        parent: Any = None,
        cancellable: bool = True,
    ) -> None:
        self.flow.task = task = BackgroundTask(job, "import")
        progress = TaskProgressDialog(
            task, "Import", label, parent or self.flow.window, self.flow.progress_after_ms
        )
        if not cancellable:  # the write is one transaction, over in seconds: it goes through
            progress.setCancelButton(None)  # type: ignore[arg-type]
            progress.canceled.disconnect()
        self.flow.progress = progress
        task.succeeded.connect(then)
        task.failed.connect(failed)
        task.start()

    # -- the LinkedIn archive ----------------------------------------------------------
    def _archive_failed(self, path: Path, error: Exception) -> None:
        """Nothing in the archive says whose it is: the user is asked (a name or a
        profile address), and it is read again as theirs; any other error is said."""
        from desktop_app.exchange.linkedin_owner import OwnerNotFoundError

        if not isinstance(error, OwnerNotFoundError):
            self.flow.fail(error)
            return
        dialog = QInputDialog(self.flow.window)
        dialog.setObjectName("archiveOwnerQuestion")
        dialog.setWindowTitle("Import")
        dialog.setLabelText(
            f"{error.message}\n\nWhose archive is it? Your name as LinkedIn shows it, or "
            "your profile address:"
        )
        for label in dialog.findChildren(QLabel):  # names from the file are not markup
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
        dialog.setMaximumWidth(QUESTION_WIDTH)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(
            lambda owner: (
                self.start(path, work.ARCHIVE, owner.strip())
                if owner.strip()
                else self.flow.end("declined", CANCELLED)
            )
        )
        dialog.rejected.connect(lambda: self.flow.end("declined", CANCELLED))
        dialog.open()

    def _preview_archive(self, plan: LinkedInPlan, owner: str = "") -> None:
        from desktop_app.ui.importing.archive_preview import ArchivePreviewDialog

        dialog = ArchivePreviewDialog(plan, self.flow.window, owner=owner)
        dialog.reread.connect(lambda owner, text: self._reread_archive(dialog, owner, text))
        self._open(dialog, lambda: self._apply_archive(dialog.apply_choices()))

    def _reread_archive(self, dialog: ArchivePreviewDialog, owner: str, keep_text: bool) -> None:
        db, path = self.flow.database, Path(dialog.plan.source)
        dialog.set_busy(True)
        self._run(
            f"Reading “{path.name}” again…",
            lambda r: work.read_archive(db, path, r, owner=owner, keep_text=keep_text),
            lambda plan: (
                self._shown(dialog) and dialog.show_plan(plan, keep_text=keep_text, owner=owner)
            ),
            lambda error: self._preview_failed(dialog, error),
            parent=dialog,
        )

    def _apply_archive(self, plan: LinkedInPlan) -> None:
        db = self.flow.database
        self._run(
            "Importing…",
            lambda r: work.apply_archive(db, plan, r),
            lambda result: self._imported(Path(plan.source).name, linkedin_written_line(result)),
            self.flow.fail,
            cancellable=False,
        )

    # -- calendars ---------------------------------------------------------------------
    def _preview_calendar(self, plan: CalendarPlan) -> None:
        from desktop_app.ui.importing.calendar_preview import CalendarPreviewDialog

        dialog = CalendarPreviewDialog(plan, self.flow.window)
        dialog.replan.connect(lambda choices: self._replan_calendar(dialog, choices))
        self._open(dialog, lambda: self._apply_calendar(dialog.apply_choices()))

    def _replan_calendar(self, dialog: CalendarPreviewDialog, choices: dict[str, str]) -> None:
        db, calendar = self.flow.database, dialog.plan.calendar
        self._run(
            "Counting again…",
            lambda r: work.plan_calendar(db, calendar, choices, r),
            lambda plan: self._shown(dialog) and dialog.show_plan(plan),
            lambda error: self._preview_failed(dialog, error),
            parent=dialog,
        )

    def _apply_calendar(self, plan: CalendarPlan) -> None:
        db = self.flow.database
        name = Path(plan.calendar.source).name
        self._run(
            "Importing…",
            lambda r: work.apply_calendar(db, plan, r),
            lambda result: self._imported(name, calendar_written_line(plan, result)),
            self.flow.fail,
            cancellable=False,
        )

    # -- both --------------------------------------------------------------------------
    def _open(self, dialog: ArchivePreviewDialog | CalendarPreviewDialog, apply: Any) -> None:
        self.preview_dialog = self.flow.preview_dialog = dialog  # type: ignore[assignment]
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._accepted(apply))
        dialog.rejected.connect(lambda: self._declined())
        dialog.open()

    def _accepted(self, apply: Callable[[], None]) -> None:
        self.preview_dialog = self.flow.preview_dialog = None
        apply()

    def _declined(self) -> None:
        if self.flow.task is not None:  # a re-reading under way: its outcome is not wanted
            self.flow.task.cancel()
        self.preview_dialog = None
        self.flow.end("declined", CANCELLED)

    def _preview_failed(
        self, dialog: ArchivePreviewDialog | CalendarPreviewDialog, error: Exception
    ) -> None:
        """Reading or planning again failed: the preview stays as it was, with why."""
        if not self._shown(dialog):  # closed meanwhile: the flow has ended
            return
        if isinstance(error, WorkCancelledError):
            dialog.restore()
            return
        message = getattr(error, "message", None) or (
            "The archive could not be read again because of an unexpected error; the "
            "details are in the log file."
        )
        dialog.restore()
        notify(dialog, "Import", message, warning=True, name="importMessage")

    def _shown(self, dialog: QObject) -> bool:
        """Whether ``dialog`` is still the preview on screen (not closed meanwhile)."""
        return self.preview_dialog is dialog

    def _imported(self, name: str, written: str) -> None:
        self.flow.refresh_pages()
        self.flow.services.show_status(f"Imported “{name}”: {written}", 10000)
        notify(self.flow.window, "Import", f"Imported “{name}”.\n\n{written}", name="importMessage")
        self.flow.end("imported")
