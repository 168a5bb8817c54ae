"""A throw-away PostgreSQL server for the tests: one per test run, on a Unix socket.

``initdb`` and ``postgres`` refuse to run as root (as CI does): there the server runs as
the ``postgres`` system user, in a temporary folder that user owns. Every test gets a
database of its own, copied from a template (``CREATE DATABASE ... TEMPLATE``), which is
much faster than creating the schema again.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    import psycopg

BIN_FOLDERS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
PORT = 5432  # only a socket file in a private folder: no port is taken on the machine
USER = "netwise"
PASSWORD_USER = "netwise_password"  # the one role that must give a password
PASSWORD = "correct horse battery"
EMPTY_TEMPLATE = "netwise_empty"
LOOPBACK = "127.0.0.1"  # where a server that must take TCP connections (TLS) listens


def find_binaries() -> Path | None:
    """The folder holding initdb, pg_ctl and postgres (the newest version installed)."""
    on_path = shutil.which("pg_ctl")
    candidates = [*BIN_FOLDERS, *([Path(on_path).parent] if on_path else [])]
    for folder in candidates:
        if all((folder / name).is_file() for name in ("initdb", "pg_ctl", "postgres")):
            return folder
    return None


def free_port() -> int:
    """A TCP port on the loopback address that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((LOOPBACK, 0))
        return int(probe.getsockname()[1])


@contextmanager
def tcp_server(**options: Any) -> Iterator[PostgresServer]:
    """A server of a test module's own on the loopback address: one the tests may stop, or
    one with TLS (libpq never uses TLS on a socket). Skipped where PostgreSQL or psycopg
    is missing, and failed instead under CI, as the suite's own server is."""
    binaries = find_binaries()
    if binaries is None or importlib.util.find_spec("psycopg") is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL and psycopg are needed under CI", pytrace=False)
        pytest.skip("PostgreSQL (initdb, pg_ctl, postgres) or psycopg is not installed")
    server = PostgresServer(binaries, port=free_port(), listen=LOOPBACK, **options)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class PostgresServer:
    """Started by ``start()``, stopped by ``stop()``; hands out fresh databases."""

    def __init__(
        self,
        binaries: Path,
        *,
        port: int = PORT,
        listen: str = "",
        tls: tuple[bytes, bytes] | None = None,
    ) -> None:
        """``listen``: an address to take TCP connections on too (none by default);
        ``tls``: the server's certificate and key (PEM), to offer TLS there."""
        self.binaries = binaries
        self.port, self.listen, self.tls = port, listen, tls
        self.folder = Path(tempfile.mkdtemp(prefix="netwise-pg-"))
        self.data = self.folder / "data"
        self.as_root = hasattr(os, "geteuid") and os.geteuid() == 0

    def _run(self, arguments: Sequence[str]) -> None:
        command = [str(self.binaries / arguments[0]), *arguments[1:]]
        if self.as_root:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise RuntimeError(f"{arguments[0]} failed: {result.stderr.strip()}")

    def start(self) -> None:
        if self.as_root:
            import pwd

            account = pwd.getpwnam("postgres")
            os.chown(self.folder, account.pw_uid, account.pw_gid)
        self._run(
            [
                "initdb",
                "-D",
                str(self.data),
                "-U",
                USER,
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--auth=trust",
                "--no-sync",
            ]
        )
        # One role logs in with a password (scram), everyone else by trust over the socket.
        hba = self.data / "pg_hba.conf"
        lines = [
            f"local all {PASSWORD_USER} scram-sha-256",
            "local all all trust",
            *([f"host all all {self.listen}/32 trust"] if self.listen else []),
        ]
        self._write_as_owner(hba, "\n".join(lines) + "\n")
        # Durability is not wanted from a server that lives as long as the test run.
        self.resume()
        with self.admin() as connection:
            connection.execute(f"CREATE ROLE {PASSWORD_USER} LOGIN SUPERUSER PASSWORD '{PASSWORD}'")
            connection.execute(f"CREATE DATABASE {EMPTY_TEMPLATE}")

    def resume(self) -> None:
        """Start the server (again, after ``halt``), on the same folder and port."""
        options = (
            f"-k {self.folder} -p {self.port} -c listen_addresses='{self.listen}' -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        if self.tls is not None:
            # server.crt and server.key in the data folder, the key readable by its owner only.
            for name, content in zip(("server.crt", "server.key"), self.tls, strict=True):
                self._write_as_owner(
                    self.data / name, content.decode(), like=self.data / "pg_hba.conf"
                )
                (self.data / name).chmod(0o600)
            options += " -c ssl=on"
        log = str(self.folder / "log")
        self._run(["pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start"])

    def halt(self) -> None:
        """Stop the server as an administrator does (every connection ended), keeping its
        databases for ``resume``."""
        self._run(["pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop"])

    def resume_if_halted(self) -> None:
        if not (self.data / "postmaster.pid").exists():
            self.resume()

    def _write_as_owner(self, path: Path, content: str, *, like: Path | None = None) -> None:
        """Write ``path`` as the server's user (``like``: a file whose owner it takes)."""
        stat = (like or path).stat()
        path.write_text(content)
        if self.as_root:
            os.chown(path, stat.st_uid, stat.st_gid)

    def stop(self) -> None:
        try:
            self._run(["pg_ctl", "-D", str(self.data), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def admin(self, database: str = "postgres") -> psycopg.Connection:
        import psycopg

        return psycopg.connect(
            host=str(self.folder), port=self.port, user=USER, dbname=database, autocommit=True
        )

    def url(self, database: str, *, user: str = USER, password: str | None = None) -> str:
        """An SQLAlchemy URL for ``database`` on this server."""
        secret = f":{password}" if password is not None else ""
        return (
            f"postgresql+psycopg://{user}{secret}@/{database}?host={self.folder}&port={self.port}"
        )

    def create_database(self, template: str = EMPTY_TEMPLATE) -> str:
        """A new database copied from ``template``; returns its name."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin() as connection:
            connection.execute(f"CREATE DATABASE {name} TEMPLATE {template}")
        return name

    def drop_database(self, name: str) -> None:
        with self.admin() as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def tables_of(server: PostgresServer, name: str) -> list[str]:
    """The tables in database ``name`` (none: nothing was made there)."""
    with server.admin(name) as connection:
        rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return sorted(row[0] for row in rows)
