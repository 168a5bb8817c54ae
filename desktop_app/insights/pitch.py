"""The elevator pitch: assembled from its parts and checked the way a stranger hears it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from desktop_app.insights.findings import Finding, Level
from desktop_app.insights.goal_profile import PitchParts
from desktop_app.insights.target_mentions import check_looking_for
from desktop_app.insights.wording import (
    JARGON,
    assess_speaking_time,
    count_words,
    find_filler,
    find_phrases,
    quote_list,
)

_END = re.compile(r"[.!?…][\"'”’)]*$")
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
    parts: PitchParts,
    *,
    roles: Sequence[str] = (),
    companies: Sequence[str] = (),
    industries: Sequence[str] = (),
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
    findings.append(check_looking_for(parts.look_for, roles, companies, industries))
    findings.append(_check_ask(parts.ask))
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
    filler = find_filler(text)
    if filler:
        findings.append(
            Finding(
                "pitch.filler",
                Level.HINT,
                f"Filler words that weaken it: {quote_list(filler)}. Cut them.",
            )
        )
    return findings
