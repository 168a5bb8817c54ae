"""Precise targets: vague entries caught with advice, duplicates removed."""

from __future__ import annotations

import pytest

from desktop_app.insights.findings import Level
from desktop_app.insights.targets import (
    MAX_ENTRY_LENGTH,
    check_targets,
    clean_entry,
    dedupe,
    how_to_be_specific,
    vague_reason,
)


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        ("anything", "role"),
        ("Anything really", "role"),
        ("jobs", "role"),
        ("a good job", "role"),
        ("Manager", "role"),
        ("senior role", "role"),
        ("any company", "company"),
        ("Any fintech company", "company"),
        ("big companies", "company"),
        ("startups", "company"),
        ("industry", "industry"),
        ("private sector", "industry"),
        ("whatever", "industry"),
        ("anywhere", "location"),
        ("worldwide", "location"),
        ("?", "role"),
        ("—", "company"),
        ("1234", "industry"),
    ],
)
def test_vague_entries_are_caught_with_how_to_be_specific(entry: str, kind: str) -> None:
    reason = vague_reason(entry, kind)
    assert reason is not None
    assert f"“{clean_entry(entry)}”" in reason
    assert how_to_be_specific(kind) in reason


@pytest.mark.parametrize(
    ("entry", "kind"),
    [
        ("Head of Product", "role"),
        ("Product Manager", "role"),
        ("Data Engineer", "role"),
        ("Nurse", "role"),
        ("Helix Cloud", "company"),
        ("X", "company"),
        ("Big Tech Ventures", "company"),
        ("Software", "industry"),
        ("Open source", "industry"),
        ("Renewable energy", "industry"),
        ("Public sector", "industry"),
        ("Remote", "location"),
        ("Bay Area", "location"),
        ("Berlin", "location"),
    ],
)
def test_specific_entries_pass(entry: str, kind: str) -> None:
    assert vague_reason(entry, kind) is None


def test_entry_length_boundary() -> None:
    fits = "Senior " + "x" * (MAX_ENTRY_LENGTH - len("Senior "))
    assert len(fits) == MAX_ENTRY_LENGTH
    assert vague_reason(fits, "role") is None
    reason = vague_reason(fits + "y", "role")
    assert reason is not None and "one per entry" in reason


def test_unknown_kind_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="unknown target kind"):
        vague_reason("Berlin", "planet")


def test_dedupe_is_case_insensitive_and_keeps_the_first_spelling() -> None:
    result = dedupe(["Helix Cloud", "  helix   cloud ", "Solaria", "", "HELIX CLOUD", "solaria,"])
    assert result.kept == ["Helix Cloud", "Solaria"]
    assert result.removed == ["helix cloud", "HELIX CLOUD", "solaria"]


def test_dedupe_of_nothing() -> None:
    assert dedupe([]).kept == []
    assert dedupe(["  ", ","]).kept == []


def _codes(findings) -> list[str]:  # type: ignore[no-untyped-def]
    return [finding.code for finding in findings]


def test_a_role_and_a_company_or_industry_are_required() -> None:
    assert _codes(check_targets([], [], [], ["Berlin"])) == [
        "targets.no_role",
        "targets.no_company_or_industry",
    ]
    assert all(f.level is Level.PROBLEM for f in check_targets([], [], [], ["Berlin"]))
    assert _codes(check_targets(["Data Engineer"], ["Helix"], [], ["Berlin"])) == []
    assert _codes(check_targets(["Data Engineer"], [], ["Energy"], ["Berlin"])) == []


def test_vague_entries_block_and_a_missing_location_is_a_hint() -> None:
    findings = check_targets(["jobs"], ["any company"], ["Energy"], [])
    assert _codes(findings) == [
        "targets.vague_role",
        "targets.vague_company",
        "targets.no_location",
    ]
    assert [f.level for f in findings] == [Level.PROBLEM, Level.PROBLEM, Level.HINT]


def test_more_than_five_roles_is_a_wide_net() -> None:
    five = ["Data Engineer", "ML Engineer", "Data Scientist", "Analytics Lead", "BI Developer"]
    assert "targets.wide_net" not in _codes(check_targets(five, ["Helix"], [], ["Berlin"]))
    findings = check_targets([*five, "Data Architect"], ["Helix"], [], ["Berlin"])
    assert _codes(findings) == ["targets.wide_net"]
    assert findings[0].level is Level.WARNING
    assert findings[0].message.startswith("6 roles")
