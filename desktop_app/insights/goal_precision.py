"""What makes a goal statement precise: a role or field, a place, and a date or time frame.

Counting words cannot tell "I want to get a better job soon" (vague, eight words) from
"Data engineer in Leeds by June" (precise, six words); looking for the three things a
helper needs to hear can. The vocabulary is English and deliberately generous: a phrase it
does not know costs a warning at most, never a blocked wizard, unless two parts are missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _word_list(text: str) -> list[str]:
    return text.split()


ROLE = "role"
PLACE = "place"
TIME = "time"

_NUMBER = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"eighteen|twenty|few|couple of|several)"
)
_UNIT = r"(?:day|week|month|year|quarter|semester|term)s?"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_MONTHS = _word_list(
    "january february march april june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec may"
)
_UNAMBIGUOUS_MONTHS = _MONTHS[:11]
_TIME_PATTERNS = [
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\b(?:19|20)\d\d\b",  # a year
        r"\bq[1-4]\b",
        r"\b\d{1,2}[/.]\d{2,4}\b",  # 06/2027
        rf"\b(?:{'|'.join(_UNAMBIGUOUS_MONTHS)})\b",
        rf"\b(?:by|in|before|until|till|from|of|end)\s+(?:{'|'.join(_MONTHS)})\b",
        rf"\b(?:within|in|by|over|before|after|for)\s+(?:the\s+)?(?:next\s+|coming\s+)?"
        rf"{_NUMBER}\s+{_UNIT}\b",
        rf"\b{_NUMBER}[- ](?:day|week|month|year|quarter)\b",  # a six-month search
        rf"\b(?:next|this|coming)\s+(?:{_UNIT}|{_SEASON})\b",
        rf"\b(?:by|before|until|in)\s+(?:the\s+)?(?:{_SEASON}|new year)\b",
        r"\b(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year|month|quarter|summer|spring|autumn)\b",
        r"\byear[- ]end\b",
    )
]
# Times that are no time frame at all.
_VAGUE_TIMES = ("soon", "someday", "some day", "one day", "eventually", "asap", "at some point")

# Job titles and fields a goal names; plurals are matched too ("mentors", "clients").
_ROLE_WORDS = frozenset(
    _word_list(
        """engineer developer designer manager director head lead leader analyst scientist
    consultant architect researcher specialist officer coordinator administrator accountant
    teacher nurse doctor lawyer writer editor marketer recruiter founder cofounder co-founder
    cto ceo cfo coo cio cpo vp president partner owner executive associate intern assistant
    technician programmer mentor advisor adviser investor client customer freelancer
    contractor chef pilot physician therapist pharmacist paralegal producer journalist
    product data software engineering marketing sales finance design research healthcare
    health education energy climate tech fintech legal consulting media logistics retail
    banking insurance policy ux ui ai ml security cloud hr operations manufacturing biotech
    pharma analytics science nursing teaching accounting law board devops frontend backend
    fullstack game games gaming fashion hospitality construction nonprofit"""
    )
)
# Words that do not make a role of "a … job" ("a better job", "a new role").
_NOT_A_ROLE = frozenset(
    _word_list(
        """a an the better new good great nice real proper decent dream different bigger higher
    well-paid paid permanent full-time part-time stable first next another some any my your
    this that our their own get find land successful happy rich"""
    )
)
_WORK_NOUN = r"(?:role|job|position|career|post)s?"
_ROLE_PATTERNS = [
    re.compile(rf"\b([\w-]+)\s+{_WORK_NOUN}\b", re.IGNORECASE),  # "a sommelier job"
    re.compile(r"\b(?:as\s+an?|become(?:\s+an?|\s+the)?)\s+([\w-]+)", re.IGNORECASE),
]
_PLACE_WORDS = frozenset(
    _word_list(
        """remote remotely hybrid onsite on-site company companies startup startups start-up
    scale-up scaleup firm agency organisation organization nonprofit charity university
    hospital school bank studio lab ngo employer council ministry consultancy corporation
    newsroom publisher"""
    )
)
_CAPITALISED = r"(?:the\s+)?([A-Z][\w&'’.-]*)"
_PLACE_PATTERNS = [
    re.compile(rf"\b(?:in|near|around|across|to|for|with)\s+{_CAPITALISED}"),
    re.compile(r"\b(?:at|join|joining|based in)\s+(?!least\b|once\b|the end\b|some\b)\S", re.I),
]
_NOT_PLACES = frozenset(
    {month.capitalize() for month in _MONTHS}
    | {"Spring", "Summer", "Autumn", "Fall", "Winter", "I", "Q1", "Q2", "Q3", "Q4"}
)


@dataclass(frozen=True)
class Precision:
    missing: tuple[str, ...]  # ROLE, PLACE, TIME in that order
    vague_time: str | None  # "soon", when the statement says only that


def _folded_words(text: str) -> list[str]:
    return re.findall(r"[\w-]+", text.casefold())


def _names_role(text: str) -> bool:
    said = _folded_words(text)
    if any(word in _ROLE_WORDS or word.removesuffix("s") in _ROLE_WORDS for word in said):
        return True
    return any(
        match.group(1).casefold() not in _NOT_A_ROLE
        for pattern in _ROLE_PATTERNS
        for match in pattern.finditer(text)
    )


def _names_place(text: str) -> bool:
    if any(
        word in _PLACE_WORDS or word.removesuffix("s") in _PLACE_WORDS
        for word in _folded_words(text)
    ):
        return True
    # "to London" is a place, "to Head of Product" a role.
    if any(
        match.group(1) not in _NOT_PLACES and match.group(1).casefold() not in _ROLE_WORDS
        for match in _PLACE_PATTERNS[0].finditer(text)
    ):
        return True
    return bool(_PLACE_PATTERNS[1].search(text))


def _names_time(text: str) -> bool:
    return any(pattern.search(text) for pattern in _TIME_PATTERNS)


def assess_precision(statement: str) -> Precision:
    """Which of the three parts of a precise goal ``statement`` leaves out."""
    checks = ((ROLE, _names_role), (PLACE, _names_place), (TIME, _names_time))
    missing = tuple(part for part, names in checks if not names(statement))
    folded = f" {' '.join(_folded_words(statement))} "
    vague = next((word for word in _VAGUE_TIMES if f" {word} " in folded), None)
    return Precision(missing, vague if TIME in missing else None)
