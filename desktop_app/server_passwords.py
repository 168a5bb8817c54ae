"""Server passwords kept in the system keyring (the ``keyring`` library, optional).

A password is stored under the server's address without its password, so the address can
be remembered, logged and written into an autostart entry while the password stays in the
keyring. Where no keyring works (the library is missing, or the desktop has no secret
service), ``keyring_problem`` says why and nothing is stored.
"""

from __future__ import annotations

import logging

from desktop_app.paths import address_without_password
from desktop_app.server_address import parse_server_address

log = logging.getLogger(__name__)
SERVICE = "NetWise"


class KeyringError(Exception):
    """Why the keyring would not keep or give a password, in one line."""


def keyring_problem() -> str:
    """Why passwords cannot be kept in a keyring here, or "" when they can."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return "The keyring library is not installed (pip install keyring)."
    try:
        backend = keyring.get_keyring()
    except Exception as exc:  # a broken backend configuration: whatever it raises
        return f"The system keyring cannot be used: {exc}."
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return "This computer has no system keyring that NetWise can use."
    return ""


def stored_password(address: str) -> str | None:
    """The password kept for ``address``, or None (none kept, or no keyring)."""
    if keyring_problem():
        return None
    import keyring

    try:
        return keyring.get_password(SERVICE, address_without_password(address))
    except Exception as exc:  # a locked or broken keyring is no password
        log.warning("the keyring gave no password: %s", type(exc).__name__)
        return None


def server_password(target: str) -> str | None:
    """For a server address, the password the keyring keeps for it (handed to the driver,
    so it comes before libpq's password and service files); None for a file, or when
    the keyring keeps none. Never logged or shown.

    The window keeps a password under the address its dialog makes; an address typed
    otherwise (``postgresql://``, other parameters) finds it under that form too."""
    parts = parse_server_address(target)
    if parts is None:
        return None
    password = stored_password(target)
    if password is None and parts.url() != address_without_password(target):
        password = stored_password(parts.url())
    return password


def remember_password(address: str, password: str) -> None:
    """Keep ``password`` for ``address``; ``KeyringError`` when the keyring refuses."""
    problem = keyring_problem()
    if problem:
        raise KeyringError(problem)
    import keyring

    try:
        keyring.set_password(SERVICE, address_without_password(address), password)
    except Exception as exc:
        raise KeyringError(f"The system keyring did not keep the password: {exc}.") from None


def forget_password(address: str) -> None:
    """Drop the password kept for ``address``, if any (a refusal is only logged)."""
    if keyring_problem():
        return
    import keyring

    try:
        keyring.delete_password(SERVICE, address_without_password(address))
    except Exception as exc:  # none was kept, or the keyring is locked
        log.info("no password forgotten: %s", type(exc).__name__)
