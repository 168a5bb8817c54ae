"""The Dashboard's "Keeping in touch" card: who is overdue and how many of them are aligned,
updated after a write, a zero state that says how cadences work, and the way to the list."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from desktop_app.store import keep_in_touch
from desktop_app.ui.common.services import Services
from tests.ui.dashboard_helpers import wait_settled
from tests.ui.dialogs import reactivate

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_card_counts_the_overdue_and_follows_a_logged_touch(qtbot, window) -> None:
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    database = window.database()
    overdue, aligned = keep_in_touch.overdue_counts(database)
    assert overdue > aligned > 0  # the demo network has both
    card = page.content.cards.items[0]
    assert card is page.content.touch_card
    assert card.title.text() == "Keeping in touch"
    assert card.value.text() == f"{overdue} overdue"
    assert card.aligned.text() == f"{aligned} of them aligned with your goal"
    said = f"Keeping in touch: {overdue} overdue, {aligned} of them aligned"
    assert card.accessibleName() == said
    assert card.value.textFormat() == Qt.TextFormat.PlainText

    # Help offered from the review is an interaction: that contact's clock starts again.
    due = set(keep_in_touch.read_overdue_ids(database))
    review = page.content.review
    entry = next(e for g in review.model.groups for e in g.entries if e.contact_id in due)
    assert review.select_contact(entry.contact_id)
    review.tree.setFocus()
    qtbot.keyClick(review.tree, Qt.Key.Key_H, CTRL_SHIFT)
    qtbot.waitUntil(lambda: card.value.text() == f"{overdue - 1} overdue", timeout=15_000)
    assert keep_in_touch.overdue_counts(database)[0] == overdue - 1


def test_nobody_overdue_says_how_cadences_work_and_the_card_leads_to_the_list(
    qtbot, demo_database
) -> None:
    from desktop_app.store.scores import ensure_insights_current
    from desktop_app.ui.dashboard.page import DashboardPage

    today = dt.date.today()
    ensure_insights_current(demo_database, today)  # due days follow the verdicts
    everyone = keep_in_touch.read_overdue_ids(demo_database, today)
    keep_in_touch.snooze_contacts(demo_database, everyone, today + dt.timedelta(days=30))
    asked: list[tuple[str, dict[str, object]]] = []
    services = Services.standalone(navigate=lambda name, **intent: asked.append((name, intent)))
    page = DashboardPage(services)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.set_database(demo_database)
    page.show()
    reactivate(qtbot, page)
    qtbot.waitUntil(lambda: page.view is not None and not page.reading, timeout=15_000)
    card = page.content.touch_card
    assert card.value.text() == "Nobody overdue"
    assert card.aligned.isHidden()
    assert card.caption.text().startswith("Everyone has a cadence: their own, else their tags'")
    assert card.accessibleName() == "Keeping in touch: nobody overdue"

    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Space)
    qtbot.keyClick(card, Qt.Key.Key_Return)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card, Qt.MouseButton.RightButton)  # only a left click leads on
    assert asked == [("followups", {"show": "keep_in_touch"})] * 3


def test_in_the_window_the_card_opens_the_list_on_its_most_valuable_contact(qtbot, window) -> None:
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    card = page.content.touch_card
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    followups = window.current_page()
    assert followups.name == "followups"
    listed = followups.keep_in_touch
    first = keep_in_touch.read_overdue_ids(window.database())[0]
    assert listed.table.hasFocus() or not window.isActiveWindow()
    current = listed.table.currentIndex()
    assert current.row() == 0
    assert listed.model.row_id(0) == first
