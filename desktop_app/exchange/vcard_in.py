"""vCard 2.1, 3.0 and 4.0 as address books write them, read with vobject.

Only what NetWise keeps is taken: names, organisation and title, e-mail addresses and
phone numbers with their labels, the LinkedIn profile among the URLs, the city and country
of the first address, categories as tags, and the note. Photos and keys are ignored, and
group or list cards skipped. A card that cannot be read is skipped and listed with its
line; the rest of the file is read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import vobject

from desktop_app.exchange.birthday_text import parse_birthday
from desktop_app.exchange.csvtable import MAX_FIELD_CHARS
from desktop_app.exchange.errors import FieldTooLargeError, ImportFileError, WrongFormatError
from desktop_app.exchange.records import ContactRecord, Labelled, ParsedFile, Problem, join_name
from desktop_app.exchange.textfile import read_bytes
from desktop_app.exchange.vcard_out import EXTRA_PROPERTIES
from desktop_app.exchange.vcard_text import CardText, decode_vcard, logical_lines, split_cards
from desktop_app.insights.keep_in_touch import Birthday
from desktop_app.validation import printable

FORMAT = "vcard"
# TYPE values that say how a value is used, not what it is: never a label.
_NOT_LABELS = {"pref", "internet", "voice", "x400", "text", "uri", "internet,pref"}
_LABEL_ALIASES = {"cell": "mobile", "iphone": "mobile", "main": "work"}
# A group or list card (vCard 4.0, Apple and iCloud, Evolution): its e-mail addresses are
# its members', so importing it as a person would merge it into one of them.
_GROUP_MARKS = {"KIND": "group", "X-ADDRESSBOOKSERVER-KIND": "group", "X-EVOLUTION-LIST": "true"}
_GROUP_SKIPPED = "this card is a group or list, not a person; it was skipped."
# The properties NetWise reads; others (photos, X- fields of every program) are passed by,
# whatever their size.
_KEPT = {
    *("N", "FN", "ORG", "TITLE", "EMAIL", "TEL", "URL", "ADR", "CATEGORIES", "NOTE", "BDAY"),
    *("X-SOCIALPROFILE", "X-ABLABEL", *EXTRA_PROPERTIES.values()),
    *_GROUP_MARKS,
}


def parse_vcard(path: str | Path, *, encoding: str | None = None) -> ParsedFile:
    data = read_bytes(path)
    return parse_vcard_bytes(data, str(path), encoding=encoding)


def parse_vcard_bytes(data: bytes, source: str, *, encoding: str | None = None) -> ParsedFile:
    decoded = decode_vcard(data, source, encoding)
    cards, begun, unended = split_cards(logical_lines(decoded.text))
    if not cards:
        problem = (
            "a card starts with BEGIN:VCARD but never ends with END:VCARD."
            if begun
            else "this is not a vCard file: it has no BEGIN:VCARD line."
        )
        raise WrongFormatError(source, problem)
    records: list[ContactRecord] = []
    skipped: list[Problem] = []
    left_out: list[Problem] = []
    for card in cards:
        left_out.extend(card.notes)
        try:
            record = _read_card(card, source)
        except ImportFileError:
            raise
        except _GroupCardError:
            skipped.append(Problem(card.first_line, _GROUP_SKIPPED))
            continue
        except Exception as exc:  # vobject raises many kinds on odd cards: see _read_card
            skipped.append(Problem(_failing_line(card, exc), _unreadable(exc)))
            continue
        if record is None:
            skipped.append(Problem(card.first_line, "the card has no name; it was skipped."))
        else:
            records.append(record)
    if unended is not None:
        skipped.append(Problem(unended, "this card never ends (no END:VCARD); it was skipped."))
    if not records and skipped:
        raise WrongFormatError(source, f"no card could be read ({skipped[0]}).")
    problems = sorted(skipped + left_out, key=lambda problem: problem.line)
    return ParsedFile(source, FORMAT, decoded.encoding, records, problems)


class _GroupCardError(Exception):
    """The card lists people (a group, a mailing list); it is not one."""


def _read_card(card: CardText, source: str) -> ContactRecord | None:
    """One card as a record, or None if it names nobody.

    vobject stops on real cards with whatever exception its code meets (ParseError,
    VObjectError, AttributeError, TypeError, binascii.Error...): the caller catches any of
    them for this card alone, and the file goes on.
    """
    component = vobject.readOne(card.text, ignoreUnreadable=False)
    return _record(component, card, source)


def _failing_line(card: CardText, exc: Exception) -> int:
    reason = str(getattr(exc, "msg", "") or exc)
    return card.line_of(reason.removeprefix("Failed to parse line: "))


def _unreadable(exc: Exception) -> str:
    if not isinstance(exc, vobject.base.ParseError):  # vobject's own inner error: no help
        return "this card cannot be read; it was skipped."
    reason = printable(str(getattr(exc, "msg", "") or exc))[:80]
    return f"this card cannot be read ({reason}); it was skipped."


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_text(v) for v in value if _text(v))
    if isinstance(value, bytes):
        return ""
    return str(value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _types(line: Any) -> list[str]:
    values = [*line.params.get("TYPE", []), *line.singletonparams]
    return [part.strip().casefold() for v in values for part in v.split(",") if part.strip()]


def _label(line: Any, group_labels: dict[str, str]) -> str:
    if line.group and line.group.casefold() in group_labels:
        return group_labels[line.group.casefold()]
    for kind in _types(line):
        if kind not in _NOT_LABELS:
            kind = kind.removeprefix("x-")  # BlackBerry's X-PIN, X-CUSTOM...
            return _LABEL_ALIASES.get(kind, kind)
    return ""


def _apple_label(value: str) -> str:
    """Apple's "_$!<Other>!$_" is "other"; a custom label stays as written."""
    return value.removeprefix("_$!<").removesuffix(">!$_").strip().casefold()


def _birthday(lines: list[Any]) -> Birthday | None:
    if not lines:
        return None
    omitted = lines[0].params.get("X-APPLE-OMIT-YEAR", [""])[0]
    return parse_birthday(
        _text(lines[0].value), omitted_year=int(omitted) if omitted.isdigit() else None
    )


def _record(card: Any, text: CardText, source: str) -> ContactRecord | None:
    lines = [line for line in card.getChildren() if line.name.upper() in _KEPT]
    for line in lines:
        if len(_text(line.value)) > MAX_FIELD_CHARS:
            raise FieldTooLargeError(
                source,
                f"the {line.name} value is longer than {MAX_FIELD_CHARS:,} characters.",
                line=text.first_line,
            )
    by_name: dict[str, list[Any]] = {}
    for line in lines:
        by_name.setdefault(line.name.upper(), []).append(line)
    group_labels = {
        line.group.casefold(): _apple_label(_text(line.value))
        for line in by_name.get("X-ABLABEL", [])
        if line.group
    }

    def first(name: str) -> Any:
        found = by_name.get(name)
        return found[0].value if found else ""

    if any(_text(first(mark)).casefold() == value for mark, value in _GROUP_MARKS.items()):
        raise _GroupCardError
    name = first("N")
    given = _text(getattr(name, "given", ""))
    middle = _text(getattr(name, "additional", ""))
    family = _text(getattr(name, "family", ""))
    full = join_name(given, middle, family) or _text(first("FN"))
    if not full:
        return None
    if not (given or family):
        given = full
    org = first("ORG")
    # Google writes "https\\://" in URLs, escaping a colon no version asks to escape.
    urls = [_text(line.value).replace("\\:", ":") for line in by_name.get("URL", [])]
    urls += [_text(line.value) for line in by_name.get("X-SOCIALPROFILE", [])]
    address = first("ADR")
    location = ", ".join(
        p
        for p in (_text(getattr(address, "city", "")), _text(getattr(address, "country", "")))
        if p
    )
    tags: list[str] = []
    for line in by_name.get("CATEGORIES", []):
        values = line.value if isinstance(line.value, list) else str(line.value).split(",")
        tags.extend(t.strip() for t in values if t and t.strip())
    extra = {field: _text(first(prop)) for field, prop in EXTRA_PROPERTIES.items()}
    return ContactRecord(
        **{k: v for k, v in extra.items() if v},
        first_name=given,
        middle_name=middle,
        last_name=family,
        full_name=full,
        title=_text(first("TITLE")),
        company=_text(org[0] if isinstance(org, list) and org else org),
        location=location,
        linkedin_url=next((u for u in urls if "linkedin.com" in u.casefold()), ""),
        emails=[
            Labelled(_text(line.value), _label(line, group_labels))
            for line in by_name.get("EMAIL", [])
            if _text(line.value)
        ],
        phones=[
            Labelled(_text(line.value).removeprefix("tel:"), _label(line, group_labels))
            for line in by_name.get("TEL", [])
            if _text(line.value)
        ],
        tags=list(dict.fromkeys(tags)),
        notes="\n\n".join(_text(line.value) for line in by_name.get("NOTE", []) if line.value),
        birthday=_birthday(by_name.get("BDAY", [])),
        line=text.first_line,
    )
