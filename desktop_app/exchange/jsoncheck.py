"""The values of a NetWise JSON file checked beyond their types, before anything is written.

A value of the right type can still break NetWise later: a text of forty million
characters, a control character in a name, a date in the year 9999, a count beyond what
the database holds, a goal's measures that are not measures. Each is refused here with
the field it sits in (``contacts[3].notes``), so that the file is refused as a whole.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from desktop_app import validation as v
from desktop_app.exchange import ranges
from desktop_app.exchange.errors import WrongFormatError
from desktop_app.insights.settings import SETTINGS_KEY, InsightSettings

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_FULL_NAME = 3 * v.MAX_NAME_PART  # as the column holds it
# section (or nested list) → field → (longest text, may span lines)
_TEXTS: dict[str, dict[str, tuple[int, bool]]] = {
    "tags": {"name": (v.MAX_TAG, False)},
    "contacts": {
        "first_name": (v.MAX_NAME_PART, False),
        "middle_name": (v.MAX_NAME_PART, False),
        "last_name": (v.MAX_NAME_PART, False),
        "full_name": (_FULL_NAME, False),
        "title": (v.MAX_SHORT_TEXT, False),
        "company": (v.MAX_SHORT_TEXT, False),
        "industry": (v.MAX_LABEL_TEXT, False),
        "location": (v.MAX_LABEL_TEXT, False),
        "linkedin_url": (v.MAX_WEB_ADDRESS, False),
        "how_met": (v.MAX_FREE_TEXT, True),
        "shared_interests": (v.MAX_FREE_TEXT, True),
        "can_help_with": (v.MAX_FREE_TEXT, True),
        "i_can_offer": (v.MAX_FREE_TEXT, True),
        "notes": (v.MAX_FREE_TEXT, True),
    },
    "emails": {"address": (v.MAX_EMAIL, False), "label": (v.MAX_TAG, False)},
    "phones": {"number": (v.MAX_PHONE, False), "label": (v.MAX_TAG, False)},
    "events": {
        "name": (v.MAX_SHORT_TEXT, False),
        "place": (v.MAX_SHORT_TEXT, False),
        "notes": (v.MAX_FREE_TEXT, True),
    },
    "interactions": {"notes": (v.MAX_FREE_TEXT, True)},
    "goals": {"statement": (v.MAX_FREE_TEXT, True)},
    "organisations": {"name": (v.MAX_SHORT_TEXT, False)},
    "pitches": {"text": (v.MAX_FREE_TEXT, True)},
}
# field → (lowest, highest), wherever it appears
_NUMBERS: dict[str, tuple[float, float]] = {
    "id": (1, ranges.MAX_ID),
    "contact_id": (1, ranges.MAX_ID),
    "event_id": (1, ranges.MAX_ID),
    "goal_id": (1, ranges.MAX_ID),
    "met_at_event_id": (1, ranges.MAX_ID),
    "version": (1, ranges.MAX_VERSION),
    "minutes": (0, ranges.MAX_MINUTES),
    "cost_cents": (0, ranges.MAX_COST_CENTS),
    "hours_invested": (0, ranges.MAX_EVENT_HOURS),
    "weekly_hours": (0, ranges.MAX_WEEKLY_HOURS),
}
_TARGET_LISTS = {
    "target_roles": v.MAX_SHORT_TEXT,
    "target_companies": v.MAX_SHORT_TEXT,
    "target_industries": v.MAX_LABEL_TEXT,
    "target_locations": v.MAX_LABEL_TEXT,
}
_NESTED = ("emails", "phones", "attendees", "organisations")


class _RefusedValueError(Exception):
    def __init__(self, where: str, problem: str) -> None:
        super().__init__(f"{where}: {problem}")


def check_values(source: str, dataset: dict[str, Any]) -> None:
    """Raise ``WrongFormatError`` naming the first value NetWise would not keep."""
    try:
        _check_settings(dataset["settings"])
        for section in ("tags", "contacts", "events", "interactions", "goals", "pitches"):
            for i, item in enumerate(dataset[section]):
                where = f"{section}[{i}]"
                _check_row(where, section, item)
                for nested in _NESTED:
                    for j, child in enumerate(item.get(nested, ())):
                        _check_row(f"{where}.{nested}[{j}]", nested, child)
                if section == "contacts":
                    for j, tag in enumerate(item["tags"]):
                        _check_text(f"{where}.tags[{j}]", tag, v.MAX_TAG, multiline=False)
                if section == "goals":
                    _check_goal(where, item)
                if section == "pitches":
                    _check_pitch(where, item)
    except _RefusedValueError as refused:
        raise WrongFormatError(source, f"{refused}") from None


def _check_row(where: str, section: str, row: dict[str, Any]) -> None:
    texts = _TEXTS.get(section, {})
    for name, value in row.items():
        here = f"{where}.{name}"
        if isinstance(value, str):
            limit, multiline = texts.get(name, (v.MAX_SHORT_TEXT, False))
            _check_text(here, value, limit, multiline=multiline)
        elif isinstance(value, bool) or value is None:
            continue
        elif isinstance(value, int | float) and name in _NUMBERS:
            _problem(here, ranges.check_number("the value", value, *_NUMBERS[name]))
        elif isinstance(value, dt.date):
            _problem(here, ranges.check_date("the date", value))


def _check_text(where: str, text: str, limit: int, *, multiline: bool) -> None:
    if _SURROGATE.search(text):
        raise _RefusedValueError(
            where, "the text holds a lone surrogate (\\ud800…), not a character."
        )
    _problem(where, v.check_length("the text", text, limit))
    _problem(where, v.check_control_characters("the text", text, multiline=multiline))


def _problem(where: str, problem: str | None) -> None:
    if problem:
        raise _RefusedValueError(where, problem[0].lower() + problem[1:])


def _check_goal(where: str, goal: dict[str, Any]) -> None:
    for name, limit in _TARGET_LISTS.items():
        for j, value in enumerate(goal[name]):
            if not isinstance(value, str):
                raise _RefusedValueError(f"{where}.{name}[{j}]", "must be a text.")
            _check_text(f"{where}.{name}[{j}]", value, limit, multiline=False)
    for j, measure in enumerate(goal["measures"]):
        here = f"{where}.measures[{j}]"
        if not isinstance(measure, dict):
            raise _RefusedValueError(
                here, 'must be an object like {"name": "Meetings", "target": 4}.'
            )
        name, target = measure.get("name", ""), measure.get("target", 0)
        if not isinstance(name, str):
            raise _RefusedValueError(f"{here}.name", "must be a text.")
        _check_text(f"{here}.name", name, v.MAX_SHORT_TEXT, multiline=False)
        if not isinstance(target, int | float) or isinstance(target, bool):
            raise _RefusedValueError(f"{here}.target", "must be a number.")
        _problem(
            f"{here}.target",
            ranges.check_number("the target", target, 0, ranges.MAX_MEASURE_TARGET),
        )
    for key, item in goal["checklist"].items():
        here = f"{where}.checklist.{key[:40]}"
        _check_text(here, key, v.MAX_TAG, multiline=False)
        if not isinstance(item, dict):
            raise _RefusedValueError(here, 'must be an object like {"done": true, "note": ""}.')
        if not isinstance(item.get("done", False), bool):
            raise _RefusedValueError(f"{here}.done", "must be true or false.")
        note = item.get("note", "")
        if not isinstance(note, str):
            raise _RefusedValueError(f"{here}.note", "must be a text.")
        _check_text(f"{here}.note", note, v.MAX_FREE_TEXT, multiline=True)


def _check_pitch(where: str, pitch: dict[str, Any]) -> None:
    for name in ("parts", "variants"):
        for key, value in pitch[name].items():
            here = f"{where}.{name}.{key[:40]}"
            _check_text(here, key, v.MAX_TAG, multiline=False)
            if not isinstance(value, str):
                raise _RefusedValueError(here, "must be a text.")
            _check_text(here, value, v.MAX_FREE_TEXT, multiline=True)


def _check_settings(settings: dict[str, Any]) -> None:
    for key, value in settings.items():
        here = f"settings.{key[:40]}"
        _check_text(here, key, v.MAX_TAG, multiline=False)
        _check_json(here, value, depth=0)
    try:
        InsightSettings.from_dict(settings.get(SETTINGS_KEY))
    except (TypeError, ValueError, AttributeError) as exc:
        raise _RefusedValueError(f"settings.{SETTINGS_KEY}", f"{str(exc)[:200]}") from None


def _check_json(where: str, value: Any, depth: int) -> None:
    """Any JSON value: its texts are real text, its numbers ones the database holds."""
    if depth > 20:
        raise _RefusedValueError(where, "the value is nested too deeply.")
    if isinstance(value, str):
        _check_text(where, value, v.MAX_FREE_TEXT, multiline=True)
    elif isinstance(value, bool) or value is None:
        return
    elif isinstance(value, int | float):
        _problem(where, ranges.check_number("the value", value, -ranges.MAX_ID, ranges.MAX_ID))
    elif isinstance(value, list):
        for j, child in enumerate(value):
            _check_json(f"{where}[{j}]", child, depth + 1)
    elif isinstance(value, dict):
        for key, child in value.items():
            _check_text(where, key, v.MAX_TAG, multiline=False)
            _check_json(f"{where}.{key[:40]}", child, depth + 1)
