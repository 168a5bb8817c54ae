"""Return on time: outcomes per hour for contacts and events; *no return* at 3 hours."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop_app.insights.return_on_time import (
    EventFigures,
    contact_return,
    event_return,
    event_totals,
    returns_by_kind,
)
from desktop_app.insights.settings import DEFAULT_SETTINGS
from tests.insights.helpers import summary


def test_outcomes_per_hour_for_a_contact() -> None:
    result = contact_return(
        summary(minutes=120, replies=1, meetings=2, referrals=1), DEFAULT_SETTINGS
    )
    assert (result.hours, result.outcomes, result.per_hour) == (2.0, 4, 2.0)
    assert not result.no_return


@pytest.mark.parametrize(("minutes", "flagged"), [(179, False), (180, True)])
def test_no_return_starts_at_three_hours_without_any_outcome(minutes: int, flagged: bool) -> None:
    result = contact_return(summary(minutes=minutes), DEFAULT_SETTINGS)
    assert result.no_return is flagged
    assert result.per_hour == 0.0


def test_one_outcome_is_a_return() -> None:
    assert not contact_return(summary(minutes=600, replies=1), DEFAULT_SETTINGS).no_return


def test_without_time_logged_there_is_no_rate() -> None:
    result = contact_return(summary(replies=2), DEFAULT_SETTINGS)
    assert result.per_hour is None
    assert "no time logged" in result.reasons[0]


def event(kind: str, hours: float, aligned: int, meetings: int = 0) -> EventFigures:
    return EventFigures(1, "Meetup", kind, dt.date(2026, 5, 1), hours, 0, 10, aligned, 0, meetings)


def test_an_events_outcomes_are_aligned_people_met_and_what_followed() -> None:
    result = event_return(event("meetup", 2.0, aligned=3, meetings=1))
    assert (result.outcomes, result.per_hour) == (4, 2.0)
    assert "met 10 people, 3 of them aligned with your goal" in result.reasons[0]


def test_kinds_sorted_by_return() -> None:
    returns = [
        event_return(event("social", 4.0, aligned=1)),
        event_return(event("industry", 2.0, aligned=3)),
        event_return(event("industry", 2.0, aligned=1)),
        event_return(event("online", 0.0, aligned=1)),
    ]
    kinds = returns_by_kind(event_totals(returns))
    assert [(k.kind, k.events, k.per_hour) for k in kinds] == [
        ("industry", 2, 1.0),
        ("social", 1, 0.25),
        ("online", 1, None),
    ]
