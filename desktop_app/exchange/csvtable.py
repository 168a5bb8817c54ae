"""Reading CSV text row by row with line numbers, turning csv's errors into plain messages."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from itertools import chain

from desktop_app.exchange.errors import (
    BrokenQuotingError,
    FieldTooLargeError,
    ImportFileError,
    NotTextError,
)
from desktop_app.exchange.textfile import DecodedText

# The longest value NetWise keeps from a CSV cell: notes of a few pages fit many times.
MAX_FIELD_CHARS = 100_000
# A StringIO copies its whole text when made, four bytes a character, in one call that
# holds the interpreter lock (25 ms for a 10 MB file, while the window waits to repaint);
# the text is read through one StringIO a piece instead, each piece ending after a "\n".
_PIECE_CHARS = 1 << 20


def header_key(cell: str) -> str:
    """A column name as compared: no BOM, no outer spaces, case-folded, single spaces."""
    return " ".join(cell.replace("\ufeff", "").split()).casefold()


def is_blank(cells: list[str]) -> bool:
    """True for an empty line or a line of separators only (",,,,")."""
    # Cells of white space only join into white space only: one strip, not one a cell.
    return not "".join(cells).strip()


def csv_rows(decoded: DecodedText) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, its cells) for every row, blank rows included.

    Quoting is read strictly, so a quote that is never closed or stray text after a
    closing quote is reported with its line instead of swallowing the rest of the file.
    """
    reader = csv.reader(chain.from_iterable(_pieces(decoded.text)), strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _translate(exc, decoded.source, line, reader.line_num) from None
        if cells and max(map(len, cells)) > MAX_FIELD_CHARS:
            raise _too_large(decoded.source, line, max(map(len, cells)))
        yield line, cells
        line = reader.line_num + 1


def _pieces(text: str) -> Iterator[io.StringIO]:
    """The text's lines (universal line ends, kept), a piece of whole lines at a time."""
    start = 0
    while start < len(text):
        cut = text.find("\n", start + _PIECE_CHARS)
        end = len(text) if cut < 0 else cut + 1
        yield io.StringIO(text[start:end], newline="")
        start = end


def _too_large(source: str, line: int, size: int | None) -> FieldTooLargeError:
    size_text = f"{size:,} characters long" if size else "too long"
    return FieldTooLargeError(
        source,
        f"a value is {size_text}; NetWise keeps values up to {MAX_FIELD_CHARS:,} "
        "characters. (A quote that is never closed makes a value run on to the end "
        "of the file.)",
        line=line,
    )


def _translate(exc: csv.Error, source: str, start: int, current: int) -> ImportFileError:
    text = str(exc)
    if "field larger than field limit" in text:
        return _too_large(source, start, None)
    if "unexpected end of data" in text:
        return BrokenQuotingError(
            source, "a quoted value that starts on this line is never closed.", line=start
        )
    if "expected after" in text:
        return BrokenQuotingError(
            source,
            "text follows the closing quote of a value (quotes inside a quoted value "
            'must be doubled: "").',
            line=current,
        )
    if "NUL" in text:
        return NotTextError(
            source, "this line holds a NUL byte: the file is not text.", line=current
        )
    return ImportFileError(source, f"the CSV cannot be read: {text}.", line=current)


def cell(cells: list[str], index: int | None) -> str:
    """The stripped value at ``index``, or "" when the column is absent or the row short."""
    if index is None or index >= len(cells):
        return ""
    return cells[index].strip()
