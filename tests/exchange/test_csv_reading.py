"""CSV text read a piece at a time: the same rows and lines, without one copy of it all.

A StringIO over the whole text copied it in one call (four bytes a character) that held
the interpreter lock while the window waited; the text is now read a piece of whole lines
at a time.
"""

from __future__ import annotations

import csv
import io
import tracemalloc

import pytest

from desktop_app.exchange import csvtable
from desktop_app.exchange.errors import BrokenQuotingError
from desktop_app.exchange.textfile import DecodedText

MB = 1_000_000


def _rows(text: str) -> list[tuple[int, list[str]]]:
    return list(csvtable.csv_rows(DecodedText("Connections.csv", text, "UTF-8")))


def _rows_read_whole(text: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, line = [], 1
    for cells in reader:
        rows.append((line, cells))
        line = reader.line_num + 1
    return rows


def test_the_first_row_of_a_10_mb_file_is_read_without_copying_all_of_it() -> None:
    text = "First Name,Last Name,Company\n" + "Zoë,Åberg,Acme Ltd\n" * 550_000
    assert len(text) > 10 * MB
    tracemalloc.start()
    try:
        rows = csvtable.csv_rows(DecodedText("Connections.csv", text, "UTF-8"))
        assert next(rows) == (1, ["First Name", "Last Name", "Company"])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * MB  # the whole text as a StringIO holds 40 MB


@pytest.mark.parametrize("piece_chars", [1, 7, 16, 1 << 20])
def test_rows_and_their_lines_are_the_same_across_pieces(
    monkeypatch: pytest.MonkeyPatch, piece_chars: int
) -> None:
    monkeypatch.setattr(csvtable, "_PIECE_CHARS", piece_chars)
    text = (
        "First Name,Last Name,Notes\r\n"
        'Ann,Lee,"met at\r\nthe fair\nin May"\r\n'
        'Bo,Ng,"a\rb"\r'
        "Cy,Oh,\n"
        "\n"
        ",,\r\n"
        "Di,Ma,last line without an end"
    )
    assert _rows(text) == _rows_read_whole(text)
    assert _rows(text)[1] == (2, ["Ann", "Lee", "met at\r\nthe fair\nin May"])


def test_a_quote_never_closed_names_its_line_across_pieces(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(csvtable, "_PIECE_CHARS", 8)
    text = 'First Name,Last Name\nAnn,Lee\nBo,"Ng\nCy,Oh\nDi,Ma\n'
    with pytest.raises(BrokenQuotingError) as error:
        _rows(text)
    assert error.value.line == 3
