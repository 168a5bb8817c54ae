"""The import preview: decisions made in the dialog are what gets written, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton

from tests.ui.conftest import make_window
from tests.ui.importing import (
    URL,
    counts,
    linkedin_file,
    messages,
    open_preview,
    query,
    row_named,
    seed,
)

KNOWN = [
    f"Ann,Lee,{URL}ann-lee,,Acme,Engineer,1 Jan 2020",
    f"Robert,Ray,{URL}robert-ray,,Beta,CTO,1 Jan 2020",
    f"Carla,Diaz,{URL}carla-diaz,,Gamma,Designer,1 Jan 2020",
]
NEWER = [
    # Same profile: merged by default, and a job change.
    f"Ann,Lee,{URL}ann-lee,ann@beta.example,Beta Corp,Engineering Lead,1 Jan 2020",
    # A similar name at the same company: only a suggestion.
    f"Roberto,Ray,{URL}roberto-ray,roberto@beta.example,Beta,CTO,2 Feb 2024",
    # Same profile again, with a new title: merged by default; the user will skip it.
    f"Carla,Diaz,{URL}carla-diaz,,Gamma,Lead Designer,1 Jan 2020",
    f"Dan,Novak,{URL}dan-novak,,Delta,Analyst,3 Mar 2024",
]


@pytest.fixture
def known_window(qtbot, db_path: Path):  # type: ignore[no-untyped-def]
    seed(db_path, KNOWN)
    window = make_window(qtbot, db_path)
    window.import_flow = None
    yield window
    window.close()


def test_merge_a_suggestion_skip_a_duplicate_and_apply(
    qtbot, qtmodeltester, known_window, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_preview(qtbot, known_window, linkedin_file(tmp_path / "Connections.csv", NEWER))
    for model in (
        dialog.model,
        dialog.jobs_model,
        dialog.people_model,
        dialog.columns_model,
        dialog.problems_model,
    ):
        qtmodeltester.check(model)
    assert "4 people" in dialog.header.text()
    assert dialog.summary.text().startswith("Will create 2, merge 2 and skip 0 of 4 rows.")
    assert "1 row with a possible match" in dialog.summary.text()

    # Roberto: the possible match is Robert Ray at Beta, with its score; merge into it.
    dialog.select_row(row_named(dialog, "Roberto Ray"))
    choices = dialog.decision.findChildren(QRadioButton)
    merge = next(b for b in choices if b.isVisible() and b.text().startswith("Merge into"))
    assert "Robert Ray (Beta)" in merge.text() and "score" in merge.text()
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton, pos=QPoint(8, merge.height() // 2))
    assert dialog.model.item(row_named(dialog, "Roberto Ray")).action == "merge"

    # Carla: merged by default (same profile); skip her with the button.
    dialog.select_row(row_named(dialog, "Carla Diaz"))
    assert dialog.model.item(row_named(dialog, "Carla Diaz")).action == "merge"
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith("Will create 1, merge 2 and skip 1 of 4 rows.")

    flow = known_window.import_flow
    with qtbot.waitSignal(flow.finished, timeout=30_000) as outcome:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert outcome.args == ["imported"]

    names = [r[0] for r in query(db_path, "SELECT full_name FROM contacts ORDER BY id")]
    assert names == ["Ann Lee", "Robert Ray", "Carla Diaz", "Dan Novak"]
    assert query(db_path, "SELECT company, title FROM contacts WHERE last_name = 'Lee'") == [
        ("Beta Corp", "Engineering Lead")
    ]
    robert = "SELECT c.linkedin_url, e.address FROM contacts c JOIN contact_emails e "
    robert += "ON e.contact_id = c.id WHERE c.first_name = 'Robert'"
    assert query(db_path, robert) == [(f"{URL}roberto-ray", "roberto@beta.example")]
    assert query(db_path, "SELECT title FROM contacts WHERE last_name = 'Diaz'") == [("Designer",)]
    # The result names the job change; the status bar and the pages were refreshed.
    assert any("Job changes" in text and "Ann Lee" in text for text in messages(known_window))
    assert known_window.counts_label.text().startswith("4 contacts")


def test_unticking_a_job_change_keeps_the_old_job(
    qtbot, known_window, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_preview(qtbot, known_window, linkedin_file(tmp_path / "c.csv", NEWER))
    dialog.tabs.setCurrentIndex(3)
    view = dialog.findChild(type(dialog.table), "jobChangesTable")
    jobs = dialog.jobs_model
    # Ann has a new company and title; Carla a new title.
    assert [jobs.index(r, 1).data() for r in range(jobs.rowCount())] == ["Ann Lee", "Carla Diaz"]
    assert jobs.index(0, 2).data() == "Engineer at Acme"
    assert jobs.index(0, 3).data() == "Engineering Lead at Beta Corp"
    view.setFocus()
    view.setCurrentIndex(jobs.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert jobs.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert jobs.index(1, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    # The rows tab says so too.
    ann = dialog.model.item(row_named(dialog, "Ann Lee"))
    assert ann.accepted is not None and "company" not in ann.accepted
    with qtbot.waitSignal(known_window.import_flow.finished, timeout=30_000):
        dialog.accept()
    # The e-mail address is still added; company and title stay as they were.
    assert query(db_path, "SELECT company, title FROM contacts WHERE last_name = 'Lee'") == [
        ("Acme", "Engineer")
    ]
    assert query(db_path, "SELECT count(*) FROM contact_emails") == [(2,)]


def test_closing_the_preview_writes_nothing(
    qtbot, known_window, db_path: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    before = counts(db_path)
    dialog = open_preview(qtbot, known_window, linkedin_file(tmp_path / "c.csv", NEWER))
    with qtbot.waitSignal(known_window.import_flow.finished) as outcome:
        dialog.reject()
    assert outcome.args == ["declined"]
    assert counts(db_path) == before
    assert "nothing written" in known_window.statusBar().currentMessage()


def test_filters_and_bulk_decisions(qtbot, known_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = open_preview(qtbot, known_window, linkedin_file(tmp_path / "c.csv", NEWER))
    dialog.filter.setCurrentIndex(dialog.filter.findData("review"))
    assert [dialog.model.item(r).record.name() for r in range(dialog.model.rowCount())] == [
        "Roberto Ray"
    ]
    dialog.filter.setCurrentIndex(dialog.filter.findData("all"))
    dialog.table.selectAll()
    assert dialog.selection_label.text() == "4 selected"
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    # Every row with a match merges (Roberto into his best suggestion); Dan has none.
    actions = [dialog.model.item(r).action for r in range(4)]
    assert actions == ["merge", "merge", "merge", "create"]
    qtbot.mouseClick(dialog.skip_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.text().startswith("Will create 0, merge 0 and skip 4")
    assert not dialog.import_button.isEnabled()
    dialog.reject()


def test_imported_text_is_never_markup(qtbot, known_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [f"<b>Bold</b>,<i>It</i>,{URL}bold,,<img src=x>,Lead,1 Jan 2020"]
    dialog = open_preview(qtbot, known_window, linkedin_file(tmp_path / "<i>x.csv", rows))
    name = dialog.model.index(0, 1)
    assert name.data() == "<b>Bold</b> <i>It</i>"
    tip = name.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tip and "<b>" not in tip
    assert dialog.decision.heading.textFormat() == Qt.TextFormat.PlainText
    assert "<img src=x>" in dialog.decision.heading.text()
    assert dialog.header.textFormat() == Qt.TextFormat.PlainText
    assert "“<i>x.csv”" in dialog.header.text()
    people = dialog.people_model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert people == "<qt>&lt;img src=x&gt;</qt>"
    dialog.reject()


def test_no_possible_matches_says_so(qtbot, known_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [f"Dan,Novak,{URL}dan-novak,,Delta,Analyst,3 Mar 2024"]
    dialog = open_preview(qtbot, known_window, linkedin_file(tmp_path / "c.csv", rows))
    dialog.filter.setCurrentIndex(dialog.filter.findData("review"))
    empty = dialog.rows_area.empty
    assert dialog.rows_area.currentWidget() is empty
    assert empty.heading.text() == "No possible matches to review"
    qtbot.mouseClick(dialog.rows_area.all_button, Qt.MouseButton.LeftButton)
    assert dialog.filter.currentData() == "all"
    assert dialog.rows_area.currentWidget() is dialog.table
    dialog.reject()
