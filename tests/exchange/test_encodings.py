"""Character sets: which one is used, and that the user is told."""

from __future__ import annotations

import codecs

import pytest

from desktop_app.exchange.linkedin import parse_linkedin
from desktop_app.exchange.textfile import decode_bytes

TEXT = (
    "First Name,Last Name,Company,Position,Connected On\n"
    "Jürgen,Müller,Bäcker “AG”,Chef,12 Mar 2021\n"
)


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with BOM"),
        (TEXT.encode("utf-16"), "UTF-16 with BOM"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "UTF-16 with BOM"),
        (TEXT.encode("utf-16-le"), "UTF-16"),
        (TEXT.encode("cp1252"), "Windows-1252"),
    ],
)
def test_detected_encodings_read_the_same_text(write, data: bytes, label: str) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_linkedin(write("c.csv", data))
    assert parsed.encoding == label
    (record,) = parsed.records
    assert (record.name(), record.company) == ("Jürgen Müller", "Bäcker “AG”")


def test_latin1_bytes_undefined_in_windows_1252_fall_back_to_iso_8859_1() -> None:
    decoded = decode_bytes("Ann,Caf\xe9\x81\n".encode("latin-1"), "x.csv")
    assert decoded.encoding == "ISO-8859-1" and decoded.text == "Ann,Caf\xe9\x81\n"


def test_an_encoding_given_by_name_wins(write) -> None:  # type: ignore[no-untyped-def]
    data = ("First Name,Last Name,Company\nŽofie,Šťastná,Škoda\n").encode("cp1250")
    parsed = parse_linkedin(write("cz.csv", data), encoding="cp1250")
    assert parsed.records[0].name() == "Žofie Šťastná"
    assert parsed.encoding == "cp1250"
