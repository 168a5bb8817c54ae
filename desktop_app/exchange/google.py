"""Google Contacts CSV ("Google CSV"), in its current layout and the one used until 2023.

Columns are found by their names, never by position (Google has reordered and renamed
them); several values in one cell are separated by " ::: "; the file may start with a
byte-order mark; notes may run over several lines.
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop_app.exchange.birthday_text import parse_birthday
from desktop_app.exchange.csvtable import cell, csv_rows, header_key, is_blank
from desktop_app.exchange.errors import MissingColumnsError, WrongFormatError
from desktop_app.exchange.records import (
    ColumnMapping,
    ContactRecord,
    Labelled,
    ParsedFile,
    Problem,
    join_name,
    split_name,
)
from desktop_app.exchange.textfile import DecodedText, read_text

FORMAT = "google"
SEPARATOR = " ::: "
SINGLE = {
    "first name": "first_name",
    "given name": "first_name",
    "middle name": "middle_name",
    "additional name": "middle_name",
    "last name": "last_name",
    "family name": "last_name",
    "name": "name",
    "nickname": "nickname",
    "organization name": "company",
    "organization 1 - name": "company",
    "organization title": "title",
    "organization 1 - title": "title",
    "notes": "notes",
    "labels": "tags",
    "group membership": "tags",
    "location": "location",
    "birthday": "birthday",
}
_NUMBERED = re.compile(r"^(e-mail|phone|website|address) (\d+) - (value|label|type|city|country)$")
_NAME_FIELDS = ("first_name", "last_name", "name")


class _Columns:
    """Where each field is in the header."""

    def __init__(self, header: list[str]) -> None:
        self.single: dict[str, int] = {}
        # kind ("e-mail", "phone", "website", "address") → number → part → column
        self.numbered: dict[str, dict[int, dict[str, int]]] = {}
        self.mapping: list[ColumnMapping] = []
        for i, raw in enumerate(header):
            key = header_key(raw)
            used: str | None = None
            if key in SINGLE:
                self.single.setdefault(SINGLE[key], i)
                used = SINGLE[key]
            elif match := _NUMBERED.match(key):
                kind, number, part = match[1], int(match[2]), match[3]
                self.numbered.setdefault(kind, {}).setdefault(number, {})[part] = i
                used = _numbered_field(kind, part)
            self.mapping.append(ColumnMapping(raw, used))

    def known(self) -> int:
        return len(self.single) + sum(len(n) for n in self.numbered.values())

    def values(self, cells: list[str], kind: str) -> list[Labelled]:
        found: list[Labelled] = []
        for parts in self.numbered.get(kind, {}).values():
            label = _label(cell(cells, parts.get("label", parts.get("type"))))
            for value in cell(cells, parts.get("value")).split(SEPARATOR):
                if value.strip():
                    found.append(Labelled(value.strip(), label))
        return found

    def location(self, cells: list[str]) -> str:
        first = self.numbered.get("address", {})
        parts = first[min(first)] if first else {}
        place = cell(cells, parts.get("city")).split(SEPARATOR)[0].strip()
        country = cell(cells, parts.get("country")).split(SEPARATOR)[0].strip()
        joined = ", ".join(p for p in (place, country) if p)
        return joined or cell(cells, self.single.get("location"))


def _numbered_field(kind: str, part: str) -> str | None:
    if kind == "address":
        return "location" if part in ("city", "country") else None
    field = {"e-mail": "emails", "phone": "phones", "website": "linkedin_url"}[kind]
    return field if part == "value" else f"{field} label"


def _label(text: str) -> str:
    """Google marks the primary value with "* " and capitalises labels: "* Work" → "work"."""
    return text.split(SEPARATOR)[0].lstrip("* ").strip().casefold()


def parse_google(path: str | Path, *, encoding: str | None = None) -> ParsedFile:
    return parse_google_text(read_text(path, encoding=encoding))


def parse_google_text(decoded: DecodedText) -> ParsedFile:
    rows = csv_rows(decoded)
    header_line, header = next(((n, c) for n, c in rows if not is_blank(c)), (1, []))
    columns = _Columns(header)
    if columns.known() < 2:
        raise WrongFormatError(
            decoded.source,
            "this is not a Google Contacts CSV: its first line is not Google's header "
            "(“First Name”, “E-mail 1 - Value”…). Export from Google Contacts as "
            "“Google CSV”, or choose another format.",
            line=header_line,
        )
    if not any(field in columns.single for field in _NAME_FIELDS):
        raise MissingColumnsError(
            decoded.source,
            "the header has no name column (“First Name”, “Last Name” or “Name”).",
            line=header_line,
        )
    records: list[ContactRecord] = []
    problems: list[Problem] = []
    for line, cells in rows:
        if is_blank(cells):
            continue
        record = _record(columns, cells, line)
        if record is None:
            problems.append(Problem(line, "the row has no name, e-mail or company; skipped."))
        else:
            records.append(record)
    return ParsedFile(
        decoded.source, FORMAT, decoded.encoding, records, problems, columns.mapping, header_line
    )


def _record(columns: _Columns, cells: list[str], line: int) -> ContactRecord | None:
    single = columns.single

    def get(field: str) -> str:
        return cell(cells, single.get(field))

    first, middle, last = get("first_name"), get("middle_name"), get("last_name")
    emails = columns.values(cells, "e-mail")
    company = get("company").split(SEPARATOR)[0].strip()
    if not (first or middle or last):
        whole = get("name") or get("nickname")
        first, last = split_name(whole)
    full = join_name(first, middle, last)
    if not full:
        fallback = emails[0].value if emails else company
        if not fallback:
            return None
        full = first = fallback
    websites = [w.value for w in columns.values(cells, "website")]
    linkedin = next((w for w in websites if "linkedin.com" in w.casefold()), "")
    tags = [
        label.strip()
        for label in get("tags").split(SEPARATOR)
        if label.strip() and not label.strip().startswith("*")
    ]
    return ContactRecord(
        first_name=first,
        middle_name=middle,
        last_name=last,
        full_name=full,
        title=get("title").split(SEPARATOR)[0].strip(),
        company=company,
        location=columns.location(cells),
        linkedin_url=linkedin,
        emails=emails,
        phones=columns.values(cells, "phone"),
        tags=list(dict.fromkeys(tags)),
        notes=get("notes"),
        birthday=parse_birthday(get("birthday")),
        line=line,
    )
