"""Reading insights for people: one contact's breakdown, and the review.

The review reads the cached scores: call ``scores.ensure_insights_current`` first (or use
``load_review``, which does both). A breakdown is computed from the summaries.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from sqlalchemy import Connection, Integer, bindparam, text

from desktop_app.insights.alignment import AlignmentScorer
from desktop_app.insights.assessment import ContactInsight, assess_contact
from desktop_app.insights.bulk import split_row
from desktop_app.insights.review import (
    REVIEW_VERDICTS,
    ReviewEntry,
    ReviewGroup,
    brief_reasons,
    build_review,
)
from desktop_app.insights.verdicts import VERDICTS
from desktop_app.store.database import Database
from desktop_app.store.scores import (
    InsightInputs,
    ensure_insights_current,
    read_inputs,
)
from desktop_app.store.summaries import read_summary_rows, value_since

_CHUNK = 500


def read_contact_insights(
    connection: Connection, contact_ids: Sequence[int], inputs: InsightInputs
) -> dict[int, ContactInsight]:
    """Every insight, with reasons, for each of ``contact_ids`` that exists."""
    rows = read_summary_rows(connection, contact_ids)
    names = _names(connection, [row[0] for row in rows])
    scorer = AlignmentScorer(inputs.goal, inputs.settings)
    found: dict[int, ContactInsight] = {}
    for row in rows:
        profile, summary = split_row(row)
        name, circle, status = names[profile.contact_id]
        profile = dataclasses.replace(profile, name=name, circle=circle, status=status)
        found[profile.contact_id] = assess_contact(
            profile,
            summary,
            inputs.goal,
            inputs.settings,
            inputs.today,
            inputs.dismissed.get(profile.contact_id, frozenset()),
            scorer,
        )
    return found


def _names(connection: Connection, ids: list[int]) -> dict[int, tuple[str, str, str]]:
    statement = text(
        "SELECT id, full_name, circle, status FROM contacts WHERE id IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    names: dict[int, tuple[str, str, str]] = {}
    for start in range(0, len(ids), _CHUNK):
        for contact_id, name, circle, status in connection.execute(
            statement, {"ids": ids[start : start + _CHUNK]}
        ):
            names[contact_id] = (name, circle, status)
    return names


def load_contact_insight(
    db: Database, contact_id: int, today: dt.date | None = None, *, bring_current: bool = True
) -> ContactInsight | None:
    """One contact's breakdown, for the detail pane (any thread).

    Computed from the summaries, not the cache; only on a new day (the value window has
    moved) is ``ensure_insights_current`` run first, unless ``bring_current`` is False:
    then the summaries are read as they are (the GUI thread must not wait for a second of
    rescoring; its background refresh follows).
    """
    with db.engine.connect() as connection:
        inputs = read_inputs(connection, today)
        current = value_since(connection) == inputs.value_since
        if current or not bring_current:
            return read_contact_insights(connection, [contact_id], inputs).get(contact_id)
    ensure_insights_current(db, today)
    return load_contact_insight(db, contact_id, today)


def load_reasons(
    db: Database, contact_ids: Sequence[int], today: dt.date | None = None
) -> dict[int, tuple[str, ...]]:
    """Every reason of each contact, in words (the deciding one first), from the scores as
    they stand (any thread)."""
    if not contact_ids:
        return {}
    with db.engine.connect() as connection:
        insights = read_contact_insights(connection, contact_ids, read_inputs(connection, today))
    return {contact_id: insight.verdict.reasons for contact_id, insight in insights.items()}


def review_verdicts(everyone: bool = False) -> tuple[str, ...]:
    """The verdicts the review lists, or every verdict."""
    return VERDICTS if everyone else REVIEW_VERDICTS


def read_review_entries(
    connection: Connection,
    inputs: InsightInputs,
    *,
    verdicts: Sequence[str] = REVIEW_VERDICTS,
    detailed: bool = False,
    first: int | None = None,
) -> list[ReviewEntry]:
    """Active or dormant contacts with one of ``verdicts``, from the cached scores.

    Brief entries carry their group's advice; ``detailed`` ones every reason of the
    contact's breakdown (slower: for the command line, or a few at a time). ``first``
    reads only that many of each group (by verdict and basis) in the review's order: Move
    on the least aligned first, anything else the most aligned first.
    """
    # Rank within the narrow scores table first; read names for the survivors only.
    order = "CASE WHEN verdict = 'move_on' THEN alignment ELSE -alignment END"
    statement = text(
        f"""SELECT c.id, c.full_name, c.company, r.alignment, r.verdict, r.basis FROM (
            SELECT contact_id, alignment, verdict, basis,
                row_number() OVER (PARTITION BY verdict, basis
                                   ORDER BY {order}, contact_id) AS place
            FROM contact_scores WHERE verdict IN :verdicts AND active = 1) r
        JOIN contacts c ON c.id = r.contact_id
        WHERE :first IS NULL OR r.place <= :first"""
    ).bindparams(bindparam("verdicts", expanding=True), bindparam("first", type_=Integer))
    rows = connection.execute(statement, {"verdicts": list(verdicts), "first": first}).all()
    if not detailed:
        return [
            ReviewEntry(cid, name, company, a, v, b, brief_reasons(v, b))
            for cid, name, company, a, v, b in rows
        ]
    insights = read_contact_insights(connection, [row[0] for row in rows], inputs)
    entries = []
    for cid, name, company, _a, _v, _b in rows:
        verdict = insights[cid].verdict
        entries.append(
            ReviewEntry(
                cid,
                name,
                company,
                verdict.alignment,
                verdict.verdict,
                verdict.basis,
                verdict.reasons,
            )
        )
    return entries


def review_totals(connection: Connection) -> dict[tuple[str, str], int]:
    """How many active or dormant contacts each (verdict, basis) holds."""
    rows = connection.execute(
        text(
            "SELECT verdict, basis, sum(contacts) FROM score_totals WHERE active = 1 "
            "GROUP BY verdict, basis"
        )
    )
    return {(verdict, basis): int(count) for verdict, basis, count in rows}


def read_review(
    connection: Connection,
    inputs: InsightInputs,
    *,
    detailed: bool = False,
    first: int | None = None,
) -> tuple[ReviewGroup, ...]:
    """The review "Are you networking with the wrong people?", grouped by reason;
    ``first`` entries of each group at most (each group still knows its total)."""
    entries = read_review_entries(connection, inputs, detailed=detailed, first=first)
    return build_review(entries, review_totals(connection))


def load_review(
    db: Database, today: dt.date | None = None, *, detailed: bool = False
) -> tuple[ReviewGroup, ...]:
    """Bring the scores up to date, then read the review (any thread)."""
    ensure_insights_current(db, today)
    with db.engine.connect() as connection:
        return read_review(connection, read_inputs(connection, today), detailed=detailed)
