"""From the store's plain data to the contacts' documents of ``reports`` (the goal card
and the event sheet are in ``ui.common.documents``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.reports.data import ContactSheet
from desktop_app.reports.documents import Document
from desktop_app.ui.common import labels

if TYPE_CHECKING:
    from desktop_app.store.database import Database


# What a reply status says on a printed line, in the printed pages' voice.
_REPLY_OUTCOME = {
    "awaiting": "awaiting their reply",
    "replied": "they replied",
    "unanswered": "no reply",
}


def _interaction_summary(record) -> str:  # type: ignore[no-untyped-def]
    """What came of an interaction: help each way and the reply (who started it is no
    outcome; it shows only when nothing else was recorded)."""
    parts = []
    if record.help_given != "none":
        parts.append(f"you gave {record.help_given} help")
    if record.help_received != "none":
        parts.append(f"they gave {record.help_received} help")
    if record.reply_status in _REPLY_OUTCOME:
        parts.append(_REPLY_OUTCOME[record.reply_status])
    if not parts:
        who = "you" if record.initiated_by == "me" else "they"
        parts.append(f"no outcome recorded ({who} reached out)")
    text = "; ".join(parts)
    return text[:1].upper() + text[1:]


def contact_sheets(
    db: Database, contact_ids: list[int], *, last: int = 8
) -> dict[int, ContactSheet]:
    """Everything a summary shows, by contact id, in the order given (missing ones left out)."""
    from desktop_app.reports.data import FollowUpLine, InteractionLine
    from desktop_app.store.contact_detail import read_contact_detail
    from desktop_app.store.insight_reads import load_contact_insight
    from desktop_app.store.reader import DatabaseReader
    from desktop_app.store.scores import ensure_insights_current

    reader = DatabaseReader(db)
    ensure_insights_current(db)
    sheets: dict[int, ContactSheet] = {}
    for contact_id in contact_ids:
        detail = read_contact_detail(reader, contact_id)
        if detail is None:
            continue
        insight = load_contact_insight(db, contact_id)
        data = detail.contact
        sheets[contact_id] = ContactSheet(
            name=detail.full_name,
            title=data.title,
            company=data.company,
            industry=data.industry,
            location=data.location,
            emails=tuple(e.value for e in data.emails),
            phones=tuple(p.value for p in data.phones),
            linkedin_url=data.linkedin_url,
            how_met=data.how_met or detail.met_at_event,
            tags=data.tags,
            seniority=labels.SENIORITY.get(data.seniority or "", ""),
            circle=labels.CIRCLE.get(data.circle, ""),
            alignment=insight.alignment.score if insight else None,
            verdict=insight.verdict.label if insight else "",
            reasons=insight.verdict.reasons if insight else (),
            given_points=insight.reciprocity.given_points if insight else None,
            received_points=insight.reciprocity.received_points if insight else None,
            last_interactions=tuple(
                InteractionLine(
                    i.occurred_on,
                    labels.INTERACTION_KIND.get(i.kind, i.kind),
                    _interaction_summary(i),
                )
                for i in detail.interactions[:last]
            ),
            open_followups=tuple(
                FollowUpLine(
                    i.followup_due,  # type: ignore[arg-type]
                    i.notes or labels.INTERACTION_KIND.get(i.kind, i.kind),
                )
                for i in detail.open_followups
            ),
            shared_interests=data.shared_interests,
            can_help_with=data.can_help_with,
            i_can_offer=data.i_can_offer,
            notes=data.notes,
        )
    return sheets


# Asked for no layout (the command line without --list), more contacts than this print
# as a compact list rather than a page each.
ONE_PER_PAGE_UP_TO = 20


def my_pitch(db: Database):  # type: ignore[no-untyped-def]
    """The active pitch as the reports show it, or None."""
    from desktop_app.reports.data import PitchText
    from desktop_app.store.goals import read_active_goal

    active = read_active_goal(db)
    if active is None or active.pitch is None or not active.pitch.text:
        return None
    return PitchText(active.pitch.text, active.pitch.variants.headline)


def compact_document(db: Database, contact_ids: list[int]) -> Document:
    """The compact list: a line per contact, in the order given (any number of them)."""
    from desktop_app.insights.verdicts import VERDICT_LABELS
    from desktop_app.reports.data import CompactRow
    from desktop_app.reports.documents import compact_list
    from desktop_app.store.printouts import listed_contacts
    from desktop_app.store.scores import ensure_insights_current

    ensure_insights_current(db)
    found = listed_contacts(db, contact_ids)
    rows = [
        CompactRow(c.name, c.company, c.title, VERDICT_LABELS.get(c.verdict, ""), c.next_followup)
        for i in contact_ids
        if (c := found.get(i)) is not None
    ]
    return compact_list(rows)


def contacts_document(
    db: Database,
    contact_ids: list[int],
    *,
    as_list: bool | None = None,
    with_pitch: bool = False,
) -> Document:
    """A compact list (``as_list``), or one contact's summary (with your pitch if asked) or
    a page per contact; with no layout asked, many contacts make a list."""
    from desktop_app.reports.documents import contact_summary, contacts_one_per_page

    if as_list is None:
        as_list = len(contact_ids) > ONE_PER_PAGE_UP_TO
    if as_list:
        return compact_document(db, contact_ids)
    sheets = contact_sheets(db, contact_ids)
    if len(sheets) == 1:
        return contact_summary(next(iter(sheets.values())), my_pitch(db) if with_pitch else None)
    return contacts_one_per_page(list(sheets.values()))
