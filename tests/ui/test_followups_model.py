"""The open follow-ups as a tree model over a real database file: four groups with their
counts, each filled a page at a time as it is expanded and scrolled."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.store.interactions import log_interaction, mark_followups_done
from desktop_app.store.records import InteractionInput
from desktop_app.ui.common.labels import format_date
from desktop_app.ui.common.roles import CONTACT_ID_ROLE, GROUP_ROLE, ID_ROLE
from desktop_app.ui.followups.model import FollowUpTreeModel
from tests.ui.contacts_helpers import TODAY


def due(database, contact_id: int, days: int, kind: str = "email") -> int:  # type: ignore[no-untyped-def]
    """A follow-up due ``days`` from today, after an interaction today (or on its due day)."""
    occurred = min(TODAY, TODAY + dt.timedelta(days=days))
    return log_interaction(
        database,
        InteractionInput(contact_id, occurred, kind=kind, followup_due=TODAY + dt.timedelta(days)),
    ).value


def group_titles(model: FollowUpTreeModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def children(model: FollowUpTreeModel, key: str) -> list[str]:
    group = model.group_index(key)
    while model.canFetchMore(group):
        model.fetchMore(group)
    return [model.index(row, 0, group).data() for row in range(model.rowCount(group))]


def test_each_group_counts_its_follow_ups_and_lists_them(
    qtmodeltester, network, database, network_reader
) -> None:
    due(database, network["Bob"], 0, "call")
    due(database, network["Chen"], 3)
    due(database, network["Emil"], 30)
    done = due(database, network["Emil"], 2)
    mark_followups_done(database, [done])
    model = FollowUpTreeModel()
    model.set_reader(network_reader)
    assert group_titles(model) == ["Overdue · 1", "Today · 1", "This week · 1", "Later · 1"]
    assert model.index(0, 0).data(GROUP_ROLE) == "overdue"
    assert model.hasChildren(model.group_index("today"))
    assert model.rowCount(model.group_index("today")) == 0  # read when first shown
    assert children(model, "overdue") == ["Ada Lovelace"]
    assert children(model, "today") == ["Bob Builder"]
    assert children(model, "this_week") == ["Chen Wei"]
    assert children(model, "later") == ["Emil Zola"]
    ada = model.index(0, 0, model.group_index("overdue"))
    assert [model.index(0, column, model.group_index("overdue")).data() for column in range(4)] == [
        "Ada Lovelace",
        format_date(TODAY - dt.timedelta(days=1)),
        f"Coffee, {format_date(TODAY - dt.timedelta(days=10))}",
        "Helix Cloud",
    ]
    assert ada.data(CONTACT_ID_ROLE) == network["Ada"]
    assert ada.data(ID_ROLE) is not None
    assert not model.flags(model.group_index("today")) & Qt.ItemFlag.ItemIsSelectable
    assert model.flags(ada) & Qt.ItemFlag.ItemIsSelectable
    qtmodeltester.check(model)


def test_a_long_group_is_read_a_page_at_a_time(qtbot, network, database, network_reader) -> None:
    for days in range(1, 6):
        due(database, network["Bob"], -days)
    model = FollowUpTreeModel()
    model.PAGE = 2
    model.set_reader(network_reader)
    overdue = model.group_index("overdue")
    assert overdue.data() == "Overdue · 6"  # Ada's and Bob's five
    pages: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: pages.append((first, last)))
    while model.canFetchMore(overdue):
        model.fetchMore(overdue)
    assert pages == [(0, 1), (2, 3), (4, 5)]
    # Each once, the longest overdue first (Ada's was due yesterday, as was one of Bob's).
    assert [model.index(row, 1, overdue).data() for row in range(6)] == [
        format_date(TODAY - dt.timedelta(days=days)) for days in (5, 4, 3, 2, 1, 1)
    ]


def test_reloading_follows_a_follow_up_done_meanwhile(network, database, network_reader) -> None:
    model = FollowUpTreeModel()
    model.set_reader(network_reader)
    assert children(model, "overdue") == ["Ada Lovelace"]
    ada = model.index(0, 0, model.group_index("overdue")).data(ID_ROLE)
    mark_followups_done(database, [ada])
    model.reload()
    assert group_titles(model) == ["Overdue · 0", "Today · 0", "This week · 0", "Later · 0"]
    assert not model.hasChildren(model.group_index("overdue"))
