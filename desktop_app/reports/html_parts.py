"""Small HTML building blocks. Every piece of user text goes through ``text()``.

The markup stays within what Qt's rich-text engine renders (HTML 4 tables, a CSS subset),
since documents are printed through ``QTextDocument``.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable

from desktop_app.datetext import format_day, format_moment
from desktop_app.validation import MAX_FREE_TEXT

STYLE = """
body { font-family: 'DejaVu Sans', 'Segoe UI', 'Helvetica Neue', Arial, sans-serif;
       font-size: 10pt; color: #1d2433; }
h1 { font-size: 18pt; font-weight: 600; margin-top: 0; margin-bottom: 2px; color: #13233f; }
h2 { font-size: 11.5pt; font-weight: 600; margin-top: 18px; margin-bottom: 6px;
     color: #1b3f8f; }
h3 { font-size: 10.5pt; font-weight: 600; margin-top: 12px; margin-bottom: 2px; color: #13233f; }
p.subtitle { font-size: 11pt; color: #4a5468; margin-top: 0; margin-bottom: 12px; }
p { margin-top: 2px; margin-bottom: 5px; }
td { vertical-align: top; }
th { text-align: left; font-weight: 600; color: #4a5468; border-bottom: 1px solid #9aa3b5; }
td.label { color: #5b6578; }
table.list td { border-bottom: 1px solid #dde1e8; }
.verdict { font-weight: 600; color: #13233f; }
.muted { color: #6b7487; }
"""


def text(value: object) -> str:
    """User text made safe for HTML; line breaks kept; overlong text cut with an ellipsis.

    The cut keeps printing bounded: a database may hold a note of millions of characters
    from before imports refused them, and laying it out would take minutes.
    """
    shown = str(value)
    if len(shown) > MAX_FREE_TEXT:
        shown = shown[:MAX_FREE_TEXT] + "…"
    return html.escape(shown, quote=True).replace("\n", "<br>")


def date_text(value: dt.date | dt.datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return format_moment(value)
    return format_day(value)


def page(title: str, body: str) -> str:
    return (
        "<html><head><meta charset='utf-8'>"
        f"<title>{text(title)}</title><style>{STYLE}</style></head>"
        f"<body>{body}</body></html>"
    )


def facts_table(rows: Iterable[tuple[str, str]]) -> str:
    """Two columns, label and value; rows whose value is empty are left out.

    Values are user text and are escaped here; labels are the program's own words.
    """
    cells = [
        f"<tr><td class='label' width='30%'>{html.escape(label)}</td><td>{text(value)}</td></tr>"
        for label, value in rows
        if value
    ]
    if not cells:
        return ""
    return "<table width='100%' cellspacing='0' cellpadding='3'>" + "".join(cells) + "</table>"


def list_table(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A ruled table; every cell is escaped user text."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    body = "".join(
        "<tr>" + "".join(f"<td>{text(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return (
        "<table class='list' width='100%' cellspacing='0' cellpadding='4'>"
        f"<thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table>"
    )


def bullet_list(items: Iterable[str]) -> str:
    entries = "".join(f"<li>{text(item)}</li>" for item in items if item)
    return f"<ul>{entries}</ul>" if entries else ""


def section(heading: str, content: str) -> str:
    """A heading and its content, or nothing when there is no content."""
    return f"<h2>{html.escape(heading)}</h2>{content}" if content else ""


def page_break() -> str:
    return "<div style='page-break-before: always'></div>"
