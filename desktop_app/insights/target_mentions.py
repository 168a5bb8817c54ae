"""Whether a text names the goal's targets, and how a target name reads inside a sentence.

The pitch page, the profile checklist and the generated variants all ask these questions;
they get their one answer here, so two pages never disagree about the same sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from desktop_app.insights.findings import Finding, Level
from desktop_app.insights.wording import find_phrases, quote_list, words

# Words in a target name that say nothing on their own ("Head of Product": "of").
_MINOR = frozenset(("a", "an", "and", "the", "of", "for", "in", "at", "to", "on", "with", "&"))


def _word_forms(text: str) -> set[str]:
    """The folded words of ``text`` and their hyphenated parts; "engineering" also counts
    as "engineer", since "a data engineering role" names the Data Engineer role."""
    said = {word.casefold() for word in words(text)}
    said |= {part for word in said for part in word.split("-") if part}
    said |= {word.removesuffix("ing") for word in said if len(word) > 6 and word.endswith("ing")}
    return said


def mentioned(text: str, names: Iterable[str]) -> list[str]:
    """The target names ``text`` mentions: the whole name, or every significant word of it
    ("Head of Product" matches "head of product" and "product head"; "Climate tech"
    matches "climate-tech"; "Data Engineer" matches "data engineering")."""
    said = _word_forms(text)
    found = []
    for name in names:
        significant = [
            part
            for w in words(name)
            for part in w.casefold().split("-")
            if part and part not in _MINOR
        ]
        if find_phrases(text, [name]) or (significant and all(w in said for w in significant)):
            found.append(name)
    return found


def check_looking_for(
    looking_for: str,
    roles: Sequence[str],
    companies: Sequence[str],
    industries: Sequence[str],
) -> Finding:
    """Does "What I look for" name a target role and a target company or industry?

    The same finding on the pitch page and in the profile checklist (whose item is this
    very part of the pitch).
    """
    if not looking_for.strip():
        return Finding(
            "looking_for.missing",
            Level.WARNING,
            "Say what you are looking for in the pitch's “What I look for” part: the role "
            "and the kind of company.",
        )
    role = mentioned(looking_for, roles)
    where = mentioned(looking_for, [*companies, *industries])
    missing = []
    if roles and not role:
        missing.append(f"the role ({quote_list(roles)})")
    if (companies or industries) and not where:
        missing.append(f"the company or industry ({quote_list([*companies, *industries])})")
    if missing:
        return Finding(
            "looking_for.vague",
            Level.WARNING,
            f"What you look for does not name {' or '.join(missing)}: a reader cannot tell "
            "whom to introduce you to.",
        )
    if not role and not where:
        return Finding("looking_for.no_targets", Level.OK, "No targets to name yet.")
    return Finding(
        "looking_for.ok",
        Level.OK,
        f"What you look for names {quote_list([*role, *where])}: a reader knows whom to "
        "introduce you to.",
    )


def in_running_text(name: str) -> str:
    """A target name as it reads inside a sentence: "Renewable energy" is capitalised only
    because it began a list entry, so "teams in renewable energy"; names with capitals
    elsewhere ("Climate Tech", "B2B software", "AI", "Helix Cloud") stay as written."""
    name = " ".join(name.split())
    first, _, rest = name.partition(" ")
    only_first_capital = first[:1].isupper() and first[1:] == first[1:].lower()
    if only_first_capital and rest == rest.lower() and len(first) > 1:
        return first[0].lower() + first[1:] + (f" {rest}" if rest else "")
    return name
