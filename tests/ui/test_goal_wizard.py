"""The goal and pitch wizard, driven page by page with the keyboard over a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.store.goals import list_goal_versions, read_active_goal
from desktop_app.ui.common.dates import format_day
from desktop_app.ui.goal.wizard.wizard import GoalWizard
from desktop_app.ui.shell.application import create_application
from tests.ui.dialogs import when_dialog_opens
from tests.ui.wizard_driver import (
    BACK,
    CANCEL,
    FINISH,
    NEXT,
    add_entries,
    click,
    edit_entry,
    next_blocked_with,
    page_messages,
    remove_entry,
    retype,
    show_wizard,
    type_date,
    type_number,
    untouched_and_blocked,
)

TODAY = dt.date(2030, 1, 15)
STATEMENT = "Become head of product at a <b>climate-tech</b> software company by next spring."
PARTS = {
    "who": "I'm a product manager with six years in B2B software.",
    "offer": "I turn messy energy data into products that operators use every day.",
    "look_for": "I'm looking for a head of product role in energy software.",
    "why": "Software is how the grid will decarbonise fastest.",
    "ask": "Who is the one person I should talk to on your product team?",
}


@pytest.fixture
def wizard(qtbot, database):  # type: ignore[no-untyped-def]
    create_application()
    wizard = show_wizard(qtbot, GoalWizard(database, today=TODAY))
    return wizard


def fill_goal_page(qtbot, wizard: GoalWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.goal_type_page
    assert untouched_and_blocked(wizard)
    qtbot.keyClick(wizard, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # "ne&xt level"
    qtbot.waitUntil(page.buttons["next_level"].isChecked)  # a mnemonic clicks after a flash
    assert next_blocked_with(wizard, "Write your goal in one sentence")
    retype(qtbot, page.statement, "I want to get a better job soon")
    assert next_blocked_with(wizard, "is not precise yet: say which role or field")
    assert next_blocked_with(wizard, "where (a city, the kind of company, or “remote”)")
    assert next_blocked_with(wizard, "“Soon” is not a date.")
    retype(qtbot, page.statement, STATEMENT)
    assert wizard.button(NEXT).isEnabled()
    assert page_messages(wizard) == []


def fill_targets_page(qtbot, wizard: GoalWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.targets_page
    assert untouched_and_blocked(wizard)
    add_entries(qtbot, page.roles, "anything")
    assert wizard.currentPage() is page  # Enter added the entry; it did not press Next
    assert next_blocked_with(wizard, "Add at least one target company or industry")
    assert next_blocked_with(wizard, "“anything” is not one role but a shrug: name the role")
    tip = page.roles.list.item(0).toolTip()
    assert tip.startswith("<p>“anything” is not one role")  # escaped markup, for any entry
    remove_entry(qtbot, page.roles, "anything")
    add_entries(qtbot, page.roles, "Head of Product", "head of  product")
    assert page.roles.note.text() == "“head of product” is already in the list."
    assert page.roles.note.isVisible()
    add_entries(qtbot, page.roles, "Group Product Manager")
    assert page.roles.values() == ["Head of Product", "Group Product Manager"]
    add_entries(qtbot, page.companies, "any company")
    assert next_blocked_with(wizard, "“any company” is not one company")
    assert next_blocked_with(wizard, "name the company, e.g. “Helix Cloud”")
    remove_entry(qtbot, page.companies, "any company")
    assert next_blocked_with(wizard, "Add at least one target company or industry")
    add_entries(qtbot, page.industries, "Energy", "Software", "ENERGY")
    assert page.industries.values() == ["Energy", "Software"]
    add_entries(qtbot, page.companies, "Helix Cloud")
    add_entries(qtbot, page.locations, "anywhere")
    assert next_blocked_with(wizard, "name a city, a region or a country")
    # Fixing the entry in place (F2, type, Enter) also clears the problem.
    edit_entry(qtbot, page.locations, "anywhere", "Berlin")
    assert page.locations.values() == ["Berlin"]
    # An entry edited into a duplicate of another goes.
    add_entries(qtbot, page.locations, "Remote")
    edit_entry(qtbot, page.locations, "Remote", "berlin")
    assert page.locations.values() == ["Berlin"]
    assert page.locations.note.text() == "Removed the duplicate “berlin”."
    assert wizard.button(NEXT).isEnabled()


def fill_helpers_page(qtbot, wizard: GoalWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.helpers_page
    assert page.seniority.currentData() == "senior"  # next level: people above me
    assert "open doors" in page.seniority_why.text()
    page.org_name.setFocus()
    qtbot.keyClicks(page.org_name, "Riverside University Alumni")
    qtbot.keyClick(page.org_name, Qt.Key.Key_Return)
    qtbot.keyClicks(page.org_name, "Climate Product Collective")
    page.org_kind.setFocus()
    qtbot.keyClick(page.org_kind, Qt.Key.Key_Down)  # Alumni -> Industry
    page.org_status.setFocus()
    qtbot.keyClick(page.org_status, Qt.Key.Key_Down)  # Joined -> To join
    qtbot.mouseClick(page.add_org, Qt.MouseButton.LeftButton)
    assert [(o.name, o.kind, o.status) for o in page.organisation_entries()] == [
        ("Riverside University Alumni", "alumni", "joined"),
        ("Climate Product Collective", "industry", "to_join"),
    ]
    assert page.toggle_org.text() == "Mark &Joined"  # the new row is the current one
    qtbot.mouseClick(page.toggle_org, Qt.MouseButton.LeftButton)
    assert [o.status for o in page.organisation_entries()] == ["joined", "joined"]
    assert page.toggle_org.text() == "Mark &To Join"
    qtbot.mouseClick(page.toggle_org, Qt.MouseButton.LeftButton)
    page.org_name.setFocus()
    qtbot.keyClicks(page.org_name, "riverside university alumni")
    qtbot.keyClick(page.org_name, Qt.Key.Key_Return)
    assert len(page.organisation_entries()) == 2
    assert "is already in the list" in " ".join(page_messages(wizard))


def fill_time_page(qtbot, wizard: GoalWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.time_page
    assert untouched_and_blocked(wizard)
    qtbot.mouseClick(wizard.button(NEXT), Qt.MouseButton.LeftButton)  # trying to go on
    assert next_blocked_with(wizard, "Add at least one measurable target")
    type_number(qtbot, page.hours, "60")
    assert next_blocked_with(wizard, "more than a full working week")
    type_number(qtbot, page.hours, "12")
    assert any("past what most people sustain" in text for text in page_messages(wizard))
    type_number(qtbot, page.hours, "3.5")
    assert page.hours.value() == 3.5, page.hours.text()
    type_date(qtbot, page.target_date, TODAY + dt.timedelta(days=3650))
    assert next_blocked_with(wizard, "more than five years away")
    type_date(qtbot, page.target_date, TODAY - dt.timedelta(days=1))
    assert next_blocked_with(wizard, "is not in the future")
    assert page.days_away.text() == "1 day ago"
    type_date(qtbot, page.target_date, dt.date(2030, 9, 30))
    assert page.days_away.text() == "in 258 days"
    page.measure_name.setFocus()
    qtbot.keyClicks(page.measure_name, "Informational meetings per month")
    type_number(qtbot, page.measure_target, "4")
    page.measure_name.setFocus()
    qtbot.keyClick(page.measure_name, Qt.Key.Key_Return)
    assert wizard.currentPage() is page
    qtbot.keyClicks(page.measure_name, "Referrals")
    type_number(qtbot, page.measure_target, "0")
    page.measure_name.setFocus()
    qtbot.keyClick(page.measure_name, Qt.Key.Key_Return)
    assert next_blocked_with(wizard, "“Referrals” needs a number above zero")
    qtbot.keyClicks(page.measure_name, "referrals")
    type_number(qtbot, page.measure_target, "3")
    qtbot.mouseClick(page.add_measure, Qt.MouseButton.LeftButton)
    assert [(m.name, m.target) for m in page.measure_values()] == [
        ("Informational meetings per month", 4.0),
        ("Referrals", 3.0),  # completed from the suggestions
    ]
    assert wizard.button(NEXT).isEnabled()


def fill_pitch_page(qtbot, wizard: GoalWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.pitch_page
    assert untouched_and_blocked(wizard)
    for key in ("who", "offer", "look_for", "why"):
        page.parts[key].setFocus()
        qtbot.keyClicks(page.parts[key], PARTS[key])
    assert page.preview.text().startswith("I'm a product manager with six years")
    assert any("No ask: end with one request" in t for t in page_messages(wizard))
    qtbot.keyClicks(page.parts["who"], " Basically a synergy guru.")
    messages = " ".join(page_messages(wizard))
    assert "Jargon a stranger may not follow: “synergy” and “guru”" in messages
    assert "Filler words that weaken it: “basically”" in messages
    retype(qtbot, page.parts["who"], PARTS["who"])
    page.parts["ask"].setFocus()
    qtbot.keyClicks(page.parts["ask"], PARTS["ask"])
    assert page_messages(wizard) == []
    assert page.counts.text() == "54 words · about 25 seconds (aim: 20–40 s)"
    assert page.gauge.in_aim()
    assert "within the aim of 20 to 40 seconds" in page.gauge.accessibleDescription()
    assert any("Ends with a clear ask" in t for t in page.passed.texts())
    qtbot.keyClick(page, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)  # "&Variants" tab
    assert page.tabs.currentIndex() == 1
    variants = page.variants
    assert variants.headline.text() == (
        "Product manager with six years in B2B software | Open to Head of Product roles in "
        "energy and software"
    )
    assert variants.summary.toPlainText().startswith("What I bring to teams in energy and")
    retype(qtbot, variants.headline, "Product leader for energy software")
    qtbot.keyClicks(page.parts["why"], " Really.")  # the parts change; the edit stays
    assert variants.headline.text() == "Product leader for energy software"
    assert "decarbonise fastest. Really." in variants.summary.toPlainText()  # not edited
    qtbot.mouseClick(variants.regenerate, Qt.MouseButton.LeftButton)
    assert variants.headline.text().startswith("Product manager with six years")
    retype(qtbot, variants.headline, "Product leader for energy software")
    retype(qtbot, page.parts["why"], PARTS["why"])


def fill_profile_page(qtbot, wizard: GoalWizard) -> None:  # type: ignore[no-untyped-def]
    page = wizard.profile_page
    headline = page.rows["headline"]
    assert "names “Energy” and “Software”" in headline.assessment.texts()[0]
    assert headline.subject.text() == "“Product leader for energy software”"
    organisations = page.rows["organisations"]
    assert "Member of “Riverside University Alumni”" in organisations.assessment.texts()[0]
    qtbot.keyClick(page, Qt.Key.Key_H, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(headline.box.isChecked)
    headline.note.setFocus()
    qtbot.keyClicks(headline.note, "Updated on 14 January")
    assert wizard.button(NEXT).isEnabled()


def test_the_whole_wizard_with_vague_input_back_and_finish(qtbot, wizard, database) -> None:
    fill_goal_page(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    fill_targets_page(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    fill_helpers_page(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    fill_time_page(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    fill_pitch_page(qtbot, wizard)
    click(qtbot, wizard, NEXT)
    fill_profile_page(qtbot, wizard)
    click(qtbot, wizard, NEXT)

    summary = wizard.summary_page.browser.toPlainText()
    assert STATEMENT in summary  # shown as typed: the markup is escaped, not rendered
    assert "Head of Product, Group Product Manager" in summary
    assert "Riverside University Alumni (Alumni, joined)" in summary
    assert f"{format_day(dt.date(2030, 9, 30))} (258 days from today)" in summary
    assert "Still worth a look" in summary
    assert "To do: Summary written for readers in the target industry." in summary
    assert "To do: Headline" not in summary  # ticked

    # Back to the targets: every answer is still there, and forward again keeps them too.
    for _ in range(5):
        click(qtbot, wizard, BACK)
    assert wizard.currentPage() is wizard.targets_page
    assert wizard.targets_page.roles.values() == ["Head of Product", "Group Product Manager"]
    click(qtbot, wizard, BACK)
    assert wizard.goal_type_page.statement.text() == STATEMENT
    for _ in range(6):
        click(qtbot, wizard, NEXT)
    assert wizard.currentPage() is wizard.summary_page
    assert wizard.pitch_page.parts["ask"].toPlainText() == PARTS["ask"]
    assert list_goal_versions(database) == []  # nothing written before Finish

    with qtbot.waitSignal(wizard.saved):
        click(qtbot, wizard, FINISH)
    saved = read_active_goal(database)
    assert saved is not None and (saved.version, saved.pitch_version) == (1, 1)
    profile = saved.profile
    assert profile.goal_type == "next_level"
    assert profile.statement == STATEMENT
    assert profile.target_roles == ("Head of Product", "Group Product Manager")
    assert profile.target_companies == ("Helix Cloud",)
    assert profile.target_industries == ("Energy", "Software")
    assert profile.target_locations == ("Berlin",)
    assert profile.target_seniority == "senior"
    assert profile.weekly_hours == 3.5
    assert profile.target_date == dt.date(2030, 9, 30)
    assert [(m.name, m.target) for m in profile.measures] == [
        ("Informational meetings per month", 4),
        ("Referrals", 3),
    ]
    assert [(o.name, o.kind, o.status) for o in profile.organisations] == [
        ("Riverside University Alumni", "alumni", "joined"),
        ("Climate Product Collective", "industry", "to_join"),
    ]
    assert profile.checklist["headline"].done
    assert profile.checklist["headline"].note == "Updated on 14 January"
    assert not profile.checklist["summary"].done
    pitch = saved.pitch
    assert pitch is not None
    assert pitch.parts.as_dict() == PARTS
    assert pitch.text == " ".join(PARTS.values())
    assert pitch.variants.headline == "Product leader for energy software"
    assert pitch.variants.summary.startswith("What I bring to teams in energy and software")


def test_cancel_writes_nothing(qtbot, wizard, database) -> None:
    retype(qtbot, wizard.goal_type_page.statement, "Land a data engineering role in Leeds soon.")
    click(qtbot, wizard, NEXT)
    add_entries(qtbot, wizard.targets_page.roles, "Data Engineer")
    asked = when_dialog_opens(discard, kind=QMessageBox)
    click(qtbot, wizard, CANCEL)
    assert [box.text() for box in asked] == [DISCARD_QUESTION]
    assert not wizard.isVisible()
    assert list_goal_versions(database) == []
    assert read_active_goal(database) is None


def discard(box: QMessageBox) -> None:
    box.button(QMessageBox.StandardButton.Discard).click()


DISCARD_QUESTION = "Discard your answers? Nothing typed in the wizard has been saved."


def test_cancel_asks_before_dropping_typed_answers_and_keeps_them_on_no(qtbot, wizard) -> None:
    retype(qtbot, wizard.goal_type_page.statement, "Land a data engineering role in Leeds soon.")
    asked = when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Cancel).click(), kind=QMessageBox
    )
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert [box.text() for box in asked] == [DISCARD_QUESTION]
    assert wizard.isVisible()
    assert wizard.goal_type_page.statement.text() == "Land a data engineering role in Leeds soon."


def test_nothing_typed_or_typed_back_closes_without_asking(qtbot, database) -> None:
    first = show_wizard(qtbot, GoalWizard(database, today=TODAY))
    click(qtbot, first, CANCEL)  # a question would wait here, and the test with it
    assert not first.isVisible()

    second = show_wizard(qtbot, GoalWizard(database, today=TODAY))
    qtbot.keyClicks(second.goal_type_page.statement, "x")
    qtbot.keyClick(second.goal_type_page.statement, Qt.Key.Key_Backspace)
    qtbot.keyClick(second, Qt.Key.Key_Escape)
    assert not second.isVisible()


def test_escape_cancels_an_edit_of_the_demo_goal_and_keeps_it(qtbot, demo_database) -> None:
    create_application()
    active = read_active_goal(demo_database)
    assert active is not None
    wizard = show_wizard(
        qtbot, GoalWizard(demo_database, active.profile, active.pitch, today=TODAY)
    )
    retype(qtbot, wizard.goal_type_page.statement, "Something else entirely, to be thrown away.")
    when_dialog_opens(discard, kind=QMessageBox)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert [(v.version, v.is_active) for v in list_goal_versions(demo_database)] == [(1, True)]
    assert read_active_goal(demo_database) == active


def test_an_empty_entry_and_enter_go_to_the_next_page(qtbot, wizard) -> None:
    retype(qtbot, wizard.goal_type_page.statement, "Land a data engineering role in Leeds soon.")
    qtbot.keyClick(wizard.goal_type_page.statement, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.targets_page
    add_entries(qtbot, wizard.targets_page.roles, "Data Engineer")
    add_entries(qtbot, wizard.targets_page.industries, "Fintech")
    assert wizard.currentPage() is wizard.targets_page
    qtbot.keyClick(wizard.targets_page.industries.entry, Qt.Key.Key_Return)
    assert wizard.currentPage() is wizard.helpers_page
    assert wizard.helpers_page.seniority.currentData() == "senior"  # land a job: default


def test_every_message_is_readable_by_a_screen_reader(qtbot, wizard) -> None:
    retype(qtbot, wizard.goal_type_page.statement, "Get a job")
    (line,) = wizard.goal_type_page.messages.lines
    assert line.label.textFormat() == Qt.TextFormat.PlainText
    assert line.label.accessibleName().startswith("To go on: “Get a job” is not precise yet")
    assert line.label.accessibleDescription() == line.finding.message
    assert line.label.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "not precise" in wizard.goal_type_page.messages.accessibleDescription()


def test_each_page_puts_the_cursor_in_its_first_field(qtbot, demo_database) -> None:
    create_application()
    active = read_active_goal(demo_database)
    assert active is not None
    wizard = show_wizard(
        qtbot, GoalWizard(demo_database, active.profile, active.pitch)
    )  # dates relative to today
    wizard.activateWindow()
    qtbot.waitActive(wizard)
    expected = [
        wizard.goal_type_page.statement,
        wizard.targets_page.roles.entry,
        wizard.helpers_page.seniority,
        wizard.time_page.hours,
        wizard.pitch_page.parts["who"],  # not a field of the hidden Variants tab
        wizard.profile_page.rows["headline"].box,
        wizard.summary_page.browser,
    ]
    for number, field in enumerate(expected):
        qtbot.waitUntil(lambda field=field: QApplication.focusWidget() is field)
        if number < len(expected) - 1:
            click(qtbot, wizard, NEXT)
    # Reading order on a page whose widgets were made in another order.
    click(qtbot, wizard, BACK)
    for _ in range(3):
        click(qtbot, wizard, BACK)
    helpers = wizard.helpers_page
    qtbot.waitUntil(lambda: QApplication.focusWidget() is helpers.seniority)
    qtbot.keyClick(helpers.seniority, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is helpers.org_name


def test_a_locked_database_is_reported_and_the_answers_stay(qtbot, demo_database) -> None:
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    create_application()
    active = read_active_goal(demo_database)
    assert active is not None
    wizard = show_wizard(qtbot, GoalWizard(demo_database, active.profile, active.pitch))
    for _ in range(6):
        click(qtbot, wizard, NEXT)
    other = sqlite3.connect(demo_database.path, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    seen: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        seen.append(box.text())
        box.accept()

    when_dialog_opens(read_and_close, QMessageBox)
    try:
        click(qtbot, wizard, FINISH)  # waits out the busy timeout, then says so
    finally:
        other.rollback()
        other.close()
    assert seen and "is locked by another program" in seen[0]
    assert wizard.isVisible()
    assert wizard.currentPage() is wizard.summary_page
    assert [v.version for v in list_goal_versions(demo_database)] == [1]
    with qtbot.waitSignal(wizard.saved):
        click(qtbot, wizard, FINISH)
    assert [v.version for v in list_goal_versions(demo_database)] == [2, 1]


def test_paging_through_a_saved_goal_without_changes_closes_without_asking(
    qtbot, demo_database
) -> None:
    active = read_active_goal(demo_database)
    assert active is not None
    wizard = show_wizard(qtbot, GoalWizard(demo_database, active.profile, active.pitch))
    while wizard.currentPage() is not wizard.summary_page:
        click(qtbot, wizard, NEXT)
    asked = when_dialog_opens(discard, kind=QMessageBox)
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert not wizard.isVisible()
    assert asked == []
