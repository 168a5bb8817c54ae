"""Change notices on PostgreSQL: a committed write is heard by the other windows only."""

from __future__ import annotations

import datetime as dt
import queue
import threading

import pytest

from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.store.change_notices import listen
from desktop_app.store.changes import Change
from desktop_app.store.contacts import create_contact
from desktop_app.store.database import open_database
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.events import EventInput, create_event, update_event
from desktop_app.store.goals import save_goal_version
from desktop_app.store.records import ContactInput


@pytest.fixture
def listening(postgres_url: str):  # type: ignore[no-untyped-def]
    """A window's database listening in a thread: (its database, what each notice said,
    stop)."""
    here = open_database(postgres_url)
    heard: queue.Queue[Change] = queue.Queue()
    stop = threading.Event()
    ready = threading.Event()
    thread = threading.Thread(target=listen, args=(here, heard.put, stop))
    thread.start()
    ready.wait(0.5)  # the LISTEN is sent at once; a write before it would go unheard
    yield here, heard, stop
    stop.set()
    thread.join(5)
    here.close()


def test_a_write_in_another_window_is_heard_and_its_own_is_not(listening, postgres_url) -> None:  # type: ignore[no-untyped-def]
    here, heard, _stop = listening
    create_contact(here, ContactInput("Own", last_name="Write"))
    with pytest.raises(queue.Empty):
        heard.get(timeout=1.0)
    other = open_database(postgres_url)
    try:
        create_contact(other, ContactInput("Grace", last_name="Hopper"))
        assert heard.get(timeout=2.0).moved
        # A refused write commits nothing: nothing is heard.
        with pytest.raises(InvalidInputError):
            create_contact(other, ContactInput(""))
        with pytest.raises(queue.Empty):
            heard.get(timeout=1.0)
    finally:
        other.close()


def test_a_notice_says_whether_events_or_the_goal_were_written(listening, postgres_url) -> None:  # type: ignore[no-untyped-def]
    _here, heard, _stop = listening
    other = open_database(postgres_url)
    try:
        create_contact(other, ContactInput("Grace", last_name="Hopper"))
        contact = heard.get(timeout=2.0)
        assert contact.moved and not contact.goal
        meetup = EventInput("Climate Meetup", dt.datetime(2026, 3, 12, 18, 30))
        event_id = create_event(other, meetup)
        added = heard.get(timeout=2.0)
        assert added.events and not added.goal
        update_event(other, event_id, EventInput("Climate Meetup Berlin", meetup.starts_at))
        assert heard.get(timeout=2.0).events
        save_goal_version(other, GoalProfile(statement="Meet funders"), PitchDraft())
        goal = heard.get(timeout=2.0)
        assert goal.goal and not goal.events
    finally:
        other.close()
