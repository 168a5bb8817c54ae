"""Contacts read from a file that NetWise leaves out, each with its line and the reason.

Every contact format passes here after parsing: a field longer than its kind of field
takes, a control character in a one-line field, bytes that were not UTF-8 in an
otherwise UTF-8 file, or a date outside the accepted years. The rest of the file is
imported; the rows left out are listed with the other problems.
"""

from __future__ import annotations

import operator
from dataclasses import replace
from itertools import chain

from desktop_app import validation as v
from desktop_app.exchange import ranges
from desktop_app.exchange.records import ContactRecord, ParsedFile, Problem
from desktop_app.exchange.textfile import UTF8_WITH_FAULTS

_REPLACED = "\ufffd"
# field → (what it is called in a message, longest text, may span lines)
_TEXTS = (
    ("first_name", "The first name", v.MAX_NAME_PART, False),
    ("middle_name", "The middle name", v.MAX_NAME_PART, False),
    ("last_name", "The last name", v.MAX_NAME_PART, False),
    ("full_name", "The name", 3 * v.MAX_NAME_PART, False),  # as the column holds it
    ("title", "The position", v.MAX_SHORT_TEXT, False),
    ("company", "The company", v.MAX_SHORT_TEXT, False),
    ("industry", "The industry", v.MAX_LABEL_TEXT, False),
    ("location", "The location", v.MAX_LABEL_TEXT, False),
    ("linkedin_url", "The profile address", v.MAX_WEB_ADDRESS, False),
    ("notes", "The note", v.MAX_FREE_TEXT, True),
    ("how_met", "The “how met” text", v.MAX_FREE_TEXT, True),
    ("shared_interests", "The “shared interests” text", v.MAX_FREE_TEXT, True),
    ("can_help_with", "The “can help with” text", v.MAX_FREE_TEXT, True),
    ("i_can_offer", "The “I can offer” text", v.MAX_FREE_TEXT, True),
)


def screen_records(parsed: ParsedFile) -> ParsedFile:
    """``parsed`` without the records NetWise would not keep, and why, by line."""
    replaced = parsed.encoding == UTF8_WITH_FAULTS
    kept: list[ContactRecord] = []
    problems = list(parsed.problems)
    if _all_fine(parsed.records, replaced):
        return parsed
    for record in parsed.records:
        problem = record_problem(record, replaced_bytes=replaced)
        if problem is None:
            kept.append(record)
        else:
            problems.append(Problem(record.line, f"{problem}; the row was left out."))
    if len(kept) == len(parsed.records):
        return parsed
    problems.sort(key=lambda p: p.line)
    return replace(parsed, records=kept, problems=problems)


# Records checked together: each C loop over them is short, so that a window importing
# in a worker thread gets the interpreter back within a frame (the loops hold it).
_CHUNK = 2_000


def _all_fine(records: list[ContactRecord], replaced_bytes: bool) -> bool:
    """True when no record has a problem, found column by column in C loops, a chunk of
    records at a time: far faster than asking each record (``record_problem`` then names
    the few)."""
    return all(
        _chunk_fine(records[start : start + _CHUNK], replaced_bytes)
        for start in range(0, len(records), _CHUNK)
    )


def _chunk_fine(records: list[ContactRecord], replaced_bytes: bool) -> bool:
    one_line: list[str] = []
    several: list[str] = []
    for name, _, limit, multi in _TEXTS:
        column = list(map(operator.attrgetter(name), records))
        if max(map(len, column), default=0) > limit:
            return False
        (several if multi else one_line).extend(column)
    for attribute, limit in (("emails", v.MAX_EMAIL), ("phones", v.MAX_PHONE)):
        items = list(chain.from_iterable(map(operator.attrgetter(attribute), records)))
        values = [item.value for item in items]
        labels = [item.label for item in items]
        if max(map(len, values), default=0) > limit or max(map(len, labels), default=0) > v.MAX_TAG:
            return False
        one_line += values + labels
    tags = list(chain.from_iterable(record.tags for record in records))
    if max(map(len, tags), default=0) > v.MAX_TAG:
        return False
    one_line += tags
    dates = [r.connected_on for r in records if r.connected_on is not None]
    if dates and (min(dates) < ranges.EARLIEST_DATE or max(dates) > ranges.LATEST_DATE):
        return False
    joined, joined_several = " ".join(one_line), "".join(several)
    if replaced_bytes and (_REPLACED in joined or _REPLACED in joined_several):
        return False
    # isprintable() is a fast first test: control characters are not printable (nor are
    # a few spaces and format characters, which the precise test then lets through).
    return not (
        (not joined.isprintable() and v.check_control_characters("", joined))
        or v.check_control_characters("", joined_several, multiline=True)
    )


def record_problem(record: ContactRecord, *, replaced_bytes: bool = False) -> str | None:
    """What makes ``record`` one NetWise will not keep (a phrase), or None."""
    fields = [(label, getattr(record, name), limit, multi) for name, label, limit, multi in _TEXTS]
    for values, label, limit in (
        (record.emails, "An e-mail address", v.MAX_EMAIL),
        (record.phones, "A phone number", v.MAX_PHONE),
    ):
        for item in values:
            fields.append((label, item.value, limit, False))
            fields.append((f"{label}'s label", item.label, v.MAX_TAG, False))
    fields.extend(("A tag", tag, v.MAX_TAG, False) for tag in record.tags)
    for label, text, limit, _ in fields:
        if len(text) > limit:
            return _phrase(v.check_length(label, text, limit))
    # One search over all the one-line fields, and one over the others: nearly every
    # record is clean, and a 100,000-row file is screened in a fraction of a second.
    one_line = " ".join(text for _, text, _, multi in fields if not multi)
    several = "".join(text for _, text, _, multi in fields if multi)
    if replaced_bytes and (_REPLACED in one_line or _REPLACED in several):
        return f"bytes that are not UTF-8 (shown as “{_REPLACED}”)"
    if v.check_control_characters("", one_line) or (
        v.check_control_characters("", several, multiline=True)
    ):
        for label, text, _, multi in fields:
            problem = v.check_control_characters(label, text, multiline=multi)
            if problem:
                return _phrase(problem)
    if record.connected_on is not None:
        return _phrase(ranges.check_date("The date connected", record.connected_on))
    return None


def _phrase(sentence: str | None) -> str | None:
    """A check's sentence as a phrase of a problem: "line 3: the company is…"."""
    if not sentence:
        return None
    # "…; remove it" speaks to someone typing; here the row is left out instead.
    return sentence[0].lower() + sentence[1:].removesuffix("; remove it.").rstrip(".")
