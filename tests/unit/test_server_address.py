"""A server database's address from the dialog's fields and back, and what is written
down of it: never its password."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import fail

from desktop_app.paths import address_without_password
from desktop_app.server_address import ServerAddress, parse_server_address
from desktop_app.server_passwords import (
    KeyringError,
    keyring_problem,
    remember_password,
    stored_password,
)


@pytest.mark.parametrize(
    "address",
    [
        ServerAddress("db.example.org", "netwise", "anna"),
        ServerAddress("db.example.org", "my network", "anna b", 5433, "verify-full"),
        ServerAddress("/run/postgresql folder", "netwise", "", 5432, "disable"),
        ServerAddress("::1", "netwise", "anna", 5432, "require"),
    ],
)
def test_an_address_is_read_back_as_the_fields_that_made_it(address: ServerAddress) -> None:
    assert parse_server_address(address.url()) == address


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        (
            "postgresql+psycopg://anna:s3cret@db.example.org:5432/netwise?sslmode=require",
            "postgresql+psycopg://anna@db.example.org:5432/netwise?sslmode=require",
        ),
        (
            "postgresql://anna@db.example.org/netwise?password=s3cret&sslmode=require",
            "postgresql://anna@db.example.org/netwise?sslmode=require",
        ),
        (
            "postgresql://anna@db.example.org/netwise?sslmode=require&password=s3cret",
            "postgresql://anna@db.example.org/netwise?sslmode=require",
        ),
        ("/home/anna/netwise.sqlite3", "/home/anna/netwise.sqlite3"),
    ],
)
def test_what_is_written_down_of_an_address_has_no_password(typed: str, written: str) -> None:
    assert address_without_password(typed) == written


def test_without_a_keyring_nothing_is_kept_and_the_reason_is_one_line() -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert keyring_problem() == "This computer has no system keyring that NetWise can use."
        assert stored_password("postgresql://anna@db.example.org/netwise") is None
        with pytest.raises(KeyringError, match="no system keyring"):
            remember_password("postgresql://anna@db.example.org/netwise", "s3cret")
    finally:
        keyring.set_keyring(previous)
