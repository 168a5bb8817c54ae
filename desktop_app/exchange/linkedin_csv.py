"""CSV rows of one archive file read as a stream, with line numbers and strict quoting.

``csvtable.csv_rows`` reads a text held whole; a heavy user's ``messages.csv`` is hundreds
of megabytes, so the files of the archive are read row by row from their stream instead,
with the same rules: a quote never closed, or text after a closing quote, is an error
naming its line rather than a value that swallows the rest of the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from typing import IO

from desktop_app.exchange.csvtable import MAX_FIELD_CHARS, header_key, is_blank
from desktop_app.exchange.dates import parse_date
from desktop_app.exchange.errors import (
    BrokenQuotingError,
    FieldTooLargeError,
    ImportFileError,
    MissingColumnsError,
    NotTextError,
    UnknownEncodingError,
)
from desktop_app.exchange.linkedin_kinds import find_header
from desktop_app.exchange.textfile import MB
from desktop_app.validation import MAX_SHORT_TEXT, MAX_WEB_ADDRESS

# Control characters, and the invisible ones that reorder or hide text, have no place in
# what an untrusted file says about people.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e]")
# "10/16/18, 8:36 AM": the 2018 messages and the invitations, month first, local time.
_US_TIME = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),? +(\d{1,2}):(\d{2})(?::(\d{2}))? *([AaPp][Mm])?$"
)

# fail(error type, problem, line) → the error to raise, naming the file or ZIP entry.
Fail = Callable[..., ImportFileError]


# No line of a real export comes near this: a value's line breaks end lines.
MAX_LINE_BYTES = 4 * MB


class Utf8Lines:
    """The lines of a byte stream as text, decoded one by one, so that bytes that are not
    UTF-8 (a file saved again by a spreadsheet) are reported with their line."""

    def __init__(self, raw: IO[bytes], fail: Fail) -> None:
        self._raw = raw
        self._fail = fail
        self.line = 0
        self.bytes_read = 0  # for progress

    def __iter__(self) -> Utf8Lines:
        return self

    def __next__(self) -> str:
        data = self._raw.readline(MAX_LINE_BYTES)
        if not data:
            raise StopIteration
        self.line += 1
        self.bytes_read += len(data)
        if len(data) == MAX_LINE_BYTES and not data.endswith(b"\n"):
            raise self._fail(
                FieldTooLargeError,
                f"the line is longer than {MAX_LINE_BYTES // MB} MB: this is not a CSV "
                "LinkedIn wrote.",
                self.line,
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise self._fail(
                UnknownEncodingError,
                "the text is not UTF-8, as LinkedIn writes it (a spreadsheet may have saved "
                "it again in another character set): use the file from LinkedIn's ZIP.",
                self.line,
            ) from None
        return text.removeprefix("\ufeff") if self.line == 1 else text


def stream_rows(handle: Iterable[str], fail: Fail) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, its cells) for every row that is not blank."""
    reader = csv.reader(handle, strict=True)
    line = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _translate(str(exc), fail, line, reader.line_num) from None
        if cells and max(map(len, cells)) > MAX_FIELD_CHARS:
            raise fail(
                FieldTooLargeError,
                f"a value is {max(map(len, cells)):,} characters long; NetWise keeps values "
                f"up to {MAX_FIELD_CHARS:,} characters. (A quote that is never closed makes "
                "a value run on to the end of the file.)",
                line,
            )
        if (cells and cells[0].strip()) or not is_blank(cells):  # (the first cell: fast)
            yield line, cells
        line = reader.line_num + 1


def _translate(text: str, fail: Fail, start: int, current: int) -> ImportFileError:
    if "field larger than field limit" in text:
        return fail(
            FieldTooLargeError,
            "a value is too long (a quote that is never closed makes a value run on to "
            "the end of the file).",
            start,
        )
    if "unexpected end of data" in text:
        return fail(
            BrokenQuotingError, "a quoted value that starts on this line is never closed.", start
        )
    if "expected after" in text:
        return fail(
            BrokenQuotingError,
            "text follows the closing quote of a value (quotes inside a quoted value must be "
            'doubled: "").',
            current,
        )
    if "NUL" in text:
        return fail(NotTextError, "this line holds a NUL byte: the file is not text.", current)
    return fail(ImportFileError, f"the CSV cannot be read: {text}.", current)


class Columns:
    """Where each column of a header is, found by name as compared (case, spaces, BOM)."""

    def __init__(self, header: list[str]) -> None:
        self.index: dict[str, int] = {}
        for i, cell in enumerate(header):
            self.index.setdefault(header_key(cell), i)
        self.width = len(header)

    def get(self, *names: str) -> int | None:
        """The position of the first of ``names`` the header has."""
        for name in names:
            if name in self.index:
                return self.index[name]
        return None

    def get_or_past_end(self, *names: str) -> int:
        """As ``get``, but an absent column is the cell just past the header's width, which
        reads "" in a row padded to ``width + 1``."""
        index = self.get(*names)
        return self.width if index is None else index

    def require(self, fail: Fail, line: int, *names: str) -> list[int]:
        missing = [name for name in names if name not in self.index]
        if missing:
            raise fail(
                MissingColumnsError,
                f"the header has no {' or '.join(f'“{m}”' for m in missing)} column.",
                line,
            )
        return [self.index[name] for name in names]


def header_and_rows(
    handle: Iterable[str], fail: Fail
) -> tuple[int, Columns, Iterator[tuple[int, list[str]]]]:
    """The header's line, its columns, and the rows after it (note lines before it skipped)."""
    rows = stream_rows(handle, fail)
    seen: list[tuple[int, list[str]]] = []
    for line, cells in rows:
        seen.append((line, cells))
        if find_header([cells]):
            return line, Columns(cells), rows
        if len(seen) > 50:
            break
    raise fail(ImportFileError, "no header row was found near the start.", None)


def parse_timestamp(text: str) -> dt.datetime | None:
    """A time as the archive writes it, naive (UTC where the file says so), or None.

    "2023-05-01 14:03:22 UTC" (current messages), "10/16/18, 8:36 AM" (2018 messages,
    invitations), ISO with or without a zone, and a date alone (midnight).
    """
    value = text.strip().removesuffix(" UTC")
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        moment = _us_time(value)
    if moment is None and (day := parse_date(value)) is not None:
        moment = dt.datetime(day.year, day.month, day.day)
    if moment is not None and moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return moment


def _us_time(value: str) -> dt.datetime | None:
    match = _US_TIME.match(value)
    if not match:
        return None
    month, day, year, hour, minute, second, half = match.groups()
    hour_24 = int(hour)
    if half:
        hour_24 = hour_24 % 12 + (12 if half.upper() == "PM" else 0)
    try:
        return dt.datetime(
            int(year) + (2000 if len(year) == 2 else 0),
            int(month),
            int(day),
            hour_24,
            int(minute),
            int(second or 0),
        )
    except ValueError:
        return None


@lru_cache(maxsize=65_536)  # names repeat in every message of a conversation
def one_line(text: str) -> str:
    """A one-line value from an untrusted file: no control characters, bounded length."""
    return " ".join(CONTROL.sub("", text).split())[:MAX_SHORT_TEXT]


@lru_cache(maxsize=65_536)
def profile_url(text: str) -> str:
    """A profile address as written, or "" for anything that is not a web address."""
    value = text.strip()
    if value.startswith(("https://", "http://")) and len(value) <= MAX_WEB_ADDRESS:
        return value
    return ""
