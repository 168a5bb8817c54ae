"""Variants of the pitch, generated from its parts for the user to edit.

The 30-second pitch for speaking, a one-line headline and a short profile summary that
opens with what the target industry gets, since that reader decides in a line or two.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.insights.goal_profile import PitchParts, PitchVariants
from desktop_app.insights.pitch import assemble_pitch
from desktop_app.insights.target_mentions import in_running_text
from desktop_app.insights.wording import count_words, speaking_seconds

THIRTY_SECONDS = 30
HEADLINE_MAX = 120

_INTRO = re.compile(
    r"^(?:(?:hi|hello|hey)[,!.]?\s+)?(?:my name is [^,.]+?(?:,|\band\b)\s*)?"
    r"(?:i[’']m|i am)\s+(?:an?\s+)?",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""


def _joined(names: Sequence[str], conjunction: str = "and") -> str:
    names = [name for name in names if name.strip()]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def thirty_second_pitch(parts: PitchParts) -> str:
    """The pitch cut to about 30 seconds: the "why" goes first, then second sentences."""
    candidates = [
        parts,
        PitchParts(parts.who, parts.offer, parts.look_for, "", parts.ask),
        PitchParts(
            *(_first_sentence(p) for p in (parts.who, parts.offer, parts.look_for)),
            "",
            _first_sentence(parts.ask),
        ),
    ]
    for candidate in candidates:
        text = assemble_pitch(candidate)
        if speaking_seconds(count_words(text)) <= THIRTY_SECONDS:
            return text
    return assemble_pitch(candidates[-1])


def who_phrase(who: str) -> str:
    """ "I'm a product manager with six years in B2B software." -> "Product manager with six
    years in B2B software"."""
    phrase = _INTRO.sub("", _first_sentence(who)).rstrip(" .!?…")
    return phrase[:1].upper() + phrase[1:]


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:|·—-")
    return cut + "…"


def headline(parts: PitchParts, roles: Sequence[str], industries: Sequence[str]) -> str:
    """One line: who I am, then the role and industry I am aiming at."""
    who = who_phrase(parts.who)
    role = roles[0] if roles else ""
    where = _joined([in_running_text(name) for name in industries[:2]])
    if role and where:
        target = f"Open to {role} roles in {where}"
    elif role:
        target = f"Open to {role} roles"
    elif where:
        target = f"Working towards {where}"
    else:
        target = ""
    if who and target:
        # The target is what a reader from the industry searches for: keep it whole.
        room = HEADLINE_MAX - len(target) - 3
        return f"{_shorten(who, max(room, 20))} | {target}"
    return _shorten(who or target, HEADLINE_MAX)


def profile_summary(parts: PitchParts, industries: Sequence[str]) -> str:
    """A few sentences for a profile, opening with what the target industry gets."""
    offer = " ".join(parts.offer.split())
    fields = [in_running_text(name) for name in industries[:3]]
    where = _joined(fields)
    paragraphs = []
    opening = []
    if offer and where:
        opening.append(
            f"What I bring to teams in {where}: {assemble_pitch(PitchParts(offer=offer))}"
        )
    elif offer:
        opening.append(assemble_pitch(PitchParts(offer=offer)))
    opening.append(assemble_pitch(PitchParts(who=parts.who, why=parts.why)))
    paragraphs.append(" ".join(sentence for sentence in opening if sentence))
    closing = assemble_pitch(PitchParts(look_for=parts.look_for))
    if where:
        anywhere = _joined(fields, "or")
        closing = f"{closing} If you work in {anywhere}, I would be glad to compare notes."
        closing = closing.strip()
    paragraphs.append(closing)
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def generate_variants(
    parts: PitchParts, *, roles: Sequence[str] = (), industries: Sequence[str] = ()
) -> PitchVariants:
    return PitchVariants(
        thirty_seconds=thirty_second_pitch(parts),
        headline=headline(parts, roles, industries),
        summary=profile_summary(parts, industries),
    )
