"""Printed PDFs hold the expected text, literally, on the expected number of pages."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop_app.datetext import format_day
from desktop_app.reports import documents
from desktop_app.ui.printing.output import write_pdf
from desktop_app.ui.printing.render import page_size_for
from tests.reports.sample import GOAL, MARKUP_NAME, PITCH, compact_rows, contact, event

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )


def test_contact_summary_prints_every_field_and_markup_literally(qapp, tmp_path: Path) -> None:
    path = tmp_path / "ann.pdf"
    assert write_pdf(documents.contact_summary(contact(), PITCH), path) == 1
    text = pdf_text(path)
    assert MARKUP_NAME in text
    for expected in (
        "Head of Product · Helix Cloud",
        "ann@helix.example",
        "+49 30 1234567",
        "Prioritise",
        "82 / 100",
        "Send the pricing research",
        "Introductions to hiring managers",
        "Page 1 of 1",
        "Your pitch",
    ):
        assert expected in text, expected


def test_one_contact_per_page(qapp, tmp_path: Path) -> None:
    path = tmp_path / "three.pdf"
    sheets = [contact(f"Person {i}") for i in range(3)]
    assert write_pdf(documents.contacts_one_per_page(sheets), path) == 3
    assert pdf_pages(path) == 3
    pages = pdf_text(path).split("\f")
    for index in range(3):
        assert f"Person {index}" in pages[index]
        assert f"Page {index + 1} of 3" in pages[index]


def test_compact_list_keeps_each_row_whole_on_one_page(qapp, tmp_path: Path) -> None:
    path = tmp_path / "list.pdf"
    rows = compact_rows(200)
    pages = write_pdf(documents.compact_list(rows), path)
    assert pages == pdf_pages(path) > 1
    text = pdf_text(path)
    for row in rows:  # name, company and date of a row always share a line
        line = next(line for line in text.splitlines() if row.name in line)
        assert row.company in line and format_day(row.next_followup) in line
    for page in text.split("\f")[1:-1]:
        assert "Name" in page and "Next follow-up" in page  # the header row repeats


def test_event_sheet_and_goal_card(qapp, tmp_path: Path) -> None:
    sheet = tmp_path / "event.pdf"
    write_pdf(documents.event_sheet(event(2)), sheet)
    text = pdf_text(sheet)
    assert "Product Leaders Breakfast" in text and "Guest 1" in text
    assert "People you mean to meet" in text and GOAL.statement[:40] in text
    card = tmp_path / "goal.pdf"
    assert write_pdf(documents.goal_card(GOAL), card) == 1
    assert "Informational meetings per month" in pdf_text(card)


def test_page_size_follows_the_locale() -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    us = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    de = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert page_size_for(us).id() == QPageSize.PageSizeId.Letter
    assert page_size_for(de).id() == QPageSize.PageSizeId.A4


def test_the_contacts_page_prints_the_selection(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.show_page("contacts")
    page = window.current_page()
    page.table.selectRow(0)
    assert window.actions["print"].isEnabled()
    # What is printed is asked for (tests/ui/test_export_scope.py): the selection first.
    assert page.contact_scope().selected == (page.current_contact(),)


def test_print_from_the_toolbar_and_the_context_menus(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMenu

    on_toolbar = {a.text() for a in window.toolbar.actions()}
    assert {"Print Pre&view…", "&Print…", "E&xport PDF…"} <= on_toolbar
    for name in ("contacts", "events"):
        window.show_page(name)
        menu = QMenu(window)
        window.current_page().services.add_print_entries(menu)
        assert window.actions["print"] in menu.actions()
