"""Contacts as CSV that is safe to open in a spreadsheet.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would be read
by Excel, LibreOffice or Google Sheets as a formula (and could run one: "CSV injection");
such cells get a leading apostrophe, which spreadsheets show as plain text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from desktop_app.exchange.records import ContactRecord

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Open the output with this encoding: the byte-order mark makes Excel read UTF-8.
ENCODING = "utf-8-sig"
MULTI_SEPARATOR = "; "
COLUMNS = (
    ("Name", lambda r: r.name()),
    ("First name", lambda r: r.first_name),
    ("Middle name", lambda r: r.middle_name),
    ("Last name", lambda r: r.last_name),
    ("Title", lambda r: r.title),
    ("Company", lambda r: r.company),
    ("Industry", lambda r: r.industry),
    ("Location", lambda r: r.location),
    ("E-mail", lambda r: MULTI_SEPARATOR.join(e.value for e in r.emails)),
    ("Phone", lambda r: MULTI_SEPARATOR.join(p.value for p in r.phones)),
    ("LinkedIn", lambda r: r.linkedin_url),
    ("Seniority", lambda r: r.seniority or ""),
    ("Circle", lambda r: r.circle),
    ("Status", lambda r: r.status),
    ("Tags", lambda r: MULTI_SEPARATOR.join(r.tags)),
    ("How we met", lambda r: r.how_met),
    ("Shared interests", lambda r: r.shared_interests),
    ("They can help with", lambda r: r.can_help_with),
    ("I can offer", lambda r: r.i_can_offer),
    ("Notes", lambda r: r.notes),
)


def neutralise(value: str) -> str:
    """The cell as a spreadsheet will show it without evaluating it."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_contacts_csv(records: Iterable[ContactRecord], stream: TextIO) -> int:
    """Write a header and one row per record to ``stream`` (opened with ``newline=""``)."""
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow([header for header, _ in COLUMNS])
    count = 0
    for record in records:
        writer.writerow([neutralise(get(record)) for _, get in COLUMNS])
        count += 1
    return count
