"""A cadence change for 1,000 contacts as the window makes it: 1,000 rows selected on the
Contacts page (100,000 contacts), then Keep in Touch → Cadence, timed from the menu entry
to the table repainted — the selection read, the one-transaction write with its undo
entry, the change notice and the rows and detail it refreshes. Offscreen, on a copy."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QMenu

from desktop_app.insights import keep_in_touch as rules
from tests.bench.contacts import Gui
from tests.bench.databases import bench_database

SELECTED = 1000


def window_cadence_change_ms(repeats: int) -> list[float]:
    """Milliseconds of each change, alternating two cadences so every run writes."""
    before = os.environ.get("NETWISE_DATA_DIR")
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NETWISE_DATA_DIR"] = str(Path(folder) / "data")
        copy = Path(folder) / "followups-100k.sqlite3"
        shutil.copyfile(bench_database("100k"), copy)
        gui = Gui(copy)
        try:
            return _changes(gui, repeats)
        finally:
            gui.close()
            if before is None:
                os.environ.pop("NETWISE_DATA_DIR", None)
            else:
                os.environ["NETWISE_DATA_DIR"] = before


def _changes(gui: Gui, repeats: int) -> list[float]:
    page, model = gui.page, gui.page.model
    rows = QItemSelection(model.index(0, 0), model.index(SELECTED - 1, model.columnCount() - 1))
    flags = QItemSelectionModel.SelectionFlag
    page.table.selectionModel().select(rows, flags.ClearAndSelect | flags.Rows)
    gui.app.processEvents()
    if len(page.selected_contacts()) != SELECTED:
        raise RuntimeError(f"{len(page.selected_contacts())} contacts selected, not {SELECTED}")
    cadence_menu = page.actions["keep_in_touch"].menu().findChild(QMenu, "cadenceMenu")
    entries = {a.data(): a for a in cadence_menu.actions() if a.isCheckable()}
    samples = []
    for run in range(repeats):
        entry = entries[rules.QUARTER if run % 2 == 0 else rules.MONTH]

        def change(entry=entry) -> None:  # type: ignore[no-untyped-def]
            entry.trigger()
            gui.app.processEvents()  # the change notice and the refreshes it queues

        samples.append(gui.timed_paint(change))
    if page.undo_stack.undoText() != f"Change Cadence of {SELECTED} contacts":
        raise RuntimeError("the cadence change did not reach the undo stack")
    return samples
