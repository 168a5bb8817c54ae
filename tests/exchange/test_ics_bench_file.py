"""The benchmark's calendar generator writes files the reader takes without a problem."""

from __future__ import annotations

from pathlib import Path

from desktop_app.exchange.ics_in import parse_calendar
from tests.bench.ics_files import OWNER, write_calendar_file


def test_a_generated_calendar_reads_cleanly(tmp_path: Path) -> None:
    path = write_calendar_file(tmp_path / "calendar.ics", 300, 30)
    parsed = parse_calendar(path)

    assert parsed.problems == ()
    assert parsed.owner_emails == {OWNER}
    single = {o.uid for o in parsed.occurrences if not o.recurrence_id}
    series = {o.uid for o in parsed.occurrences if o.recurrence_id}
    assert len(single) > 200
    assert 20 <= len(series) <= 30
    assert len(parsed.occurrences) > len(single) + 3 * len(series)
    assert any(o.cancelled for o in parsed.occurrences)
    assert any(o.looks_like_networking for o in parsed.occurrences)
    assert any(o.title.endswith("(moved)") for o in parsed.occurrences)
