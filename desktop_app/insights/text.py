"""Words for matching a contact against the goal: lower-case tokens, small words dropped."""

from __future__ import annotations

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_LIST_SEPARATORS = re.compile(r"[,;\n/|]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that carry no meaning for matching roles and interests.
STOPWORDS = _words(
    """a an and or the of for in on at to from with within into by as my our your i me we
    be is are am was new next move get find work working job jobs role roles company
    companies month months year years week weeks time one two three four five six seven
    eight nine ten"""
)
# Legal forms that do not identify a company.
LEGAL_FORMS = _words(
    "inc incorporated ltd limited llc llp plc gmbh ag sa sas bv nv co corp corporation "
    "company kg oy ab as spa srl pty"
)


def fold(text: str) -> str:
    """Lower case without accents, so "Chloé" and "chloe" match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tokens(text: str) -> tuple[str, ...]:
    """All words of ``text``, folded, in order."""
    return tuple(_WORD.findall(fold(text)))


def meaningful(text: str) -> frozenset[str]:
    """The words of ``text`` that can carry a match (no stopwords, at least 2 letters)."""
    return frozenset(w for w in tokens(text) if len(w) > 1 and w not in STOPWORDS)


def name_tokens(text: str) -> tuple[str, ...]:
    """The words of an industry or company name, legal forms dropped."""
    return tuple(w for w in tokens(text) if w not in LEGAL_FORMS)


def contains_phrase(haystack: tuple[str, ...], needle: tuple[str, ...]) -> bool:
    """Whether the words ``needle`` appear together, in order, within ``haystack``."""
    if not needle or len(needle) > len(haystack):
        return False
    width = len(needle)
    return any(haystack[i : i + width] == needle for i in range(len(haystack) - width + 1))


def split_list(text: str) -> tuple[str, ...]:
    """A free-text list ("cycling, climate tech; jazz") as its trimmed, non-empty items."""
    return tuple(item.strip() for item in _LIST_SEPARATORS.split(text) if item.strip())
