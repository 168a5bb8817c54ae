"""NetWise's own JSON format: every row of the database, restored exactly on import.

One object: ``format`` ("netwise"), ``format_version``, ``exported_at``, ``app_version``,
``settings`` (key → value) and the lists of ``jsonschema.SECTIONS``. Each list item is
written on its own line, so the file stays readable and diffs well while staying compact.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, TextIO

from desktop_app import __version__
from desktop_app.exchange.errors import (
    FileTooLargeError,
    ImportFileError,
    UnknownEncodingError,
    UnsupportedVersionError,
    WrongFormatError,
)
from desktop_app.exchange.jsoncheck import check_values
from desktop_app.exchange.jsonschema import FORMAT_ID, FORMAT_VERSION, SECTIONS
from desktop_app.exchange.textfile import MAX_JSON_FILE_BYTES, read_text

DataSet = dict[str, Any]
# Each value costs Python some sixty bytes however short its text, so a file of "{},"
# needs twenty times its size in memory: the byte limit alone would let a gigabyte of it
# fill the machine. A real export averages over 20 bytes a value, so this admits every
# export the byte limit does (100,000 contacts and a million interactions: about 20
# million values) and holds the worst file to a few gigabytes.
MAX_JSON_VALUES = 50_000_000
_DEFAULTS = {"str": "", "int": 0, "float": 0.0, "bool": False, "list": [], "dict": {}}


def empty_dataset() -> DataSet:
    return {"settings": {}, **{section: [] for section in SECTIONS}}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


def dump_dataset(
    dataset: DataSet, stream: TextIO, *, exported_at: dt.datetime | None = None
) -> None:
    """Write ``dataset`` (Python values: dates, datetimes) as the JSON document."""
    stamp = (exported_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)).isoformat()

    def dumps(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, default=_plain)

    stream.write("{\n")
    stream.write(f'"format": {dumps(FORMAT_ID)},\n"format_version": {FORMAT_VERSION},\n')
    stream.write(f'"exported_at": {dumps(stamp)},\n"app_version": {dumps(__version__)},\n')
    stream.write(f'"settings": {dumps(dataset.get("settings", {}))}')
    for section in SECTIONS:
        items = dataset.get(section, [])
        stream.write(f",\n{dumps(section)}: [")
        for i, item in enumerate(items):
            stream.write(("\n" if i == 0 else ",\n") + dumps(item))
        stream.write("\n]" if items else "]")
    stream.write("\n}\n")


def _values_at_most(text: str) -> int:
    """An upper bound of the values in a JSON text, counted without parsing it: each
    value but the first follows a comma or opens an array or object."""
    return text.count(",") + text.count("[") + text.count("{") + 1


def load_dataset(path: str | Path, *, encoding: str | None = None) -> DataSet:
    """The dataset in a NetWise JSON file, checked field by field."""
    decoded = read_text(path, max_bytes=MAX_JSON_FILE_BYTES, encoding=encoding)
    source = decoded.source
    if decoded.faulty_lines:
        raise UnknownEncodingError(
            source, "the text is not valid UTF-8 on this line.", line=decoded.faulty_lines[0]
        )
    if _values_at_most(decoded.text) > MAX_JSON_VALUES:
        raise FileTooLargeError(
            source,
            f"the JSON holds more than {MAX_JSON_VALUES:,} values, more than NetWise reads "
            "in one file.",
        )
    try:
        document = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise WrongFormatError(
            source, f"this is not valid JSON ({exc.msg}, column {exc.colno}).", line=exc.lineno
        ) from None
    except RecursionError:
        raise WrongFormatError(source, "the JSON is nested too deeply.") from None
    except ValueError:  # an integer of thousands of digits
        raise WrongFormatError(source, "the JSON holds a number too large to read.") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_ID:
        raise WrongFormatError(
            source, 'this is not a NetWise export (it has no "format": "netwise").'
        )
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise WrongFormatError(source, "the export has no valid format_version.")
    if version > FORMAT_VERSION:
        raise UnsupportedVersionError(
            source,
            f"the file was written by a newer NetWise (format version {version}; this one "
            f"reads up to {FORMAT_VERSION}). Update NetWise to import it.",
        )
    dataset = empty_dataset()
    settings = document.get("settings", {})
    if not isinstance(settings, dict):
        raise WrongFormatError(source, "“settings” must be an object of key → value.")
    dataset["settings"] = settings
    for section, (fields, nested) in SECTIONS.items():
        items = document.get(section, [])
        if not isinstance(items, list):
            raise WrongFormatError(source, f"“{section}” must be a list.")
        dataset[section] = [
            _item(source, f"{section}[{i}]", item, fields, nested) for i, item in enumerate(items)
        ]
    check_values(source, dataset)
    check_references(source, dataset)
    return dataset


def _item(
    source: str, where: str, item: Any, fields: dict[str, str], nested: dict[str, dict[str, str]]
) -> dict[str, Any]:
    if not isinstance(item, dict):
        raise WrongFormatError(source, f"{where} is not an object.")
    out = {
        name: _value(source, f"{where}.{name}", item, name, kind) for name, kind in fields.items()
    }
    for name, child_fields in nested.items():
        children = item.get(name, [])
        if not isinstance(children, list):
            raise WrongFormatError(source, f"{where}.{name} must be a list.")
        out[name] = [
            _item(source, f"{where}.{name}[{j}]", child, child_fields, {})
            for j, child in enumerate(children)
        ]
    if "emails" in nested:  # a contact: its tags are names
        tags = item.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise WrongFormatError(source, f"{where}.tags must be a list of tag names.")
        out["tags"] = tags
    return out


def _value(source: str, where: str, item: dict[str, Any], name: str, kind: str) -> Any:
    required, optional = kind.endswith("!"), kind.endswith("?")
    base = kind.rstrip("!?")
    if name not in item:
        if required:
            raise WrongFormatError(source, f"{where} is missing.")
        return None if optional else _copy_default(base)
    value = item[name]
    if value is None:
        if optional:
            return None
        raise WrongFormatError(source, f"{where} must not be null.")
    try:
        return _convert(value, base)
    except (TypeError, ValueError, OverflowError):
        raise WrongFormatError(
            source, f"{where} is not a valid {base}: {str(value)[:40]!r}."
        ) from None


def _copy_default(base: str) -> Any:
    default = _DEFAULTS[base]
    return type(default)() if isinstance(default, list | dict) else default


def _convert(value: Any, base: str) -> Any:
    if base == "str" and isinstance(value, str):
        return value
    if base == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if base == "float" and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if base == "bool" and isinstance(value, bool):
        return value
    if base == "date" and isinstance(value, str):
        return dt.date.fromisoformat(value)
    if base == "datetime" and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    if base == "list" and isinstance(value, list):
        return value
    if base == "dict" and isinstance(value, dict):
        return value
    raise TypeError(base)


def check_references(source: str, dataset: DataSet) -> None:
    """Every id a row refers to is in the file, and no id is there twice."""
    ids: dict[str, set[int]] = {}
    for section in SECTIONS:
        seen: set[int] = set()
        for item in dataset[section]:
            if item["id"] in seen:
                raise WrongFormatError(source, f"{section} has id {item['id']} twice.")
            seen.add(item["id"])
        ids[section] = seen

    def need(section: str, value: int | None, what: str) -> None:
        if value is not None and value not in ids[section]:
            raise ImportFileError(
                source, f"{what} refers to {section[:-1]} {value}, which is not in the file."
            )

    for contact in dataset["contacts"]:
        need("events", contact["met_at_event_id"], f"contact {contact['id']}")
    for event in dataset["events"]:
        for attendee in event["attendees"]:
            need("contacts", attendee["contact_id"], f"event {event['id']}")
    for interaction in dataset["interactions"]:
        need("contacts", interaction["contact_id"], f"interaction {interaction['id']}")
        need("events", interaction["event_id"], f"interaction {interaction['id']}")
    for pitch in dataset["pitches"]:
        need("goals", pitch["goal_id"], f"pitch {pitch['id']}")
