"""Export and print from the Contacts page take the selection, the contacts the filter
shows, or everyone, as chosen; a contact list prints as a compact table or a page each."""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QRadioButton

from tests.ui.contacts_helpers import shown
from tests.ui.dialogs import when_dialog_opens


def contacts_page(qtbot, window):  # type: ignore[no-untyped-def]
    window.show_page("contacts")
    page = window.current_page()
    qtbot.waitUntil(lambda: page.model.rowCount() > 20 and not page.model.pending)
    return page


def select_rows(qtbot, page, first: int, last: int) -> None:  # type: ignore[no-untyped-def]
    """Click the first row, shift-click the last, as a user selects a range."""
    viewport = page.table.viewport()
    for row, modifier in (
        (first, Qt.KeyboardModifier.NoModifier),
        (last, Qt.KeyboardModifier.ShiftModifier),
    ):
        point = page.table.visualRect(page.model.index(row, 0)).center()
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, modifier, point)


def click_radio(qtbot, button: QRadioButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def export_csv(qtbot, window, monkeypatch, target: Path, scope: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """File → Export…, CSV, the given choice of contacts (or the default): the names written."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), a[-1]))
    )
    window.actions["export"].trigger()
    dialog = window.export_flow.dialog
    qtbot.waitExposed(dialog)
    click_radio(qtbot, dialog.buttons["csv"])
    if scope is not None:
        click_radio(qtbot, dialog.findChild(QRadioButton, f"scope_{scope}"))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.export_flow.finished, timeout=30_000) as outcome:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert outcome.args == ["exported"]
    with target.open(encoding="utf-8-sig", newline="") as handle:
        return [row["Name"] for row in csv.DictReader(handle)]


def test_export_takes_the_selection_by_default(qtbot, window, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = contacts_page(qtbot, window)
    select_rows(qtbot, page, 3, 12)
    names = export_csv(qtbot, window, monkeypatch, tmp_path / "ten.csv")
    assert names == shown(page)[3:13]
    assert "Exported 10 contacts" in window.statusBar().currentMessage()
    everyone = export_csv(qtbot, window, monkeypatch, tmp_path / "all.csv", "everyone")
    assert len(everyone) == 300


def test_export_takes_the_contacts_the_filter_shows(
    qtbot, window, monkeypatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = contacts_page(qtbot, window)
    everyone_shown = page.model.rowCount()
    with qtbot.waitSignal(page.filter_bar.filter_changed):
        qtbot.keyClicks(page.filter_bar.search, "engineer")
    assert 0 < page.model.rowCount() < everyone_shown
    window.actions["export"].trigger()
    dialog = window.export_flow.dialog
    qtbot.waitExposed(dialog)
    label = dialog.findChild(QRadioButton, "scope_shown").text()
    assert f"The {page.model.rowCount()} contacts shown" in label and "“engineer”" in label
    click_radio(qtbot, dialog.buttons["ics"])  # a calendar takes no choice of contacts
    assert not dialog.scope_box.isEnabled()
    dialog.reject()
    names = export_csv(qtbot, window, monkeypatch, tmp_path / "shown.csv", "shown")
    assert names == shown(page)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def export_pdf(qtbot, window, monkeypatch, target: Path, layout: str | None = None) -> list[str]:  # type: ignore[no-untyped-def]
    """File → Export PDF… from the Contacts page: the choices the dialog offered."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), a[-1]))
    )
    seen: list[str] = []

    def answer(dialog: QDialog) -> None:
        seen.extend(b.text() for b in dialog.findChildren(QRadioButton) if b.isChecked())
        if layout is not None:
            click_radio(qtbot, dialog.findChild(QRadioButton, f"layout_{layout}"))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        assert ok.text() == "Export PDF…"
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_dialog_opens(answer, QDialog)
    window.actions["export_pdf"].trigger()
    assert target.exists()
    return seen


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")
def test_a_pdf_of_the_selection_is_a_table_or_a_page_each(  # type: ignore[no-untyped-def]
    qtbot, window, monkeypatch, tmp_path: Path
) -> None:
    page = contacts_page(qtbot, window)
    select_rows(qtbot, page, 0, 9)
    names = shown(page)[:10]
    table = tmp_path / "table.pdf"
    choices = export_pdf(qtbot, window, monkeypatch, table)
    assert choices == ["The 10 selected contacts", "A table, one line per contact"]
    text = pdf_text(table)
    assert text.count("\f") == 1 and "Next follow-up" in text and "10 people" in text
    assert all(name in text for name in names)
    pages = tmp_path / "pages.pdf"
    export_pdf(qtbot, window, monkeypatch, pages, "summaries")
    each = pdf_text(pages).split("\f")[:-1]
    assert len(each) == 10
    assert all(
        name in sheet and "Where they stand" in sheet
        for name, sheet in zip(names, each, strict=True)
    )
