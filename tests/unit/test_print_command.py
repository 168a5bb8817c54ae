"""``netwise print``: real processes writing real PDFs from a real database."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.processes import run_netwise

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
    assert result.stdout == f"Wrote 3 pages to “{target}”.\n"
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
    assert "People you met" in pdf_text(sheet)


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
    assert "Your pitch" in text and "energy data" in text


def test_a_past_events_sheet_lists_the_people_met(demo, data_dir: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.importing import query

    database = data_dir / "netwise-demo.sqlite3"
    met = query(
        database,
        "SELECT c.full_name FROM event_attendees a JOIN contacts c ON c.id = a.contact_id "
        "WHERE a.event_id = 1 AND a.role = 'met'",
    )
    assert len(met) >= 2
    sheet = tmp_path / "event.pdf"
    result = run_netwise("--demo", "print", "event", "1", "--pdf", str(sheet))
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(sheet).split())
    assert "People you met" in text and "Nobody planned yet" not in text
    for (name,) in met:
        assert name in text


def test_printed_summaries_speak_with_one_voice(demo, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "summaries.pdf"
    ids = ",".join(str(i) for i in range(1, 11))
    result = run_netwise(
        "--demo", "print", "contacts", "--ids", ids, "--pitch", "--pdf", str(target)
    )
    assert result.returncode == 0, result.stderr
    text = " ".join(pdf_text(target).split())
    assert "your goal" in text and "Recent interactions" in text
    for first_person in ("I did", "my goal", "My pitch", " I gave", "I can offer", "How we met"):
        assert first_person not in text, first_person
