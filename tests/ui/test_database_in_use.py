"""The window and the command line on one database: one writer at a time, said plainly."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from tests.bench.linkedin_files import write_connections
from tests.ui.dialogs import when_dialog_opens
from tests.unit.processes import lock_held_by_another_process, run_netwise


def contacts(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT count(*) FROM contacts").fetchone()[0]


def test_an_import_while_the_window_has_the_database_open_is_refused(
    qtbot, window, db_path: Path, tmp_path: Path
) -> None:
    before = contacts(db_path)
    csv_file = write_connections(tmp_path / "Connections.csv", 300)
    result = run_netwise("--db", str(db_path), "import", "linkedin", str(csv_file))
    assert result.returncode == 1
    assert result.stderr == (
        f"netwise: “{db_path}” is open in NetWise (process {os.getpid()}); close it first. "
        "Nothing was imported.\n"
    )
    assert contacts(db_path) == before
    assert window.counts_label.text().startswith(f"{before} contacts")
    window.close()
    after = run_netwise("--db", str(db_path), "import", "linkedin", str(csv_file))
    assert after.returncode == 0, after.stderr
    assert contacts(db_path) > before


def test_the_window_cannot_open_a_database_an_import_is_writing(
    qtbot, window, tmp_path: Path
) -> None:
    target = tmp_path / "busy.sqlite3"
    shown: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        shown.append(box.text())
        box.button(QMessageBox.StandardButton.Close).click()

    when_dialog_opens(read_and_close, QMessageBox)
    with lock_held_by_another_process(target, "import") as holder:
        window.open_database(str(target))
        qtbot.waitUntil(lambda: bool(shown))
    assert shown == [
        f"“{target}” is in use by “netwise import” (process {holder.pid}); try again when it "
        "has finished."
    ]
    assert window.controller.target != str(target)
    assert window.windowTitle().startswith("test.sqlite3")


def test_no_import_slips_in_while_the_window_restores_a_backup(
    qtbot, window, db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    import desktop_app.store.restore as restore_module
    from desktop_app.store.backup import backup_database

    backup = backup_database(db_path, tmp_path / "copy.sqlite3")
    csv_file = write_connections(tmp_path / "Connections.csv", 20)
    real_restore = restore_module.restore_database
    meanwhile = []

    def restore_with_an_import_started_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        # The window has closed its database to swap the file: an import tries its luck.
        meanwhile.append(run_netwise("--db", str(db_path), "import", "linkedin", str(csv_file)))
        return real_restore(*args, **kwargs)

    monkeypatch.setattr(
        restore_module, "restore_database", restore_with_an_import_started_meanwhile
    )
    window.controller.restore(backup)
    assert meanwhile[0].returncode == 1
    assert "is open in NetWise" in meanwhile[0].stderr
    assert window.controller.target == str(db_path)
