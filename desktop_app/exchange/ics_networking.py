"""Whether a calendar entry looks like a networking event rather than a work meeting.

A meetup, conference, mixer, summit, webinar... is where new people are met; a weekly
sync is not. The words are matched whole, in the title and the categories, in English
(the language of nearly every event listing people put in their calendars), with accents
ignored so that "Conférence" counts too. Phrases
that use such a word for something else — a "conference call", a "conference room", a
"video conference" — do not count.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

NETWORKING_WORDS = (
    "meetup",
    "meet-up",
    "meet up",
    "conference",
    "conf",
    "mixer",
    "summit",
    "webinar",
    "networking",
    "network event",
    "expo",
    "trade show",
    "tradeshow",
    "trade fair",
    "career fair",
    "job fair",
    "hackathon",
    "symposium",
    "convention",
    "congress",
    "forum",
    "fireside chat",
    "panel discussion",
    "demo day",
    "happy hour",
    "unconference",
    "barcamp",
)
# Everyday uses of those words that are not events to meet people at.
NOT_NETWORKING = (
    "conference call",
    "conference room",
    "conference bridge",
    "conference line",
    "video conference",
    "video conferencing",
    "web conference",
    "teams conference",
    "zoom conference",
)
_WORDS = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(word) for word in NETWORKING_WORDS) + r")s?(?![\w-])"
)
_NOT = re.compile("|".join(re.escape(phrase) for phrase in NOT_NETWORKING))


def looks_like_networking(title: str, categories: Iterable[str] = ()) -> bool:
    for text in (title, *categories):
        folded = " ".join(_without_accents(text).casefold().split())
        if _WORDS.search(_NOT.sub(" ", folded)):
            return True
    return False


def _without_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
