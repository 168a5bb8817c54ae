"""The profile checklist: written for the target industry, organisations joined."""

from __future__ import annotations

from desktop_app.insights.findings import Level
from desktop_app.insights.goal_profile import OrganisationEntry
from desktop_app.insights.profile_checklist import (
    CHECKLIST_LABELS,
    HEADLINE_LIMIT,
    assess_checklist,
    check_headline,
    check_organisations,
    check_summary,
)
from desktop_app.insights.target_mentions import check_looking_for

ROLES = ["Data Engineer"]
COMPANIES = ["Helix Cloud"]
INDUSTRIES = ["Fintech"]


def test_headline() -> None:
    assert check_headline("", ROLES, INDUSTRIES).code == "profile.headline_missing"
    off = check_headline("Curious person who likes puzzles", ROLES, INDUSTRIES)
    assert (off.code, off.level) == ("profile.headline_off_target", Level.WARNING)
    assert "“Fintech” and “Data Engineer”" in off.message
    ok = check_headline("Data engineer for fintech payments", ROLES, INDUSTRIES)
    assert (ok.code, ok.level) == ("profile.headline_ok", Level.OK)
    at_limit = "Fintech " + "x" * (HEADLINE_LIMIT - 8)
    assert check_headline(at_limit, ROLES, INDUSTRIES).level is Level.OK
    over = check_headline(at_limit + "x", ROLES, INDUSTRIES)
    assert over.code == "profile.headline_too_long"


def test_summary_must_name_the_industry_and_say_enough() -> None:
    assert check_summary("", ROLES, INDUSTRIES).code == "profile.summary_missing"
    short = check_summary("Data engineer in fintech.", ROLES, INDUSTRIES)
    assert (short.code, short.level) == ("profile.summary_short", Level.HINT)
    long_enough = "I build fintech data pipelines. " + "word " * 25
    assert check_summary(long_enough, ROLES, INDUSTRIES).code == "profile.summary_ok"


def test_organisations() -> None:
    assert check_organisations([]).code == "profile.no_organisations"
    planned = check_organisations([OrganisationEntry("Fintech Guild", "industry", "to_join")])
    assert planned.code == "profile.organisations_planned"
    assert "join “Fintech Guild”" in planned.message
    joined = check_organisations(
        [
            OrganisationEntry("Fintech Guild", "industry", "to_join"),
            OrganisationEntry("Leeds Alumni", "alumni", "joined"),
        ]
    )
    assert (joined.code, joined.level) == ("profile.organisations_ok", Level.OK)
    assert "“Leeds Alumni”" in joined.message


def test_looking_for_names_the_role_and_where() -> None:
    assert check_looking_for("", ROLES, COMPANIES, INDUSTRIES).code == ("looking_for.missing")
    vague = check_looking_for("A new challenge.", ROLES, COMPANIES, INDUSTRIES)
    assert "does not name the role" in vague.message
    no_where = check_looking_for("A data engineer role.", ROLES, COMPANIES, INDUSTRIES)
    assert "does not name the company or industry" in no_where.message
    ok = check_looking_for("A data engineer role in fintech.", ROLES, COMPANIES, INDUSTRIES)
    assert ok.code == "looking_for.ok"


def test_assess_gives_one_finding_per_item() -> None:
    findings = assess_checklist(
        headline="",
        summary="",
        looking_for="",
        organisations=[],
        roles=ROLES,
        companies=COMPANIES,
        industries=INDUSTRIES,
    )
    assert list(findings) == list(CHECKLIST_LABELS)
    assert all(f.level is Level.WARNING for f in findings.values())
