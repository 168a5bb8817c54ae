"""The documents' HTML: every piece of user text escaped, empty sections left out."""

from __future__ import annotations

from dataclasses import replace

from desktop_app.reports import documents
from tests.reports.sample import GOAL, PITCH, compact_rows, contact, event


def test_user_text_is_escaped_everywhere() -> None:
    hostile = "<script>alert(1)</script>"
    sheet = contact(
        notes=hostile, tags=(hostile,), company=hostile, reasons=(hostile,), how_met=hostile
    )
    html = documents.contact_summary(sheet).html
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Ann" not in html
    assert "&lt;b&gt;Ann &amp; &quot;Co&quot;&lt;/b&gt;" in html


def test_empty_sections_are_left_out() -> None:
    bare = contact(
        "Bo Chen",
        alignment=None,
        verdict="",
        reasons=(),
        last_interactions=(),
        open_followups=(),
        notes="",
        given_points=None,
        received_points=None,
    )
    html = documents.contact_summary(bare).html
    for heading in (
        "Where they stand",
        "Recent interactions",
        "Open follow-ups",
        "Notes",
        "Give and take",
        "Your pitch",
    ):
        assert heading not in html


def test_the_pitch_is_added_only_when_asked() -> None:
    assert "six years in B2B software" in documents.contact_summary(contact(), PITCH).html
    assert "Your pitch" not in documents.contact_summary(contact()).html


def test_one_per_page_breaks_between_contacts() -> None:
    html = documents.contacts_one_per_page([contact("A"), contact("B"), contact("C")]).html
    assert html.count("page-break-before: always") == 2


def test_compact_list_and_goal_card_and_event_sheet_hold_their_fields() -> None:
    html = documents.compact_list(compact_rows(3)).html
    assert "Person 0002 Okafor-Lindqvist" in html and "3 people" in html
    card = documents.goal_card(GOAL).html
    assert "Informational meetings per month" in card and "Solaria Power" in card
    sheet = documents.event_sheet(event(2)).html
    assert "Guest 1" in sheet and "Review her conference talk" in sheet
    assert GOAL.statement in sheet


def test_a_past_events_sheet_lists_who_was_met_and_who_was_missed() -> None:
    past = replace(event(0), past=True, met=(contact("Met One"), contact("Met Two")))
    html = documents.event_sheet(past).html
    assert "People you met" in html and "Met One" in html and "Met Two" in html
    assert "Nobody planned yet" not in html and "Planned but not met" not in html
    missed = documents.event_sheet(replace(past, people=(contact("Planned Three"),))).html
    assert "Planned but not met" in missed and "Planned Three" in missed
    upcoming = documents.event_sheet(event(0)).html
    assert "People you mean to meet" in upcoming and "Nobody planned yet" in upcoming


def test_printed_pages_say_you_not_i() -> None:
    pages = [
        documents.contact_summary(contact(), PITCH).html,
        documents.goal_card(GOAL).html,
        documents.event_sheet(event(1)).html,
    ]
    for html in pages:
        assert "your goal" in html.lower() or "your pitch" in html.lower()
        for first_person in (">My ", "my goal", " I gave", "I can offer", "How we met", "I mean"):
            assert first_person not in html, first_person
