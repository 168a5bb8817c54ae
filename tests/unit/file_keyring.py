"""A system keyring for a NetWise run in a subprocess: its passwords in a JSON file named
by ``NETWISE_TEST_KEYRING``, chosen with ``PYTHON_KEYRING_BACKEND`` (see ``keyring_env``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

ROOT = Path(__file__).parents[2]


def keyring_env(store: Path, passwords: dict[str, str]) -> dict[str, str]:
    """The environment of a run whose keyring holds ``passwords`` (address → password)."""
    store.write_text(json.dumps(passwords), encoding="utf-8")
    store.chmod(0o600)
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    return {
        **os.environ,
        "PYTHON_KEYRING_BACKEND": f"{__name__}.FileKeyring",
        "NETWISE_TEST_KEYRING": str(store),
        "PYTHONPATH": path,
    }


class FileKeyring(KeyringBackend):
    """Passwords of the service "NetWise" by address, in the file the test wrote."""

    priority = 1  # type: ignore[assignment]

    @property
    def _file(self) -> Path:
        return Path(os.environ["NETWISE_TEST_KEYRING"])

    def _read(self) -> dict[str, str]:
        return json.loads(self._file.read_text(encoding="utf-8"))

    def get_password(self, service: str, username: str) -> str | None:
        return self._read().get(username) if service == "NetWise" else None

    def set_password(self, service: str, username: str, password: str) -> None:
        self._file.write_text(json.dumps({**self._read(), username: password}), encoding="utf-8")

    def delete_password(self, service: str, username: str) -> None:
        kept = self._read()
        if kept.pop(username, None) is None:
            raise PasswordDeleteError(username)
        self._file.write_text(json.dumps(kept), encoding="utf-8")
