"""File menu: open another database, back up the open one."""

from __future__ import annotations

import sqlite3
import stat
from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from desktop_app.dblock import DatabaseLock
from tests.ui.dialogs import when_dialog_opens


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


def test_restore_replaces_the_database_and_keeps_a_copy(
    qtbot, window, tmp_path: Path, data_dir: Path, monkeypatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.store.database import open_database

    backup = tmp_path / "small.sqlite3"
    small = open_database(str(backup))
    with small.transaction() as session:
        from sqlalchemy import text

        session.execute(
            text(
                "INSERT INTO contacts (full_name, first_name, middle_name, last_name, title, "
                "company, industry, location, linkedin_url, circle, how_met, shared_interests, "
                "can_help_with, i_can_offer, notes, status, created_at, updated_at) VALUES "
                "('Only One', 'Only', '', 'One', '', '', '', '', '', 'familiar', '', '', '', '',"
                " '', 'active', '2026-01-01', '2026-01-01')"
            )
        )
    small.close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(backup), ""))
    )
    when_dialog_opens(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), QMessageBox)
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.actions["restore"].trigger()
    assert window.counts_label.text().startswith("1 contact · 0 events")
    kept = list((data_dir / "backups").glob("*before-restore.sqlite3"))
    assert len(kept) == 1
    with sqlite3.connect(kept[0]) as connection:
        assert connection.execute("SELECT count(*) FROM contacts").fetchone() == (300,)


def test_restoring_a_file_that_is_not_a_backup_changes_nothing(
    qtbot, window, tmp_path: Path, monkeypatch
) -> None:
    from desktop_app.store.errors import StoreError

    junk = tmp_path / "notes.sqlite3"
    junk.write_text("shopping list")
    before = window.controller.database
    try:
        window.controller.restore(junk)
    except StoreError as exc:
        assert "not a readable database" in exc.message or "not a NetWise" in exc.message
    else:
        raise AssertionError("restoring junk must be refused")
    assert window.controller.database is before


def test_enter_on_the_restore_question_keeps_the_open_database(
    qtbot, window, tmp_path: Path, data_dir: Path, monkeypatch
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.store.backup import backup_database

    backup = backup_database(Path(window.controller.target), tmp_path / "copy.sqlite3")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(backup), ""))
    )
    asked = []

    def press_enter(box: QMessageBox) -> None:
        asked.append(box.defaultButton() is box.button(QMessageBox.StandardButton.No))
        qtbot.keyClick(box, Qt.Key.Key_Return)

    when_dialog_opens(press_enter, QMessageBox)
    before = window.controller.database
    window.actions["restore"].trigger()
    assert asked == [True]
    assert window.controller.database is before
    assert not list((data_dir / "backups").glob("*before-restore.sqlite3"))
