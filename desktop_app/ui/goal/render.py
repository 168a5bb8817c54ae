"""A goal version and its pitch as escaped HTML, for the wizard's summary and the page."""

from __future__ import annotations

import datetime as dt
from html import escape

from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.insights.profile_checklist import CHECKLIST_LABELS
from desktop_app.ui.common.dates import format_day
from desktop_app.ui.common.goal_labels import (
    GOAL_TYPE_LABELS,
    ORGANISATION_KIND_LABELS,
    ORGANISATION_STATUS_LABELS,
    PITCH_PART_LABELS,
    SENIORITY_LABELS,
    VARIANT_LABELS,
)
from desktop_app.wording import count_of, hours_of

NOT_SET = "<i>not set</i>"


def _items(values: tuple[str, ...] | list[str]) -> str:
    return escape(", ".join(values)) if values else NOT_SET


def _row(label: str, value_html: str) -> str:
    return f"<tr><th align='left' valign='top'>{escape(label)}</th><td>{value_html}</td></tr>"


def _paragraphs(text: str) -> str:
    chunks = [escape(chunk) for chunk in text.split("\n\n") if chunk.strip()]
    return "".join(f"<p>{chunk}</p>" for chunk in chunks) or f"<p>{NOT_SET}</p>"


def goal_html(profile: GoalProfile, today: dt.date | None = None) -> str:
    """The goal profile as a heading and a table; every user value escaped."""
    when = format_day(profile.target_date) if profile.target_date else NOT_SET
    if profile.target_date and today:
        when += f" ({count_of((profile.target_date - today).days, 'day')} from today)"
    measures = "<br>".join(
        escape(f"{measure.name}: {measure.as_dict()['target']}") for measure in profile.measures
    )
    organisations = "<br>".join(
        escape(
            f"{org.name} ({ORGANISATION_KIND_LABELS.get(org.kind, org.kind)}, "
            f"{ORGANISATION_STATUS_LABELS.get(org.status, org.status).lower()})"
        )
        for org in profile.organisations
    )
    checklist = "<br>".join(
        escape(
            f"{'☑' if item.done else '☐'} {CHECKLIST_LABELS.get(key, key)}"
            + (f" — {item.note}" if item.note else "")
        )
        for key, item in profile.checklist.items()
    )
    seniority = SENIORITY_LABELS.get(profile.target_seniority or "", NOT_SET)
    rows = [
        _row("Goal", escape(GOAL_TYPE_LABELS.get(profile.goal_type, profile.goal_type))),
        _row("Statement", escape(profile.statement) or NOT_SET),
        _row("Roles", _items(profile.target_roles)),
        _row("Companies", _items(profile.target_companies)),
        _row("Industries", _items(profile.target_industries)),
        _row("Locations", _items(profile.target_locations)),
        _row("Who can help", escape(seniority) if seniority != NOT_SET else NOT_SET),
        _row("Organisations", organisations or NOT_SET),
        _row("Time", escape(f"{hours_of(profile.weekly_hours)} a week")),
        _row("Target date", when),
        _row("Measures", measures or NOT_SET),
        _row("Profile checklist", checklist or NOT_SET),
    ]
    return "<h3>Goal</h3><table cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"


def pitch_html(pitch: PitchDraft | None) -> str:
    if pitch is None:
        return f"<h3>Elevator pitch</h3><p>{NOT_SET}</p>"
    parts = "".join(
        _row(PITCH_PART_LABELS[key], escape(value) or NOT_SET)
        for key, value in pitch.parts.as_dict().items()
    )
    variants = pitch.variants.as_dict()
    return (
        "<h3>Elevator pitch</h3>"
        f"<blockquote>{escape(pitch.text) or NOT_SET}</blockquote>"
        f"<table cellspacing='0' cellpadding='3'>{parts}</table>"
        f"<h4>{escape(VARIANT_LABELS['headline'])}</h4>"
        f"<p>{escape(variants['headline']) or NOT_SET}</p>"
        f"<h4>{escape(VARIANT_LABELS['thirty_seconds'])}</h4>"
        f"<p>{escape(variants['thirty_seconds']) or NOT_SET}</p>"
        f"<h4>{escape(VARIANT_LABELS['summary'])}</h4>"
        f"{_paragraphs(variants['summary'])}"
    )


def remarks_html(remarks: list[str]) -> str:
    if not remarks:
        return ""
    items = "".join(f"<li>{escape(remark)}</li>" for remark in remarks)
    return f"<h3>Still worth a look</h3><ul>{items}</ul>"


def goal_and_pitch_html(
    profile: GoalProfile,
    pitch: PitchDraft | None,
    today: dt.date | None = None,
    remarks: list[str] | None = None,
    *,
    pitch_first: bool = False,
) -> str:
    """Remarks (if any), then the goal and the pitch (or the pitch first, where the pitch
    is what the reader came for)."""
    sections = [goal_html(profile, today), pitch_html(pitch)]
    if pitch_first:
        sections.reverse()
    return remarks_html(remarks or []) + "".join(sections)
