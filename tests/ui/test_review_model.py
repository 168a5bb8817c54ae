"""The dashboard's review as a tree model over the hand-made network of ``tests/scenario``:
each wrong person under the reason a person would give, with every reason at hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument

from desktop_app.store.contacts import create_contact
from desktop_app.store.dashboard import load_dashboard
from desktop_app.store.interactions import log_interaction
from desktop_app.store.records import ContactInput, InteractionInput
from desktop_app.ui.dashboard.loading import load_view
from desktop_app.ui.dashboard.review_model import (
    ALIGNMENT,
    CONTACT_ID_ROLE,
    FLAG_ROLE,
    REASON,
    REASONS_ROLE,
    ReviewModel,
)
from tests.scenario.wrong_people_network import NETWORK, write_network
from tests.ui.dashboard_helpers import GROUP_OF, contact_ids, groups_in

WRONG = {name: facts for name, facts in NETWORK.items() if facts[2] in ("move_on", "give_first")}


@pytest.fixture
def scenario_database(db_path: Path, database):  # type: ignore[no-untyped-def]
    write_network(db_path)
    return database


def as_read(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def test_each_wrong_person_is_under_the_reason_a_person_would_give(
    qtmodeltester, db_path: Path, scenario_database
) -> None:
    view = load_view(scenario_database)
    model = ReviewModel()
    model.set_review(view.dashboard.review, view.reasons)
    qtmodeltester.check(model)
    expected: dict[str, list[str]] = {}
    for name, (_fields, _interactions, verdict, basis, _phrase) in WRONG.items():
        expected.setdefault(GROUP_OF[(verdict, basis)], []).append(name)
    assert groups_in(model) == expected
    assert list(groups_in(model)) == [t for t in GROUP_OF.values() if t in expected]
    ids = contact_ids(db_path)
    for name, (_fields, _interactions, _verdict, basis, phrase) in WRONG.items():
        index = model.index_of(ids[name])
        assert index.data() == name
        assert index.data(CONTACT_ID_ROLE) == ids[name]
        assert index.data(FLAG_ROLE) == basis
        reasons = index.data(REASONS_ROLE)
        assert any(phrase in reason for reason in reasons), (name, reasons)
        tooltip = as_read(index.data(Qt.ItemDataRole.ToolTipRole))
        assert tooltip == "\n".join(reasons)  # every reason, as written
        why = index.siblingAtColumn(REASON).data()
        assert why in reasons
        alignment = index.siblingAtColumn(ALIGNMENT)
        assert alignment.data().isdigit()
        assert alignment.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_a_group_title_gives_its_size_and_what_to_do(scenario_database) -> None:
    model = ReviewModel()
    view = load_view(scenario_database)
    model.set_review(view.dashboard.review, view.reasons)
    title = model.index(0, 0).data()
    assert title.startswith("Move on: they take and never give back (1) — ")
    assert model.index(0, 0).data(CONTACT_ID_ROLE) is None
    assert model.index(0, REASON).data() == model.groups[0].advice


def test_people_not_read_yet_are_one_row_that_says_how_many(
    db_path: Path, scenario_database
) -> None:
    fields, interactions, *_expected = NETWORK["Tom Baker"]
    twin = create_contact(
        scenario_database, ContactInput(first_name="Tim", last_name="Baker", **fields)
    ).value
    for interaction in interactions:
        log_interaction(scenario_database, InteractionInput(twin, **interaction))
    dashboard = load_dashboard(scenario_database, review_first=1)
    model = ReviewModel()
    model.set_review(dashboard.review, {})
    group = model.index(0, 0)
    assert group.data().startswith("Move on: they take and never give back (2) — ")
    assert model.rowCount(group) == 2
    first, more = model.index(0, 0, group), model.index(1, 0, group)
    assert first.data() in ("Tim Baker", "Tom Baker")  # as aligned as each other
    assert more.data() == "… and 1 more (Contacts page, verdict Move on)"
    assert more.data(CONTACT_ID_ROLE) is None
    assert model.flags(more) & Qt.ItemFlag.ItemIsSelectable  # Enter opens the Contacts page
    ids = contact_ids(db_path)
    assert model.index_of(ids[first.data()]) == first
    (unread,) = {ids["Tim Baker"], ids["Tom Baker"]} - {ids[first.data()]}
    assert not model.index_of(unread).isValid()
