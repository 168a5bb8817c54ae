"""What a database server's refusals mean to the person who typed the address.

Connecting to PostgreSQL fails in a few ways a user can act on: the server is not there,
it wants another password, the database is missing. Each becomes one line naming the
server and database, never the password (see ``engine.shown_target``).
"""

from __future__ import annotations

from desktop_app.store.errors import ConnectionLostError, DatabaseAccessError, StoreError

# How a driver says the server is not (or no longer) there.
_UNREACHABLE = (
    "connection refused",
    "no such file or directory",
    "could not translate host name",
    "timeout expired",
    "network is unreachable",
    "no route to host",
    "server closed the connection",
)
# How a driver says the server ended a connection that was open, and what that means.
_LOST = (
    ("terminating connection", "the server ended it"),
    ("shutting down", "the server is shutting down"),
    ("starting up", "the server is starting up"),
    ("not yet accepting connections", "the server is starting up"),
    ("server closed the connection", "the server closed it"),
    ("connection is closed", "the server closed it"),
    ("connection already closed", "the server closed it"),
    ("connection is lost", "the server closed it"),
    ("consuming input failed", "the server closed it"),
    ("connection reset", "the network broke it off"),
    ("eof detected", "the network broke it off"),
    ("could not receive data from server", "the network broke it off"),
    ("could not send data to server", "the network broke it off"),
    ("connection refused", "the server does not answer"),
    ("no such file or directory", "the server is not running"),
    ("timeout expired", "the server does not answer"),
    ("network is unreachable", "the network is down"),
    ("no route to host", "the network is down"),
    ("could not translate host name", "the server's name is not found"),
)


def classify_server_error(exc: BaseException, shown: str) -> StoreError | None:
    """The user-facing error a server's refusal stands for, if any; ``shown`` is the
    address without its password."""
    message = str(exc)
    text = message.lower()
    where = f"“{shown}”"
    if "password authentication failed" in text:
        return DatabaseAccessError(
            f"The server refused the password for {where}. Check the user and password "
            "(in the system keyring, ~/.pgpass, or the PGPASSWORD variable). Nothing was "
            "changed.",
            target=shown,
        )
    if "no password supplied" in text or "password is required" in text:
        return DatabaseAccessError(
            f"The server wants a password for {where}: keep it in the system keyring "
            "(File → Open Server Database…) or in ~/.pgpass (or the PGPASSWORD variable). "
            "Nothing was changed.",
            target=shown,
        )
    if "does not exist" in text and "database" in text and "connection" in text:
        return DatabaseAccessError(
            f"The database of {where} does not exist on the server: create it first "
            "(createdb NAME, as its owner). Nothing was changed.",
            target=shown,
        )
    if "does not support ssl" in text:
        return DatabaseAccessError(
            f"The server of {where} offers no TLS (encryption), which its TLS mode asks "
            "for: turn TLS on at the server, or choose another mode. Nothing was changed.",
            target=shown,
        )
    if "certificate" in text or "root.crt" in text:
        return DatabaseAccessError(
            f"The server's TLS certificate for {where} could not be verified: "
            f"{_libpq_reason(message)}.{_certificate_hint(text)} Nothing was changed.",
            target=shown,
        )
    if "role" in text and "does not exist" in text:
        return DatabaseAccessError(
            f"The server knows no such user for {where}. Nothing was changed.", target=shown
        )
    if "connection" in text and any(reason in text for reason in _UNREACHABLE):
        return DatabaseAccessError(
            f"Cannot reach the database server of {where}: is it running, and are the host "
            "and port right? Nothing was changed.",
            target=shown,
        )
    if "permission denied" in text:
        return DatabaseAccessError(
            f"{where}: the server's user may not do this ({message.splitlines()[0]}).",
            target=shown,
        )
    return None


def _libpq_reason(message: str) -> str:
    """libpq's own reason, without the "connection to server at … failed:" before it."""
    line = message.strip().splitlines()[0] if message.strip() else message
    return line.rsplit(" failed: ", 1)[-1].strip().rstrip(".")


def _certificate_hint(text: str) -> str:
    """What to do about a certificate that ``sslmode=verify-full`` refused."""
    if "does not match host name" in text:
        return " Connect by a host name the certificate names."
    if "root certificate" in text or "root.crt" in text or "verify failed" in text:
        return (
            " Give the certificate of the authority that signed the server's: as "
            "~/.postgresql/root.crt, in the PGSSLROOTCERT variable, or as sslrootcert= "
            "in the address."
        )
    return ""


def driver_missing_message(exc: ImportError, shown: str) -> str:
    """What a server database needs when its driver cannot be imported: psycopg itself
    (the ``postgres`` extra of an install from source; the installers carry it), or the
    libpq that psycopg's Python implementation loads from the system."""
    if (exc.name or "").partition(".")[0] == "psycopg":
        return (
            f"Opening “{shown}” needs the PostgreSQL driver: pip install 'netwise[postgres]' "
            "(psycopg is missing)."
        )
    return (
        f"Opening “{shown}” needs libpq, PostgreSQL's client library, which is not installed "
        "(on Debian and Ubuntu: the libpq5 package)."
    )


def connection_lost(exc: BaseException, shown: str, *, invalidated: bool) -> StoreError | None:
    """The error of an open database whose server went out of reach, if ``exc`` is one
    (``invalidated``: the driver found its connection broken)."""
    text = str(exc).lower()
    reason = next((words for sign, words in _LOST if sign in text), None)
    if reason is None and not invalidated:
        return None
    return ConnectionLostError(
        f"The connection to the server of “{shown}” was lost: {reason or 'it broke off'}.",
        target=shown,
    )
