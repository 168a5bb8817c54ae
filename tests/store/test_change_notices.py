"""Change notices on PostgreSQL: a committed write is heard by the other windows only."""

from __future__ import annotations

import threading

import pytest

from desktop_app.store.change_notices import listen
from desktop_app.store.contacts import create_contact
from desktop_app.store.database import open_database
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.records import ContactInput


@pytest.fixture
def listening(postgres_url: str):  # type: ignore[no-untyped-def]
    """A window's database listening in a thread: (its database, notices heard, stop)."""
    here = open_database(postgres_url)
    heard = threading.Semaphore(0)
    stop = threading.Event()
    ready = threading.Event()

    def notice() -> None:
        heard.release()

    thread = threading.Thread(target=listen, args=(here, notice, stop))
    thread.start()
    ready.wait(0.5)  # the LISTEN is sent at once; a write before it would go unheard
    yield here, heard, stop
    stop.set()
    thread.join(5)
    here.close()


def test_a_write_in_another_window_is_heard_and_its_own_is_not(listening, postgres_url) -> None:  # type: ignore[no-untyped-def]
    here, heard, _stop = listening
    create_contact(here, ContactInput("Own", last_name="Write"))
    assert not heard.acquire(timeout=1.0)
    other = open_database(postgres_url)
    try:
        create_contact(other, ContactInput("Grace", last_name="Hopper"))
        assert heard.acquire(timeout=2.0)
        # A refused write commits nothing: nothing is heard.
        with pytest.raises(InvalidInputError):
            create_contact(other, ContactInput(""))
        assert not heard.acquire(timeout=1.0)
    finally:
        other.close()
