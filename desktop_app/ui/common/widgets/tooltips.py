"""Tooltips of user text: shown as written, never as markup, and never endless."""

from __future__ import annotations

import html

from desktop_app.ui.common.widgets.plain_label import shortened
from desktop_app.validation import MAX_FREE_TEXT


def plain_tooltip(text: object) -> str | None:
    """``text`` as a tooltip that reads as written.

    Qt shows a tooltip that looks like markup ("<b>Ann</b>") as markup, so the text is
    escaped and the tooltip made rich text on purpose; text stored before fields had
    limits is cut where a note ends now.
    """
    if text is None or text == "":
        return None
    lines = shortened(str(text), MAX_FREE_TEXT + 1).splitlines()
    return "<qt>" + "<br>".join(html.escape(line) for line in lines) + "</qt>"
