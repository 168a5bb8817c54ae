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
