"""Keep in touch at 100,000 contacts and 1,000,000 interactions.

``followups.keep_in_touch_ms`` is what the Follow-ups page's keep-in-touch list does to
show itself: every overdue id in order (from the maintained due days), the counts of its
heading, then the rows of the first screen read and painted; its reference reads the same
columns of every contact with raw ``sqlite3``.
``followups.cadence_change_1k_ms`` gives 1,000 contacts selected on the Contacts page a
cadence from the Keep in Touch menu, to the table repainted (``cadence_window``); beside it
the store's write alone (one transaction, keeping what undo needs) and its reference, the
bare UPDATE with raw ``sqlite3``, measured alternately in the same loop. Medians.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import tempfile
from pathlib import Path

from desktop_app.insights import keep_in_touch as rules
from desktop_app.store.database import open_database
from desktop_app.store.keep_in_touch import set_contact_cadence
from desktop_app.store.scores import ensure_insights_current
from tests.bench.cadence_window import window_cadence_change_ms
from tests.bench.databases import bench_database
from tests.bench.harness import Recorder, time_ms

CONTACT_READ = (
    "SELECT c.id, c.full_name, c.company, c.last_interaction_on, c.created_at,"
    " c.touch_cadence, c.touch_snoozed_until, s.alignment, s.verdict"
    " FROM contacts c LEFT JOIN contact_scores s ON s.contact_id = c.id"
)


def run(recorder: Recorder, repeats: int) -> None:
    path = bench_database("100k")
    with tempfile.TemporaryDirectory() as backups:
        db = open_database(str(path), backup_dir=Path(backups))
    raw = sqlite3.connect(path)
    try:
        ensure_insights_current(db)  # the verdicts the default cadences follow
        _overdue_list(recorder, repeats, db, raw)
        store, refs = _cadence_change(repeats, db, raw)
    finally:
        raw.close()
        db.close()
    window = window_cadence_change_ms(repeats)  # on a copy, once the store has let go
    recorder.record(
        "followups.cadence_change_1k_ms",
        statistics.median(window),
        "ms",
        reference="ref.followups_bare_update_1k_ms",
        reference_ms=round(statistics.median(refs), 1),
        store_ms=round(statistics.median(store), 1),
        limit_ms=200,
        contacts=1000,
        path="window",
        runs=repeats,
    )


def _overdue_list(recorder: Recorder, repeats: int, db, raw: sqlite3.Connection) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    from desktop_app.ui.common.services import Services
    from desktop_app.ui.followups.keep_in_touch_list import KeepInTouchList

    app = QApplication.instance() or QApplication([])
    raw.execute(CONTACT_READ).fetchall()  # warm the file cache for both
    listed = KeepInTouchList(Services.standalone())
    listed.resize(1100, 700)
    listed.show()
    listed.set_database(db)  # shown: reads the list once
    app.processEvents()
    table = listed.table

    def first_screen() -> None:
        # The ordered ids and the counts, then the rows of the first screen read and painted.
        listed.reload()
        table.viewport().repaint()

    ours, refs = [], []
    for _ in range(repeats):
        refs.append(time_ms(lambda: raw.execute(CONTACT_READ).fetchall()))
        ours.append(time_ms(first_screen))
    on_screen = table.rowAt(table.viewport().height() - 1) + 1 or listed.model.rowCount()
    recorder.record(
        "followups.keep_in_touch_ms",
        statistics.median(ours),
        "ms",
        reference="ref.followups_contact_read_ms",
        reference_ms=round(statistics.median(refs), 1),
        limit_ms=100,
        overdue=listed.model.rowCount(),
        rows_on_screen=on_screen,
        contacts=100_000,
        interactions=1_000_000,
        runs=repeats,
    )
    listed.close()
    listed.deleteLater()
    app.processEvents()


def _cadence_change(repeats: int, db, raw: sqlite3.Connection) -> tuple[list[float], list[float]]:  # type: ignore[no-untyped-def]
    """The store's write of a cadence for 1,000 contacts, and the bare UPDATE beside it."""
    rng = random.Random(16)
    ours, refs = [], []
    touched: set[int] = set()
    for _ in range(repeats):
        chosen = rng.sample(range(1, 100_001), 1000)
        touched.update(chosen)
        marks = ",".join("?" * len(chosen))

        def bare(chosen: list[int] = chosen, marks: str = marks) -> None:
            with raw:
                raw.execute(
                    f"UPDATE contacts SET touch_cadence = '2w' WHERE id IN ({marks})", chosen
                )

        refs.append(time_ms(bare))
        ours.append(time_ms(lambda chosen=chosen: set_contact_cadence(db, chosen, rules.QUARTER)))
    set_contact_cadence(db, touched, None)  # leave the benchmark database as it was
    return ours, refs
