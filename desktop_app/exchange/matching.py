"""Who in an import is already known: in the database, or earlier in the same file.

Rules: the same e-mail address (ignoring case) or the same profile address (normalised)
is the same person — an exact match, merged by default. A similar name at the same
company is only a suggestion, with its rapidfuzz score (0 to 100), never merged unasked.

Speed: e-mail and profile keys are dictionary look-ups; names are compared only within
a block of the same normalised company and the same initial of one of their words (a
misspelt name keeps most of its initials), so 10,000 records against 10,000 contacts make
a few hundred thousand comparisons in rapidfuzz's C code, not 10^8.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from desktop_app.exchange.normalise import company_key, email_key, name_key, profile_key
from desktop_app.exchange.records import ContactRecord

SUGGESTION_THRESHOLD = 85.0
SUGGESTION_LIMIT = 3


@dataclass(frozen=True, slots=True)
class Existing:
    """A contact already in the database, reduced to what matching needs."""

    id: int
    full_name: str
    company: str = ""
    linkedin_url: str = ""
    emails: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Match:
    """Record ``index`` of the file is (exact) or may be (suggestion) someone else.

    That someone is contact ``contact_id`` in the database, or record ``other_index``
    earlier in the same file.
    """

    index: int
    contact_id: int | None
    other_index: int | None
    exact: bool
    score: float
    reason: str


@dataclass(slots=True)
class DuplicateReport:
    exact: dict[int, Match] = field(default_factory=dict)
    suggestions: dict[int, list[Match]] = field(default_factory=dict)


# A target is ("contact", id) or ("record", index).
_Target = tuple[str, int]


def _match(index: int, target: _Target, exact: bool, score: float, reason: str) -> Match:
    contact_id = target[1] if target[0] == "contact" else None
    other = target[1] if target[0] == "record" else None
    return Match(index, contact_id, other, exact, round(score, 1), reason)


def find_duplicates(
    records: Sequence[ContactRecord],
    existing: Sequence[Existing],
    *,
    threshold: float = SUGGESTION_THRESHOLD,
    limit: int = SUGGESTION_LIMIT,
) -> DuplicateReport:
    """Exact matches and suggestions for every record, against ``existing`` and each other."""
    by_email: dict[str, _Target] = {}
    by_profile: dict[str, _Target] = {}
    # (company key, initial) → (targets, name keys), in step
    blocks: dict[tuple[str, str], tuple[list[_Target], list[str]]] = {}
    # Bound once: these run for every contact and every record (100,000 of each).
    add_email, add_profile = by_email.setdefault, by_profile.setdefault
    for contact in existing:
        target = ("contact", contact.id)
        for address in contact.emails:
            if key := email_key(address):
                add_email(key, target)
        if key := profile_key(contact.linkedin_url):
            add_profile(key, target)
        if (company := company_key(contact.company)) and (name := name_key(contact.full_name)):
            _add(blocks, company, name, target)

    report = DuplicateReport()
    exact_found, suggested = report.exact, report.suggestions
    for index, record in enumerate(records):
        emails = [k for e in record.emails if (k := email_key(e.value))]
        profile = profile_key(record.linkedin_url)
        exact = _exact(index, emails, profile, by_email, by_profile)
        company = company_key(record.company)
        name = name_key(record.full_name or record.name())
        if exact is not None:
            exact_found[index] = exact
        elif company and name:
            found = _similar(blocks, company, name, threshold, limit)
            if found:
                suggested[index] = [
                    _match(index, target, False, score, "similar name at the same company")
                    for target, score in found
                ]
        # Later records of the file are compared with this one too.
        me = ("record", index)
        for key in emails:
            add_email(key, me)
        if profile:
            add_profile(profile, me)
        if company and name:
            _add(blocks, company, name, me)
    return report


def _initials(name: str) -> set[str]:
    return {word[0] for word in name.split()}


def _add(
    blocks: dict[tuple[str, str], tuple[list[_Target], list[str]]],
    company: str,
    name: str,
    target: _Target,
) -> None:
    for initial in {word[0] for word in name.split()}:
        block = blocks.get((company, initial))
        if block is None:  # no empty lists made for blocks that exist (most do)
            blocks[company, initial] = ([target], [name])
        else:
            block[0].append(target)
            block[1].append(name)


def _similar(
    blocks: dict[tuple[str, str], tuple[list[_Target], list[str]]],
    company: str,
    name: str,
    threshold: float,
    limit: int,
) -> list[tuple[_Target, float]]:
    """The best-scoring targets at ``company`` sharing an initial with ``name``."""
    best: dict[_Target, float] = {}
    for initial in _initials(name):
        block = blocks.get((company, initial))
        if block is None:
            continue
        targets, names = block
        # Keys hold their words sorted: ratio here is token_sort_ratio on the names.
        for _, score, pos in process.extract(
            name, names, scorer=fuzz.ratio, score_cutoff=threshold, limit=limit
        ):
            target = targets[pos]
            best[target] = max(score, best.get(target, 0.0))
    return sorted(best.items(), key=lambda pair: -pair[1])[:limit]


def _exact(
    index: int,
    emails: list[str],
    profile: str,
    by_email: dict[str, _Target],
    by_profile: dict[str, _Target],
) -> Match | None:
    if profile and (target := by_profile.get(profile)):
        return _match(index, target, True, 100.0, "same profile address")
    for key in emails:
        if target := by_email.get(key):
            return _match(index, target, True, 100.0, f"same e-mail address {key}")
    return None
