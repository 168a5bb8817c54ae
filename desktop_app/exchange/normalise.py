"""Keys that say two records are the same person: e-mail, profile address, name, company."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)
_LEGAL_FORMS = frozenset(
    [
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "gmbh",
        "ag",
        "kg",
        "sa",
        "sas",
        "sarl",
        "srl",
        "spa",
        "bv",
        "nv",
        "oy",
        "ab",
        "as",
        "corp",
        "corporation",
        "co",
        "company",
        "the",
    ]
)
_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com$")


def email_key(address: str) -> str:
    """E-mail addresses compare without case and without a ``mailto:`` prefix."""
    value = address.strip().removeprefix("mailto:").removeprefix("MAILTO:")
    return value.casefold() if "@" in value else ""


def profile_key(url: str) -> str:
    """A profile address without scheme, ``www.``, country prefix, query, or end slash.

    ``https://de.linkedin.com/in/J%C3%BCrgen-M/?trk=x`` and ``linkedin.com/in/jürgen-m``
    give the same key.
    """
    value = url.strip()
    if not value:
        return ""
    if "://" not in value:
        value = "https://" + value
    try:
        parts = urlsplit(value)
    except ValueError:
        return ""
    host = (parts.hostname or "").casefold()
    path = unquote(parts.path).casefold().rstrip("/")
    if _LINKEDIN_HOST.match(host):
        host = "linkedin.com"
    elif host.startswith("www."):
        host = host[4:]
    if not host:
        return ""
    return host + path


@lru_cache(maxsize=65536)
def plain_words(text: str) -> str:
    """Letters and digits only, accents removed, case-folded, single spaces."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", stripped.casefold()).split())


def name_key(name: str) -> str:
    """A name as compared: "Zoë  O'Brien" and "zoe o brien" are the same."""
    return plain_words(name)


@lru_cache(maxsize=65536)
def company_key(company: str) -> str:
    """A company as compared, legal forms dropped: "ACME, Inc." is "acme"."""
    words = plain_words(company.replace("&", " and ")).split()
    kept = [word for word in words if word not in _LEGAL_FORMS]
    return " ".join(kept or words)
