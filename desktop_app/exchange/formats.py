"""The import and export formats by name, as the command line and the File menu offer them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop_app.exchange.csvtable import header_key
from desktop_app.exchange.records import ParsedFile
from desktop_app.exchange.screening import screen_records


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    extensions: tuple[str, ...]


IMPORT_FORMATS = {
    "linkedin": Format("linkedin", "LinkedIn connections (Connections.csv)", (".csv",)),
    "google": Format("google", "Google Contacts CSV", (".csv",)),
    "vcard": Format("vcard", "vCard (.vcf)", (".vcf", ".vcard")),
    "json": Format("json", "NetWise JSON export", (".json",)),
}
# Files of evidence (interactions, events) rather than contacts: the command line's so far.
EVIDENCE_FORMATS = {
    "ics": Format("ics", "Calendar (.ics): meetings and networking events", (".ics",)),
}
EXPORT_FORMATS = {
    "csv": Format("csv", "Contacts as CSV (spreadsheet-safe)", (".csv",)),
    "vcard": Format("vcard", "Contacts as vCard 4.0", (".vcf",)),
    "ics": Format("ics", "Events and follow-ups as iCalendar", (".ics",)),
    "json": Format("json", "Everything as NetWise JSON", (".json",)),
}


def contact_parser(name: str) -> Callable[..., ParsedFile]:
    """The parser of a contact format ("linkedin", "google", "vcard").

    What it returns is screened: records NetWise would not keep (too long, control
    characters, undecodable bytes) are left out and listed among the problems.
    """
    parse = _raw_parser(name)

    def parse_and_screen(path: str | Path, *, encoding: str | None = None) -> ParsedFile:
        return screen_records(parse(path, encoding=encoding))

    return parse_and_screen


def _raw_parser(name: str) -> Callable[..., ParsedFile]:
    if name == "linkedin":
        from desktop_app.exchange.linkedin import parse_linkedin

        return parse_linkedin
    if name == "google":
        from desktop_app.exchange.google import parse_google

        return parse_google
    if name == "vcard":
        from desktop_app.exchange.vcard_in import parse_vcard

        return parse_vcard
    raise KeyError(name)


def detect_format(path: str | Path) -> str | None:
    """The import format a dropped file most likely has, from its start; None if unclear."""
    path = Path(path)
    try:
        if not path.is_file():  # a pipe would block the reading; a device never ends
            return None
        with path.open("rb") as handle:
            head = handle.read(16384)
    except OSError:
        return None
    text = head.decode("utf-8", "replace").lstrip("\ufeff \r\n\t\x00")
    upper = text[:2000].upper()
    if "BEGIN:VCARD" in upper:
        return "vcard"
    if text.startswith("{") and '"format"' in text[:300]:
        return "json"
    lines = [header_key(line) for line in text.splitlines()[:20]]
    if any("first name" in line and "connected on" in line for line in lines):
        return "linkedin"
    if lines and (
        "e-mail 1 - value" in lines[0]
        or "given name" in lines[0]
        or "organization name" in lines[0]
    ):
        return "google"
    return None
