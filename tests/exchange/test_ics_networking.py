"""Which calendar entries look like networking events."""

from __future__ import annotations

import pytest

from desktop_app.exchange.ics_networking import looks_like_networking


@pytest.mark.parametrize(
    "title",
    [
        "Lisbon Tech Meetup #42",
        "PyData meet-up",
        "Product Conference 2025 – day 2",
        "Founders mixer",
        "AI Summit",
        "Webinar: pricing for SaaS",
        "Networking breakfast",
        "Women in Tech happy hour",
        "Career fair at the university",
        "Hackathon weekend",
        "Conférence Web2Day",
        "Fireside chat with the CTO of Acme",
        "Two meetups in one evening",
    ],
)
def test_networking_events(title: str) -> None:
    assert looks_like_networking(title)


@pytest.mark.parametrize(
    "title",
    [
        "Weekly sync",
        "1:1 with Marta",
        "Conference call with the Lisbon team",
        "Book conference room for Friday",
        "Video conference: budget review",
        "Network outage post-mortem",  # a word that only starts like one
        "Summitville project kick-off",
        "Webinars-backlog grooming",
        "",
    ],
)
def test_work_meetings(title: str) -> None:
    assert not looks_like_networking(title)


def test_categories_count_as_well_as_the_title() -> None:
    assert looks_like_networking("Web2Day", ["Business", "Conference"])
    assert not looks_like_networking("Web2Day", ["Business", "Travel"])
