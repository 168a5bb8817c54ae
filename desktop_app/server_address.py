"""A PostgreSQL server database as the window's dialog asks for it, and as an address.

Host, port, database, user and TLS mode make an SQLAlchemy URL that never holds a
password: the password comes from libpq's own files (``~/.pgpass``, a service file), the
system keyring or the dialog, and is handed to the driver apart from the address.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
# libpq's sslmode values the dialog offers, weakest first: "prefer" is libpq's default.
TLS_MODES = ("disable", "prefer", "require", "verify-full")
DEFAULT_TLS_MODE = "prefer"


@dataclass(frozen=True)
class ServerAddress:
    """Where a NetWise database lives on a PostgreSQL server (no password)."""

    host: str
    database: str
    user: str = ""
    port: int = DEFAULT_PORT
    tls_mode: str = DEFAULT_TLS_MODE

    def url(self) -> str:
        """The address to open (``--db``); a host that is a folder is libpq's socket folder."""
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        query: dict[str, str] = {}
        if self.host.startswith("/"):
            netloc = user
            query = {"host": self.host, "port": str(self.port)}
        else:
            host = f"[{self.host}]" if ":" in self.host else self.host
            netloc = f"{user}{host}:{self.port}"
        if self.tls_mode != DEFAULT_TLS_MODE:
            query["sslmode"] = self.tls_mode
        tail = f"?{urlencode(query, safe='/', quote_via=quote)}" if query else ""
        return f"{DRIVER}://{netloc}/{quote(self.database, safe='')}{tail}"


def is_postgres_address(target: str) -> bool:
    return target.split("://", 1)[0].split("+", 1)[0] in ("postgresql", "postgres")


def parse_server_address(target: str) -> ServerAddress | None:
    """The parts of a PostgreSQL address (its password left out), or None for anything else."""
    if not is_postgres_address(target):
        return None
    parts = urlsplit(target)
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    try:
        port = int(query.get("port") or parts.port or DEFAULT_PORT)
    except ValueError:
        port = DEFAULT_PORT
    mode = query.get("sslmode", DEFAULT_TLS_MODE)
    return ServerAddress(
        host=query.get("host") or unquote(parts.hostname or ""),
        database=unquote(parts.path.lstrip("/")),
        user=unquote(parts.username or ""),
        port=port,
        tls_mode=mode if mode in TLS_MODES else DEFAULT_TLS_MODE,
    )
