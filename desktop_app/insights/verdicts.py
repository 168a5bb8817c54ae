"""The verdict per contact: Prioritise, Nurture, Re-engage, Give first or Move on.

Decision order: the first rule that applies decides (its key is the verdict's *basis*):

1. ``they_only_take`` → **Move on**. You gave at least 3 value points in 12 months and got
   nothing back: the relationship is not win-win, whatever their position.
2. ``ignoring_you`` → **Give first** when the contact is aligned (alignment ≥ ``aligned_at``,
   60): one offer of help before giving up; otherwise → **Move on**.
3. ``you_only_take`` → **Give first**. They gave at least 3 points and you gave nothing.
4. ``no_return`` → **Move on** when not aligned: at least 3 hours spent with not one reply,
   meeting or referral. (An aligned contact with no return yet falls through.)
5. ``time_sink`` → **Move on** when not aligned: at least 5 hours spent with someone who
   answers, still in touch, but from whom nothing toward the goal (referral, introduction,
   advice, lead) came in 6 months (``time_sink``).
6. ``gone_quiet`` → **Re-engage** when at least partly aligned (≥ ``partly_aligned_at``,
   30): you were in touch, but not for more than 90 days.
7. ``aligned`` → **Prioritise**: alignment ≥ 60 and none of the above.
8. ``steady`` → **Nurture**: everything else; keep in touch at a gentle pace.

A flag the user dismissed (ignoring_you, they_only_take, you_only_take, no_return,
time_sink) counts as not raised. Every verdict carries the deciding reason first, then the
alignment.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

PRIORITISE = "prioritise"
NURTURE = "nurture"
RE_ENGAGE = "re_engage"
GIVE_FIRST = "give_first"
MOVE_ON = "move_on"
VERDICTS = (PRIORITISE, NURTURE, RE_ENGAGE, GIVE_FIRST, MOVE_ON)
VERDICT_LABELS = {
    PRIORITISE: "Prioritise",
    NURTURE: "Nurture",
    RE_ENGAGE: "Re-engage",
    GIVE_FIRST: "Give first",
    MOVE_ON: "Move on",
}

# Flags a user may dismiss ("I know; it is fine"), and the bases (deciding rules).
FLAGS = ("ignoring_you", "they_only_take", "you_only_take", "no_return", "time_sink")
BASES = (
    "they_only_take",
    "ignoring_you",
    "you_only_take",
    "no_return",
    "time_sink",
    "gone_quiet",
    "aligned",
    "steady",
)
BASIS_LABELS = {
    "they_only_take": "They only take",
    "ignoring_you": "Ignoring you",
    "you_only_take": "You only take",
    "no_return": "No return on your time",
    "time_sink": "Time sink",
    "gone_quiet": "Gone quiet",
    "aligned": "Aligned with your goal",
    "steady": "Steady",
}


@dataclass(frozen=True)
class Signals:
    """The yes/no findings a verdict is decided on, for one contact."""

    alignment: int
    they_only_take: bool = False
    ignoring_you: bool = False
    you_only_take: bool = False
    no_return: bool = False
    gone_quiet: bool = False
    time_sink: bool = False

    def without(self, dismissed: Collection[str]) -> Signals:
        if not dismissed:
            return self
        return Signals(
            self.alignment,
            self.they_only_take and "they_only_take" not in dismissed,
            self.ignoring_you and "ignoring_you" not in dismissed,
            self.you_only_take and "you_only_take" not in dismissed,
            self.no_return and "no_return" not in dismissed,
            self.gone_quiet,
            self.time_sink and "time_sink" not in dismissed,
        )

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(flag for flag in FLAGS if getattr(self, flag))


def decide(signals: Signals, aligned_at: int, partly_aligned_at: int) -> tuple[str, str]:
    """(verdict, basis) by the decision order of this module's docstring."""
    aligned = signals.alignment >= aligned_at
    if signals.they_only_take:
        return MOVE_ON, "they_only_take"
    if signals.ignoring_you:
        return (GIVE_FIRST if aligned else MOVE_ON), "ignoring_you"
    if signals.you_only_take:
        return GIVE_FIRST, "you_only_take"
    if signals.no_return and not aligned:
        return MOVE_ON, "no_return"
    if signals.time_sink and not aligned:
        return MOVE_ON, "time_sink"
    if signals.gone_quiet and signals.alignment >= partly_aligned_at:
        return RE_ENGAGE, "gone_quiet"
    if aligned:
        return PRIORITISE, "aligned"
    return NURTURE, "steady"


@dataclass(frozen=True)
class Verdict:
    contact_id: int
    verdict: str
    basis: str
    alignment: int
    flags: tuple[str, ...]  # raised and not dismissed
    reasons: tuple[str, ...]

    @property
    def label(self) -> str:
        return VERDICT_LABELS[self.verdict]


_ADVICE = {
    (MOVE_ON, "they_only_take"): "Move on: they only take. Spend this time on people who "
    "give back.",
    (GIVE_FIRST, "ignoring_you"): "Give first: they ignore your messages, but they fit your "
    "goal. Offer something useful instead of another ask before you move on.",
    (MOVE_ON, "ignoring_you"): "Move on: they ignore your messages and do not fit your goal.",
    (GIVE_FIRST, "you_only_take"): "Give first: they have helped you and you have given "
    "nothing back. Ask how you can help them.",
    (MOVE_ON, "no_return"): "Move on: your time with them brings nothing back and they do "
    "not fit your goal.",
    (MOVE_ON, "time_sink"): "Move on: your hours with them bring nothing toward your goal "
    "and they do not fit it. Keep it friendly, but spend the time elsewhere.",
    (RE_ENGAGE, "gone_quiet"): "Re-engage: they are worth your time but you have not been "
    "in touch for a while.",
    (PRIORITISE, "aligned"): "Prioritise: they fit your goal and the relationship works.",
    (NURTURE, "steady"): "Nurture: keep in touch at a gentle pace.",
}


def verdict_headline(verdict: str, basis: str) -> str:
    return _ADVICE[(verdict, basis)]


def explain_verdict(
    contact_id: int,
    signals: Signals,
    details: dict[str, str],
    aligned_at: int,
    partly_aligned_at: int,
    dismissed: Collection[str] = (),
) -> Verdict:
    """The verdict with its reasons in words.

    ``details`` gives the sentence behind each raised signal (by basis key, plus
    ``alignment`` and, when they helped, ``goal_help``); the deciding one comes right after
    the headline.
    """
    effective = signals.without(dismissed)
    verdict, basis = decide(effective, aligned_at, partly_aligned_at)
    reasons = [verdict_headline(verdict, basis)]
    for key in (basis, "alignment", "goal_help"):
        if key in details:
            reasons.append(details[key])
    for flag in signals.flags:
        if flag in dismissed:
            reasons.append(f"You dismissed the “{BASIS_LABELS[flag].lower()}” flag.")
    unique = tuple(dict.fromkeys(reasons))
    return Verdict(contact_id, verdict, basis, signals.alignment, effective.flags, unique)
