"""Change notices between windows on one PostgreSQL database.

Every transaction that wrote sends ``NOTIFY netwise_changes`` as it commits (PostgreSQL
delivers it only then, and not at all on a rollback), with the writing window's id so
that window can pass over its own notices, and the tables it wrote, so the others read
again only what shows them. Each window listens on a connection of its own, in a
background thread, blocked in the driver until a notice comes.
"""

from __future__ import annotations

import json
import re
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, event, text

from desktop_app.store.changes import Change, written_elsewhere

if TYPE_CHECKING:
    from desktop_app.store.database import Database

CHANNEL = "netwise_changes"
_WROTE = "netwise_wrote"
_WRITES = ("INSERT", "UPDATE", "DELETE")
# The table a write names first; a statement it cannot read stands for every table.
_WRITTEN_TABLE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
_UNKNOWN = "?"
# How often the listening thread looks whether it should stop, in seconds.
_STOP_CHECK_S = 0.5


def new_window_id() -> str:
    return uuid.uuid4().hex


def track_writes(engine: Engine) -> None:
    """Note the tables a connection writes, so its transaction announces them."""

    def seen(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:6].upper() in _WRITES:
            found = _WRITTEN_TABLE.match(statement)
            conn.info.setdefault(_WROTE, set()).add(found.group(1) if found else _UNKNOWN)

    event.listen(engine, "before_cursor_execute", seen)


def forget_writes(connection: Connection) -> None:
    connection.info.pop(_WROTE, None)


def announce_if_written(connection: Connection, window_id: str) -> None:
    """Queue the notice of this transaction's writes (sent by the server at commit)."""
    tables = connection.info.pop(_WROTE, None)
    if tables:
        payload = json.dumps({"window": window_id, "tables": sorted(tables)})
        connection.execute(
            text("SELECT pg_notify(:channel, :payload)"),
            {
                "channel": CHANNEL,
                "payload": payload,
            },
        )
        connection.info.pop(_WROTE, None)  # the notice itself is no write


def listen(
    database: Database,
    notice: Callable[[Change], None],
    stop: threading.Event,
    listening: Callable[[], None] = lambda: None,
) -> None:
    """Call ``notice`` with what each transaction another window than ``database``'s
    commits changed, until ``stop`` is set; ``listening`` once the server has taken the
    LISTEN.

    Runs in a thread of its own, on a connection of its own (left in autocommit, as a
    LISTEN inside an open transaction would hear nothing until it ended). Raises when the
    connection is lost."""
    window_id = database.window_id
    pooled = database.engine.raw_connection()
    try:
        driver = pooled.driver_connection
        driver.autocommit = True  # type: ignore[union-attr]
        driver.execute(f"LISTEN {CHANNEL}")  # type: ignore[union-attr]
        listening()
        while not stop.is_set():
            for item in driver.notifies(timeout=_STOP_CHECK_S):  # type: ignore[union-attr]
                window, tables = _read(item.payload)
                if window != window_id:
                    notice(written_elsewhere(tables))
    finally:
        pooled.invalidate()  # never handed back to the pool still listening


def _read(payload: str) -> tuple[str | None, list[str] | None]:
    """The window a notice came from and the tables it wrote (None when not said, or
    when it wrote one a statement did not name plainly: then everything may have moved)."""
    try:
        found = json.loads(payload)
    except ValueError:
        return None, None
    if not isinstance(found, dict):
        return None, None
    tables = found.get("tables")
    if not isinstance(tables, list) or _UNKNOWN in tables:
        tables = None
    return found.get("window"), tables
