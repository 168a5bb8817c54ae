"""Keys that say two records are the same person: e-mail, profile address, name, company."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote

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
_URL = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*:)?(?://)?(?:[^@/?#]*@)?(?P<host>[^/?#:@\s]+)(?::\d*)?(?P<path>[^?#]*)"
)
_USUAL_PREFIX = "https://www.linkedin.com/"
_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com$")


def email_key(address: str) -> str:
    """E-mail addresses compare without case and without a ``mailto:`` prefix."""
    value = address.strip().removeprefix("mailto:").removeprefix("MAILTO:")
    return value.casefold() if "@" in value else ""


def profile_key(url: str) -> str:
    """A profile address without scheme, ``www.``, country prefix, query, or end slash.

    ``https://de.linkedin.com/in/J%C3%BCrgen-M/?trk=x`` and ``linkedin.com/in/jürgen-m``
    give the same key. (A regular expression rather than ``urlsplit``: this runs for every
    contact of every import.)
    """
    value = url.strip().casefold()
    if value.startswith(_USUAL_PREFIX):
        # What the expression below finds for the address of nearly every contact: the
        # host www.linkedin.com, the path up to a query or fragment.
        path = value[len(_USUAL_PREFIX) - 1 :].partition("?")[0].partition("#")[0].rstrip("/")
        return "linkedin.com" + (unquote(path).casefold() if "%" in path else path)
    return parsed_profile_key(value)


def parsed_profile_key(value: str) -> str:
    """``profile_key`` of a stripped, case-folded address, by the regular expression."""
    match = _URL.match(value)
    if not match or not match["host"]:
        return ""
    host, path = match["host"], match["path"].rstrip("/")
    if "%" in path:
        path = unquote(path).casefold()
    if _LINKEDIN_HOST.match(host):
        host = "linkedin.com"
    elif host.startswith("www."):
        host = host[4:]
    return host + path


@lru_cache(maxsize=65536)
def plain_words(text: str) -> str:
    """Letters and digits only, accents removed, case-folded, single spaces."""
    if text.isascii():  # most names and companies: nothing to decompose or strip
        stripped = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_NOT_WORD.sub(" ", stripped.casefold()).split())


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A name as compared: plain words in sorted order, so "O'Brien, Zoë" is "zoe o brien".

    Sorting here once makes ``fuzz.ratio`` on two keys equal to ``fuzz.token_sort_ratio``
    on the names, without sorting the tokens of every candidate at every comparison.
    """
    return " ".join(sorted(plain_words(name).split()))


@lru_cache(maxsize=65536)
def company_key(company: str) -> str:
    """A company as compared, legal forms dropped: "ACME, Inc." is "acme"."""
    words = plain_words(company.replace("&", " and ")).split()
    kept = [word for word in words if word not in _LEGAL_FORMS]
    return " ".join(kept or words)
