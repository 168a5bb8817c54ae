"""Rows of a contact file that NetWise would not keep are left out, each with its line."""

from __future__ import annotations

import pytest

from desktop_app.exchange.formats import contact_parser

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
GOOD = "Ann,Lee,,ann@example.com,Acme,CEO,12 Mar 2021\n"


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (
            "\x1b]0;pwned\x07Eve,Lee,,,Acme,CEO,12 Mar 2021\n",
            "the first name contains a control character",
        ),
        (
            f"Bob,Ray,,,{'C' * 301},CEO,12 Mar 2021\n",
            "the company is 301 characters long; 300 at most",
        ),
        (
            f"Bob,Ray,,{'b' * 320}@x.example,Acme,CEO,12 Mar 2021\n",
            "an e-mail address is 330 characters long; 320 at most",
        ),
        (
            "Bob,Ray,,,Acme,CEO,1 Jan 9999\n",
            "the date connected is 9999-01-01; dates from 1900 to 2199 are accepted",
        ),
    ],
)
def test_a_linkedin_row_with_a_value_netwise_refuses(write, row: str, reason: str) -> None:  # type: ignore[no-untyped-def]
    path = write("Connections.csv", LINKEDIN_HEADER + GOOD + row + GOOD.replace("Ann", "Cy"))
    parsed = contact_parser("linkedin")(path)
    assert [r.first_name for r in parsed.records] == ["Ann", "Cy"]
    assert [str(p) for p in parsed.problems] == [f"line 3: {reason}; the row was left out."]


def test_a_bad_row_far_down_a_long_file_is_found(write) -> None:  # type: ignore[no-untyped-def]
    """The rows are checked a few thousand at a time: one deep in the file still counts."""
    rows = [f"Ann{n},Lee,,,Acme,CEO,12 Mar 2021\n" for n in range(4_500)]
    rows[4_321] = "\x1b]0;pwned\x07Eve,Lee,,,Acme,CEO,12 Mar 2021\n"
    parsed = contact_parser("linkedin")(write("Connections.csv", LINKEDIN_HEADER + "".join(rows)))
    assert len(parsed.records) == 4_499
    assert [str(p) for p in parsed.problems] == [
        "line 4323: the first name contains a control character; the row was left out."
    ]


def test_a_google_note_too_long_leaves_its_row_out(write) -> None:  # type: ignore[no-untyped-def]
    note = "word " * 2_001  # 10,005 characters: more than a note takes, less than a broken file
    text = f'First Name,Last Name,Notes\nAnn,Lee,"{note}"\nBob,Ray,short\n'
    parsed = contact_parser("google")(write("contacts.csv", text))
    assert [r.first_name for r in parsed.records] == ["Bob"]
    assert [str(p) for p in parsed.problems] == [
        "line 2: the note is 10,004 characters long; 10,000 at most; the row was left out."
    ]


def test_a_note_may_span_lines_and_hold_tabs(write) -> None:  # type: ignore[no-untyped-def]
    text = 'First Name,Last Name,Notes\nAnn,Lee,"met at\tthe fair\r\nagain in May"\n'
    parsed = contact_parser("google")(write("contacts.csv", text))
    assert parsed.problems == [] and parsed.records[0].notes == "met at\tthe fair\r\nagain in May"


def test_a_google_label_or_phone_too_long_leaves_its_row_out(write) -> None:  # type: ignore[no-untyped-def]
    text = (
        "First Name,Labels,Phone 1 - Label,Phone 1 - Value\n"
        f"Ann,{'L' * 101} ::: friends,Mobile,+1 555 0100\n"
        f"Bob,friends,Mobile,{'5' * 61}\n"
        "Cy,friends,Mobile,+1 555 0101\n"
    )
    parsed = contact_parser("google")(write("contacts.csv", text))
    assert [r.first_name for r in parsed.records] == ["Cy"]
    assert [str(p) for p in parsed.problems] == [
        "line 2: a tag is 101 characters long; 100 at most; the row was left out.",
        "line 3: a phone number is 61 characters long; 60 at most; the row was left out.",
    ]
