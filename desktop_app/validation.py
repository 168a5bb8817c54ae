"""Checks of what people type into contact fields: plain functions returning a message.

Each check returns None when the text is acceptable, or one sentence saying what to fix.
Free of Qt and SQLAlchemy: dialogs use these, and so can importers.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# Deliberately simple: one @, something before it, a dotted domain after it, no spaces.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")
_PHONE_CHARACTERS = re.compile(r"^[0-9+()\-./\s]*((ext\.?|x)\s*\d+)?$", re.IGNORECASE)
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 5, 15


def split_entries(text: str) -> list[str]:
    """Several values typed in one field, separated by commas, semicolons or new lines."""
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def check_name(first: str, middle: str, last: str) -> str | None:
    if not (first.strip() or middle.strip() or last.strip()):
        return "Enter a name: a first or a last name at least."
    return None


def check_email(address: str) -> str | None:
    if not _EMAIL.match(address.strip()):
        return f"“{address.strip()}” is not an e-mail address (like name@example.com)."
    return None


def check_emails(text: str) -> str | None:
    for address in split_entries(text):
        problem = check_email(address)
        if problem:
            return problem
    return None


def check_web_address(text: str) -> str | None:
    """An address that opens in a browser: http or https, with a host."""
    url = text.strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return "Enter a web address starting with https:// (or http://)."
    if " " in url:
        return "A web address cannot contain spaces."
    return None


def check_phone(number: str) -> str | None:
    """Plausible, not strict: kept as typed, but must look like a phone number."""
    text = number.strip()
    if not _PHONE_CHARACTERS.match(text):
        return f"“{text}” has characters a phone number does not have."
    digits = sum(ch.isdigit() for ch in re.sub(r"(ext\.?|x)\s*\d+$", "", text, flags=re.I))
    if not MIN_PHONE_DIGITS <= digits <= MAX_PHONE_DIGITS:
        return (
            f"“{text}” has {digits} digits; a phone number has "
            f"{MIN_PHONE_DIGITS} to {MAX_PHONE_DIGITS}."
        )
    return None


def check_phones(text: str) -> str | None:
    for number in split_entries(text):
        problem = check_phone(number)
        if problem:
            return problem
    return None


# The longest text each kind of field takes, the same at every entry point (dialogs,
# imports, the command line). They match the column sizes of the store's tables; a free
# text (notes, "can help with") is long enough for pages of notes yet keeps printing and
# search bounded.
MAX_NAME_PART = 200  # first, middle or last name
MAX_SHORT_TEXT = 300  # a title, company, event name or place
MAX_LABEL_TEXT = 200  # industry, location
MAX_WEB_ADDRESS = 500
MAX_EMAIL = 320
MAX_PHONE = 60
MAX_TAG = 100
MAX_FREE_TEXT = 10_000  # notes and other paragraphs

# Control characters other than tab and line breaks: they reach a terminal raw (where an
# escape sequence can retitle or rewrite it) and have no place in a name or a note.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LINE_BREAKS = re.compile(r"[\r\n\t]")


def check_length(label: str, text: str, limit: int) -> str | None:
    """``label`` is what the field is called in the message, like "The company"."""
    if len(text) > limit:
        return f"{label} is {len(text):,} characters long; {limit:,} at most."
    return None


def check_control_characters(label: str, text: str, *, multiline: bool = False) -> str | None:
    """Refuse control characters (and, in a one-line field, tabs and line breaks)."""
    if _CONTROL.search(text) or (not multiline and _LINE_BREAKS.search(text)):
        return f"{label} contains a control character; remove it."
    return None


# Bidirectional overrides and isolates: a terminal would show the rest of the line reversed.
_BIDI_CONTROL = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: control characters shown as ``\\x1b`` escapes,
    bidirectional overrides as ``\\u202e``."""
    text = _CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
    return _BIDI_CONTROL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
