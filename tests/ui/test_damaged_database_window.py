"""The window on a damaged database: one message, the file untouched, a backup restored."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop_app.store.backup import backup_database
from desktop_app.ui.shell.main_window import MainWindow
from tests.damaged_files import fingerprint, netwise_database, scribble_in_the_middle, zero_a_page
from tests.ui.dialogs import when_dialog_opens

DAMAGES: dict[str, Callable[[Path], Path]] = {
    "a zeroed page of contacts": lambda path: zero_a_page(path, "contacts"),
    "8 KB of random bytes": scribble_in_the_middle,
}


def start_window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    from desktop_app.ui.common.ui_state import open_ui_state
    from desktop_app.ui.shell.application import create_application

    create_application()
    window = MainWindow(open_ui_state())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.show_page("contacts")
    return window


def open_as_at_start_up(qtbot, window: MainWindow, path: Path) -> None:  # type: ignore[no-untyped-def]
    """As ``netwise --db FILE`` does: rows previewed from the file while the store loads."""
    window.preview_database(str(path))
    qtbot.wait(50)  # the preview paints its rows
    window.open_database(str(path))


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_database_shows_one_message_and_is_left_as_it_was(
    qtbot,  # type: ignore[no-untyped-def]
    db_path: Path,
    damage: Callable[[Path], Path],
) -> None:
    damage(netwise_database(db_path))
    before = fingerprint(db_path)
    window = start_window(qtbot)
    seen: list[tuple[str, list[str]]] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append((box.text(), [button.text() for button in box.buttons()]))
        box.done(0)

    when_dialog_opens(read_and_close, QMessageBox)
    open_as_at_start_up(qtbot, window, db_path)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    qtbot.wait(200)  # nothing else follows
    assert len(seen) == 1
    text, buttons = seen[0]
    assert "is damaged" in text and "File → Restore…" in text
    assert "Restore a Backup…" in buttons
    assert window.page("contacts").model.rowCount() == 0  # the preview's rows are gone
    assert window.actions["restore"].isEnabled()  # as the message says: File → Restore…
    assert fingerprint(db_path) == before


def test_the_message_restores_the_newest_sound_backup_and_keeps_the_damaged_file(
    qtbot,  # type: ignore[no-untyped-def]
    db_path: Path,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    netwise_database(db_path)
    backups = data_dir / "backups"
    sound = backup_database(db_path, backups / f"{db_path.stem}-20260101-before-0003.sqlite3")
    os.utime(sound, (time.time() - 60,) * 2)
    zero_a_page(db_path)
    damaged_bytes = db_path.read_bytes()
    offered: list[str] = []

    def choose(_parent, _title, start, _filter):  # type: ignore[no-untyped-def]
        offered.append(start)
        return start, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(choose))

    def click_restore(box: QMessageBox) -> None:
        assert f"restore the newest sound backup, “{sound}”" in box.text()
        restore = next(b for b in box.buttons() if b.text() == "Restore a Backup…")
        restore.click()
        when_dialog_opens(
            lambda sure: sure.button(QMessageBox.StandardButton.Yes).click(), QMessageBox
        )

    window = start_window(qtbot)
    when_dialog_opens(click_restore, QMessageBox)
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.open_database(str(db_path))
    assert offered == [str(sound)]
    assert window.counts_label.text().startswith("300 contacts")
    assert window.controller.target == str(db_path)
    kept = list(backups.glob("*-damaged.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes
    assert "the damaged database was kept as" in window.statusBar().currentMessage()
