"""The profile checklist: is the profile written for the people the goal is about?

Each item gets a finding that explains itself; the user ticks the item and keeps a note.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_app.insights.findings import Finding, Level
from desktop_app.insights.goal_profile import OrganisationEntry
from desktop_app.insights.target_mentions import check_looking_for, mentioned
from desktop_app.insights.wording import count_words, quote_list
from desktop_app.wording import count_of

CHECKLIST_LABELS = {
    "headline": "Headline written from the target industry's point of view",
    "summary": "Summary written for readers in the target industry",
    "organisations": "Alumni, industry or professional organisations joined",
    "looking_for": "A precise description of what I am looking for",
}
HEADLINE_LIMIT = 220  # what LinkedIn allows
SHORT_SUMMARY_WORDS = 30


def _names_targets(
    key: str, what: str, text: str, roles: Sequence[str], industries: Sequence[str]
) -> Finding:
    if not text.strip():
        return Finding(
            f"profile.{key}_missing",
            Level.WARNING,
            f"No {what} yet: generate one on the pitch page or write your own.",
        )
    found = mentioned(text, [*industries, *roles])
    if not found:
        targets = quote_list([*industries, *roles]) or "your target industry"
        return Finding(
            f"profile.{key}_off_target",
            Level.WARNING,
            f"The {what} never names {targets}: write it the way people there search.",
        )
    return Finding(
        f"profile.{key}_ok",
        Level.OK,
        f"The {what} names {quote_list(found)}: readers there will recognise their world.",
    )


def check_headline(headline: str, roles: Sequence[str], industries: Sequence[str]) -> Finding:
    if len(headline) > HEADLINE_LIMIT:
        return Finding(
            "profile.headline_too_long",
            Level.WARNING,
            f"The headline has {len(headline)} characters; profiles show {HEADLINE_LIMIT} at most.",
        )
    return _names_targets("headline", "headline", headline, roles, industries)


def check_summary(summary: str, roles: Sequence[str], industries: Sequence[str]) -> Finding:
    finding = _names_targets("summary", "summary", summary, roles, industries)
    if finding.level is Level.OK and count_words(summary) < SHORT_SUMMARY_WORDS:
        return Finding(
            "profile.summary_short",
            Level.HINT,
            f"The summary is {count_of(count_words(summary), 'word')}: add what you did and "
            "for whom.",
        )
    return finding


def check_organisations(organisations: Sequence[OrganisationEntry]) -> Finding:
    joined = [org.name for org in organisations if org.status == "joined"]
    planned = [org.name for org in organisations if org.status != "joined"]
    if joined:
        return Finding(
            "profile.organisations_ok",
            Level.OK,
            f"Member of {quote_list(joined)}: list them on your profile.",
        )
    if planned:
        return Finding(
            "profile.organisations_planned",
            Level.WARNING,
            f"None joined yet: join {quote_list(planned)} and list them on your profile.",
        )
    return Finding(
        "profile.no_organisations",
        Level.WARNING,
        "No organisations: add alumni, industry or professional groups on the “Who can help” page.",
    )


def assess_checklist(
    *,
    headline: str,
    summary: str,
    looking_for: str,
    organisations: Sequence[OrganisationEntry],
    roles: Sequence[str],
    companies: Sequence[str],
    industries: Sequence[str],
) -> dict[str, Finding]:
    """A finding for every checklist item, keyed as ``CHECKLIST_LABELS``."""
    return {
        "headline": check_headline(headline, roles, industries),
        "summary": check_summary(summary, roles, industries),
        "organisations": check_organisations(organisations),
        "looking_for": check_looking_for(looking_for, roles, companies, industries),
    }
