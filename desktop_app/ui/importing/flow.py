"""File → Import… and dropped files: choose, read, preview, apply, refresh.

Reading, matching and writing run on a worker thread behind a cancellable progress dialog;
the preview dialog runs on the GUI thread between them. Every dialog is opened without a
nested event loop (``open()``), so the window keeps painting and the steps chain by signal.
``finished`` tells the outcome: "imported", "cancelled" (nothing written), "failed" (a
message was shown, nothing written) or "declined" (the user closed the preview).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QWidget

from desktop_app.exchange.formats import IMPORT_FORMATS
from desktop_app.ui.common.background import (
    BackgroundTask,
    Reporter,
    TaskProgressDialog,
    WorkCancelledError,
)
from desktop_app.ui.common.messages import Button, ask_later, notify
from desktop_app.ui.importing import evidence_work, work
from desktop_app.ui.importing.result import result_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop_app.store.database import Database
    from desktop_app.ui.common.services import Services
    from desktop_app.ui.importing.evidence_flow import EvidenceImport
    from desktop_app.ui.importing.preview_dialog import ImportPreviewDialog

log = logging.getLogger(__name__)
ANY = "any"
MESSAGE = "importMessage"  # the object name of the outcome's message


# Evidence files: LinkedIn's data export (a ZIP or any CSV of it) and calendars.
EVIDENCE_FILTERS = {
    evidence_work.ARCHIVE: (
        "LinkedIn data export: messages, invitations, connections",
        "*.zip *.csv",
    ),
    evidence_work.CALENDAR: ("Calendar (.ics): meetings and networking events", "*.ics"),
}


def file_filters() -> dict[str, str]:
    """Name filter → format ("any": detect it from the file)."""
    patterns = {f: " ".join(f"*{e}" for e in IMPORT_FORMATS[f].extensions) for f in IMPORT_FORMATS}
    patterns |= {f: pattern for f, (_label, pattern) in EVIDENCE_FILTERS.items()}
    every = sorted(set(" ".join(patterns.values()).split()))
    filters = {f"All importable files ({' '.join(every)})": ANY}
    for name, form in IMPORT_FORMATS.items():
        filters[f"{form.label} ({patterns[name]})"] = name
    for name, (label, pattern) in EVIDENCE_FILTERS.items():
        filters[f"{label} ({pattern})"] = name
    return filters


class ImportFlow(QObject):
    finished = Signal(str)

    def __init__(
        self,
        window: QWidget,
        services: Services,
        database: Callable[[], Database | None],
        reload_pages: Callable[[], None],
    ) -> None:
        """``window`` is the dialogs' parent; ``database`` answers the open database;
        ``reload_pages`` has every page read it again once the import is written."""
        super().__init__(window)
        self.window = window
        self.services = services
        self._database = database
        self._reload_pages = reload_pages
        self.task: BackgroundTask | None = None
        self.progress: TaskProgressDialog | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.evidence: EvidenceImport | None = None
        self.running = False
        # Progress dialogs appear only for work longer than this (tests set 0).
        self.progress_after_ms = 400

    @property
    def database(self) -> Database | None:
        return self._database()

    # -- start -------------------------------------------------------------------------
    def choose_file(self, format_name: str | None = None) -> None:
        """File → Import…: the file dialog, its filter telling the format; for LinkedIn's
        data export (``evidence_work.ARCHIVE``) a folder, the export unzipped."""
        from desktop_app.ui.common.ui_state import last_folder, remember_folder

        if format_name == evidence_work.ARCHIVE:
            self.choose_folder()
            return
        folder = str(last_folder(self.services.ui_state, "import"))
        filters = file_filters()
        chosen, used = QFileDialog.getOpenFileName(
            self.window, "Import Contacts", folder, ";;".join(filters)
        )
        if not chosen:
            return
        path = Path(chosen)
        remember_folder(self.services.ui_state, "import", path)
        fmt = filters.get(used, ANY)
        self.start(path, None if fmt == ANY else fmt)

    def choose_folder(self) -> None:
        """File → Import LinkedIn Archive Folder…: the export unzipped."""
        from desktop_app.ui.common.ui_state import last_folder, remember_folder

        folder = str(last_folder(self.services.ui_state, "import"))
        chosen = QFileDialog.getExistingDirectory(
            self.window, "Import a LinkedIn Data Export Folder", folder
        )
        if chosen:
            path = Path(chosen)
            remember_folder(self.services.ui_state, "import", path)
            self.start(path, evidence_work.ARCHIVE)

    def start(self, path: Path, format_name: str | None = None) -> None:
        """Import ``path``; its format is detected from the file when not given."""
        if self.running or self.database is None:
            return
        self.running = True
        kind = evidence_work.evidence_kind(path, format_name)
        if kind is not None:  # LinkedIn's data export or a calendar
            from desktop_app.ui.importing.evidence_flow import EvidenceImport

            self.evidence = self.evidence or EvidenceImport(self, parent=self)
            self.evidence.start(path, kind)
            return
        if format_name is None:
            from desktop_app.exchange.formats import detect_format

            format_name = detect_format(path)
        if format_name is None:
            from desktop_app.exchange.errors import ImportFileError
            from desktop_app.exchange.textfile import check_text_file

            try:
                check_text_file(path)
            except ImportFileError as error:
                self.fail(error)  # an image or an empty file has no kind to ask about
                return
            self._ask_format(path)
        else:
            self._read(path, format_name)

    def _ask_format(self, path: Path) -> None:
        dialog = QInputDialog(self.window)
        dialog.setObjectName("importFormatQuestion")
        dialog.setWindowTitle("Import")
        dialog.setLabelText(f"What kind of file is “{path.name}”?")
        labels = {form.label: name for name, form in IMPORT_FORMATS.items()}
        dialog.setComboBoxItems(list(labels))
        for label in dialog.findChildren(QLabel):  # the file's name is not markup
            label.setTextFormat(Qt.TextFormat.PlainText)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda label: self._read(path, labels[label]))
        dialog.rejected.connect(lambda: self.end("declined"))
        dialog.open()

    # -- steps -------------------------------------------------------------------------
    def _run(
        self,
        title: str,
        label: str,
        job: Callable[[Reporter], object],
        then: Callable[[Any], None],
    ) -> None:
        self.task = task = BackgroundTask(job, "import")
        self.progress = TaskProgressDialog(
            task, title, label, self.window, minimum_ms=self.progress_after_ms
        )
        task.succeeded.connect(then)
        task.failed.connect(self.fail)
        task.start()

    def _read(self, path: Path, format_name: str) -> None:
        db = self.database
        if format_name == "json":
            self._run(
                "Import",
                f"Reading “{path.name}”…",
                lambda r: work.read_dataset(db, path, r),
                self._confirm_restore,
            )
            return
        self._run(
            "Import",
            f"Reading “{path.name}”…",
            lambda r: work.read_contacts(db, path, format_name, r),
            self._preview,
        )

    def _preview(self, read: work.ReadContacts) -> None:
        from desktop_app.store.importer import merge_changes
        from desktop_app.ui.importing.preview_dialog import ImportPreviewDialog

        db, plan = self.database, read.preview.plan
        dialog = ImportPreviewDialog(
            read.preview,
            read.parsed,
            IMPORT_FORMATS[read.parsed.format].label,
            lambda items: merge_changes(db, plan, items),
            self.window,
            read.lists,
        )
        self.preview_dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._apply(read))
        dialog.rejected.connect(lambda: self.end("declined", "Import cancelled: nothing written."))
        dialog.open()

    def _apply(self, read: work.ReadContacts) -> None:
        self.preview_dialog = None
        db = self.database
        self._run(
            "Import",
            "Importing…",
            lambda r: work.apply_plan(db, read.preview, r),
            lambda result: self._imported(read, result),
        )

    def _imported(self, read: work.ReadContacts, result) -> None:  # type: ignore[no-untyped-def]
        self.refresh_pages()
        name = Path(read.parsed.source).name
        created, merged = len(result.created), len(result.merged)
        self.services.show_status(
            f"Imported “{name}”: {created:,} created, {merged:,} merged.", 10000
        )
        notify(self.window, "Import", result_text(name, read.parsed.format, result), name=MESSAGE)
        self.end("imported")

    def _confirm_restore(self, read: work.ReadDataSet) -> None:
        counts = ", ".join(
            f"{len(items):,} {section}"
            for section, items in read.dataset.items()
            if section != "settings"
        )
        db = self.database

        def decided(button: Button) -> None:
            if button != Button.Yes:
                self.end("declined", "Import cancelled: nothing written.")
                return
            self._run(
                "Import",
                "Restoring…",
                lambda r: work.restore_dataset(db, read, r),
                lambda _counts: self._restored(read),
            )

        ask_later(
            self.window,
            "Restore a NetWise Export",
            f"Restore everything in “{Path(read.source).name}” ({counts}) into this database?",
            decided,
            default=Button.Yes,
            name="restoreQuestion",
        )

    def _restored(self, read: work.ReadDataSet) -> None:
        self.refresh_pages()
        name = Path(read.source).name
        notify(self.window, "Import", f"Restored everything in “{name}”.", name=MESSAGE)
        self.end("imported")

    # -- endings -----------------------------------------------------------------------
    def fail(self, error: Exception) -> None:
        if isinstance(error, WorkCancelledError):
            self.end("cancelled", "Import cancelled: nothing was written.")
            return
        message = getattr(error, "message", None)
        if not message:
            message = (
                "The import stopped because of an unexpected error; the details are in "
                "the log file."
            )
        notify(
            self.window, "Import", f"{message}\n\nNothing was imported.", warning=True, name=MESSAGE
        )
        self.end("failed")

    def end(self, outcome: str, status: str = "") -> None:
        if status:
            self.services.show_status(status, 8000)
        self.running = False
        self.task = None
        self.preview_dialog = None
        self.finished.emit(outcome)

    def refresh_pages(self) -> None:
        """Every page re-reads the database (a narrower refresh is each page's business)."""
        self._reload_pages()

    def shutdown(self) -> None:
        """The window closes: stop the work under way (rolled back) and wait for it."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait(30)
