"""Waiting for the Dashboard page and finding what it shows; the review's groups as named."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from desktop_app.store.database import Database
from desktop_app.ui.common.roles import CONTACT_ID_ROLE
from desktop_app.ui.dashboard.page import DashboardPage
from desktop_app.ui.dashboard.review_model import ReviewModel
from desktop_app.ui.shell.main_window import MainWindow

# The review's groups, in the order it shows them, as a person would name them.
GROUP_OF = {
    ("move_on", "they_only_take"): "Move on: they take and never give back",
    ("move_on", "ignoring_you"): "Move on: off your goal and not answering you",
    ("move_on", "no_return"): "Move on: off your goal, and your hours bring nothing back",
    ("move_on", "time_sink"): "Move on: off your goal, and hours that bring nothing toward it",
    ("give_first", "you_only_take"): "Give first: they help you, you have not helped back",
    ("give_first", "ignoring_you"): "Give first: they fit your goal but are not answering you",
}


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
    return groups_in(page.content.review.model)


def groups_in(model: ReviewModel) -> dict[str, list[str]]:
    """Group title (without its count) → the names the review model lists under it."""
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


def contact_ids(where: Path | Database) -> dict[str, int]:
    return dict(query(where, "SELECT full_name, id FROM contacts"))  # type: ignore[arg-type]


def query(where: Path | Database, sql: str, *params: object) -> list[tuple]:
    """Rows of ``sql`` (with ``?`` marks) from a database file, or an open database of
    either kind (through its engine, marks spelled for its driver; days as SQLite's text)."""
    if isinstance(where, Path):
        with closing(sqlite3.connect(where)) as connection:
            return connection.execute(sql, params).fetchall()
    if where.engine.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")
    with where.engine.connect() as connection:
        rows = connection.exec_driver_sql(sql, params).fetchall()
    return [tuple(v.isoformat() if isinstance(v, dt.date) else v for v in row) for row in rows]


def choose(page: DashboardPage, contact_id: int) -> None:
    assert page.content.review.select_contact(contact_id), contact_id
