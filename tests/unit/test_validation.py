"""The checks behind the contact dialog's messages."""

from __future__ import annotations

import pytest

from desktop_app import validation as v


@pytest.mark.parametrize(
    ("address", "ok"),
    [
        ("ada@helix.example", True),
        ("first.last+tag@mail.co.uk", True),
        ("ada@helix", False),
        ("ada helix@x.org", False),
        ("@x.org", False),
        ("ada@@x.org", False),
        ("ada@x..org", False),
    ],
)
def test_email_syntax(address: str, ok: bool) -> None:
    assert (v.check_email(address) is None) == ok


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("", True),
        ("https://www.linkedin.com/in/ada", True),
        ("HTTP://example.org/x", True),
        ("www.linkedin.com/in/ada", False),
        ("javascript:alert(1)", False),
        ("ftp://example.org", False),
        ("https://", False),
        ("https://exa mple.org", False),
    ],
)
def test_web_addresses_are_http_or_https(url: str, ok: bool) -> None:
    assert (v.check_web_address(url) is None) == ok


@pytest.mark.parametrize(
    ("number", "ok"),
    [
        ("+1 (555) 010-7788", True),
        ("030/1234567", True),
        ("+44 20 7946 0958 ext. 12", True),
        ("1234", False),  # too few digits
        ("+1 555 010 7788 1234 5678", False),  # too many
        ("call me", False),
        ("555-CALL-NOW", False),
    ],
)
def test_phone_plausibility(number: str, ok: bool) -> None:
    assert (v.check_phone(number) is None) == ok


def test_several_entries_in_one_field() -> None:
    assert v.split_entries("a@x.org, b@y.org;\n c@z.org ,") == ["a@x.org", "b@y.org", "c@z.org"]
    assert v.check_emails("a@x.org, nope") is not None
    assert v.check_phones("+1 555 010 7788; 030 1234567") is None


def test_a_name_is_required() -> None:
    assert v.check_name("", "  ", "") is not None
    assert v.check_name("", "", "Lovelace") is None
