"""What a check reports: a level and a sentence a person can act on.

Every check in ``insights`` returns ``Finding`` values rather than booleans, so the ui can
show the reason as it is and decide from the level whether to block a step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Level(StrEnum):
    """How much a finding matters, from praise to a blocker."""

    OK = "ok"  # the check passed; the message says why that is good
    HINT = "hint"  # worth a look (jargon, filler words)
    WARNING = "warning"  # likely to hurt, but the user may go on
    PROBLEM = "problem"  # vague or unrealistic: the wizard will not go on


@dataclass(frozen=True)
class Finding:
    code: str  # stable identifier for tests and styling, e.g. "pitch.no_ask"
    level: Level
    message: str

    @property
    def blocks(self) -> bool:
        return self.level is Level.PROBLEM


def problems(findings: Iterable[Finding]) -> list[Finding]:
    """The findings that block going on, in order."""
    return [finding for finding in findings if finding.blocks]


def first_problem(findings: Iterable[Finding]) -> Finding | None:
    return next((finding for finding in findings if finding.blocks), None)


def worth_showing(findings: Iterable[Finding]) -> list[Finding]:
    """Everything but the passed checks, worst first (a stable order otherwise)."""
    order = {Level.PROBLEM: 0, Level.WARNING: 1, Level.HINT: 2, Level.OK: 3}
    shown = [finding for finding in findings if finding.level is not Level.OK]
    return sorted(shown, key=lambda finding: order[finding.level])
