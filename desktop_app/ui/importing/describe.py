"""The words the import preview shows for plan items, matches, changes and columns.

Plain functions over the plan (no widgets), so the table, the detail pane and the
summary say the same thing the same way.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop_app.exchange.plan import CREATE, MERGE, SKIP
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.exchange.matching import Match
    from desktop_app.exchange.merging import ContactChanges, FieldChange
    from desktop_app.exchange.plan import ImportPlan, PlanItem
    from desktop_app.insights.keep_in_touch import Birthday
    from desktop_app.store.importer import ImportPreview

ACTION_WORDS = {CREATE: "New contact", MERGE: "Merge", SKIP: "Skip"}

# Record fields (as the parsers' column mappings name them) in the user's words.
FIELD_LABELS = {
    "first_name": "First name",
    "middle_name": "Middle name",
    "last_name": "Last name",
    "full_name": "Full name",
    "name": "Full name",
    "nickname": "Nickname",
    "title": "Job title",
    "company": "Company",
    "industry": "Industry",
    "location": "Location",
    "linkedin_url": "Profile address",
    "linkedin_url label": "Profile address label",
    "emails": "E-mail",
    "emails label": "E-mail label",
    "phones": "Phone",
    "phones label": "Phone label",
    "tags": "Tags",
    "notes": "Notes",
    "how_met": "How we met",
    "shared_interests": "Shared interests",
    "can_help_with": "Can help with",
    "i_can_offer": "I can offer",
    "connected_on": "Connected on (how we met)",
}


def tooltip(text: str) -> str | None:
    """``text`` as a tooltip. Qt shows a tooltip that looks like markup as markup, so
    imported text is escaped and the tooltip made rich text on purpose."""
    if not text:
        return None
    return "<qt>" + "<br>".join(html.escape(line) for line in text.splitlines()) + "</qt>"


def field_label(field: str | None) -> str:
    if field is None:
        return "— not imported —"
    return FIELD_LABELS.get(field, field.replace("_", " ").capitalize())


def who(name: str, company: str) -> str:
    return f"{name} ({company})" if company else name


def job(title: str, company: str) -> str:
    if title and company:
        return f"{title} at {company}"
    return title or company or "—"


def match_target(preview: ImportPreview, match: Match, *, short: bool = False) -> str:
    """Who ``match`` points at: a contact of the database or an earlier row of the file."""
    if match.contact_id is not None:
        return preview.contact_labels.get(match.contact_id, f"contact {match.contact_id}")
    earlier = preview.plan.items[match.other_index].record  # type: ignore[index]
    if short:
        return f"line {earlier.line}: {who(earlier.name(), earlier.company)}"
    return f"{who(earlier.name(), earlier.company)}, line {earlier.line} of this file"


def match_text(preview: ImportPreview, match: Match) -> str:
    """A match with its reason; a suggestion with its score."""
    target = match_target(preview, match)
    if match.exact:
        return f"{target} — {match.reason}"
    return f"{target} — score {match.score:g}, {match.reason}"


def merged_match(item: PlanItem) -> Match | None:
    """The match an item merged into (its exact match or the chosen suggestion)."""
    if item.action != MERGE:
        return None
    for match in ([item.exact] if item.exact else []) + item.suggestions:
        if match.contact_id == item.contact_id and match.other_index == item.into_index:
            return match
    return None


def short_reason(match: Match) -> str:
    """The reason of a match in a word or two, for the table."""
    if not match.exact:
        return f"score {match.score:g}"
    if match.reason.startswith("same profile"):
        return "same profile"
    if match.reason.startswith("same e-mail"):
        return "same e-mail"
    return match.reason


def match_column(preview: ImportPreview, item: PlanItem) -> str:
    """The table's "Already known as" cell (the detail pane says it in full)."""
    chosen = merged_match(item)
    if chosen is not None:
        return f"= {match_target(preview, chosen, short=True)} · {short_reason(chosen)}"
    if item.suggestions:
        first = item.suggestions[0]
        more = len(item.suggestions) - 1
        extra = f" (+{more} more)" if more else ""
        return f"? {match_target(preview, first, short=True)} · {short_reason(first)}{extra}"
    if item.exact is not None:  # an exact match the user chose not to merge
        exact = item.exact
        return f"({match_target(preview, exact, short=True)} · {short_reason(exact)})"
    return ""


def change_text(change: FieldChange) -> str:
    label = field_label(change.field)
    if change.field == "notes":
        return f"{label}: the imported notes are added"
    if not change.old:
        return f"{label}: {change.new}"
    return f"{label}: {change.old} → {change.new}"


def birthday_text(birthday: Birthday) -> str:
    """ "29 February" ("February 29" where the locale puts the month first), with the year
    when it is known, in the locale's language as every date of the window."""
    from PySide6.QtCore import QDate, QLocale

    from desktop_app.ui.common.dates import date_format

    pattern = date_format().replace("MMM", "MMMM")
    if birthday.year is None:
        pattern = pattern.replace("yyyy", "").replace(",", "").strip()
    day = QDate(birthday.year or 2000, birthday.month, birthday.day)  # 2000 has 29 February
    return QLocale().toString(day, pattern)


def added_texts(changes: ContactChanges) -> list[str]:
    """What a merge adds besides the fields it fills (a line each, for the detail pane)."""
    added = [
        *(f"Adds the e-mail {e.value}" for e in changes.new_emails),
        *(f"Adds the phone {p.value}" for p in changes.new_phones),
        *(f"Adds the tag {t}" for t in changes.new_tags),
    ]
    if changes.new_birthday is not None:
        added.append(f"Adds the birthday {birthday_text(changes.new_birthday)}")
    return added


def created_text(item: PlanItem) -> str:
    """What creating a contact from ``item`` makes, in a sentence."""
    birthday = item.record.birthday
    if birthday is None:
        return "A new contact is created from this row."
    return f"A new contact is created from this row, with the birthday {birthday_text(birthday)}."


def changes_column(item: PlanItem, changes: ContactChanges | None) -> str:
    """The table's "Changes" cell: what a merge into a known contact would change."""
    if item.action != MERGE:
        return ""
    if item.into_index is not None:
        return "combined with the earlier row"
    if changes is None:
        return "—"
    if not changes:
        return "nothing new"
    parts = []
    accepted = item.accepted
    for change in changes.fields:
        if accepted is None or change.field in accepted:
            parts.append(field_label(change.field).lower())
    if changes.new_emails:
        parts.append(count_of(len(changes.new_emails), "e-mail"))
    if changes.new_phones:
        parts.append(count_of(len(changes.new_phones), "phone"))
    if changes.new_tags:
        parts.append(count_of(len(changes.new_tags), "tag"))
    if changes.new_birthday is not None:
        parts.append(f"birthday {birthday_text(changes.new_birthday)}")
    text = ", ".join(parts) if parts else "nothing accepted"
    if changes.job_change and is_job_change_accepted(item):
        text = "job change: " + text
    return text


def is_job_change_accepted(item: PlanItem) -> bool:
    return item.accepted is None or bool({"company", "title"} & item.accepted)


def plan_summary(plan: ImportPlan) -> str:
    """One line: what the import will do, as the plan stands (one pass over the items)."""
    counts = {CREATE: 0, MERGE: 0, SKIP: 0}
    undecided = 0
    for item in plan.items:
        counts[item.action] += 1
        if item.suggestions and item.action != MERGE:
            undecided += 1
    text = (
        f"Will create {counts[CREATE]:,}, merge {counts[MERGE]:,} and skip {counts[SKIP]:,} "
        f"of {count_of(len(plan.items), 'row')}."
    )
    if undecided:
        text += f" {count_of(undecided, 'row')} with a possible match to review."
    return text


@dataclass(frozen=True, slots=True)
class PreviewLists:
    """What the preview's tabs list, found in one pass on the worker thread (at 100,000
    rows these passes would otherwise hold up the GUI thread as the dialog opens)."""

    job_changes: list[int]  # item indexes: merges giving a known contact a new job
    new_people: list[int]  # item indexes: rows matching nobody in NetWise
    summary: str


def preview_lists(preview: ImportPreview) -> PreviewLists:
    items, changes = preview.plan.items, preview.changes
    jobs = [i for i in sorted(changes) if items[i].action == MERGE and changes[i].job_change]
    new = [item.index for item in items if item.exact is None]
    return PreviewLists(jobs, new, plan_summary(preview.plan))
