"""The elevator pitch: assembled from its parts and checked the way a stranger hears it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from desktop_app.insights.findings import Finding, Level
from desktop_app.insights.goal_profile import PitchParts
from desktop_app.insights.wording import (
    FILLER,
    JARGON,
    assess_speaking_time,
    count_words,
    find_phrases,
    quote_list,
    words,
)

_END = re.compile(r"[.!?…][\"'”’)]*$")
# Words in a target name that say nothing on their own ("Head of Product": "of").
_MINOR = frozenset(("a", "an", "and", "the", "of", "for", "in", "at", "to", "on", "with", "&"))
_REQUEST_CUES = (
    "could",
    "would",
    "can",
    "may",
    "please",
    "introduce",
    "introduction",
    "recommend",
    "suggest",
    "advice",
    "refer",
    "referral",
    "connect",
    "meet",
    "coffee",
    "call",
    "chat",
    "who",
    "let's",
    "open to",
    "happy to",
)
_OFFER_CUES = ("i can help", "i help", "i bring", "i offer", "for you", "for your", "i can share")


def _sentence(part: str) -> str:
    text = " ".join(part.split())
    if text and not _END.search(text):
        text += "."
    return text


def assemble_pitch(parts: PitchParts) -> str:
    """The parts in speaking order, one sentence each, joined into one paragraph."""
    return " ".join(sentence for sentence in map(_sentence, parts.in_order()) if sentence)


def mentioned(text: str, names: Iterable[str]) -> list[str]:
    """The target names ``text`` mentions: the whole name, or every significant word of it
    ("Head of Product" matches "head of product" and "product head"; "Climate tech"
    matches "climate-tech")."""
    said = {word.casefold() for word in words(text)}
    said |= {part for word in said for part in word.split("-")}
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


def _check_target_named(text: str, roles: Sequence[str], industries: Sequence[str]) -> Finding:
    if not roles and not industries:
        return Finding("pitch.target_named", Level.OK, "No targets to name yet.")
    found = mentioned(text, [*roles, *industries])
    if found:
        return Finding(
            "pitch.target_named",
            Level.OK,
            f"Names {quote_list(found)}: a stranger knows what you are after.",
        )
    return Finding(
        "pitch.target_not_named",
        Level.WARNING,
        f"Never names your target role or industry ({quote_list([*roles, *industries])}): "
        "a stranger cannot tell what you are after.",
    )


def _check_ask(ask: str) -> Finding:
    if not ask.strip():
        return Finding(
            "pitch.no_ask",
            Level.WARNING,
            "No ask: end with one request the listener can say yes to, e.g. “Who on your "
            "team should I talk to?”",
        )
    if "?" in ask or find_phrases(ask, _REQUEST_CUES):
        return Finding("pitch.ask_ok", Level.OK, "Ends with a clear ask.")
    return Finding(
        "pitch.ask_unclear",
        Level.HINT,
        "The ask does not sound like a request: ask a question, or for one specific thing.",
    )


def _check_offer(parts: PitchParts, text: str) -> Finding:
    if parts.offer.strip() or find_phrases(text, _OFFER_CUES):
        return Finding("pitch.offer_ok", Level.OK, "Offers the listener something.")
    return Finding(
        "pitch.no_offer",
        Level.WARNING,
        "Nothing for the listener: say what you can offer them (a skill, an introduction, "
        "an idea), so the meeting is worth their time.",
    )


def check_pitch(
    parts: PitchParts, *, roles: Sequence[str] = (), industries: Sequence[str] = ()
) -> list[Finding]:
    """Every check of the pitch, passed ones included, in the order a listener meets them."""
    text = assemble_pitch(parts)
    findings = [assess_speaking_time(count_words(text))]
    if not text:
        return findings
    if not parts.who.strip():
        findings.append(
            Finding(
                "pitch.no_who",
                Level.WARNING,
                "Start with who you are, in a few words (your role and field).",
            )
        )
    findings.append(_check_offer(parts, text))
    if not parts.look_for.strip():
        findings.append(
            Finding(
                "pitch.no_look_for",
                Level.WARNING,
                "Say what you are looking for: the role and the kind of company.",
            )
        )
    findings.append(_check_ask(parts.ask))
    findings.append(_check_target_named(text, roles, industries))
    jargon = find_phrases(text, JARGON)
    if jargon:
        findings.append(
            Finding(
                "pitch.jargon",
                Level.HINT,
                f"Jargon a stranger may not follow: {quote_list(jargon)}. Say what you do in "
                "plain words.",
            )
        )
    filler = find_phrases(text, FILLER)
    if filler:
        findings.append(
            Finding(
                "pitch.filler",
                Level.HINT,
                f"Filler words that weaken it: {quote_list(filler)}. Cut them.",
            )
        )
    return findings
