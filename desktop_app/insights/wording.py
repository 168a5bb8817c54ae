"""Counting words and seconds, and spotting jargon and filler, in what a person will say."""

from __future__ import annotations

import re
from collections.abc import Iterable

from desktop_app.insights.findings import Finding, Level
from desktop_app.wording import count_of

WORDS_PER_MINUTE = 130
AIM_SECONDS = (20, 40)
# Past this a pitch is no longer a pitch: the wizard will not go on.
MAX_SECONDS = 90

# A word is a run of letters or digits; hyphens, apostrophes, dots, slashes and "&" inside
# it keep it whole ("well-known", "I'm", "Node.js", "and/or", "R&D"), and so do a comma or
# a colon between digits ("1,000", "9:30"). Dashes between words ("fast—really") separate,
# and a dash or a symbol on its own is no word.
_JOINER = r"(?:[-\u2010\u2011'\u2019./&+]|(?<=\d)[,:](?=\d))"
_WORD = re.compile(rf"[^\W_]+(?:{_JOINER}[^\W_]+)*")

JARGON = (
    "synergy",
    "synergies",
    "leverage",
    "leverages",
    "leveraging",
    "paradigm",
    "disruptive",
    "thought leader",
    "thought leadership",
    "best-in-class",
    "best of breed",
    "value-add",
    "move the needle",
    "circle back",
    "deep dive",
    "low-hanging fruit",
    "holistic",
    "bandwidth",
    "results-driven",
    "go-getter",
    "self-starter",
    "ninja",
    "rockstar",
    "guru",
    "game changer",
    "game-changer",
    "outside the box",
    "world-class",
    "cutting-edge",
    "seamless",
    "actionable",
    "ideate",
)
FILLER = (
    "basically",
    "actually",
    "literally",
    "really",
    "very",
    "just",
    "honestly",
    "totally",
    "kind of",
    "sort of",
    "you know",
    "i mean",
    "stuff",
    "things",
    "etc",
    "and so on",
)


# "kind of" and "sort of" hedge ("I kind of lead the team"), but after a determiner they
# are plain words ("the kind of data", "what sort of team").
_DETERMINED_KIND = re.compile(
    r"\b(?:the|a|an|this|that|these|those|what|which|any|every|some|each|one|same|my|our"
    r"|your|their|his|her|its)\s+(?:kind|sort)\s+of\b",
    re.IGNORECASE,
)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def count_words(text: str) -> int:
    """Words as a listener hears them: "well-known" is one, "—" is none, "2025" is one."""
    return len(words(text))


def speaking_seconds(word_count: int, words_per_minute: int = WORDS_PER_MINUTE) -> float:
    return word_count * 60.0 / words_per_minute


def assess_speaking_time(word_count: int, words_per_minute: int = WORDS_PER_MINUTE) -> Finding:
    """Where the spoken length falls against the 20–40 second aim.

    Judged on whole seconds, the figure the user sees, so "about 40 s" is never "too long".
    """
    low, high = AIM_SECONDS
    shown = round(speaking_seconds(word_count, words_per_minute))
    if word_count == 0:
        return Finding(
            "pitch.empty",
            Level.PROBLEM,
            "The pitch is empty: write at least who you are and what you are looking for.",
        )
    about = f"About {shown} s ({count_of(word_count, 'word')})"
    if shown < low:
        return Finding(
            "pitch.too_short",
            Level.WARNING,
            f"{about}: shorter than the {low}–{high} s aim. Add a concrete result or your "
            "reason, so a stranger can follow.",
        )
    if shown <= high:
        return Finding("pitch.length_ok", Level.OK, f"{about}: within the {low}–{high} s aim.")
    if shown <= MAX_SECONDS:
        return Finding(
            "pitch.too_long",
            Level.WARNING,
            f"{about}: longer than {high} s, and listeners drift. Keep one sentence per part.",
        )
    return Finding(
        "pitch.far_too_long",
        Level.PROBLEM,
        f"{about}: far too long for a first meeting. Cut it to under {high} s before going on.",
    )


def find_phrases(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases that occur in ``text`` as whole words, case-insensitive, in text order."""
    lowered = text.casefold()
    found: list[tuple[int, str]] = []
    for phrase in phrases:
        match = re.search(rf"(?<![\w-]){re.escape(phrase.casefold())}(?![\w-])", lowered)
        if match:
            found.append((match.start(), phrase))
    return [phrase for _start, phrase in sorted(found)]


def find_filler(text: str) -> list[str]:
    """The filler words of ``text``, in text order ("kind of" only where it hedges)."""
    plain = _DETERMINED_KIND.sub(lambda match: " " * len(match.group()), text)
    return find_phrases(plain, FILLER)


def mentions(text: str, name: str) -> bool:
    """Whether ``name`` (a role, an industry) appears in ``text`` as whole words."""
    name = " ".join(name.split())
    return bool(name) and bool(find_phrases(text, [name]))


def quote_list(items: Iterable[str], limit: int = 4) -> str:
    """“a”, “b” and “c” (at most ``limit`` shown, then "and N more")."""
    quoted = [f"“{item}”" for item in items]
    if len(quoted) > limit:
        quoted = [*quoted[:limit], f"{len(quoted) - limit} more"]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
