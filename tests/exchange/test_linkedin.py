"""LinkedIn Connections.csv, recent and old, as LinkedIn wrote them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from desktop_app.exchange.dates import parse_date
from desktop_app.exchange.errors import MissingColumnsError, WrongFormatError
from desktop_app.exchange.linkedin import parse_linkedin


def test_recent_export_with_notes_before_the_header(data: Path) -> None:
    parsed = parse_linkedin(data / "linkedin-2024.csv")
    assert parsed.header_line == 4
    assert parsed.encoding == "UTF-8"
    names = [r.name() for r in parsed.records]
    assert names[:3] == ["Ann Smith", "Jon Smith", "John Smith"]
    assert "Zoë 🚀 O'Brien" in names
    assert "Αλέξανδρος Παπαδόπουλος" in names and "Иван Петров" in names
    ann = parsed.records[0]
    assert ann.line == 5
    assert (ann.company, ann.title) == ("Acme Inc.", "Senior Engineer")
    assert ann.linkedin_url == "https://www.linkedin.com/in/ann-smith-1a2b3c"
    assert [e.value for e in ann.emails] == ["ann.smith@acme.example"]
    assert ann.connected_on == dt.date(2021, 3, 12)
    zoe = next(r for r in parsed.records if r.last_name == "O'Brien")
    assert (zoe.company, zoe.title) == ("Widgets, Inc.", "CTO, Co-founder")
    # The blank line and the comma-only line are skipped silently; the nameless row is reported.
    assert [(p.line, "no name" in p.message) for p in parsed.problems] == [(15, True)]
    assert len(parsed.records) == 8


def test_old_export_without_url_column_and_american_dates(data: Path) -> None:
    parsed = parse_linkedin(data / "linkedin-2019.csv")
    assert parsed.header_line == 1
    assert [(r.name(), r.connected_on) for r in parsed.records] == [
        ("Maria Garcia", dt.date(2019, 3, 12)),
        ("Peter Müller", dt.date(2018, 11, 5)),
        ("Chloé Dubois", dt.date(2017, 6, 30)),
    ]
    assert all(r.linkedin_url == "" for r in parsed.records)
    mapped = {c.header: c.field for c in parsed.columns}
    assert mapped["Position"] == "title" and mapped["Connected On"] == "connected_on"


def test_preamble_of_any_length_and_a_byte_order_mark(write) -> None:  # type: ignore[no-untyped-def]
    notes = "".join(f"Note line {n}\n" for n in range(9))
    path = write(
        "Connections.csv",
        b"\xef\xbb\xbf"
        + (
            notes + "\nFirst Name,Last Name,Company,Position,Connected On\n"
            "Ann,Lee,Acme,CEO,12 Mar 2021\n"
        ).encode(),
    )
    parsed = parse_linkedin(path)
    assert parsed.header_line == 11
    assert parsed.encoding == "UTF-8 with BOM"
    assert [r.name() for r in parsed.records] == ["Ann Lee"]


def test_a_date_that_is_not_one_is_reported_and_left_out(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.csv", "First Name,Last Name,Company,Connected On\nAnn,Lee,Acme,someday\n")
    parsed = parse_linkedin(path)
    assert parsed.records[0].connected_on is None
    assert parsed.problems[0].line == 2 and "someday" in parsed.problems[0].message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 Mar 2021", dt.date(2021, 3, 12)),
        ("1 September 2019", dt.date(2019, 9, 1)),
        ("03/12/2021", dt.date(2021, 3, 12)),
        ("3/12/21", dt.date(2021, 3, 12)),
        ("2021-03-12", dt.date(2021, 3, 12)),
        ("2021-03-12T10:00:00Z", dt.date(2021, 3, 12)),
        ("Mar 12, 2021", dt.date(2021, 3, 12)),
        ("12-Mar-21", dt.date(2021, 3, 12)),
        ("", None),
        ("31 Feb 2021", None),
        ("12 Foo 2021", None),
        ("yesterday", None),
    ],
)
def test_connected_on_formats(text: str, expected: dt.date | None) -> None:
    assert parse_date(text) == expected


def test_missing_last_name_column_names_the_header_line(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "c.csv", "Notes:\n\nFirst Name,URL,Email Address,Company,Position\nAnn,,,Acme,CEO\n"
    )
    with pytest.raises(MissingColumnsError) as caught:
        parse_linkedin(path)
    assert caught.value.line == 3
    assert "“Last Name”" in caught.value.message and "“c.csv”, line 3" in caught.value.message


def test_a_google_file_is_not_taken_for_linkedin(data: Path) -> None:
    with pytest.raises(WrongFormatError, match="not a LinkedIn connections file"):
        parse_linkedin(data / "google-contacts.csv")
