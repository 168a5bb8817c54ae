"""The events table model and an event's attendees model over a real database file: rows
read in blocks, sorting asked of the store, edits repainting their own row."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop_app.store.event_people import event_detail, follow_up_everyone_met
from desktop_app.store.events import (
    EventInput,
    EventQuery,
    create_event,
    delete_event,
    event_ids,
    event_rows,
    set_attendance,
    update_event,
)
from desktop_app.ui.common.dates import format_moment
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.roles import ID_ROLE, SORT_ROLE
from desktop_app.ui.events.attendees_model import AttendeesModel
from desktop_app.ui.events.model import EventTableModel
from tests.ui.contacts_helpers import TODAY, names_in

BLOCK = EventTableModel.BLOCK  # rows read per query while scrolling
NOON = dt.datetime.combine(TODAY, dt.time(12))
BREAKFAST = EventInput("Founders Breakfast", NOON - dt.timedelta(days=3), "meetup", "Café Oz", 2.5)
SUMMIT = EventInput("Grid Summit", NOON + dt.timedelta(days=9), "conference", "Messe", 8.0, 25000)
ALUMNI = EventInput("alumni evening", NOON - dt.timedelta(days=40), "alumni")
NEWEST_FIRST = EventQuery()


def events_table(database, query: EventQuery = NEWEST_FIRST) -> EventTableModel:  # type: ignore[no-untyped-def]
    """The model as the Events page builds it: ids from the store, rows fetched from it."""
    model = EventTableModel(lambda ids: event_rows(database, ids))
    model.set_ids(event_ids(database, query))
    model.sort_requested.connect(
        lambda key, descending: model.reorder(
            event_ids(database, replace(query, sort=key, descending=descending))
        )
    )
    return model


def test_the_models_are_well_behaved_qt_models(qtmodeltester, demo_database) -> None:
    model = events_table(demo_database)
    assert model.rowCount() == 25
    qtmodeltester.check(model)
    attendees = AttendeesModel()
    attendees.set_attendees(event_detail(demo_database, model.row_id(0)).attendees)
    assert attendees.rowCount() > 0
    qtmodeltester.check(attendees)


def test_each_event_reads_as_the_table_shows_it_newest_first(database) -> None:
    ids = {data.name: create_event(database, data) for data in (BREAKFAST, SUMMIT, ALUMNI)}
    model = events_table(database)
    assert names_in(model) == ["Grid Summit", "Founders Breakfast", "alumni evening"]
    titles = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    summit = dict(zip(titles, (model.index(0, n).data() for n in range(len(titles))), strict=True))
    assert summit["Kind"] == "Conference"
    assert summit["Date"] == format_moment(SUMMIT.starts_at)
    assert summit["Place"] == "Messe"
    assert summit["Hours"] == "8 h"
    assert summit["Cost"] != "—" and "250" in summit["Cost"]
    assert (summit["People met"], summit["Follow-ups done"], summit["Outcomes"]) == ("0", "0", "0")
    assert model.index(2, titles.index("Cost")).data() == "—"
    assert model.index(0, 0).data(ID_ROLE) == ids["Grid Summit"]
    assert model.index(0, titles.index("Hours")).data(SORT_ROLE) == 8.0
    right = model.index(0, titles.index("Hours")).data(Qt.ItemDataRole.TextAlignmentRole)
    assert right & Qt.AlignmentFlag.AlignRight


def test_sorting_asks_the_store_and_the_selected_event_follows(qtbot, database) -> None:
    for data in (BREAKFAST, SUMMIT, ALUMNI):
        create_event(database, data)
    model = events_table(database)
    breakfast = QPersistentModelIndex(model.index(1, 0))
    with qtbot.waitSignal(model.sort_requested) as asked:
        model.sort(0, Qt.SortOrder.AscendingOrder)
    assert asked.args == ["name", False]
    assert names_in(model) == ["alumni evening", "Founders Breakfast", "Grid Summit"]  # any case
    assert breakfast.row() == 1 and breakfast.data() == "Founders Breakfast"
    model.sort(4, Qt.SortOrder.DescendingOrder)  # hours
    assert names_in(model) == ["Grid Summit", "Founders Breakfast", "alumni evening"]


def test_rows_are_fetched_a_block_at_a_time(database) -> None:
    for number in range(BLOCK + 10):
        create_event(database, replace(ALUMNI, name=f"Evening {number:03}"))
    asked: list[int] = []

    def fetch(ids):  # type: ignore[no-untyped-def]
        asked.append(len(ids))
        return event_rows(database, ids)

    model = EventTableModel(fetch)
    model.set_ids(event_ids(database, EventQuery(sort="name", descending=False)))
    assert asked == []
    assert model.index(0, 0).data() == "Evening 000"
    assert model.index(BLOCK - 1, 0).data() == f"Evening {BLOCK - 1:03}"
    assert asked == [BLOCK]
    assert model.index(BLOCK + 9, 0).data() == f"Evening {BLOCK + 9:03}"
    assert asked == [BLOCK, 10]


def test_an_edit_repaints_its_row_and_a_deletion_removes_only_it(qtbot, database) -> None:
    ids = {data.name: create_event(database, data) for data in (BREAKFAST, SUMMIT, ALUMNI)}
    model = events_table(database)
    changed: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda first, last, _roles: changed.append((first.row(), last.row())))
    update_event(database, ids["Founders Breakfast"], replace(BREAKFAST, place="Kulturbrauerei"))
    with qtbot.assertNotEmitted(model.modelReset):
        model.refresh_rows([ids["Founders Breakfast"]])
    assert changed == [(1, 1)]
    assert model.index(1, 3).data() == "Kulturbrauerei"
    removed: list[tuple[int, int]] = []
    model.rowsRemoved.connect(lambda _parent, first, last: removed.append((first, last)))
    delete_event(database, ids["Grid Summit"])
    model.remove_ids([ids["Grid Summit"]])
    assert removed == [(0, 0)]
    assert names_in(model) == ["Founders Breakfast", "alumni evening"]


def test_the_attendees_say_who_was_met_and_their_follow_up(network, database) -> None:
    event = create_event(database, BREAKFAST)
    set_attendance(database, event, network["Chen"], "met")
    set_attendance(database, event, network["Bob"], "planned")
    follow_up_everyone_met(database, event, TODAY + dt.timedelta(days=2))
    model = AttendeesModel()
    model.set_attendees(event_detail(database, event).attendees)
    rows = {
        model.index(row, 0).data(): [model.index(row, n).data() for n in range(1, 5)]
        for row in range(model.rowCount())
    }
    in_two_days = format_date(TODAY + dt.timedelta(days=2))
    assert rows == {
        "Chen Wei": ["Solaria Power", "Met", f"Follow-up due {in_two_days}", ""],
        "Bob Builder": ["Acme", "Plan to meet", "", ""],
    }
    chen = names_in(model).index("Chen Wei")
    assert model.contact_id(chen) == network["Chen"]
    assert model.headerData(2, Qt.Orientation.Horizontal) == "At the event"
