"""Every kind of bad file gives an ImportFileError naming the file (and line), never a crash."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from desktop_app.exchange.errors import (
    BrokenQuotingError,
    EmptyFileError,
    FieldTooLargeError,
    FileTooLargeError,
    ImportFileError,
    MissingColumnsError,
    NotTextError,
    UnknownEncodingError,
    UnsupportedVersionError,
    WrongFormatError,
)
from desktop_app.exchange.formats import contact_parser
from desktop_app.exchange.jsonformat import load_dataset

LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"


def parse(fmt: str, path: Path):  # type: ignore[no-untyped-def]
    return load_dataset(path) if fmt == "json" else contact_parser(fmt)(path)


@pytest.mark.parametrize("fmt", ["linkedin", "google", "vcard", "json"])
@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"", EmptyFileError),
        (b"\n\n  \r\n", EmptyFileError),
        (b"\xef\xbb\xbf", EmptyFileError),
        (b"\x00\x01\x02\x03binary\xff\xfe\x00" * 50, NotTextError),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", NotTextError),
        (
            "これは日本語のテキストです。名前、会社、役職。".encode("shift_jis") * 3,
            UnknownEncodingError,
        ),
    ],
)
def test_bad_files_in_every_format(write, fmt: str, content: bytes, error: type) -> None:  # type: ignore[no-untyped-def]
    path = write(f"input.{fmt}", content)
    with pytest.raises(error) as caught:
        parse(fmt, path)
    assert caught.value.message.startswith(f"“input.{fmt}”")


@pytest.mark.parametrize("fmt", ["linkedin", "google", "vcard"])
def test_a_spreadsheet_is_named_for_what_it_is(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "contacts.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(NotTextError, match="ZIP archive \\(or an Excel workbook\\)"):
        parse(fmt, path)


@pytest.mark.parametrize(
    ("fmt", "content"),
    [
        ("linkedin", "name,phone\nAnn,123\n"),
        ("google", "Notes:\nsomething\n"),
        ("vcard", "First Name,Last Name\nAnn,Lee\n"),
        ("json", '{"contacts": []}'),
        ("json", "[1, 2, 3]"),
    ],
)
def test_wrong_format(write, fmt: str, content: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(WrongFormatError):
        parse(fmt, write("x.txt", content))


def test_broken_json_names_the_line(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "export.json",
        '{\n"format": "netwise",\n"format_version": 1,\n"contacts": [\n{"id": 1,,}\n]}',
    )
    with pytest.raises(WrongFormatError) as caught:
        load_dataset(path)
    assert caught.value.line == 5 and "“export.json”, line 5" in caught.value.message


def test_json_from_a_newer_netwise(write) -> None:  # type: ignore[no-untyped-def]
    path = write("export.json", '{"format": "netwise", "format_version": 99}')
    with pytest.raises(UnsupportedVersionError, match="newer NetWise"):
        load_dataset(path)


def test_json_with_a_bad_value_or_reference(write) -> None:  # type: ignore[no-untyped-def]
    bad_date = (
        '{"format": "netwise", "format_version": 1, "contacts": [{"id": 1, "full_name": "A", '
        '"created_at": "yesterday", "updated_at": "2024-01-01T00:00:00"}]}'
    )
    with pytest.raises(
        WrongFormatError, match=r"contacts\[0\]\.created_at is not a valid datetime"
    ):
        load_dataset(write("a.json", bad_date))
    dangling = (
        '{"format": "netwise", "format_version": 1, "interactions": [{"id": 1, "contact_id": 9, '
        '"occurred_on": "2024-01-01", "kind": "call", "initiated_by": "me", "reply_status": '
        '"none", "help_given": "none", "help_received": "none", '
        '"created_at": "2024-01-01T00:00:00"}]}'
    )
    with pytest.raises(ImportFileError, match="interaction 1 refers to contact 9"):
        load_dataset(write("b.json", dangling))


@pytest.mark.parametrize("fmt", ["linkedin", "google", "vcard"])
def test_missing_required_columns(write, fmt: str) -> None:  # type: ignore[no-untyped-def]
    content = {
        "linkedin": "First Name,Email Address,Company,Position\nAnn,a@b.c,Acme,CEO\n",
        "google": "Organization Name,E-mail 1 - Value,Notes\nAcme,a@b.c,hi\n",
        # A card with no name at all: nothing to import.
        "vcard": "BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@b.c\nEND:VCARD\n",
    }[fmt]
    error = WrongFormatError if fmt == "vcard" else MissingColumnsError
    with pytest.raises(ImportFileError) as caught:
        parse(fmt, write("x.csv", content))
    if fmt == "vcard":
        assert parse_problems_say_no_name(write)
    else:
        assert isinstance(caught.value, error) and caught.value.line == 1


def parse_problems_say_no_name(write) -> bool:  # type: ignore[no-untyped-def]
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:3.0\nEMAIL:a@b.c\nEND:VCARD\n"
    )
    parsed = contact_parser("vcard")(write("y.vcf", text))
    return [p.line for p in parsed.problems] == [5] and "no name" in parsed.problems[0].message


@pytest.mark.parametrize("fmt", ["linkedin", "google", "vcard"])
def test_a_50_mb_file_is_refused_before_reading(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: the size counts, nothing is read
    with pytest.raises(
        FileTooLargeError, match=r"50\.0 MB; NetWise imports files of this kind up to 32 MB"
    ):
        parse(fmt, path)


@pytest.mark.parametrize("fmt", ["linkedin", "google", "vcard"])
def test_a_one_megabyte_field(write, fmt: str) -> None:  # type: ignore[no-untyped-def]
    big = "x" * 1_048_576
    content = {
        "linkedin": f"{LINKEDIN_HEADER}Ann,Lee,,,Acme,{big},12 Mar 2021\n",
        "google": f"First Name,Notes\nAnn,{big}\n",
        "vcard": f"BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nNOTE:{big}\nEND:VCARD\n",
    }[fmt]
    with pytest.raises(FieldTooLargeError) as caught:
        parse(fmt, write("big.csv", content))
    assert caught.value.line == (2 if fmt != "vcard" else 1)


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (
            f'{LINKEDIN_HEADER}Ann,Lee,,,"Acme,CEO,12 Mar 2021\nBob,Ray,,,Beta,CTO,1 Jan 2020\n',
            2,
            "never closed",
        ),
        (
            f'{LINKEDIN_HEADER}Ann,Lee,,,"Acme" Inc,CEO,12 Mar 2021\n',
            2,
            "follows the closing quote",
        ),
    ],
)
def test_broken_quoting_names_the_line(write, content: str, line: int, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(BrokenQuotingError) as caught:
        parse("linkedin", write("Connections.csv", content))
    assert caught.value.line == line and words in caught.value.message


def test_an_unknown_encoding_given_by_name(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.csv", LINKEDIN_HEADER + "Ann,Lee,,,Acme,CEO,12 Mar 2021\n")
    with pytest.raises(UnknownEncodingError, match="“klingon” is not a known encoding"):
        contact_parser("linkedin")(path, encoding="klingon")


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="cannot be read"):
        parse("linkedin", tmp_path / "nowhere.csv")
