"""Scores follow the user's writes, computed off the GUI thread."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import Qt

from tests.ui.contacts_helpers import ready, select


def queued_and_scored(db_path: Path, contact_id: int) -> tuple[int, int]:
    with closing(sqlite3.connect(db_path)) as connection:
        queued = connection.execute("SELECT count(*) FROM contact_score_queue").fetchone()[0]
        scored = connection.execute(
            "SELECT count(*) FROM contact_scores WHERE contact_id = ?", (contact_id,)
        ).fetchone()[0]
    return queued, scored


def test_a_logged_outreach_is_rescored_in_the_background(
    qtbot, small_window, network, db_path: Path
) -> None:
    insights = small_window.insights
    qtbot.waitUntil(lambda: not insights.busy, timeout=10_000)  # scored when opened
    assert queued_and_scored(db_path, network["Chen"]) == (0, 1)

    page = ready(qtbot, small_window)
    select(page, "Chen Wei")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Chen Wei")
    with qtbot.waitSignal(insights.updated, timeout=10_000) as refreshed:
        qtbot.mouseClick(page.detail.quick_buttons["outreach"], Qt.MouseButton.LeftButton)
        assert queued_and_scored(db_path, network["Chen"])[0] == 1  # queued by the write
    assert refreshed.args[0].rescored == 1 and not refreshed.args[0].full
    assert queued_and_scored(db_path, network["Chen"]) == (0, 1)
