"""The Dashboard page over the demo data, an empty database and one without a goal."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel

from desktop_app.insights.figures import Figure
from desktop_app.insights.verdicts import VERDICT_LABELS
from desktop_app.ui.common.background import BackgroundTask
from desktop_app.ui.dashboard import loading
from desktop_app.ui.dashboard.cards import figure_status
from desktop_app.ui.dashboard.review_model import ReviewModel
from tests.ui.conftest import make_window
from tests.ui.dashboard_helpers import wait_settled
from tests.ui.dialogs import when_dialog_opens

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _figure(key: str, value: float | None, target: float | None, unit: str = "%") -> Figure:
    return Figure(key, key, value, unit, target, "", ("why",))


def test_a_target_is_met_or_not_in_words() -> None:
    today = dt.date(2026, 11, 15)  # half of November's 30 days
    assert figure_status(_figure("aligned_share", 40, None), today) == ("", "")
    assert figure_status(_figure("higher_level_share", 25, 25), today) == (
        "met",
        "Aim: at least 25%: met",
    )
    assert figure_status(_figure("higher_level_share", 24.9, 25), today)[0] == "missed"
    assert figure_status(_figure("new_territory_share", None, 20), today) == (
        "",
        "Aim: at least 20%",
    )
    # Hours against the month's time budget, a ceiling.
    assert figure_status(_figure("hours_this_month", 12, 12, "h"), today) == (
        "met",
        "Budget 12.0 h this month: 0.0 h left",
    )
    status, words = figure_status(_figure("hours_this_month", 12.5, 12, "h"), today)
    assert status == "missed"
    assert words == "Budget 12.0 h this month: over by 0.5 h"


def test_the_demo_network_at_a_glance(qtbot, window, qtmodeltester) -> None:
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    assert page.pages.currentWidget() is page.content
    cards = page.content.figure_cards()
    assert [card.figure.key for card in cards] == [f.key for f in page.view.dashboard.figures]
    for card in cards:
        assert card.value.text() == card.figure.text
        assert card.toolTip().startswith(card.figure.reasons[0])
        assert card.value.textFormat() == Qt.TextFormat.PlainText
        if card.status:  # met or not, in words as well as colour
            assert card.target.text().endswith(("met", "left")) or "over by" in card.target.text()
    views = {view.objectName() for view in page.findChildren(QChartView)}
    assert views == {"growthChartView", "mixChart", "kindsChart"}
    assert page.content.review.model.rowCount() > 0
    qtmodeltester.check(page.content.review.model)
    assert page.content.goal_line.text().startswith("Goal: ")


def test_the_cards_wrap_on_a_narrow_window(qtbot, window) -> None:
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    assert page.content.cards.columns_for(1000) == 4
    assert page.content.cards.columns_for(460) == 2
    assert page.content.cards.columns_for(200) == 1


def test_an_empty_review_model_is_a_valid_model(qtmodeltester) -> None:
    model = ReviewModel()
    qtmodeltester.check(model)
    assert model.rowCount() == 0


def test_reading_happens_off_the_gui_thread_and_keeps_the_figures_shown(
    qtbot, window, monkeypatch
) -> None:
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    threads: list[threading.Thread] = []
    real = loading.load_view

    def recording(database):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return real(database)

    monkeypatch.setattr(loading, "load_view", recording)
    cards_before = list(page.content.cards.items)
    with qtbot.waitSignal(page.loaded, timeout=15_000):
        page.reload()
        # Until the result arrives (by a queued signal), the old figures stay on screen.
        assert isinstance(page.task, BackgroundTask)
        assert page.pages.currentWidget() is page.content
        assert page.content.cards.items == cards_before
        assert page.content.freshness.text() == "Updating…"
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert page.content.freshness.text().startswith("As of ")


def test_an_empty_database_points_to_adding_and_importing_contacts(qtbot, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    assert page.pages.currentWidget() is page.state
    assert page.state.heading.text() == "Your network at a glance"
    assert "import" in page.state.body.text()
    assert page.state.shown_buttons() == ["goal", "add", "import"]  # no goal either
    assert "set your goal" in page.state.body.text()
    assert page.content is None  # neither figures nor charts were built
    closed = when_dialog_opens(lambda dialog: dialog.reject(), QDialog)
    qtbot.mouseClick(page.state.buttons["add"], Qt.MouseButton.LeftButton)
    assert closed and closed[0].objectName() == "contactDialog"
    assert window.current_page().name == "contacts"
    window.close()


def test_contacts_without_a_goal_point_to_the_goal_wizard(qtbot, db_path: Path) -> None:
    from desktop_app.store.contacts import create_contact
    from desktop_app.store.database import open_database
    from desktop_app.store.records import ContactInput
    from desktop_app.ui.goal.wizard.wizard import GoalWizard

    db = open_database(str(db_path))
    create_contact(db, ContactInput(first_name="Ada", last_name="Lovelace"))
    db.close()
    window = make_window(qtbot, db_path)
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    assert page.state.heading.text() == "Set your goal first"
    assert page.state.shown_buttons() == ["goal", "import"]
    closed = when_dialog_opens(lambda wizard: wizard.reject(), GoalWizard)
    qtbot.mouseClick(page.state.buttons["goal"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(closed))
    assert window.current_page().name == "goal"
    window.close()


def test_the_review_is_reached_and_used_with_the_keyboard(qtbot, window) -> None:
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    tree = page.content.review.tree
    assert tree.focusPolicy() & Qt.FocusPolicy.TabFocus
    for button in page.content.review.buttons.values():
        assert not button.isEnabled()  # nobody chosen yet
    tree.setFocus()
    group = page.content.review.model.index(0, 0)
    tree.setCurrentIndex(group)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert page.content.review.current_contact() is not None
    assert all(button.isEnabled() for button in page.content.review.buttons.values())
    detail: QLabel = page.content.review.detail
    assert detail.textFormat() == Qt.TextFormat.PlainText
    assert (
        detail.text()
        .splitlines()[0]
        .startswith(page.content.review.model.entry(tree.currentIndex()).name)
    )


def test_a_hidden_dashboard_reads_only_once_shown(qtbot, window) -> None:
    window.show_page("contacts")
    page = window.page("dashboard")
    qtbot.waitUntil(lambda: not window.insights.busy and not page.reading, timeout=15_000)
    with qtbot.waitSignal(window.insights.updated, timeout=15_000):
        window.insights.request(now=True)
    assert page.task is None  # scores changed, but nobody looks at the dashboard
    window.show_page("dashboard")
    assert isinstance(page.task, BackgroundTask)  # shown again: it reads what changed
    wait_settled(qtbot, window)
    assert page.pages.currentWidget() is page.content


def test_cards_and_charts_follow_a_dark_palette(qtbot, window) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.dashboard.colors import met_color

    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    light = QApplication.palette()
    dark = QPalette(light)
    for role, color in (
        (QPalette.ColorRole.Window, "#2b2b2b"),
        (QPalette.ColorRole.WindowText, "#e0e0e0"),
        (QPalette.ColorRole.Base, "#1e1e1e"),
        (QPalette.ColorRole.Text, "#e0e0e0"),
    ):
        dark.setColor(role, QColor(color))

    def met_card_color() -> QColor:
        card = next(c for c in page.content.figure_cards() if c.status == "met")
        return card.target.palette().color(QPalette.ColorRole.Text)

    assert met_card_color() == met_color(light)
    QApplication.setPalette(dark)
    try:
        qtbot.waitUntil(lambda: met_card_color() == met_color(dark), timeout=5000)
        qtbot.waitUntil(
            lambda: any(
                view.chart().backgroundBrush().color() == QColor("#1e1e1e")
                for view in page.findChildren(QChartView, "mixChart")
            ),
            timeout=5000,
        )
    finally:
        QApplication.setPalette(light)


def test_the_growth_legend_escapes_the_users_measure_names(qtbot) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_app.insights.growth import MeasureGrowth
    from desktop_app.ui.dashboard.charts import growth_legend

    measure = MeasureGrowth(
        "<b>Coffees</b> & calls per month", "meetings", 4, "monthly", 4.0, (), 0, "behind", ()
    )
    legend = growth_legend([measure], QApplication.palette())
    assert "&lt;b&gt;Coffees&lt;/b&gt; &amp; calls per month" in legend
    assert "<b>" not in legend
    assert "target 4 a month" in legend


def test_after_archiving_nobody_else_is_chosen_so_the_key_again_archives_nobody(
    qtbot, window
) -> None:
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    review = page.content.review
    group = review.model.groups[0]
    first, second = group.entries[0], group.entries[1]
    assert review.select_contact(first.contact_id)
    review.tree.setFocus()
    qtbot.keyClick(review.tree, Qt.Key.Key_A, CTRL_SHIFT)
    qtbot.waitUntil(lambda: review.model.index_of(first.contact_id).row() == -1, timeout=15_000)
    assert window.statusBar().currentMessage() == f"Archived {first.name} — Ctrl+Z to undo"
    assert review.current_contact() is None
    assert not review.buttons["archive"].isEnabled()
    assert review.detail.isHidden()
    qtbot.keyClick(review.tree, Qt.Key.Key_A, CTRL_SHIFT)  # the same key again: nobody
    assert review.model.index_of(second.contact_id).isValid()
    assert window.undo_stack.count() == 1


def test_a_screenshot_waits_for_the_figures_and_charts(window) -> None:
    window.show_page("dashboard")
    page = window.page("dashboard")
    page.reload()  # a reading under way, maybe another after it (the scores' refresh)
    assert page.wait_until_loaded()
    assert page.view is not None and not page.reading
    assert page.content.charts is not None and page.content.charts.mix.chart_name() == "mixChart"


def test_the_rest_of_a_long_group_opens_on_the_contacts_page(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(loading, "SHOWN_PER_GROUP", 3)  # every demo group is longer
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    review = page.content.review
    group = review.model.index(0, 0)
    listed = review.model.rowCount(group)
    more = review.model.index(listed - 1, 0, group)
    verdict = review.model.group(group).verdict
    assert more.data().startswith("… and ") and review.model.entry(more) is None
    review.tree.setCurrentIndex(more)
    review.tree.setFocus()
    qtbot.keyClick(review.tree, Qt.Key.Key_Return)
    contacts = window.current_page()
    assert contacts.name == "contacts"
    assert contacts.filter_bar.verdict.currentData() == verdict
    label = VERDICT_LABELS[verdict]
    column = [c.key for c in contacts.model.columns].index("verdict")
    qtbot.waitUntil(lambda: contacts.model.rowCount() > 0)
    shown = [contacts.model.index(row, column).data() for row in range(contacts.model.rowCount())]
    assert set(shown) == {label}
    # The review counts active and dormant contacts; the page shows those not archived.
    assert len(shown) >= review.model.group(group).total


def test_the_review_is_the_first_thing_on_the_dashboard(qtbot, window) -> None:
    window.resize(1180, 760)
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    content = page.content
    review = content.review

    def top(widget) -> int:  # type: ignore[no-untyped-def]
        return widget.mapTo(content.body, widget.rect().topLeft()).y()

    # Seen without scrolling, above the figures and the charts.
    assert content.verticalScrollBar().value() == 0
    assert review.heading.text() == "Are you networking with the wrong people?"
    assert top(review.tree) < content.viewport().height()
    assert top(review) < top(content.cards) < top(content.charts)


def test_the_reviews_headline_and_titles_say_what_each_group_is(qtbot, window) -> None:
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    model = page.content.review.model
    moving_on = sum(g.total for g in model.groups if g.verdict == "move_on")
    giving_first = sum(g.total for g in model.groups if g.verdict == "give_first")
    assert moving_on and giving_first
    summary = page.content.review.summary.text()
    assert summary.startswith(
        f"{moving_on:,} contacts take your time and give nothing back toward your goal: "
        f"move on from them. Give first to {giving_first:,} contacts: they helped you or fit "
        "your goal; offer help before you ask again."
    )
    titles = [model.index(row, 0).data() for row in range(model.rowCount())]
    give_first = [t for t in titles if t.startswith("Give first")]
    assert give_first and all("they help you" in t or "they fit your goal" in t for t in give_first)
    assert all(
        t.startswith("Move on: ") and ("never give back" in t or "off your goal" in t)
        for t in titles
        if not t.startswith("Give first")
    )
