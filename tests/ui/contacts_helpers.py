"""A small known network in a real database file, and ways to reach the Contacts page,
choose its rows and read what its table, scores and timeline show."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from desktop_app.store.records import ContactInput, InteractionInput, LabelledValue

TODAY = dt.date.today()
PEOPLE = {
    "Ada": ContactInput(
        first_name="Ada",
        last_name="Lovelace",
        title="Head of Product",
        company="Helix Cloud",
        industry="Software",
        seniority="executive",
        circle="new",
        tags=("mentor", "climate"),
        emails=(LabelledValue("ada@helix.example", "work"),),
        notes="Loves analytical engines",
    ),
    "Bob": ContactInput(
        first_name="Bob",
        last_name="Builder",
        title="Engineer",
        company="Acme",
        industry="Construction",
        seniority="peer",
        tags=("alumni",),
    ),
    "Chen": ContactInput(
        first_name="Chen",
        last_name="Wei",
        title="Product Manager",
        company="Solaria Power",
        industry="Energy",
        seniority="senior",
        circle="new",
    ),
    "Dora": ContactInput(
        first_name="Dora",
        last_name="Explorer",
        title="Recruiter",
        company="Helix Cloud",
        industry="Software",
        seniority="junior",
        status="archived",
        tags=("climate",),
    ),
    "Emil": ContactInput(first_name="Emil", last_name="Zola", company="Les Editions"),
}


def fill_network(db_path: Path) -> dict[str, int]:
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.database import open_database
    from desktop_app.store.interactions import log_interaction

    db = open_database(str(db_path))
    ids = {name: create_contact(db, data).value for name, data in PEOPLE.items()}
    log_interaction(
        db,
        InteractionInput(
            ids["Ada"],
            TODAY - dt.timedelta(days=10),
            kind="coffee",
            followup_due=TODAY - dt.timedelta(days=1),
        ),
    )
    log_interaction(db, InteractionInput(ids["Chen"], TODAY - dt.timedelta(days=3), kind="call"))
    db.close()
    return ids


def shown(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The names in the table, top to bottom, as a user reads them."""
    model = page.table.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def cell(page, name: str, title: str) -> str:  # type: ignore[no-untyped-def]
    model = page.table.model()
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    column = titles.index(title)
    row = shown(page).index(name)
    return model.index(row, column).data()


def ready(qtbot, window):  # type: ignore[no-untyped-def]
    """The contacts page with the keyboard in its table, as after a click on a row."""
    window.show_page("contacts")
    # A closed dialog goes, and the window is active again (a window manager does that).
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page = window.page("contacts")
    page.table.setFocus()
    return page


def select(page, name: str) -> None:  # type: ignore[no-untyped-def]
    page.table.selectRow(shown(page).index(name))


def select_only(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """Only ``name`` chosen, as a plain click does (whatever modifier a test left held)."""
    flags = QItemSelectionModel.SelectionFlag
    index = page.model.index(shown(page).index(name), 0)
    page.table.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)


# -- the score columns ---------------------------------------------------------------------
def column(page, key: str) -> int:  # type: ignore[no-untyped-def]
    return [c.key for c in page.model.columns].index(key)


def cells(page, key: str, role: int = Qt.ItemDataRole.DisplayRole) -> list:  # type: ignore[no-untyped-def]
    model, number = page.model, column(page, key)
    return [model.index(row, number).data(role) for row in range(model.rowCount())]


def cell_of(page, name: str, key: str):  # type: ignore[no-untyped-def]
    return page.model.index(shown(page).index(name), column(page, key)).data()


def scored_page(qtbot, window):  # type: ignore[no-untyped-def]
    """The contacts page once the window's first scoring is done and painted."""
    page = ready(qtbot, window)
    qtbot.waitUntil(lambda: not window.insights.busy, timeout=10_000)
    qtbot.waitUntil(lambda: cells(page, "verdict")[0] != "", timeout=10_000)
    return page


# -- the detail pane's timeline --------------------------------------------------------------
KIND, INITIATED, REPLY = 1, 2, 3  # the timeline's columns


def timeline(page) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Kind, who began and the reply of each interaction the detail pane lists."""
    model = page.detail.timeline_model
    return [
        tuple(model.index(row, column).data() for column in (KIND, INITIATED, REPLY))
        for row in range(model.rowCount())
    ]


def names_in(model) -> list[str]:  # type: ignore[no-untyped-def]
    """The first column of a table model, top to bottom."""
    return [model.index(row, 0).data() for row in range(model.rowCount())]
