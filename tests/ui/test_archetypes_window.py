"""The article's archetypes (``tests/data/scenarios/archetypes.toml``) in the window: the
Dashboard's review lists each wrong person under the reason a person would give, and a
logged referral, a changed setting or a dismissed flag changes the verdicts visibly;
the Contacts page's fit breakdown shows the help toward the goal with its points."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.ui.common.interaction_dialog import InteractionDialog
from desktop_app.ui.shell.settings_dialog import SettingsDialog
from tests.scenario.archetypes import PEOPLE, write_archetypes
from tests.ui.conftest import make_window
from tests.ui.dashboard_helpers import GROUP_OF, choose, contact_ids, review_groups, wait_settled
from tests.ui.dialogs import reactivate, when_dialog_opens

TIME_SINK = GROUP_OF[("move_on", "time_sink")]
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def archetypes(qtbot, db_path: Path):  # type: ignore[no-untyped-def]
    """The main window on the Dashboard over the archetypes, its review settled."""
    write_archetypes(db_path)
    window = make_window(qtbot, db_path)
    window.show_page("dashboard")
    page = wait_settled(qtbot, window)
    yield window, page
    window.close()


def test_the_review_lists_each_archetype_under_the_reason_a_person_would_give(
    archetypes,
) -> None:
    _window, page = archetypes
    expected: dict[str, list[str]] = {}
    for name, person in PEOPLE.items():
        if person.verdict in ("move_on", "give_first"):
            expected.setdefault(GROUP_OF[(person.verdict, person.basis)], []).append(name)
    assert review_groups(page) == expected
    ids = contact_ids(page.database.path)
    for name, person in PEOPLE.items():
        if person.verdict not in ("move_on", "give_first"):
            continue
        choose(page, ids[name])
        detail = page.content.review.detail.text()
        assert name in detail and person.reason in detail, (name, detail)


def fit_of(qtbot, window, name: str):  # type: ignore[no-untyped-def]
    """The Contacts page showing ``name``, once their fit breakdown is filled."""
    contact = contact_ids(window.page("dashboard").database.path)[name]
    window.show_page("contacts")
    contacts = window.page("contacts")
    qtbot.waitUntil(lambda: contacts.model.row_of(contact) is not None)
    assert contacts.select_contact(contact)
    qtbot.waitUntil(lambda: contacts.detail.name.text() == name)
    fit = contacts.detail.fit
    qtbot.waitUntil(lambda: "goal_help" in fit.part_points and fit.isVisible())
    return contacts, fit


def test_the_fit_breakdown_shows_the_help_toward_the_goal_with_points_and_why(
    qtbot, archetypes
) -> None:
    window, _page = archetypes
    _contacts, fit = fit_of(qtbot, window, "Olga Petrova")
    qtbot.waitUntil(lambda: fit.score.text() == "Alignment 63/100")
    assert fit.part_points["goal_help"].text() == "+45 of 45"
    assert fit.part_reasons["goal_help"].text() == (
        "3 referrals or introductions from them in the last 12 months (15 points each, at most 45)."
    )
    assert fit.part_points["location"].text() == "9 of 9"
    assert fit.part_reasons["location"].text() == (
        "Based in Berlin, one of your target locations (Berlin)."
    )
    assert fit.part_points["can_help"].text() == "+0 of 10"
    assert fit.verdict.text() == "Verdict: Prioritise"


def test_a_referral_logged_in_the_window_takes_the_time_sink_off_the_review(
    qtbot, archetypes
) -> None:
    window, page = archetypes
    assert review_groups(page)[TIME_SINK] == ["Walter Grey"]
    contacts, fit = fit_of(qtbot, window, "Walter Grey")
    assert "⚠ Time sink: 6.0 hours spent together" in fit.signs.text()

    def referral(dialog: InteractionDialog) -> None:
        dialog.kind.setCurrentIndex(dialog.kind.findData("referral"))
        dialog.initiated.setCurrentIndex(dialog.initiated.findData("them"))
        dialog.received.setCurrentIndex(dialog.received.findData("small"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()

    reactivate(qtbot, window)
    when_dialog_opens(referral, InteractionDialog)
    qtbot.keyClick(contacts.table, Qt.Key.Key_L, CTRL)
    qtbot.waitUntil(lambda: fit.part_points["goal_help"].text() == "+15 of 45", timeout=15_000)
    assert "Time sink" not in fit.signs.text()
    assert fit.verdict.text() == "Verdict: Nurture"
    window.show_page("dashboard")
    qtbot.waitUntil(lambda: TIME_SINK not in review_groups(page), timeout=15_000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: review_groups(page).get(TIME_SINK) == ["Walter Grey"], timeout=15_000)


def test_more_hours_before_a_time_sink_in_settings_take_walter_off_the_review(
    qtbot, archetypes
) -> None:
    window, page = archetypes
    seen: dict[str, float] = {}

    def raise_the_mark(dialog: SettingsDialog) -> None:
        spin = dialog.spins["time_sink_hours"]
        seen["default"] = spin.value()
        spin.setValue(12)
        dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
        seen["restored"] = spin.value()
        spin.setValue(7)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    reactivate(qtbot, window)
    when_dialog_opens(raise_the_mark, SettingsDialog)
    window.actions["settings"].trigger()
    assert seen == {"default": 5.0, "restored": 5.0}
    qtbot.waitUntil(lambda: TIME_SINK not in review_groups(page), timeout=15_000)
    assert "Walter Grey" not in str(review_groups(page))


def test_dismissing_the_time_sink_takes_walter_off_the_review_until_undone(
    qtbot, archetypes
) -> None:
    window, page = archetypes
    choose(page, contact_ids(page.database.path)["Walter Grey"])
    page.content.review.tree.setFocus()
    reactivate(qtbot, window)
    qtbot.keyClick(
        page.content.review.tree,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: TIME_SINK not in review_groups(page), timeout=15_000)
    assert window.undo_stack.undoText() == "Dismiss “Time sink” for Walter Grey"
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: review_groups(page).get(TIME_SINK) == ["Walter Grey"], timeout=15_000)
