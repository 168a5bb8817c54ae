"""Waiting for the Dashboard page and finding what it shows."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from desktop_app.ui.common.roles import CONTACT_ID_ROLE
from desktop_app.ui.dashboard.page import DashboardPage
from desktop_app.ui.shell.main_window import MainWindow


def settled(window: MainWindow) -> DashboardPage:
    """The dashboard, once the scores are current and their last reading is shown."""
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    return page


def wait_settled(qtbot, window: MainWindow) -> DashboardPage:  # type: ignore[no-untyped-def]
    page = settled(window)
    qtbot.waitUntil(
        lambda: page.view is not None and not page.reading and not window.insights.busy,
        timeout=15_000,
    )
    return page


def review_groups(page: DashboardPage) -> dict[str, list[str]]:
    """Group title (without its count) → the names listed under it."""
    model = page.content.review.model
    found: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        group = model.index(row, 0)
        names = [
            model.index(child, 0, group).data()
            for child in range(model.rowCount(group))
            if model.index(child, 0, group).data(CONTACT_ID_ROLE) is not None
        ]
        found[model.groups[row].title] = names
    return found


def contact_ids(db_path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db_path)) as connection:
        return dict(connection.execute("SELECT full_name, id FROM contacts"))


def query(db_path: Path, sql: str, *params: object) -> list[tuple]:
    with closing(sqlite3.connect(db_path)) as connection:
        return connection.execute(sql, params).fetchall()


def choose(page: DashboardPage, contact_id: int) -> None:
    assert page.content.review.select_contact(contact_id), contact_id
