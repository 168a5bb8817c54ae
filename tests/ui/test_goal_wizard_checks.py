"""The wizard's checks say what is missing, and two pages never disagree on one sentence."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from desktop_app.insights.goal_profile import PitchDraft, PitchParts
from desktop_app.store.goals import read_active_goal
from desktop_app.ui.goal.wizard.wizard import GoalWizard
from desktop_app.ui.shell.application import create_application
from tests.ui.dialogs import when_dialog_opens
from tests.ui.wizard_driver import (
    NEXT,
    click,
    next_blocked_with,
    page_messages,
    retype,
    show_wizard,
    untouched_and_blocked,
)

PARTS = {
    "who": "I'm a data engineer with five years in banking IT.",
    "offer": "I build the kind of data pipelines that analysts trust, and I can share how.",
    "look_for": "I'm looking for a data engineering role at a renewable energy company.",
    "why": "The grid runs on data now.",
    "ask": "Who on your team should I talk to?",
}


def test_a_vague_goal_is_told_what_it_lacks(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    create_application()
    wizard = show_wizard(qtbot, GoalWizard(database))
    page = wizard.goal_type_page
    retype(qtbot, page.statement, "I want to get a better job soon")
    assert page_messages(wizard) == [
        "To go on: “I want to get a better job soon” is not precise yet: say which role or "
        "field (e.g. “data engineer”, “in renewable energy”), where (a city, the kind of "
        "company, or “remote”) and by when (a date or a time frame, e.g. “by June”, “within "
        "six months”). “Soon” is not a date."
    ]
    assert next_blocked_with(wizard, "not precise yet")
    # One part missing is a warning: the sentence may say it in words the check lacks.
    retype(qtbot, page.statement, "Become head of product at a climate-tech company")
    assert wizard.button(NEXT).isEnabled()
    assert page_messages(wizard) == [
        "Warning: “Become head of product at a climate-tech company” is not precise yet: say "
        "by when (a date or a time frame, e.g. “by June”, “within six months”)."
    ]
    retype(qtbot, page.statement, "Become head of product at a climate-tech company by June")
    assert page_messages(wizard) == []


def test_what_i_look_for_gets_one_verdict_on_both_pages(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    create_application()
    active = read_active_goal(demo_database)
    assert active is not None
    profile = dataclasses.replace(
        active.profile,
        target_roles=("Data Engineer",),
        target_companies=(),
        target_industries=("Renewable energy",),
    )
    wizard = show_wizard(qtbot, GoalWizard(demo_database, profile, PitchDraft(parts=PitchParts())))
    while wizard.currentPage() is not wizard.pitch_page:
        click(qtbot, wizard, NEXT)
    page = wizard.pitch_page
    for key, text in PARTS.items():
        retype(qtbot, page.parts[key], text)

    # "the kind of data" is plain words, not filler: nothing left to fix.
    assert page_messages(wizard) == []
    verdict = (
        "Good: What you look for names “Data Engineer” and “Renewable energy”: a reader "
        "knows whom to introduce you to."
    )
    assert verdict in page.passed.texts()
    assert page.variants.summary.toPlainText().startswith(
        "What I bring to teams in renewable energy: I build"
    )
    assert page.variants.headline.text().endswith("Open to Data Engineer roles in renewable energy")

    click(qtbot, wizard, NEXT)
    assert wizard.profile_page.rows["looking_for"].assessment.texts() == [verdict]


def test_the_checklist_quotes_the_whole_summary_it_judged(qtbot, demo_database) -> None:  # type: ignore[no-untyped-def]
    create_application()
    active = read_active_goal(demo_database)
    assert active is not None
    profile = dataclasses.replace(
        active.profile, target_roles=("Data Engineer",), target_industries=("Banking",)
    )
    wizard = show_wizard(qtbot, GoalWizard(demo_database, profile, PitchDraft(parts=PitchParts())))
    while wizard.currentPage() is not wizard.pitch_page:
        click(qtbot, wizard, NEXT)
    parts = {**PARTS, "who": "I'm an analyst with five years in banking IT."}
    for key, text in parts.items():
        retype(qtbot, wizard.pitch_page.parts[key], text)
    click(qtbot, wizard, NEXT)
    row = wizard.profile_page.rows["summary"]
    # Only the summary's closing paragraph says "data engineering role": the quote the
    # user reads next to "names “Data Engineer”" must hold it.
    assert any("“Data Engineer”" in text for text in row.assessment.texts())
    assert "data engineering role" in row.subject.text()
    assert "If you work in banking, I would be glad to compare notes." in row.subject.text()


def first_start_wizard(qtbot, database) -> GoalWizard:  # type: ignore[no-untyped-def]
    create_application()
    wizard = show_wizard(qtbot, GoalWizard(database, first_start=True))
    return wizard


def test_an_untouched_first_page_says_what_is_missing_only_when_asked(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    wizard = first_start_wizard(qtbot, database)
    page = wizard.goal_type_page
    assert not wizard.button(NEXT).isEnabled()
    assert page_messages(wizard) == [] and not page.messages.isVisible()
    wizard.grab().save("/tmp/polish-wizard-untouched.png")

    qtbot.keyClick(page.statement, Qt.Key.Key_Return)  # tries to go on
    assert wizard.currentPage() is page
    assert next_blocked_with(wizard, "Write your goal in one sentence")


def test_a_click_on_the_disabled_next_or_typing_shows_the_message(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    wizard = first_start_wizard(qtbot, database)
    assert untouched_and_blocked(wizard)
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)
    assert next_blocked_with(wizard, "Write your goal in one sentence")

    again = first_start_wizard(qtbot, database)
    assert untouched_and_blocked(again)
    qtbot.keyClicks(again.goal_type_page.statement, "I want a job")
    assert next_blocked_with(again, "is not precise yet")


def test_skip_for_now_asks_before_dropping_typed_answers(qtbot, database) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.goals import wizard_skipped

    wizard = first_start_wizard(qtbot, database)
    qtbot.keyClicks(wizard.goal_type_page.statement, "Land a data role in Leeds by June")
    asked = when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Cancel).click(), kind=QMessageBox
    )
    qtbot.mouseClick(wizard.findChild(QPushButton, "skipWizard"), Qt.MouseButton.LeftButton)
    assert [box.objectName() for box in asked] == ["discardAnswers"]
    assert wizard.isVisible() and not wizard_skipped(database)
