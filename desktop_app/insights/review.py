"""The review "Are you networking with the wrong people?": the contacts to move on from or
to give to first, grouped by the reason that decided their verdict."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop_app.insights.verdicts import (
    BASIS_LABELS,
    GIVE_FIRST,
    MOVE_ON,
    VERDICT_LABELS,
    VERDICTS,
    verdict_headline,
)
from desktop_app.wording import count_of

REVIEW_VERDICTS = (MOVE_ON, GIVE_FIRST)
# Groups in the order the review shows them: the clearest waste of time first.
GROUP_ORDER = (
    (MOVE_ON, "they_only_take"),
    (MOVE_ON, "ignoring_you"),
    (MOVE_ON, "no_return"),
    (MOVE_ON, "time_sink"),
    (GIVE_FIRST, "you_only_take"),
    (GIVE_FIRST, "ignoring_you"),
)


@dataclass(frozen=True)
class ReviewEntry:
    """One contact in the review: its verdict, and why (at least the advice of its group;
    every reason when read in detail)."""

    contact_id: int
    name: str
    company: str
    alignment: int
    verdict: str
    basis: str
    reasons: tuple[str, ...]

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


@dataclass(frozen=True)
class ReviewGroup:
    verdict: str
    basis: str
    title: str  # "Move on: they only take"
    advice: str
    entries: tuple[ReviewEntry, ...]
    total: int  # contacts in the group: more than ``entries`` when only the first were read


# What each group is, in its title: the verdict, then who is in it.
GROUP_TITLES = {
    (MOVE_ON, "they_only_take"): "Move on: they take and never give back",
    (MOVE_ON, "ignoring_you"): "Move on: off your goal and not answering you",
    (MOVE_ON, "no_return"): "Move on: off your goal, and your hours bring nothing back",
    (MOVE_ON, "time_sink"): "Move on: off your goal, and hours that bring nothing toward it",
    (GIVE_FIRST, "you_only_take"): "Give first: they help you, you have not helped back",
    (GIVE_FIRST, "ignoring_you"): "Give first: they fit your goal but are not answering you",
}


def group_title(verdict: str, basis: str) -> str:
    found = GROUP_TITLES.get((verdict, basis))
    return found or f"{VERDICT_LABELS[verdict]}: {BASIS_LABELS[basis].lower()}"


def review_summary(groups: Iterable[ReviewGroup]) -> str:
    """The review's headline: how many to move on from, how many to give to first."""
    totals = {MOVE_ON: 0, GIVE_FIRST: 0}
    for group in groups:
        totals[group.verdict] = totals.get(group.verdict, 0) + group.total
    parts = []
    if totals[MOVE_ON]:
        parts.append(
            f"{count_of(totals[MOVE_ON], 'contact')} take your time and give nothing back "
            "toward your goal: move on from them."
        )
    if totals[GIVE_FIRST]:
        parts.append(
            f"Give first to {count_of(totals[GIVE_FIRST], 'contact')}: they helped you or fit "
            "your goal; offer help before you ask again."
        )
    return " ".join(parts)


def build_review(
    entries: Iterable[ReviewEntry], totals: Mapping[tuple[str, str], int] | None = None
) -> tuple[ReviewGroup, ...]:
    """Move on and Give first entries grouped; other verdicts are left out.

    ``totals`` gives each group's size by (verdict, basis) when ``entries`` holds only the
    first of each group.

    Within a group, Move on lists the least aligned first (the easiest to let go) and Give
    first the most aligned first (the most worth an offer); then by name.
    """
    groups: dict[tuple[str, str], list[ReviewEntry]] = {key: [] for key in GROUP_ORDER}
    for entry in entries:
        key = (entry.verdict, entry.basis)
        if key in groups:
            groups[key].append(entry)
    result = []
    for (verdict, basis), members in groups.items():
        if not members:
            continue
        sign = 1 if verdict == MOVE_ON else -1
        members.sort(key=lambda e: (sign * e.alignment, e.name.casefold(), e.contact_id))
        result.append(
            ReviewGroup(
                verdict,
                basis,
                group_title(verdict, basis),
                verdict_headline(verdict, basis),
                tuple(members),
                max(len(members), (totals or {}).get((verdict, basis), 0)),
            )
        )
    return tuple(result)


@functools.cache
def brief_reasons(verdict: str, basis: str) -> tuple[str, ...]:
    """The reason shown before a contact's detail is read: its group's advice (shared by
    every entry of the group, so thousands of entries cost one tuple)."""
    return (verdict_headline(verdict, basis),)


def by_verdict(entries: Iterable[ReviewEntry]) -> tuple[tuple[str, tuple[ReviewEntry, ...]], ...]:
    """Every entry grouped by verdict (Prioritise first), most aligned first, then by name."""
    groups: dict[str, list[ReviewEntry]] = {verdict: [] for verdict in VERDICTS}
    for entry in entries:
        groups[entry.verdict].append(entry)
    return tuple(
        (verdict, tuple(sorted(members, key=lambda e: (-e.alignment, e.name.casefold()))))
        for verdict, members in groups.items()
        if members
    )
