"""The goal wizard over a goal that another window saved meanwhile: refused, answers kept."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.store.goals import list_goal_versions, read_active_goal, save_goal_version
from desktop_app.ui.goal.wizard.wizard import GoalWizard
from desktop_app.ui.shell.application import create_application
from tests.ui.dialogs import when_dialog_opens
from tests.ui.wizard_driver import FINISH, NEXT, click, show_wizard


def test_a_goal_saved_elsewhere_meanwhile_is_not_replaced(qtbot, demo_database) -> None:
    create_application()
    active = read_active_goal(demo_database)
    assert active is not None
    wizard = show_wizard(qtbot, GoalWizard(demo_database, active.profile, active.pitch))
    for _ in range(6):
        click(qtbot, wizard, NEXT)
    # Another window saves its goal while this wizard is open.
    save_goal_version(demo_database, GoalProfile(statement="Theirs"), PitchDraft())
    seen: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text() + " " + box.informativeText())
        box.accept()

    when_dialog_opens(read_and_close, QMessageBox)
    click(qtbot, wizard, FINISH)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert "The goal was changed elsewhere meanwhile — reload" in seen[0]
    assert wizard.isVisible() and wizard.currentPage() is wizard.summary_page
    assert [v.version for v in list_goal_versions(demo_database)] == [2, 1]
    now = read_active_goal(demo_database)
    assert now is not None and now.profile.statement == "Theirs"
    wizard.done(0)
