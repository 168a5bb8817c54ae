"""A NetWise JSON file with values of the right type that would break NetWise later.

Each is refused as a whole, naming the field, before anything is written.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exchange.errors import WrongFormatError
from desktop_app.exchange.jsonformat import load_dataset

DEMO = Path(__file__).resolve().parents[1] / "data" / "exchange" / "netwise-demo.json"


def demo() -> dict[str, Any]:
    return json.loads(DEMO.read_text(encoding="utf-8"))


def changed(section: str, field: str, value: Any, index: int = 0) -> dict[str, Any]:
    document = copy.deepcopy(demo())
    document[section][index][field] = value
    return document


def test_the_demo_export_is_read_whole() -> None:
    dataset = load_dataset(DEMO)
    assert [len(dataset[s]) for s in ("contacts", "events", "interactions", "goals")] == [
        12,
        3,
        30,
        1,
    ]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        (
            changed("contacts", "first_name", "\ud800"),
            "contacts[0].first_name: the text holds a lone surrogate (\\ud800…), not a character.",
        ),
        (
            changed("tags", "id", 2**63),
            "tags[0].id: the value is 9223372036854775808; it must be from 1 to "
            "9,223,372,036,854,775,807.",
        ),
        (
            changed("interactions", "minutes", 2**63),
            "interactions[0].minutes: the value is 9223372036854775808; it must be from 0 to "
            "10,080.",
        ),
        (
            changed("events", "cost_cents", 2**64),
            "events[0].cost_cents: the value is 18446744073709551616; it must be from 0 to "
            "1,000,000,000.",
        ),
        (
            changed("events", "hours_invested", 1e308),
            "events[0].hours_invested: the value is 1e+308; it must be from 0 to 1,000.",
        ),
        (
            changed("events", "hours_invested", float("inf")),
            "events[0].hours_invested: the value is inf; it must be from 0 to 1,000.",
        ),
        (
            changed("interactions", "followup_due", "9999-12-31"),
            "interactions[0].followup_due: the date is 9999-12-31; dates from 1900 to 2199 "
            "are accepted.",
        ),
        (
            changed("goals", "measures", [{"kind": "zzz", "target": "x"}, 5, None]),
            "goals[0].measures[0].target: must be a number.",
        ),
        (
            changed("goals", "measures", [5]),
            'goals[0].measures[0]: must be an object like {"name": "Meetings", "target": 4}.',
        ),
        (
            changed("goals", "target_roles", [1, None, {}]),
            "goals[0].target_roles[0]: must be a text.",
        ),
        (
            changed("goals", "checklist", {"headline": "done"}),
            'goals[0].checklist.headline: must be an object like {"done": true, "note": ""}.',
        ),
        (
            changed("pitches", "parts", {"who": 5}),
            "pitches[0].parts.who: must be a text.",
        ),
        (
            changed("contacts", "notes", "x" * 40_000_000),
            "contacts[0].notes: the text is 40,000,000 characters long; 10,000 at most.",
        ),
        (
            changed("contacts", "first_name", "\x1b]0;pwned\x07"),
            "contacts[0].first_name: the text contains a control character; remove it.",
        ),
        (
            {**demo(), "settings": {"insights": {"silence_days": "soon"}}},
            "settings.insights: ",
        ),
    ],
    ids=lambda x: x if isinstance(x, str) else "",
)
def test_a_value_that_would_break_netwise_later_is_refused(
    tmp_path: Path, document: dict[str, Any], message: str
) -> None:
    path = tmp_path / "all.json"
    # As JSON writes them: "\ud800" as an escape, huge numbers and Infinity as written.
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(WrongFormatError) as caught:
        load_dataset(path)
    assert caught.value.message.startswith(f"“all.json”: {message}")


def test_an_integer_of_thousands_of_digits(tmp_path: Path) -> None:
    path = tmp_path / "all.json"
    path.write_text(json.dumps(demo()).replace('"minutes": 90', '"minutes": ' + "9" * 5000, 1))
    with pytest.raises(WrongFormatError, match="a number too large to read"):
        load_dataset(path)
