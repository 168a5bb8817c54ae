"""The keep-in-touch list of the Follow-ups page, over a real database file: a small
network whose order is known, the page built alone, and what the list shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel

from desktop_app.insights import keep_in_touch as rules
from desktop_app.store.database import Database
from desktop_app.ui.common.services import Services
from desktop_app.ui.followups.page import FollowUpsPage
from tests.ui.dialogs import reactivate

TODAY = dt.date.today()


def fill_overdue(db_path: Path) -> dict[str, int]:
    """Cy (monthly, last seen 90 days ago), Ada (monthly, 45 days ago), Bo (every two
    weeks, 14 days ago: due today) are due, in that order (the latest relative to their
    cadence first: nobody is scored); Dee (yearly, 10 days ago) is not."""
    from desktop_app.store import keep_in_touch as kit
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.database import open_database
    from desktop_app.store.interactions import log_interaction
    from desktop_app.store.records import ContactInput, InteractionInput

    db = open_database(str(db_path))
    people = (
        ("Ada", "Lovelace", "Analytical Engines", rules.MONTH, 45),
        ("Bo", "Berg", "Fjord Capital", rules.TWO_WEEKS, 14),
        ("Cy", "Young", "Diamond Ltd", rules.MONTH, 90),
        ("Dee", "Dee", "Far Away", rules.YEAR, 10),
    )
    ids = {}
    for first, last, company, cadence, days_ago in people:
        contact = create_contact(
            db, ContactInput(first_name=first, last_name=last, company=company)
        ).value
        kit.set_contact_cadence(db, [contact], cadence)
        log_interaction(db, InteractionInput(contact, TODAY - dt.timedelta(days=days_ago)))
        ids[first] = contact
    db.close()
    return ids


def open_page(qtbot, database: Database | None, services: Services | None = None) -> FollowUpsPage:  # type: ignore[no-untyped-def]
    """The Follow-ups page alone, shown and active (its keys need the active window)."""
    page = FollowUpsPage(services or Services.standalone())
    qtbot.addWidget(page)
    page.resize(1100, 800)
    page.set_database(database)
    page.show()
    qtbot.waitExposed(page)
    reactivate(qtbot, page)
    return page


def names(page: FollowUpsPage) -> list[str]:
    """The names in the keep-in-touch list, top to bottom."""
    model = page.keep_in_touch.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def row_texts(page: FollowUpsPage, name: str) -> list[str]:
    model = page.keep_in_touch.model
    row = names(page).index(name)
    return [model.index(row, column).data() for column in range(model.columnCount())]


def choose(page: FollowUpsPage, *chosen: str) -> None:
    """Select ``chosen`` (the first current) with the keyboard in the list, as clicks do."""
    table = page.keep_in_touch.table
    flags = QItemSelectionModel.SelectionFlag
    rows = [names(page).index(name) for name in chosen]
    model = table.model()
    table.selectionModel().setCurrentIndex(
        model.index(rows[0], 0), flags.ClearAndSelect | flags.Rows
    )
    for row in rows[1:]:
        table.selectionModel().select(model.index(row, 0), flags.Select | flags.Rows)
    table.setFocus()


def current_name(page: FollowUpsPage) -> str | None:
    return page.keep_in_touch.table.currentIndex().siblingAtColumn(0).data()
