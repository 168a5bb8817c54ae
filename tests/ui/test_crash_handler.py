"""An unexpected error is logged and shown with the log path; a database problem is a message."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from desktop_app.logs import setup_file_logging
from desktop_app.store.errors import ConnectionLostError, DatabaseLockedError
from desktop_app.ui.shell.crash import CrashHandler
from tests.ui.dialogs import when_dialog_opens


def read_next_box(seen: list[QMessageBox | str]) -> None:
    def grab(box: QMessageBox) -> None:
        seen.extend([box.text(), box.detailedText(), box.icon().name])
        box.done(0)

    when_dialog_opens(grab, QMessageBox)


def raise_and_handle(handler: CrashHandler, error: BaseException) -> None:
    try:
        raise error
    except BaseException as exc:
        handler.handle(type(exc), exc, exc.__traceback__)


def test_unexpected_error_shows_traceback_and_log_path(qtbot, data_dir: Path) -> None:
    log_path = setup_file_logging()
    assert log_path is not None
    handler = CrashHandler(log_path, show_dialog=True)
    seen: list = []
    read_next_box(seen)
    raise_and_handle(handler, ZeroDivisionError("division by zero in a slot"))
    text, details, icon = seen
    assert str(log_path) in text
    assert "Everything you saved before this is safe" in text
    assert "ZeroDivisionError" in details and "Traceback" in details
    assert icon == "Critical"
    for handler_ in logging.getLogger().handlers:
        handler_.flush()
    assert "division by zero in a slot" in log_path.read_text()


def test_a_locked_database_is_a_warning_not_a_crash(qtbot, data_dir: Path) -> None:
    handler = CrashHandler(None, show_dialog=True)
    seen: list = []
    read_next_box(seen)
    raise_and_handle(handler, DatabaseLockedError("“x.sqlite3” is locked by another program."))
    text, details, icon = seen
    assert text == "“x.sqlite3” is locked by another program."
    assert details == ""
    assert icon == "Warning"


def test_a_lost_server_connection_is_logged_once_and_shows_no_box(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    handler = CrashHandler(None, show_dialog=True)
    lost = ConnectionLostError("The connection to the server of “db” was lost: it broke off.")
    seen: list = []
    reads = 3  # every read while the server is away fails alike
    for _read in range(reads):
        read_next_box(seen)  # closes a box, were one shown
    with caplog.at_level(logging.WARNING):
        for _read in range(reads):
            raise_and_handle(handler, lost)
    qtbot.wait(100)
    assert seen == []  # the status bar says it instead
    assert [r.getMessage() for r in caplog.records] == [lost.message]
