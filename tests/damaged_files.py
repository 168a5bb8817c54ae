"""Real NetWise databases made by the store, then damaged the way disks and copies do."""

from __future__ import annotations

import hashlib
import random
import sqlite3
from contextlib import closing
from pathlib import Path

PAGE = 4096


def netwise_database(path: Path) -> Path:
    """The demo network (300 contacts) in a closed file at ``path``."""
    from desktop_app.store.demo import open_demo_database

    path.parent.mkdir(parents=True, exist_ok=True)
    open_demo_database(str(path)).close()
    return path


def leaf_page(path: Path, table: str) -> int:
    """The number (from 1) of a page in the middle of ``table``'s rows."""
    # Read-write, so that closing removes the WAL files as NetWise itself does.
    with closing(sqlite3.connect(path)) as connection:
        pages = connection.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        ).fetchall()
    return int(pages[len(pages) // 2][0])


def zero_a_page(path: Path, table: str = "interactions") -> Path:
    """One page of ``table`` overwritten with zeros (by default one that reading the
    contacts, or importing more, never touches)."""
    return zero_page(path, leaf_page(path, table))


def zero_page(path: Path, page: int) -> Path:
    with path.open("r+b") as handle:
        handle.seek((page - 1) * PAGE)
        handle.write(bytes(PAGE))
    return path


def scribble_in_the_middle(path: Path, size: int = 8192) -> Path:
    """``size`` random bytes written over the middle of the file."""
    noise = random.Random(7).randbytes(size)
    with path.open("r+b") as handle:
        handle.seek(path.stat().st_size // 2)
        handle.write(noise)
    return path


def fingerprint(path: Path) -> dict[str, str | None]:
    """sha256 of the file and of its -wal and -shm (None where absent)."""
    result: dict[str, str | None] = {}
    for suffix in ("", "-wal", "-shm"):
        part = Path(f"{path}{suffix}")
        result[suffix or "db"] = (
            hashlib.sha256(part.read_bytes()).hexdigest() if part.exists() else None
        )
    return result
