"""Where NetWise keeps its files: one module, overridable from the command line and tests.

The data folder comes from platformdirs (the platform's user data folder) unless
``NETWISE_DATA_DIR`` names another; the database file can be chosen with ``--db`` or
``NETWISE_DB``. Folders are created owner-only (0700) because they hold personal data.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from desktop_app import APP_ID

DATA_DIR_ENV = "NETWISE_DATA_DIR"
DB_ENV = "NETWISE_DB"
DB_FILENAME = "netwise.sqlite3"
DEMO_DB_FILENAME = "netwise-demo.sqlite3"


def data_dir() -> Path:
    """The user data folder (not created)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path(APP_ID, appauthor=False, roaming=True)


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed and make it owner-only."""
    make_private_dirs(path)
    if os.name == "posix":
        os.chmod(path, 0o700)
    return path


def make_private_dirs(path: Path) -> Path:
    """Create the missing folders of ``path`` owner-only; folders that exist are left as they are.

    ``Path.mkdir(parents=True)`` would give the parents it creates the umask's permissions.
    """
    missing = []
    folder = path
    while not folder.exists() and folder != folder.parent:
        missing.append(folder)
        folder = folder.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another process
            folder.mkdir(mode=0o700)
    return path


def create_private_file(path: Path) -> Path:
    """Create ``path`` owner-only (0600) if missing, and tighten an existing one to 0600.

    Missing folders on the way are made 0700; folders that exist are not touched. A
    writer that then opens the file without truncating its mode keeps it owner-only.
    """
    make_private_dirs(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    if os.name == "posix":
        os.chmod(path, 0o600)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def demo_db_path() -> Path:
    return data_dir() / DEMO_DB_FILENAME


def log_dir() -> Path:
    return data_dir() / "logs"


def backup_dir() -> Path:
    return data_dir() / "backups"


def resolve_database(cli_value: str | None, demo: bool = False) -> str:
    """The database to open: ``--db`` wins, then ``NETWISE_DB``, then the default file.

    The result is a filesystem path or an SQLAlchemy URL (anything containing ``://``).
    """
    if demo:
        return str(demo_db_path())
    value = cli_value or os.environ.get(DB_ENV)
    if value:
        return value if "://" in value else str(Path(value).expanduser().resolve())
    return str(default_db_path())


# "scheme://user:password@": a password in an address cannot hold "@" or "/" unescaped.
_PASSWORD_IN_ADDRESS = re.compile(r"^([A-Za-z][\w+.-]*://[^:/@]*):[^@/]*@")
_PASSWORD_IN_QUERY = re.compile(r"([?&]password=)[^&]*", re.IGNORECASE)


def shown_database(target: str) -> str:
    """``target`` as it may be shown, logged or stored: a server address without its
    password (``***`` in its place); a file path as it is."""
    if "://" not in target:
        return target
    return _PASSWORD_IN_QUERY.sub(r"\1***", _PASSWORD_IN_ADDRESS.sub(r"\1:***@", target))


_PASSWORD_PARAMETER = re.compile(r"([?&])password=[^&]*&?", re.IGNORECASE)


def address_without_password(target: str) -> str:
    """``target`` with no password at all, for what is written down and run again later
    (the autostart entry, the remembered address): the password comes from the keyring
    or libpq's password file then, never from a file or a process list."""
    if "://" not in target:
        return target
    address = _PASSWORD_IN_ADDRESS.sub(r"\1@", target)
    return _PASSWORD_PARAMETER.sub(r"\1", address).rstrip("?&")
