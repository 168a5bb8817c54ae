"""Contacts at 100,000 contacts and 1,000,000 interactions: open, type, sort, jump, detail,
memory, and from a cold start to the first rows — each beside a reference of the same run.

The GUI figures are measured in this process through the real page (offscreen), each the
median of several runs; memory and the cold start run in fresh processes.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from tests.bench.databases import bench_database
from tests.bench.harness import Recorder
from tests.bench.startup import BARE_WINDOW, bench_env, time_to_line

TYPED_WORD = "product"
BUSY_INTERACTIONS = 500
LIMITS = {
    "contacts.open_ms": 150,
    "contacts.filter_keystroke_ms": 60,
    "contacts.sort_ms": 250,
    "contacts.jump_end_ms": 60,
    "contacts.rss_mb": 200,
    "contacts.detail_ms": 50,
}
VISIBLE_ROWS_SQL = """
SELECT c.id, c.status, c.full_name, c.title, c.company, c.industry, c.seniority, c.circle,
  (SELECT group_concat(name, ', ') FROM (SELECT t.name AS name FROM contact_tags ct
   JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id ORDER BY t.name COLLATE NOCASE)),
  c.last_interaction_on, c.next_followup_on
FROM contacts c ORDER BY c.full_name COLLATE NOCASE, c.id LIMIT 40
"""


def prepare(folder: Path) -> tuple[Path, int]:
    """A copy of the 100k database with one contact given 500 interactions."""
    from sqlalchemy import insert

    from desktop_app.store.database import open_database
    from desktop_app.store.denormalised import refresh_contact_dates
    from desktop_app.store.models import Interaction
    from desktop_app.store.scores import ensure_insights_current

    copy = folder / "contacts-100k.sqlite3"
    shutil.copyfile(bench_database("100k"), copy)
    db = open_database(str(copy))
    with db.transaction() as session:
        connection = session.connection()
        busy = connection.exec_driver_sql(
            "SELECT id FROM contacts WHERE status = 'active' ORDER BY id LIMIT 1"
        ).scalar()
        have = connection.exec_driver_sql(
            f"SELECT count(*) FROM interactions WHERE contact_id = {busy}"
        ).scalar()
        today = dt.date.today()
        rows = [
            {
                "contact_id": busy,
                "occurred_on": today - dt.timedelta(days=n % 700),
                "kind": ("email", "call", "meeting", "coffee")[n % 4],
                "notes": f"Conversation {n}",
                "followup_due": today + dt.timedelta(days=n % 30) if n % 10 == 0 else None,
            }
            for n in range(BUSY_INTERACTIONS - have)
        ]
        connection.execute(insert(Interaction.__table__), rows)
        refresh_contact_dates(connection, [busy])
    # Scored, as a user's database is: the score columns sort and filter on the cache, and
    # the window's first refresh then finds nothing to do while the figures are taken.
    ensure_insights_current(db)
    db.close()
    return copy, busy


def _median(samples: list[float]) -> float:
    return statistics.median(samples)


class Gui:
    """The main window over the copy, on the Contacts page, offscreen."""

    def __init__(self, database: Path) -> None:
        from desktop_app.ui.common.ui_state import open_ui_state
        from desktop_app.ui.shell.application import create_application
        from desktop_app.ui.shell.main_window import MainWindow

        self.app = create_application()
        self.window = MainWindow(open_ui_state())
        self.window.resize(1180, 760)
        self.window.show()
        self.app.processEvents()
        self.window.open_database(str(database), synchronous=True)
        self.window.show_page("contacts")
        self.page = self.window.page("contacts")
        self.table = self.page.table
        self.wait_for_rows(lambda: None)

    def wait_for_rows(self, action: Callable[[], object], timeout: float = 10.0) -> float:
        """Milliseconds from ``action`` to the table painting rows."""
        painted: list[float] = []
        self.table.rows_painted.connect(lambda: painted.append(time.perf_counter()))
        self.table.arm_rows_painted()
        start = time.perf_counter()
        action()
        self.table.viewport().update()
        while not painted and time.perf_counter() - start < timeout:
            self.app.processEvents()
        self.table.rows_painted.disconnect()
        if not painted:
            raise RuntimeError("the contacts table painted no rows")
        return (painted[0] - start) * 1000

    def timed_paint(self, action: Callable[[], object]) -> float:
        """Milliseconds for ``action`` and the repaint of the rows it changed."""
        start = time.perf_counter()
        action()
        self.table.viewport().repaint()
        return (time.perf_counter() - start) * 1000

    def close(self) -> None:
        self.window.close()
        self.app.processEvents()


def bench_open(gui: Gui, repeats: int) -> list[float]:
    database = gui.window.controller.database
    samples = []
    for _ in range(repeats):
        gui.page.set_database(None)
        gui.app.processEvents()
        samples.append(gui.wait_for_rows(lambda: gui.page.set_database(database)))
    return samples


def bench_typing(gui: Gui, repeats: int) -> list[float]:
    bar = gui.page.filter_bar
    samples = []
    for _ in range(repeats):
        for length in range(1, len(TYPED_WORD) + 1):
            bar.search.setText(TYPED_WORD[:length])
            samples.append(gui.timed_paint(bar.apply_now))
        bar.search.clear()
        bar.apply_now()
        gui.app.processEvents()
    return samples


def bench_sort(gui: Gui, repeats: int) -> dict[str, float]:
    from PySide6.QtCore import Qt

    model = gui.page.model
    by_column = {}
    for section, column in enumerate(model.columns):
        samples = []
        for run in range(repeats):
            order = Qt.SortOrder.DescendingOrder if run % 2 else Qt.SortOrder.AscendingOrder
            samples.append(gui.timed_paint(lambda s=section, o=order: gui.table.sortByColumn(s, o)))
        by_column[column.key] = _median(samples)
    gui.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return by_column


def bench_jump(gui: Gui, repeats: int) -> list[float]:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    samples = []
    gui.table.setFocus()
    for _ in range(repeats):
        QTest.keyClick(gui.table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
        gui.app.processEvents()
        gui.page.model.clear_cache()
        samples.append(
            gui.timed_paint(
                lambda: QTest.keyClick(
                    gui.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier
                )
            )
        )
    last = gui.page.model.rowCount() - 1
    assert gui.table.currentIndex().row() == last, "Ctrl+End did not reach the last row"
    return samples


def bench_detail(gui: Gui, busy: int, repeats: int) -> tuple[list[float], int]:
    page = gui.page
    other = page.model.contact_id(0)
    samples = []
    for _ in range(repeats):
        page.reveal_contact(other)
        page.show_current_detail()
        page.select_contact(busy)
        gui.app.processEvents()
        start = time.perf_counter()
        page.show_current_detail()
        page.detail.repaint()
        samples.append((time.perf_counter() - start) * 1000)
    return samples, page.detail.timeline_model.rowCount()


def ref_visible_rows(database: Path, repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
        rows = connection.execute(VISIBLE_ROWS_SQL).fetchall()
        connection.close()
        samples.append((time.perf_counter() - start) * 1000)
        assert len(rows) == 40
    return samples


def ref_bare_table(gui: Gui, repeats: int) -> list[float]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    view.resize(gui.table.size())
    view.show()
    gui.app.processEvents()
    samples = []
    for _ in range(repeats):
        model = QStandardItemModel(40, 9)
        for row in range(40):
            for column in range(9):
                model.setItem(row, column, QStandardItem(f"Contact {row} field {column}"))
        start = time.perf_counter()
        view.setModel(model)
        view.viewport().repaint()
        samples.append((time.perf_counter() - start) * 1000)
    view.close()
    return samples


RSS_PROBE = """
import os, sys, time
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from tests.bench.contacts import Gui, current_rss_mb
gui = Gui(__import__("pathlib").Path(sys.argv[1]))
gui.page.show_current_detail()
gui.app.processEvents()
print(f"netwise-probe rss {current_rss_mb():.1f}", flush=True)
gui.close()
"""


def current_rss_mb() -> float:
    """Resident memory now (Linux), else the peak the system reports."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def bench_rss(database: Path, env: dict[str, str]) -> float:
    out = subprocess.run(
        [sys.executable, "-c", RSS_PROBE, str(database)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path(__file__).parents[2],
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("netwise-probe rss"))
    return float(line.split()[-1])


def bench_first_rows(database: Path, folder: str, repeats: int) -> tuple[float, float]:
    env = bench_env(folder)
    bare_script = Path(folder) / "bare_window.py"
    bare_script.write_text(BARE_WINDOW)
    bare = [sys.executable, str(bare_script)]
    app = [sys.executable, "-m", "desktop_app", "--db", str(database), "--startup-probe", "rows"]
    time_to_line(bare, env, "netwise-probe window-shown")
    time_to_line(app, env, "netwise-probe rows-shown")
    bare_ms, app_ms = [], []
    for _ in range(repeats):  # alternate, so noise hits both alike
        bare_ms.append(time_to_line(bare, env, "netwise-probe window-shown"))
        app_ms.append(time_to_line(app, env, "netwise-probe rows-shown"))
    return _median(app_ms), _median(bare_ms)


def _record(recorder: Recorder, name: str, samples: list[float], **extra: object) -> None:
    value = _median(samples)
    recorder.record(name, value, "ms", limit=LIMITS[name], runs=len(samples), **extra)


def run(recorder: Recorder, repeats: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["NETWISE_DATA_DIR"] = str(Path(folder) / "data")
        database, busy = prepare(Path(folder))
        visible = _median(ref_visible_rows(database, repeats))
        recorder.record("ref.sqlite_visible_rows_ms", visible, "ms", rows=40, runs=repeats)
        gui = Gui(database)
        try:
            bare = _median(ref_bare_table(gui, repeats))
            recorder.record("ref.bare_table_paint_ms", bare, "ms", rows=40, runs=repeats)
            refs = {
                "ref_sqlite_visible_rows_ms": round(visible, 2),
                "ref_bare_table_ms": round(bare, 2),
            }
            _record(
                recorder,
                "contacts.open_ms",
                bench_open(gui, repeats),
                contacts=gui.page.model.total,
                **refs,
            )
            _record(
                recorder,
                "contacts.filter_keystroke_ms",
                bench_typing(gui, repeats),
                word=TYPED_WORD,
                **refs,
            )
            by_column = bench_sort(gui, repeats)
            worst = max(by_column, key=by_column.__getitem__)
            recorder.record(
                "contacts.sort_ms",
                by_column[worst],
                "ms",
                limit=LIMITS["contacts.sort_ms"],
                worst_column=worst,
                columns={k: round(v, 1) for k, v in by_column.items()},
                runs=repeats,
                **refs,
            )
            _record(recorder, "contacts.jump_end_ms", bench_jump(gui, repeats), **refs)
            samples, shown = bench_detail(gui, busy, repeats)
            _record(recorder, "contacts.detail_ms", samples, interactions=shown, **refs)
        finally:
            gui.close()
        env = bench_env(str(Path(folder) / "data"))
        rss = bench_rss(database, env)
        recorder.record("contacts.rss_mb", rss, "MB", limit=LIMITS["contacts.rss_mb"])
        rows_ms, bare_ms = bench_first_rows(database, folder, repeats)
        recorder.record(
            "startup.first_rows_ms",
            rows_ms,
            "ms",
            reference="startup.bare_qt_window_ms",
            bare_qt_window_ms=round(bare_ms, 1),
            ratio=round(rows_ms / bare_ms, 2),
            limit_ratio=3.0,
            contacts=100_000,
            runs=repeats,
        )
