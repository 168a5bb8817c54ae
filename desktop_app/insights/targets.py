"""Precise targets: vague entries caught with a way to be specific, duplicates removed.

A target list entry is one role, company, industry or location. "Anything", "any
company", "jobs" or a lone generic word tell nobody whom to introduce you to; each kind
has its own small vocabulary of such words and its own advice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.insights.findings import Finding, Level
from desktop_app.insights.wording import words

TARGET_KINDS = ("role", "company", "industry", "location")
MAX_ENTRY_LENGTH = 80
WIDE_NET = 5  # more roles than this and the goal stops being precise


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that say "no preference": an entry that starts with one is never specific.
_ANY_WORDS = _word_set(
    "any anything anyone anybody anywhere whatever whichever wherever all every everything "
    "everywhere something somewhere various misc miscellaneous other others etc tbd n/a "
    "none unknown flexible"
)
# Words that add nothing on their own, whatever the kind.
_FILLER = _word_set(
    "a an the good great big large small nice new better best top leading interesting cool "
    "decent well-known famous reputable growing innovative exciting some kind type sort of "
    "in at for with and or my me i well paid well-paid high paying"
)
_GENERIC: dict[str, frozenset[str]] = {
    "role": _word_set(
        "job jobs work role roles position positions career careers employment opportunity "
        "opportunities gig post vacancy vacancies promotion manager managers management "
        "leader leaders leadership lead head director executive senior junior level employee "
        "staff worker professional specialist something stuff"
    ),
    "company": _word_set(
        "company companies business businesses firm firms employer employers organisation "
        "organisations organization organizations corporation corporations corporate startup "
        "startups start-up start-ups enterprise enterprises multinational multinationals "
        "agency agencies brand brands fortune 500 tech"
    ),
    "industry": _word_set(
        "industry industries sector sectors business businesses field fields market markets "
        "area areas domain domains private space"
    ),
    "location": _word_set(
        "location locations place places city cities country countries region regions world "
        "worldwide global globally international abroad area"
    ),
}
_HOW_TO_BE_SPECIFIC = {
    "role": "name the role as job titles say it, e.g. “Head of Product” or “Data Engineer”",
    "company": "name the company, e.g. “Helix Cloud”; a whole sector goes under Industries",
    "industry": "name the industry, e.g. “Renewable energy” or “B2B software”",
    "location": "name a city, a region or a country, or “Remote”",
}


@dataclass(frozen=True)
class Deduplicated:
    kept: list[str]
    removed: list[str]  # the later spellings that duplicated an earlier entry


def clean_entry(text: str) -> str:
    """One space between words, no separators left dangling at either end."""
    return " ".join(text.split()).strip(" ,;")


def dedupe(entries: Iterable[str]) -> Deduplicated:
    """Drop empty entries and case-insensitive duplicates, keeping the first spelling."""
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    for entry in entries:
        cleaned = clean_entry(entry)
        if not cleaned:
            continue
        key = cleaned.casefold()
        if key in seen:
            removed.append(cleaned)
        else:
            seen.add(key)
            kept.append(cleaned)
    return Deduplicated(kept, removed)


def how_to_be_specific(kind: str) -> str:
    return _HOW_TO_BE_SPECIFIC[kind]


def vague_reason(entry: str, kind: str) -> str | None:
    """Why ``entry`` is too vague to be a target ``kind``, or None when it is specific."""
    if kind not in TARGET_KINDS:
        raise ValueError(f"unknown target kind {kind!r}")
    cleaned = clean_entry(entry)
    how = _HOW_TO_BE_SPECIFIC[kind]
    if len(cleaned) > MAX_ENTRY_LENGTH:
        return f"“{cleaned[:40]}…” is a sentence, not one {kind}: {how}, one per entry."
    article = "an" if kind == "industry" else "a"
    tokens = [token.casefold() for token in words(cleaned)]
    if not any(any(ch.isalpha() for ch in token) for token in tokens):
        return f"“{cleaned}” is not {article} {kind}: {how}."
    if tokens[0] in _ANY_WORDS:
        return f"“{cleaned}” is not one {kind} but a shrug: {how}."
    specific = [t for t in tokens if t not in _FILLER and t not in _GENERIC[kind]]
    if not specific or all(t in _ANY_WORDS for t in specific):
        return f"“{cleaned}” is too general to be {article} {kind}: {how}."
    return None


def check_target_list(entries: Sequence[str], kind: str) -> list[Finding]:
    """A PROBLEM for each vague entry of one list."""
    findings = []
    for entry in entries:
        reason = vague_reason(entry, kind)
        if reason:
            findings.append(Finding(f"targets.vague_{kind}", Level.PROBLEM, reason))
    return findings


def check_targets(
    roles: Sequence[str],
    companies: Sequence[str],
    industries: Sequence[str],
    locations: Sequence[str],
) -> list[Finding]:
    """Precise targets: a role, a company or an industry, nothing vague, a narrow net."""
    findings: list[Finding] = []
    for entries, kind in (
        (roles, "role"),
        (companies, "company"),
        (industries, "industry"),
        (locations, "location"),
    ):
        findings.extend(check_target_list(entries, kind))
    if not roles:
        findings.append(
            Finding(
                "targets.no_role",
                Level.PROBLEM,
                "Add at least one target role, e.g. “Head of Product”: people can only "
                "help when they know what you are after.",
            )
        )
    if not companies and not industries:
        findings.append(
            Finding(
                "targets.no_company_or_industry",
                Level.PROBLEM,
                "Add at least one target company or industry: where do you want to work?",
            )
        )
    if len(roles) > WIDE_NET:
        findings.append(
            Finding(
                "targets.wide_net",
                Level.WARNING,
                f"{len(roles)} roles is a wide net: keep the two or three that matter most.",
            )
        )
    if not locations:
        findings.append(
            Finding(
                "targets.no_location",
                Level.HINT,
                "No location yet: add a city or “Remote” so people know where you can work.",
            )
        )
    return findings
