"""Alignment and verdict in the Contacts page: the columns, sorting, the verdict facet,
the detail pane's breakdown, and the cells following the background rescoring."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument

from desktop_app.insights.verdicts import VERDICT_LABELS
from desktop_app.ui.common.roles import CONTACT_ID_ROLE, SORT_ROLE, STATUS_ROLE
from tests.ui.contacts_helpers import cell_of, cells, column, ready, scored_page, select, shown


def stored_scores(db_path: Path) -> dict[int, tuple[int, str, str]]:
    with closing(sqlite3.connect(db_path)) as connection:
        rows = connection.execute(
            "SELECT contact_id, alignment, verdict, basis FROM contact_scores"
        )
        return {cid: (alignment, verdict, basis) for cid, alignment, verdict, basis in rows}


def test_the_score_columns_show_the_stored_scores_and_the_command_lines(
    qtbot, qtmodeltester, window, db_path: Path
) -> None:
    page = scored_page(qtbot, window)
    qtmodeltester.check(page.model)
    stored = stored_scores(db_path)
    ids = cells(page, "name", CONTACT_ID_ROLE)[:40]
    alignment, verdicts = cells(page, "alignment")[:40], cells(page, "verdict")[:40]
    assert [str(stored[i][0]) for i in ids] == alignment
    assert [VERDICT_LABELS[stored[i][1]] for i in ids] == verdicts
    assert len(set(verdicts)) > 1  # the demo network is not all one verdict

    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "--db", str(db_path), "review", "--all", "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
    assert result.returncode == 0, result.stderr
    everyone = {
        entry["contact_id"]: entry
        for members in json.loads(result.stdout)["verdicts"].values()
        for entry in members
    }
    for contact_id, score, verdict in zip(ids, alignment, verdicts, strict=True):
        if contact_id in everyone:  # archived and moved-on contacts are not reviewed
            assert str(everyone[contact_id]["alignment"]) == score
            assert everyone[contact_id]["verdict_label"] == verdict

    # The tooltip says why, in the words of the review.
    row = verdicts.index("Move on")
    tip = QTextDocument()
    tip.setHtml(page.model.index(row, column(page, "verdict")).data(Qt.ItemDataRole.ToolTipRole))
    assert tip.toPlainText().startswith("Move on: ")


def click_header(qtbot, page, key: str) -> None:  # type: ignore[no-untyped-def]
    header = page.table.horizontalHeader()
    page.table.scrollTo(page.model.index(0, column(page, key)))
    x = header.sectionViewportPosition(column(page, key)) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_sorting_by_alignment_and_verdict(qtbot, window) -> None:
    page = scored_page(qtbot, window)
    select(page, shown(page)[5])
    chosen = page.current_contact()
    click_header(qtbot, page, "alignment")
    ascending = cells(page, "alignment", SORT_ROLE)
    assert ascending == sorted(ascending) and ascending[0] < ascending[-1]
    assert page.current_contact() == chosen  # the selection moved with its row
    click_header(qtbot, page, "alignment")
    descending = cells(page, "alignment", SORT_ROLE)
    assert descending == sorted(descending, reverse=True)

    click_header(qtbot, page, "verdict")
    order = list(VERDICT_LABELS.values())
    ranks = [order.index(text) for text in cells(page, "verdict")]
    assert ranks == sorted(ranks) and len(set(ranks)) > 2
    statuses = cells(page, "name", STATUS_ROLE)
    first_group = [
        int(value)
        for value, rank, status in zip(cells(page, "alignment"), ranks, statuses, strict=True)
        if rank == 0 and status in ("active", "dormant")
    ]
    assert first_group == sorted(first_group, reverse=True)  # the most aligned first
    click_header(qtbot, page, "verdict")
    ranks = [order.index(text) for text in cells(page, "verdict")]
    assert ranks == sorted(ranks, reverse=True)


def test_the_verdict_facet_shows_only_that_verdict(qtbot, window, db_path: Path) -> None:
    page = scored_page(qtbot, window)
    bar = page.filter_bar
    bar.verdict.setCurrentIndex(bar.verdict.findData("move_on"))
    verdicts = cells(page, "verdict")
    with closing(sqlite3.connect(db_path)) as connection:
        expected = connection.execute(
            "SELECT count(*) FROM contact_scores s JOIN contacts c ON c.id = s.contact_id "
            "WHERE s.verdict = 'move_on' AND c.status != 'archived'"
        ).fetchone()[0]
    assert verdicts and set(verdicts) == {"Move on"} and len(verdicts) == expected
    assert page.count_label.text() == f"Showing {expected} of 300 contacts"
    bar.show_everyone()
    assert bar.verdict.currentData() is None and len(set(cells(page, "verdict"))) > 2


def test_logging_help_changes_the_verdict_in_place(qtbot, small_window) -> None:
    page = scored_page(qtbot, small_window)
    assert cell_of(page, "Bob Builder", "verdict") == "Nurture"
    select(page, "Bob Builder")
    qtbot.waitUntil(lambda: page.detail.name.text() == "Bob Builder")
    fit = page.detail.fit
    assert fit.verdict.text() == "Verdict: Nurture"
    assert "Set a goal" in fit.empty.text()  # no goal yet: every contact scores 0
    for _ in range(3):  # three small favours, nothing back: they only take
        qtbot.mouseClick(page.detail.quick_buttons["help_given"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: cell_of(page, "Bob Builder", "verdict") == "Move on", timeout=10_000)
    assert page.current_contact() == page.model.contact_id(shown(page).index("Bob Builder"))
    qtbot.waitUntil(lambda: fit.verdict.text() == "Verdict: Move on")
    assert fit.reasons.text().startswith("Move on: they only take.")
    assert "⚠ They only take: you gave 3 points" in fit.signs.text()


def test_the_detail_pane_explains_the_score_part_by_part(qtbot, window) -> None:
    page = scored_page(qtbot, window)
    model = page.model
    row = next(r for r, v in enumerate(cells(page, "alignment", SORT_ROLE)) if v and v >= 40)
    page.table.selectRow(row)
    fit = page.detail.fit
    score = model.index(row, column(page, "alignment")).data()
    qtbot.waitUntil(lambda: fit.score.text() == f"Alignment {score}/100")
    assert fit.isVisible() and not fit.empty.isVisible()
    points = [fit.part_points[key].text() for key in fit.part_points]
    earned = sum(int(text.split(" of ")[0]) for text in points if " of " in text)
    # The profile's parts share 100; help toward the goal ("+") comes on top.
    weights = sum(
        int(text.split(" of ")[1]) for text in points if " of " in text and text[0] != "+"
    )
    assert earned == int(score) and weights == 100
    assert all(label.text() for label in fit.part_reasons.values())
    verdict = model.index(row, column(page, "verdict")).data()
    assert fit.verdict.text() == f"Verdict: {verdict}"
    assert fit.reasons.text().startswith(f"{verdict}: ")
    assert fit.relationship.text().startswith("Responsiveness: ")
    assert fit.reasons.textFormat() == Qt.TextFormat.PlainText


def test_verdict_and_alignment_come_after_the_company_by_default(qtbot, window) -> None:
    page = ready(qtbot, window)
    header = page.table.horizontalHeader()
    keys = [c.key for c in page.model.columns]
    shown = sorted(range(len(keys)), key=header.visualIndex)
    assert [keys[section] for section in shown][:5] == [
        "name",
        "title",
        "company",
        "verdict",
        "alignment",
    ]
