"""Google Contacts CSV in its current layout and the one used until 2023."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.exchange.errors import MissingColumnsError, WrongFormatError
from desktop_app.exchange.google import parse_google
from desktop_app.exchange.records import Labelled


def test_current_layout_with_bom_multi_values_and_multi_line_notes(data: Path) -> None:
    parsed = parse_google(data / "google-contacts.csv")
    assert parsed.encoding == "UTF-8 with BOM"
    grace, email_only, ada = parsed.records
    assert (grace.first_name, grace.middle_name, grace.last_name) == ("Grace", "M.", "Hopper")
    assert (grace.company, grace.title) == ("Navy Labs", "Rear Admiral")
    assert grace.emails == [
        Labelled("grace@navy.example", "work"),
        Labelled("g.hopper@home.example", "work"),
        Labelled("grace.private@example.com", "home"),
    ]
    assert [p.value for p in grace.phones] == ["+1 555 0100", "+1 555 0101"]
    assert grace.tags == ["Mentors", "Conference"]  # system groups ("* myContacts") dropped
    assert grace.notes == (
        'Met at the compiler conference.\nFollow up about COBOL.\n\nLikes "nanoseconds".'
    )
    assert grace.linkedin_url == "https://www.linkedin.com/in/grace-hopper"
    assert grace.location == "Arlington, United States"
    # The notes span four lines: the next row's line number accounts for them.
    assert email_only.line == 7
    assert email_only.name() == "only.email@example.org"
    assert ada.location == "London, United Kingdom"
    assert parsed.problems == []


def test_legacy_layout_columns_found_by_name(data: Path) -> None:
    parsed = parse_google(data / "google-contacts-legacy.csv")
    alan, hedy = parsed.records
    assert (alan.first_name, alan.last_name, alan.company, alan.title) == (
        "Alan",
        "Turing",
        "Bletchley Park",
        "Cryptanalyst",
    )
    assert alan.tags == ["Friends"]
    assert alan.emails == [Labelled("alan@bletchley.example", "work")]
    # Only the whole name is given: split into first and last.
    assert (hedy.first_name, hedy.last_name) == ("Hedy", "Lamarr")
    mapped = {c.header: c.field for c in parsed.columns}
    assert mapped["Given Name"] == "first_name" and mapped["Gender"] is None


def test_columns_in_any_order(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "g.csv",
        "E-mail 1 - Value,Organization Name,Last Name,First Name\nx@y.example,Acme,Lee,Ann\n",
    )
    (record,) = parse_google(path).records
    assert (record.first_name, record.last_name, record.company) == ("Ann", "Lee", "Acme")


def test_no_name_column_is_a_missing_column(write) -> None:  # type: ignore[no-untyped-def]
    path = write("g.csv", "E-mail 1 - Value,Organization Name\nx@y.example,Acme\n")
    with pytest.raises(MissingColumnsError, match="line 1: the header has no name column"):
        parse_google(path)


def test_a_linkedin_file_is_not_taken_for_google(data: Path) -> None:
    with pytest.raises(WrongFormatError, match="not a Google Contacts CSV"):
        parse_google(data / "linkedin-2024.csv")
