"""Change notices between windows on one PostgreSQL database.

Every transaction that wrote sends ``NOTIFY netwise_changes`` as it commits (PostgreSQL
delivers it only then, and not at all on a rollback), with the writing window's id so
that window can pass over its own notices. Each window listens on a connection of its
own, in a background thread, blocked in the driver until a notice comes.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Engine, event, text

if TYPE_CHECKING:
    from desktop_app.store.database import Database

CHANNEL = "netwise_changes"
_WROTE = "netwise_wrote"
_WRITES = ("INSERT", "UPDATE", "DELETE")
# How often the listening thread looks whether it should stop, in seconds.
_STOP_CHECK_S = 0.5


def new_window_id() -> str:
    return uuid.uuid4().hex


def track_writes(engine: Engine) -> None:
    """Mark a connection that ran a write, so its transaction announces itself."""

    def seen(conn: Connection, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip()[:6].upper() in _WRITES:
            conn.info[_WROTE] = True

    event.listen(engine, "before_cursor_execute", seen)


def forget_writes(connection: Connection) -> None:
    connection.info.pop(_WROTE, None)


def announce_if_written(connection: Connection, window_id: str) -> None:
    """Queue the notice of this transaction's writes (sent by the server at commit)."""
    if connection.info.pop(_WROTE, False):
        payload = json.dumps({"window": window_id})
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
    notice: Callable[[], None],
    stop: threading.Event,
    listening: Callable[[], None] = lambda: None,
) -> None:
    """Call ``notice`` for each write another window than ``database``'s commits, until
    ``stop`` is set; ``listening`` once the server has taken the LISTEN.

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
                if _window_of(item.payload) != window_id:
                    notice()
    finally:
        pooled.invalidate()  # never handed back to the pool still listening


def _window_of(payload: str) -> str | None:
    try:
        found = json.loads(payload)
    except ValueError:
        return None
    return found.get("window") if isinstance(found, dict) else None
