"""One contact's keep-in-touch state for the detail pane: the cadence that applies, where it
comes from (their own, a tag's, their verdict's default), and when they are next due.

Read through the detail read's connection (``store.reader``, free of SQLAlchemy); the rule
is the one ``store.keep_in_touch`` keeps the due days by (``rules.effective_cadence``).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from desktop_app.insights import keep_in_touch as rules
from desktop_app.store.reader import Run
from desktop_app.store.records import TouchState

# The settings keys of the verdicts' default cadences (``store.keep_in_touch`` writes them).
DEFAULT_KEY = "keep_in_touch.default."
_TAGS = """
SELECT t.name, t.touch_cadence FROM contact_tags ct JOIN tags t ON t.id = ct.tag_id
WHERE ct.contact_id = :id AND t.touch_cadence IS NOT NULL
"""
_DEFAULTS = f"SELECT key, value FROM settings WHERE key LIKE '{DEFAULT_KEY}%'"


def _stored_code(value: Any) -> Any:
    """A settings value: JSON text on SQLite, already decoded elsewhere."""
    if isinstance(value, str | bytes):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def read_touch_state(
    run: Run,
    contact_id: int,
    own: str | None,
    touched: dt.date,
    snoozed_until: dt.date | None,
    today: dt.date | None = None,
) -> TouchState:
    """The state of the contact whose own cadence, clock and snooze are given."""
    day = today or dt.date.today()
    params = {"id": contact_id}
    tagged = [
        (rules.CADENCES.index(code), name.casefold(), name, code)
        for name, code in run(_TAGS, params)
        if code in rules.CADENCES
    ]
    if tagged:
        _rank, _key, source_name, default = min(tagged)
        source = "tag"
    else:
        found = run("SELECT verdict FROM contact_scores WHERE contact_id = :id", params)
        verdict = found[0][0] if found else None
        if verdict in rules.VERDICT_DEFAULTS:
            stored = {key: _stored_code(value) for key, value in run(_DEFAULTS, None)}
            code = stored.get(DEFAULT_KEY + verdict)
            source, source_name = "verdict", verdict
            default = code if code in rules.CADENCES else rules.VERDICT_DEFAULTS[verdict]
        else:
            source, source_name, default = "unscored", "", rules.NEVER
    own = own if own in rules.CADENCES else None
    return TouchState(
        own=own,
        default=default,
        source=source,
        source_name=source_name,
        last_touch_on=touched,
        due_on=rules.due_after(touched, own or default),
        snoozed_until=snoozed_until if rules.is_snoozed(snoozed_until, day) else None,
    )
