"""The Goal & Pitch page: the active version, older versions, the wizard, the clipboard,
and the wizard on first start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from desktop_app.store.goals import list_goal_versions, read_active_goal, wizard_skipped
from desktop_app.ui.common.roles import ID_ROLE as GOAL_ID_ROLE
from desktop_app.ui.common.ui_state import open_ui_state
from desktop_app.ui.goal.history_model import VersionListModel
from desktop_app.ui.goal.page import GoalPitchPage
from desktop_app.ui.shell.application import create_application
from desktop_app.ui.shell.main_window import MainWindow
from tests.ui.conftest import make_window
from tests.ui.wizard_driver import CANCEL, FINISH, NEXT, add_entries, click, retype, type_number


def goal_page(window: MainWindow) -> GoalPitchPage:
    window.show_page("goal")
    page = window.current_page()
    assert isinstance(page, GoalPitchPage)
    return page


def open_with_wizard_offered(qtbot, path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    create_application()
    window = MainWindow(open_ui_state(), offer_goal_wizard=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.database_ready, timeout=10_000):
        window.open_database(str(path))
    return window


def test_the_page_shows_the_active_goal_and_pitch(qtbot, window) -> None:
    page = goal_page(window)
    assert page.history_model.rowCount() == 1
    assert page.history.currentIndex().data().endswith("(active)")
    text = page.viewer.toPlainText()
    assert text.startswith("Version 1 of")
    assert "I'm a product manager with six years in B2B software." in text
    assert "Head of Product, Group Product Manager" in text
    assert text.index("Elevator pitch") < text.index("Statement")  # the pitch comes first
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().startswith("I'm a product manager")
    assert page.copied.text() == "Pitch of version 1 copied."


def test_editing_in_the_wizard_adds_a_version_and_keeps_the_old_one(qtbot, window) -> None:
    page = goal_page(window)
    database = window.controller.database
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert wizard is not None and wizard.isVisible()
    assert not page.edit_button.isEnabled()  # one wizard at a time
    assert wizard.goal_type_page.statement.text().startswith("Move from product manager")
    retype(
        qtbot,
        wizard.goal_type_page.statement,
        "Lead product at a climate-tech company in Berlin by June.",
    )
    click(qtbot, wizard, NEXT)
    add_entries(qtbot, wizard.targets_page.industries, "Climate tech")
    for _ in range(5):
        click(qtbot, wizard, NEXT)
    with qtbot.waitSignal(wizard.saved):
        click(qtbot, wizard, FINISH)
    qtbot.waitUntil(lambda: page.wizard is None)
    assert page.edit_button.isEnabled()
    assert [(v.version, v.is_active) for v in list_goal_versions(database)] == [
        (2, True),
        (1, False),
    ]
    assert page.history_model.rowCount() == 2
    assert page.history.currentIndex().data().startswith("Version 2")
    text = page.viewer.toPlainText()
    assert "Lead product at a climate-tech company in Berlin by June." in text
    assert "Software, Energy, Climate tech" in text
    # The older version stays readable.
    page.history.setFocus()
    qtbot.keyClick(page.history, Qt.Key.Key_Down)
    assert page.history.currentIndex().data(GOAL_ID_ROLE) == 1
    old = page.viewer.toPlainText()
    assert "an earlier version, kept for reference" in old
    assert "Move from product manager to head of product" in old
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    assert page.copied.text() == "Pitch of version 1 copied."
    active = read_active_goal(database)
    assert active is not None and active.pitch_version == 2
    assert active.pitch is not None
    # The saved headline is the user's and stays; the variants never written are generated.
    assert active.pitch.variants.headline == (
        "Product manager turning energy data into products people use"
    )
    assert active.pitch.variants.summary.startswith(
        "What I bring to teams in software, energy and climate tech: I turn messy"
    )


def test_the_history_model_is_a_correct_model(qtmodeltester, window) -> None:
    from desktop_app.store.goals import list_goal_versions as versions

    model = VersionListModel()
    model.set_versions(versions(window.controller.database))
    qtmodeltester.check(model)
    assert model.row_of(1) == 0
    assert model.row_of(42) == -1
    assert model.index(0).data(Qt.ItemDataRole.ToolTipRole).startswith("<p>Move from product")


def test_no_wizard_unless_the_window_is_asked_to_offer_it(qtbot, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    qtbot.wait(50)
    page = goal_page(window)
    assert page.wizard is None
    assert page.body.currentIndex() == 0  # the empty state with its start button
    assert page.start_button.isEnabled()
    window.close()


def test_first_start_opens_the_wizard_and_skip_keeps_it_away(qtbot, db_path: Path) -> None:
    window = open_with_wizard_offered(qtbot, db_path)
    qtbot.waitUntil(lambda: goal_page(window).wizard is not None)
    page = goal_page(window)
    wizard = page.wizard
    assert wizard is not None and wizard.isVisible()
    skip = wizard.findChild(type(wizard.button(NEXT)), "skipWizard")
    assert skip is not None and skip.isVisible()
    qtbot.mouseClick(skip, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.wizard is None)
    database = window.controller.database
    assert wizard_skipped(database)
    assert list_goal_versions(database) == []
    window.close()
    again = open_with_wizard_offered(qtbot, db_path)
    qtbot.wait(50)
    assert goal_page(again).wizard is None
    # Asked for from the page, it still comes (without the skip button).
    qtbot.mouseClick(goal_page(again).start_button, Qt.MouseButton.LeftButton)
    wizard = goal_page(again).wizard
    assert wizard is not None and wizard.findChild(type(skip), "skipWizard") is None
    wizard.reject()
    again.close()


def test_first_start_wizard_finished_shows_the_new_goal(qtbot, db_path: Path) -> None:
    window = open_with_wizard_offered(qtbot, db_path)
    qtbot.waitUntil(lambda: goal_page(window).wizard is not None)
    page = goal_page(window)
    wizard = page.wizard
    assert wizard is not None
    retype(qtbot, wizard.goal_type_page.statement, "Land a data engineering role in Leeds by June.")
    click(qtbot, wizard, NEXT)
    add_entries(qtbot, wizard.targets_page.roles, "Data Engineer")
    add_entries(qtbot, wizard.targets_page.companies, "Helix Cloud")
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    wizard.time_page.measure_name.setFocus()
    qtbot.keyClicks(wizard.time_page.measure_name, "Informational meetings per month")
    type_number(qtbot, wizard.time_page.measure_target, "4")
    qtbot.mouseClick(wizard.time_page.add_measure, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, NEXT)
    wizard.pitch_page.parts["who"].setFocus()
    qtbot.keyClicks(
        wizard.pitch_page.parts["who"], "I'm a data engineer who builds payment pipelines."
    )
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    with qtbot.waitSignal(wizard.saved):
        click(qtbot, wizard, FINISH)
    assert window.current_page() is page
    assert page.body.currentIndex() == 1
    assert "Land a data engineering role in Leeds by June." in page.viewer.toPlainText()
    assert "I'm a data engineer who builds payment pipelines." in page.viewer.toPlainText()
    window.close()


def test_every_user_value_is_escaped_in_the_rendered_goal() -> None:
    import dataclasses
    import datetime as dt

    from desktop_app.insights.goal_profile import (
        ChecklistItem,
        GoalProfile,
        Measure,
        OrganisationEntry,
        PitchDraft,
        PitchParts,
        PitchVariants,
    )
    from desktop_app.ui.goal.render import goal_and_pitch_html

    evil = "<img src=x onerror=alert(1)>"
    profile = GoalProfile(
        statement=evil,
        target_roles=(evil,),
        target_companies=(evil,),
        target_industries=(evil,),
        target_locations=(evil,),
        target_date=dt.date(2031, 1, 1),
        measures=(Measure(evil, 2),),
        checklist={"headline": ChecklistItem(True, evil)},
        organisations=(OrganisationEntry(evil, "alumni", "joined"),),
    )
    pitch = PitchDraft(
        parts=PitchParts(who=evil, offer=evil, look_for=evil, why=evil, ask=evil),
        text=evil,
        variants=PitchVariants(thirty_seconds=evil, headline=evil, summary=evil + "\n\n" + evil),
    )
    html = goal_and_pitch_html(profile, pitch, dt.date(2030, 1, 1), [evil])
    assert "<img" not in html
    assert html.count("&lt;img src=x onerror=alert(1)&gt;") == 19  # every field, once
    assert "<img" not in goal_and_pitch_html(dataclasses.replace(profile), None)


def test_print_offers_the_goal_card_of_the_version_shown(qtbot, window, tmp_path: Path) -> None:
    import shutil
    import subprocess

    from desktop_app.ui.common.documents import event_document
    from desktop_app.ui.printing.output import write_pdf

    page = goal_page(window)
    assert window.actions["print"].isEnabled()
    document = page.printable_document()
    assert document is not None and document.title == "Your goal and pitch"
    assert "Move from product manager to head of product" in document.html
    assert "Higher level than you" in document.html
    assert "Climate Product Collective" in document.html
    assert "I&#x27;m a product manager" in document.html  # the pitch, escaped
    # The event preparation sheet carries the active goal and pitch too.
    sheet = event_document(window.controller.database, 1)
    assert "Your goal and pitch" in sheet.html
    assert "Move from product manager to head of product" in sheet.html
    if shutil.which("pdftotext"):
        path = tmp_path / "goal.pdf"
        assert write_pdf(document, path) == 1
        text = subprocess.run(
            ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Reach the next level" in text
        assert "Who is the one person I should talk to" in text


def test_without_a_goal_only_the_start_button_leads_to_the_wizard(qtbot, db_path: Path) -> None:
    window = make_window(qtbot, db_path)
    page = goal_page(window)
    assert page.start_button.isVisible()
    assert not page.edit_button.isVisible()
    assert not page.copy_button.isVisible()
    window.close()


def test_first_start_explains_cancel_and_skip_for_now(qtbot, db_path: Path) -> None:
    window = open_with_wizard_offered(qtbot, db_path)
    qtbot.waitUntil(lambda: goal_page(window).wizard is not None)
    wizard = goal_page(window).wizard
    assert wizard is not None
    note = wizard.goal_type_page.first_start_note
    assert note.isVisible()
    assert note.textFormat() == Qt.TextFormat.PlainText
    assert note.text().startswith(
        "Not now? Cancel closes the wizard until the next start of NetWise, when it opens "
        "again. Skip for Now closes it and keeps it from opening at start"
    )
    assert "opens again at the next start" in wizard.button(CANCEL).toolTip()
    wizard.reject()
    # Opened from the page there is no Skip button, and nothing to explain.
    qtbot.waitUntil(lambda: goal_page(window).wizard is None)
    qtbot.mouseClick(goal_page(window).start_button, Qt.MouseButton.LeftButton)
    wizard = goal_page(window).wizard
    assert wizard is not None
    assert not wizard.goal_type_page.first_start_note.isVisible()
    assert wizard.button(CANCEL).toolTip() == ""
    wizard.reject()
    window.close()


def test_closing_the_window_asks_before_losing_typed_wizard_answers(qtbot, window) -> None:
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.dialogs import when_dialog_opens

    page = goal_page(window)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    wizard = page.wizard
    assert wizard is not None
    retype(qtbot, wizard.goal_type_page.statement, "Lead product at a climate-tech company.")

    asked = when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Cancel).click(), QMessageBox
    )
    assert not window.close()
    assert [box.objectName() for box in asked] == ["discardAnswers"]
    assert window.isVisible() and wizard.isVisible()
    assert wizard.goal_type_page.statement.text() == "Lead product at a climate-tech company."

    when_dialog_opens(
        lambda box: box.button(QMessageBox.StandardButton.Discard).click(), QMessageBox
    )
    assert window.close()
    assert not window.isVisible()
