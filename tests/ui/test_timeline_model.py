"""A contact's timeline and open follow-ups as table models, read from a real database file:
newest first, each cell as a user reads it, the whole note in the tooltip as written."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from desktop_app.store.contact_detail import read_contact_detail
from desktop_app.store.interactions import log_interaction
from desktop_app.store.records import InteractionInput
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.roles import ID_ROLE, SORT_ROLE
from desktop_app.ui.contacts.timeline_model import (
    FOLLOWUP_COLUMNS,
    TIMELINE_COLUMNS,
    InteractionListModel,
)
from desktop_app.validation import MAX_FREE_TEXT
from tests.ui.contacts_helpers import TODAY

NOTE = "<b>Grids</b> & storage\nsecond line: the tender in March"
TITLES = [c.title for c in TIMELINE_COLUMNS]


def row_texts(model: InteractionListModel, row: int) -> dict[str, str]:
    return {c.title: model.index(row, n).data() for n, c in enumerate(model.columns)}


def tooltip_text(model: InteractionListModel, row: int, column: int) -> str:
    """The tooltip as it reads on screen (Qt renders it as rich text)."""
    document = QTextDocument()
    document.setHtml(model.index(row, column).data(Qt.ItemDataRole.ToolTipRole))
    return document.toPlainText()


def test_the_timeline_shows_each_interaction_newest_first(
    qtmodeltester, network, database, network_reader
) -> None:
    call = log_interaction(
        database,
        InteractionInput(
            network["Ada"],
            TODAY - dt.timedelta(days=2),
            kind="call",
            initiated_by="them",
            help_received="medium",
            minutes=90,
            notes=NOTE,
        ),
    ).value
    detail = read_contact_detail(network_reader, network["Ada"])
    assert detail is not None
    model = InteractionListModel(TIMELINE_COLUMNS)
    model.set_records(detail.interactions)
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert [model.headerData(n, Qt.Orientation.Horizontal) for n in range(9)] == TITLES
    assert row_texts(model, 0) == {
        "Date": format_date(TODAY - dt.timedelta(days=2)),
        "Kind": "Call",
        "Initiated": "They did",
        "Reply": "",
        "Help given": "",
        "Help received": "Medium",
        "Time": "1 h 30 min",
        "Follow-up": "",
        "Notes": "<b>Grids</b> & storage",  # the first line, as typed
    }
    assert model.index(0, 0).data(ID_ROLE) == call
    assert tooltip_text(model, 0, 8) == NOTE
    assert row_texts(model, 1)["Kind"] == "Coffee"
    assert row_texts(model, 1)["Follow-up"] == format_date(TODAY - dt.timedelta(days=1))
    assert model.index(1, 0).data(SORT_ROLE) == TODAY - dt.timedelta(days=10)


def test_open_follow_ups_list_only_those_not_done(network, database, network_reader) -> None:
    log_interaction(
        database,
        InteractionInput(
            network["Ada"], TODAY, kind="outreach", followup_due=TODAY + dt.timedelta(days=4)
        ),
    )
    detail = read_contact_detail(network_reader, network["Ada"])
    assert detail is not None
    model = InteractionListModel(FOLLOWUP_COLUMNS)
    model.set_records(detail.open_followups)
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        format_date(TODAY - dt.timedelta(days=1)),
        format_date(TODAY + dt.timedelta(days=4)),
    ]
    assert [model.index(row, 1).data() for row in range(2)] == ["Coffee", "Outreach message"]


def test_a_note_of_millions_of_characters_shows_cut(network, database, network_reader) -> None:
    """Stored before fields had limits: the cell and its tooltip are cut, at once."""
    with closing(sqlite3.connect(database.path)) as connection, connection:
        connection.execute(
            "UPDATE interactions SET notes = ? WHERE contact_id = ?",
            ("x" * 2_000_000, network["Ada"]),
        )
    detail = read_contact_detail(network_reader, network["Ada"])
    assert detail is not None
    model = InteractionListModel(TIMELINE_COLUMNS)
    model.set_records(detail.interactions)
    note = model.index(0, 8).data()
    assert len(note) == MAX_FREE_TEXT + 1 and note.endswith("…")
    assert len(tooltip_text(model, 0, 8)) == MAX_FREE_TEXT + 1
