"""The database opening off the GUI thread, when the window that asked is closed first."""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6

from desktop_app.store.database import open_database
from desktop_app.ui.shell.store_loader import StoreLoader


def test_a_database_opened_after_its_window_closed_is_closed_quietly(
    qtbot, db_path: Path, caplog
) -> None:
    open_database(str(db_path)).close()  # a NetWise database to open
    loader = StoreLoader(str(db_path), demo=False)
    shiboken6.delete(loader)  # the window (its parent) was closed while it loaded
    with caplog.at_level(logging.INFO, logger="desktop_app.ui.shell.store_loader"):
        loader.run()  # the thread's work: no exception escapes it
    assert "nobody waits for the database any more" in caplog.text


def test_a_refusal_after_its_window_closed_is_dropped_quietly(
    qtbot, tmp_path: Path, caplog
) -> None:
    stranger = tmp_path / "notes.txt"
    stranger.write_text("not a database", encoding="utf-8")
    loader = StoreLoader(str(stranger), demo=False)
    shiboken6.delete(loader)
    with caplog.at_level(logging.INFO, logger="desktop_app.ui.shell.store_loader"):
        loader.run()
    assert "nobody waits for the database any more" in caplog.text
