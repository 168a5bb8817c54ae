"""``netwise print``: real processes writing real PDFs from a real database."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.test_command_line import run_netwise

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def demo(data_dir: Path) -> None:
    assert run_netwise("--demo", "--self-test").returncode == 0


def test_one_page_per_contact(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "three.pdf"
    result = run_netwise("--demo", "print", "contacts", "--ids", "1,2,3", "--pdf", str(target))
    assert result.returncode == 0, result.stderr
    assert "(3 pages)" in result.stdout
    pages = pdf_text(target).split("\f")
    assert all("Where they stand" in page for page in pages[:3])
    assert "Page 3 of 3" in pages[2]


def test_compact_list_of_a_tag_and_an_event_sheet(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    listed = tmp_path / "mentors.pdf"
    result = run_netwise(
        "--demo", "print", "contacts", "--tag", "mentor", "--list", "--pdf", str(listed)
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(listed)
    assert "Next follow-up" in text and " people" in text
    sheet = tmp_path / "event.pdf"
    assert run_netwise("--demo", "print", "event", "1", "--pdf", str(sheet)).returncode == 0
    assert "People I mean to meet" in pdf_text(sheet)


def test_bad_requests_are_messages(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = run_netwise("--demo", "print", "event", "999", "--pdf", str(tmp_path / "x.pdf"))
    assert missing.returncode == 1 and "there is no event 999" in missing.stderr
    assert not (tmp_path / "x.pdf").exists()
    nobody = run_netwise(
        "--demo", "print", "contacts", "--tag", "nobody-has-this", "--pdf", str(tmp_path / "y.pdf")
    )
    assert nobody.returncode == 1 and "no contact has the tag" in nobody.stderr
    no_db = run_netwise(
        "--db",
        str(tmp_path / "none.sqlite3"),
        "print",
        "contacts",
        "--all",
        "--pdf",
        str(tmp_path / "z.pdf"),
    )
    assert no_db.returncode == 1 and "there is no database" in no_db.stderr
    assert "Traceback" not in missing.stderr + nobody.stderr + no_db.stderr


def test_a_summary_with_my_pitch(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "one.pdf"
    result = run_netwise(
        "--demo", "print", "contacts", "--ids", "7", "--pitch", "--pdf", str(target)
    )
    assert result.returncode == 0, result.stderr
    text = pdf_text(target)
    assert "My pitch" in text and "energy data" in text
