"""Findings: which block, and in which order they are shown."""

from __future__ import annotations

from desktop_app.insights.findings import Finding, Level, first_problem, problems, worth_showing


def test_worst_first_and_passed_checks_hidden() -> None:
    hint = Finding("a", Level.HINT, "hint")
    ok = Finding("b", Level.OK, "fine")
    problem = Finding("c", Level.PROBLEM, "stop")
    warning = Finding("d", Level.WARNING, "careful")
    later_problem = Finding("e", Level.PROBLEM, "stop too")
    findings = [hint, ok, problem, warning, later_problem]
    assert worth_showing(findings) == [problem, later_problem, warning, hint]
    assert problems(findings) == [problem, later_problem]
    assert first_problem(findings) is problem
    assert first_problem([hint, ok]) is None
    assert problem.blocks and not warning.blocks
