"""The printable documents: contact summaries, the compact list, event sheets, the goal card.

Each function takes plain data (``reports.data``) and returns a ``Document``: a title for
the page header and the HTML body. Nothing here knows about Qt or the database.

Printed pages speak to the reader as the window does: "your goal", "you gave".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desktop_app.reports.data import CompactRow, ContactSheet, EventSheet, GoalCard, PitchText
from desktop_app.reports.html_parts import (
    bullet_list,
    date_text,
    facts_table,
    list_table,
    page,
    page_break,
    section,
    text,
)
from desktop_app.wording import count_of, hours_of


@dataclass(frozen=True)
class Document:
    title: str
    html: str


def _subtitle(sheet: ContactSheet) -> str:
    parts = [p for p in (sheet.title, sheet.company) if p]
    return f"<p class='subtitle'>{text(' · '.join(parts))}</p>" if parts else ""


def _standing(sheet: ContactSheet) -> str:
    lines = []
    if sheet.verdict:
        lines.append(f"<p><span class='verdict'>{text(sheet.verdict)}</span></p>")
    if sheet.alignment is not None:
        lines.append(f"<p>Alignment with your goal: {sheet.alignment} / 100</p>")
    lines.append(bullet_list(sheet.reasons))
    return "".join(lines)


def _give_and_take(sheet: ContactSheet) -> str:
    if sheet.given_points is None or sheet.received_points is None:
        return ""
    return (
        f"<p>Over the last 12 months you gave {sheet.given_points} value points of help "
        f"and received {sheet.received_points}.</p>"
    )


def _talking_points(sheet: ContactSheet) -> str:
    return facts_table(
        [
            ("Shared interests", sheet.shared_interests),
            ("They can help with", sheet.can_help_with),
            ("You can offer them", sheet.i_can_offer),
        ]
    )


def contact_body(sheet: ContactSheet, pitch: PitchText | None = None) -> str:
    facts = facts_table(
        [
            ("Industry", sheet.industry),
            ("Location", sheet.location),
            ("E-mail", ", ".join(sheet.emails)),
            ("Phone", ", ".join(sheet.phones)),
            ("LinkedIn", sheet.linkedin_url),
            ("How you met", sheet.how_met),
            ("Tags", ", ".join(sheet.tags)),
            ("Level", sheet.seniority),
            ("Circle", sheet.circle),
        ]
    )
    interactions = (
        list_table(
            ("Date", "What", "Outcome"),
            ((date_text(i.on), i.kind, i.summary) for i in sheet.last_interactions),
        )
        if sheet.last_interactions
        else ""
    )
    followups = (
        list_table(("Due", "About"), ((date_text(f.due), f.about) for f in sheet.open_followups))
        if sheet.open_followups
        else ""
    )
    return "".join(
        [
            f"<h1>{text(sheet.name)}</h1>",
            _subtitle(sheet),
            facts,
            section("Where they stand", _standing(sheet)),
            section("Give and take", _give_and_take(sheet)),
            section("Talking points", _talking_points(sheet)),
            section("Recent interactions", interactions),
            section("Open follow-ups", followups),
            section("Notes", f"<p>{text(sheet.notes)}</p>" if sheet.notes else ""),
            section("Your pitch", f"<p>{text(pitch.text)}</p>" if pitch else ""),
        ]
    )


def contact_summary(sheet: ContactSheet, pitch: PitchText | None = None) -> Document:
    return Document(sheet.name, page(sheet.name, contact_body(sheet, pitch)))


def contacts_one_per_page(sheets: Sequence[ContactSheet]) -> Document:
    bodies = [contact_body(sheet) for sheet in sheets]
    title = count_of(len(sheets), "contact")
    return Document(title, page(title, page_break().join(bodies)))


def compact_list(rows: Sequence[CompactRow], title: str = "Contacts") -> Document:
    table = list_table(
        ("Name", "Company", "Title", "Verdict", "Next follow-up"),
        ((r.name, r.company, r.title, r.verdict, date_text(r.next_followup)) for r in rows),
    )
    people = count_of(len(rows), "person", "people")
    body = f"<h1>{text(title)}</h1><p class='subtitle'>{people}</p>{table}"
    return Document(title, page(title, body))


def goal_body(card: GoalCard) -> str:
    measures = list_table(
        ("Measure", "Target"), ((name, f"{target:g}") for name, target in card.measures)
    )
    organisations = list_table(("Organisation", "Status"), card.organisations)
    facts = facts_table(
        [
            ("Target roles", ", ".join(card.target_roles)),
            ("Target companies", ", ".join(card.target_companies)),
            ("Industries", ", ".join(card.target_industries)),
            ("Locations", ", ".join(card.target_locations)),
            ("People to meet", card.target_seniority),
            ("Time budget", f"{hours_of(card.weekly_hours)} a week" if card.weekly_hours else ""),
            ("Target date", date_text(card.target_date)),
        ]
    )
    pitch = ""
    if card.pitch:
        headline = (
            f"<p class='muted'>{text(card.pitch.headline)}</p>" if card.pitch.headline else ""
        )
        pitch = f"<p>{text(card.pitch.text)}</p>{headline}"
    return "".join(
        [
            f"<h1>{text(card.statement)}</h1>",
            f"<p class='subtitle'>{text(card.goal_type)}</p>" if card.goal_type else "",
            facts,
            section("Measures", measures if card.measures else ""),
            section("Organisations", organisations if card.organisations else ""),
            section("Your elevator pitch", pitch),
        ]
    )


def goal_card(card: GoalCard) -> Document:
    title = "Your goal and pitch"
    return Document(title, page(title, goal_body(card)))


def _people(people: Sequence[ContactSheet]) -> str:
    """Each person with the talking points and why they matter."""
    parts = []
    for person in people:
        subtitle = " · ".join(p for p in (person.title, person.company) if p)
        parts.append(
            f"<h3>{text(person.name)}</h3>"
            + (f"<p class='subtitle'>{text(subtitle)}</p>" if subtitle else "")
            + _talking_points(person)
            + bullet_list(person.reasons)
        )
    return "".join(parts)


def _event_people(sheet: EventSheet) -> list[str]:
    """Who was met and who was planned; a past event leads with the people met."""
    if sheet.past:
        return [
            section(
                "People you met",
                _people(sheet.met) or "<p class='muted'>Nobody is recorded as met.</p>",
            ),
            section("Planned but not met", _people(sheet.people)),
        ]
    return [
        section(
            "People you mean to meet",
            _people(sheet.people) or "<p class='muted'>Nobody planned yet.</p>",
        ),
        section("Already met there", _people(sheet.met)),
    ]


def event_sheet(sheet: EventSheet) -> Document:
    when = date_text(sheet.starts_at)
    where = " · ".join(p for p in (when, sheet.place, sheet.kind) if p)
    goal = ""
    if sheet.goal:
        goal = f"<p><b>{text(sheet.goal.statement)}</b></p>"
        if sheet.goal.pitch:
            goal += f"<p>{text(sheet.goal.pitch.text)}</p>"
    body = "".join(
        [
            f"<h1>{text(sheet.name)}</h1>",
            f"<p class='subtitle'>{text(where)}</p>",
            section("Your goal and pitch", goal),
            section("Notes", f"<p>{text(sheet.notes)}</p>" if sheet.notes else ""),
            *_event_people(sheet),
        ]
    )
    return Document(sheet.name, page(sheet.name, body))
