"""The hand-made network of ``tests/scenario`` seen through the Dashboard page: each wrong
person under the reason a person would give, the figures of that network, and the
review's one-click actions with their effects in the store and on the other pages."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCalendarWidget, QDialog

from desktop_app.ui.common.roles import CONTACT_ID_ROLE as FOLLOWUP_CONTACT_ROLE
from tests.scenario.wrong_people_network import NETWORK
from tests.ui.dashboard_helpers import GROUP_OF, choose, contact_ids, query, review_groups
from tests.ui.dialogs import reactivate, when_dialog_opens

pytestmark = pytest.mark.both_databases


def test_each_wrong_person_is_listed_under_the_reason_a_person_would_give(scenario) -> None:
    _window, page = scenario
    groups = review_groups(page)
    expected: dict[str, list[str]] = {}
    for name, (_fields, _interactions, verdict, basis, _phrase) in NETWORK.items():
        if verdict in ("move_on", "give_first"):
            expected.setdefault(GROUP_OF[(verdict, basis)], []).append(name)
    assert groups == expected
    assert list(groups) == [title for title in GROUP_OF.values() if title in expected]
    # Each person's own reasons, in words, as the command line gives them.
    model = page.content.review.model
    for name, (_fields, _interactions, verdict, _basis, phrase) in NETWORK.items():
        if verdict not in ("move_on", "give_first"):
            continue
        ids = contact_ids(page.database)
        choose(page, ids[name])
        assert page.content.review.detail.isVisible()
        assert name in page.content.review.detail.text()
        assert phrase in page.content.review.detail.text(), (
            name,
            page.content.review.detail.text(),
        )
        entry = model.entry(model.index_of(ids[name]))
        assert entry is not None and entry.verdict == verdict


def test_the_figure_cards_show_the_figures_of_that_network(scenario) -> None:
    _window, page = scenario
    cards = {card.figure.key: card for card in page.content.figure_cards()}
    assert len(cards) == 7
    # Outreach that expected a reply: Priya 1 (replied), Ian 3, Alice 2.
    assert cards["response_rate"].value.text() == "17%"
    assert cards["response_rate"].caption.text().startswith("1 reply to 6 messages")
    # Aligned: Priya, Alice and Gabriel (his referral and introduction count), of eight.
    assert cards["aligned_share"].value.text() == "38%"
    assert cards["aligned_share"].caption.text().startswith("3 of 8 active contacts")
    # Minutes logged this month: whatever of the network's dated interactions fall in it.
    hours = cards["hours_this_month"]
    assert hours.target.text().startswith("Budget ")
    assert hours.status in ("met", "missed")
    assert ("left" in hours.target.text()) == (hours.status == "met")
    # No events in this network: the return-on-time chart says so instead of drawing.
    assert page.content.charts is not None
    assert page.content.charts.kinds.chart_name() == "kindsNoData"
    assert page.content.charts.growth.chart_name() == "growthChart"
    assert page.content.charts.mix.chart_name() == "mixChart"


def test_archiving_removes_the_person_and_undo_brings_them_back(qtbot, scenario) -> None:
    window, page = scenario
    path = page.database
    tom = contact_ids(path)["Tom Baker"]
    choose(page, tom)
    qtbot.mouseClick(page.content.review.buttons["archive"], Qt.MouseButton.LeftButton)
    assert query(path, "SELECT status FROM contacts WHERE id = ?", tom) == [("archived",)]
    qtbot.waitUntil(
        lambda: "Move on: they take and never give back" not in review_groups(page), timeout=15_000
    )
    # The contacts page follows: archived people leave its default view.
    contacts = window.page("contacts")
    assert contacts.model.row_of(tom) is None
    window.undo_stack.undo()
    assert query(path, "SELECT status FROM contacts WHERE id = ?", tom) == [("active",)]
    qtbot.waitUntil(
        lambda: review_groups(page).get("Move on: they take and never give back") == ["Tom Baker"],
        timeout=15_000,
    )


def test_dismissing_the_flag_takes_the_person_off_the_review(qtbot, scenario) -> None:
    window, page = scenario
    path = page.database
    ian = contact_ids(path)["Ian Moore"]
    choose(page, ian)
    page.content.review.tree.setFocus()
    reactivate(qtbot, window)
    qtbot.keyClick(
        page.content.review.tree,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert query(path, "SELECT flag FROM dismissed_flags WHERE contact_id = ?", ian) == [
        ("ignoring_you",)
    ]
    qtbot.waitUntil(
        lambda: "Move on: off your goal and not answering you" not in review_groups(page),
        timeout=15_000,
    )
    assert window.undo_stack.undoText() == "Dismiss “Ignoring you” for Ian Moore"
    window.undo_stack.undo()
    assert query(path, "SELECT count(*) FROM dismissed_flags") == [(0,)]
    qtbot.waitUntil(
        lambda: (
            review_groups(page).get("Move on: off your goal and not answering you") == ["Ian Moore"]
        ),
        timeout=15_000,
    )


def test_a_follow_up_scheduled_from_the_review_is_on_the_follow_ups_page(qtbot, scenario) -> None:
    window, page = scenario
    path = page.database
    walter = contact_ids(path)["Walter Grey"]
    due = dt.date.today() + dt.timedelta(days=5)
    choose(page, walter)

    def pick_date(dialog: QDialog) -> None:
        calendar = dialog.findChild(QCalendarWidget)
        assert calendar.selectedDate() == QDate(dt.date.today() + dt.timedelta(days=3))
        calendar.setSelectedDate(QDate(due.year, due.month, due.day))
        dialog.accept()

    seen = when_dialog_opens(pick_date, QDialog)
    qtbot.mouseClick(page.content.review.buttons["followup"], Qt.MouseButton.LeftButton)
    assert seen
    rows = query(
        path,
        "SELECT followup_due FROM interactions WHERE contact_id = ? AND followup_due IS NOT NULL",
        walter,
    )
    assert rows == [(due.isoformat(),)]
    followups = window.page("followups")
    window.show_page("followups")
    model = followups.model
    listed = []
    for group in range(model.rowCount()):
        parent = model.index(group, 0)
        while model.canFetchMore(parent):
            model.fetchMore(parent)
        listed += [
            model.index(row, 0, parent).data(FOLLOWUP_CONTACT_ROLE)
            for row in range(model.rowCount(parent))
        ]
    assert walter in listed
    window.undo_stack.undo()
    assert query(
        path,
        "SELECT count(*) FROM interactions WHERE contact_id = ? AND followup_due IS NOT NULL",
        walter,
    ) == [(0,)]


def test_an_offer_of_help_is_logged_as_help_given(qtbot, scenario) -> None:
    window, page = scenario
    path = page.database
    alice = contact_ids(path)["Alice Wong"]
    choose(page, alice)
    qtbot.mouseClick(page.content.review.buttons["help"], Qt.MouseButton.LeftButton)
    given = (
        "SELECT initiated_by, help_given FROM interactions "
        "WHERE contact_id = ? AND help_given != 'none'"
    )
    assert query(path, given, alice) == [("me", "small")]
    assert window.undo_stack.undoText() == "Log Help Offered to Alice Wong"
    window.undo_stack.undo()
    assert query(path, given, alice) == []


def test_enter_on_a_person_opens_them_on_the_contacts_page(qtbot, scenario) -> None:
    window, page = scenario
    gabriel = contact_ids(page.database)["Gabriel Costa"]
    choose(page, gabriel)
    reactivate(qtbot, window)
    page.content.review.tree.setFocus()
    qtbot.keyClick(page.content.review.tree, Qt.Key.Key_Return)
    assert window.current_page().name == "contacts"
    qtbot.waitUntil(lambda: window.page("contacts").current_contact() == gabriel)
