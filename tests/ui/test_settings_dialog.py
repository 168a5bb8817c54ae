"""Edit → Settings…: thresholds that change the verdicts, defaults, refusals, Cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.insights.settings import DEFAULT_SETTINGS
from desktop_app.store.database import open_database
from desktop_app.store.preferences import Preferences, read_preferences
from desktop_app.ui.shell.settings_dialog import SettingsDialog
from tests.ui.contacts_helpers import cell_of, scored_page, select
from tests.ui.dialogs import reactivate, when_dialog_opens

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel
DEFAULTS = QDialogButtonBox.StandardButton.RestoreDefaults


def stored(db_path: Path) -> Preferences:
    db = open_database(str(db_path))
    try:
        return read_preferences(db)
    finally:
        db.close()


def test_a_lower_one_sided_mark_turns_a_contact_to_move_on(
    qtbot, small_window, db_path: Path
) -> None:
    page = scored_page(qtbot, small_window)
    select(page, "Bob Builder")
    for _ in range(2):  # two points of help, nothing back: not one-sided at 3 points
        qtbot.mouseClick(page.detail.quick_buttons["help_given"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not small_window.insights.busy, timeout=10_000)
    assert cell_of(page, "Bob Builder", "verdict") == "Nurture"

    def lower(dialog: SettingsDialog) -> None:
        assert dialog.spins["one_sided_points"].value() == 3
        dialog.spins["one_sided_points"].setValue(2)
        dialog.spins["follow_up_days"].setValue(5)
        dialog.buttons.button(OK).click()

    reactivate(qtbot, small_window)
    opened = when_dialog_opens(lower, SettingsDialog)
    qtbot.keyClick(small_window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert opened
    qtbot.waitUntil(lambda: cell_of(page, "Bob Builder", "verdict") == "Move on", timeout=10_000)
    qtbot.waitUntil(lambda: page.detail.fit.verdict.text() == "Verdict: Move on")
    assert stored(db_path) == Preferences(DEFAULT_SETTINGS.replace(one_sided_points=2), 5)


def test_restore_defaults_then_cancel_writes_nothing(qtbot, small_window, db_path: Path) -> None:
    seen: dict[str, object] = {}

    def restore(dialog: SettingsDialog) -> None:
        dialog.spins["reply_window_days"].setValue(30)
        dialog.spins["no_return_hours"].setValue(7.5)
        dialog.buttons.button(DEFAULTS).click()
        seen["reply"] = dialog.spins["reply_window_days"].value()
        seen["hours"] = dialog.spins["no_return_hours"].value()
        seen["suffix"] = dialog.spins["reply_window_days"].suffix()
        dialog.spins["aligned_at"].setValue(75)
        dialog.buttons.button(CANCEL).click()

    before = stored(db_path)
    opened = when_dialog_opens(restore, SettingsDialog)
    small_window.actions["settings"].trigger()
    assert opened and seen == {"reply": 14, "hours": 3.0, "suffix": " days"}
    assert stored(db_path) == before == Preferences()


def test_values_that_do_not_fit_together_are_refused_with_a_message(
    qtbot, small_window, db_path: Path
) -> None:
    seen: dict[str, object] = {}

    def refuse(dialog: SettingsDialog) -> None:
        dialog.tabs.setCurrentIndex(0)
        dialog.spins["partly_aligned_at"].setValue(80)  # above "aligned from" (60)
        dialog.buttons.button(OK).click()
        seen["open"] = dialog.isVisible()
        seen["message"] = dialog.error.text() if dialog.error.isVisible() else ""
        seen["tab"] = dialog.tabs.tabText(dialog.tabs.currentIndex())
        dialog.spins["partly_aligned_at"].setValue(30)
        seen["cleared"] = not dialog.error.isVisible()
        for name in ("weight_industry", "weight_company", "weight_role"):
            dialog.spins[name].setValue(0)
        dialog.spins["weight_seniority"].setValue(0)
        dialog.spins["weight_interests"].setValue(0)
        dialog.buttons.button(OK).click()
        seen["weights"] = dialog.error.text() if dialog.isVisible() else ""
        dialog.buttons.button(CANCEL).click()

    when_dialog_opens(refuse, SettingsDialog)
    small_window.actions["settings"].trigger()
    assert seen["open"] and seen["tab"] == "Alignment" and seen["cleared"]
    assert seen["message"] == "“Worth re-engaging from” cannot be above “Aligned from”."
    assert "At least one alignment weight" in str(seen["weights"])
    assert stored(db_path) == Preferences()


def test_the_menu_offers_settings_with_the_preferences_shortcut(small_window) -> None:
    action = small_window.actions["settings"]
    assert action in small_window.menuBar().actions()[1].menu().actions()
    assert action.text() == "Se&ttings…" and not action.shortcut().isEmpty()
