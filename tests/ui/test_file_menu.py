"""File menu: open another database, back up the open one."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop_app.ui.single_instance import DatabaseLock


def test_opening_another_database_switches_and_releases_the_first(
    qtbot, window, tmp_path: Path, db_path: Path
) -> None:
    other = tmp_path / "second.sqlite3"
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.open_database(str(other))
    assert window.controller.target == str(other)
    assert window.counts_label.text().startswith("0 contacts")
    assert window.windowTitle().startswith("second.sqlite3")
    first_lock = DatabaseLock(str(db_path))
    assert first_lock.acquire(), "the first database is free again"
    first_lock.release()
    assert not DatabaseLock(str(other)).acquire(), "the new one is held"


def test_back_up_writes_an_owner_only_copy(qtbot, window, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "copy.sqlite3"
    # The file dialog is the platform's; answer it as a user would.
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    assert window.actions["backup"].isEnabled()
    window.actions["backup"].trigger()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT count(*) FROM contacts").fetchone() == (300,)
    assert "Backed up to" in window.statusBar().currentMessage()
