"""Events: the page over 10,000 events and 100,000 attendances, and a 300-person event."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
from pathlib import Path

from tests.bench.harness import BUILD, Recorder, time_ms

EVENTS, ATTENDANCES, CONTACTS, BIG_EVENT_PEOPLE = 10_000, 100_000, 30_000, 300


def events_database() -> Path:
    """A database with the issue's sizes; event 1 has 300 attendees (made once)."""
    from desktop_app.store.database import open_database
    from desktop_app.store.fulltext import rebuild_contact_search

    path = BUILD / "bench" / "events-10k.sqlite3"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    open_database(str(partial)).close()
    rng = random.Random(5)
    now = dt.datetime(2026, 11, 26, 9)
    stamp = now.isoformat(" ")
    connection = sqlite3.connect(partial)
    with connection:
        connection.execute("DROP TRIGGER contacts_fts_insert")  # refilled once below
        connection.executemany(
            "INSERT INTO contacts (id, first_name, middle_name, last_name, full_name, title, "
            "company, industry, location, linkedin_url, circle, how_met, shared_interests, "
            "can_help_with, i_can_offer, notes, status, created_at, updated_at) VALUES "
            "(?, ?, '', ?, ?, 'Engineer', ?, 'Software', '', '', 'familiar', '', '', '', '', '', "
            "'active', ?, ?)",
            (
                (
                    i,
                    f"First{i}",
                    f"Last{i}",
                    f"First{i} Last{i}",
                    f"Company {i % 500}",
                    stamp,
                    stamp,
                )
                for i in range(1, CONTACTS + 1)
            ),
        )
        connection.executemany(
            "INSERT INTO events (id, name, kind, starts_at, place, hours_invested, cost_cents, "
            "notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?)",
            (
                (
                    i,
                    f"Event {i}",
                    rng.choice(("social", "industry", "meetup")),
                    (now + dt.timedelta(days=rng.randint(-900, 90))).isoformat(" "),
                    f"Place {i % 40}",
                    2.0,
                    1500,
                    stamp,
                    stamp,
                )
                for i in range(1, EVENTS + 1)
            ),
        )
        pairs = {(1, c) for c in range(1, BIG_EVENT_PEOPLE + 1)}
        while len(pairs) < ATTENDANCES:
            pairs.add((rng.randint(2, EVENTS), rng.randint(1, CONTACTS)))
        connection.executemany(
            "INSERT INTO event_attendees (event_id, contact_id, role) VALUES (?, ?, 'met')",
            sorted(pairs),
        )
    connection.close()
    db = open_database(str(partial))
    with db.engine.begin() as sa_connection:
        rebuild_contact_search(sa_connection)
    db.close()
    for sidecar in partial.parent.glob(partial.name + "-*"):
        sidecar.unlink()
    partial.rename(path)
    return path


def run(recorder: Recorder, repeats: int) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_app.store.database import open_database
    from desktop_app.ui.common.services import Services
    from desktop_app.ui.events.page import EventsPage

    app = QApplication.instance() or QApplication([])
    path = events_database()
    db = open_database(str(path))

    def open_page() -> float:
        def build() -> None:
            page = EventsPage(Services.standalone())
            page.resize(1100, 700)
            page.set_database(db)
            page.show()
            page.table.viewport().repaint()  # the first rows painted, synchronously
            run.page = page  # type: ignore[attr-defined]

        elapsed = time_ms(build)
        run.page.close()  # type: ignore[attr-defined]
        run.page.deleteLater()  # type: ignore[attr-defined]
        app.processEvents()
        return elapsed

    def visible_rows_raw() -> float:
        def fetch() -> None:
            connection = sqlite3.connect(path)
            ids = [
                row[0]
                for row in connection.execute(
                    "SELECT id FROM events ORDER BY starts_at DESC, id DESC"
                )
            ]
            marks = ",".join("?" * 40)
            connection.execute(
                f"SELECT e.*, (SELECT count(*) FROM event_attendees a WHERE a.event_id = e.id) "
                f"FROM events e WHERE e.id IN ({marks})",
                ids[:40],
            ).fetchall()
            connection.close()

        return time_ms(fetch)

    open_page()  # warm caches once
    opened = statistics.median(open_page() for _ in range(repeats))
    raw = statistics.median(visible_rows_raw() for _ in range(repeats))

    page = EventsPage(Services.standalone())
    page.resize(1100, 800)
    page.set_database(db)
    page.show()
    app.processEvents()

    def show_big_event() -> float:
        page.select_event(2)
        app.processEvents()

        def select() -> None:
            page.select_event(1)
            page.detail.attendees.viewport().repaint()

        return time_ms(select)

    detail = statistics.median(show_big_event() for _ in range(repeats))
    assert page.detail.attendees_model.rowCount() == BIG_EVENT_PEOPLE
    page.close()
    db.close()
    recorder.record("ref.events_sqlite_visible_rows_ms", raw, "ms", runs=repeats)
    recorder.record(
        "events.open_ms",
        opened,
        "ms",
        reference="ref.events_sqlite_visible_rows_ms",
        limit_ms=150,
        events=EVENTS,
        attendances=ATTENDANCES,
        runs=repeats,
    )
    recorder.record(
        "events.detail_ms", detail, "ms", limit_ms=80, attendees=BIG_EVENT_PEOPLE, runs=repeats
    )
