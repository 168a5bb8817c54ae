"""LinkedIn's ``Connections.csv`` from the "Get a copy of your data" export.

The file has changed over the years: recent exports start with a few note lines before
the header (their number has varied), older ones start with the header and have no URL
column, and ``Connected On`` has been written as "12 Mar 2021" and as "03/12/2021".
The header is therefore looked for, not assumed, and columns are found by name.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

from desktop_app.exchange.csvtable import csv_rows, header_key, is_blank
from desktop_app.exchange.dates import parse_date
from desktop_app.exchange.errors import MissingColumnsError, WrongFormatError
from desktop_app.exchange.records import (
    ColumnMapping,
    ContactRecord,
    Labelled,
    ParsedFile,
    Problem,
)
from desktop_app.exchange.textfile import DecodedText, read_text

FORMAT = "linkedin"
# Column name (as compared) → record field.
COLUMNS = {
    "first name": "first_name",
    "last name": "last_name",
    "url": "linkedin_url",
    "profile url": "linkedin_url",
    "email address": "emails",
    "company": "company",
    "position": "title",
    "connected on": "connected_on",
}
REQUIRED = ("First Name", "Last Name")
# The header has been seen up to the fourth line; leave room for longer notes.
HEADER_SEARCH_ROWS = 50


def parse_linkedin(path: str | Path, *, encoding: str | None = None) -> ParsedFile:
    return parse_linkedin_text(read_text(path, encoding=encoding))


def parse_linkedin_text(decoded: DecodedText) -> ParsedFile:
    rows = csv_rows(decoded)
    header_line, header = _find_header(rows, decoded.source)
    index: dict[str, int] = {}
    for i, key in enumerate(map(header_key, header)):
        if key in COLUMNS:
            index.setdefault(COLUMNS[key], i)
    missing = [name for name in REQUIRED if COLUMNS[header_key(name)] not in index]
    if missing:
        raise MissingColumnsError(
            decoded.source,
            f"the header has no {' or '.join(f'“{m}”' for m in missing)} column, which a "
            "LinkedIn connections file always has.",
            line=header_line,
        )
    # Absent columns point at one empty cell past the end; rows are padded to reach it.
    width = len(header) + 1
    first, last = index["first_name"], index["last_name"]
    url, email = index.get("linkedin_url", width - 1), index.get("emails", width - 1)
    company, title = index.get("company", width - 1), index.get("title", width - 1)
    connected = index.get("connected_on", width - 1)
    records: list[ContactRecord] = []
    problems: list[Problem] = []
    for line, cells in rows:
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        if is_blank(cells):
            continue
        first_name, last_name = cells[first].strip(), cells[last].strip()
        # join_name of the two stripped parts, without its generator (100,000 rows).
        name = f"{first_name} {last_name}" if first_name and last_name else first_name or last_name
        if not name:
            problems.append(Problem(line, "the row has no name; it was skipped."))
            continue
        connected_text = cells[connected].strip()
        connected_on, how_met = _connected(connected_text)
        if connected_text and connected_on is None:
            problems.append(
                Problem(line, f"“{connected_text[:40]}” in Connected On is not a date; left out.")
            )
        address = cells[email].strip()
        records.append(
            ContactRecord(
                first_name=first_name,
                last_name=last_name,
                full_name=name,
                title=cells[title].strip(),
                company=cells[company].strip(),
                linkedin_url=cells[url].strip(),
                emails=[Labelled(address)] if address else [],
                connected_on=connected_on,
                how_met=how_met,
                line=line,
            )
        )
    columns = [ColumnMapping(h, COLUMNS.get(header_key(h))) for h in header]
    return ParsedFile(
        decoded.source, FORMAT, decoded.encoding, records, problems, columns, header_line
    )


@lru_cache(maxsize=8192)  # a file repeats its dates: the same days, thousands of times
def _connected(text: str) -> tuple[dt.date | None, str]:
    """The date of a stripped ``Connected On`` value, and the How met it gives."""
    connected_on = parse_date(text)
    if connected_on is None:
        return None, "LinkedIn"
    return connected_on, f"LinkedIn, connected {connected_on.isoformat()}"


def _find_header(rows, source: str) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """The first row naming three LinkedIn columns or more, within the first rows.

    Two would not do: Google's header also has "First Name" and "Last Name".
    """
    for count, (line, cells) in enumerate(rows):
        keys = {header_key(c) for c in cells}
        if len(keys & COLUMNS.keys()) >= 3:
            return line, cells
        if count >= HEADER_SEARCH_ROWS:
            break
    raise WrongFormatError(
        source,
        "this is not a LinkedIn connections file: no header with “First Name”, "
        "“Last Name”, “Company”… was found near the start. Choose Connections.csv from "
        "LinkedIn's data export (or another format).",
    )
