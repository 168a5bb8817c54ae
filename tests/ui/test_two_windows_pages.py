"""Two windows on one server database: the Events and Goal & Pitch pages show what the other
window wrote within two seconds, or the next time they are shown."""

from __future__ import annotations

import datetime as dt
import time
from contextlib import contextmanager
from dataclasses import replace

from desktop_app.insights.goal_profile import GoalProfile, PitchDraft
from desktop_app.store.events import EventInput, create_event, update_event
from desktop_app.store.goals import save_goal_version
from desktop_app.ui.events.event_dialog import EventDialog
from tests.ui.conftest import make_window
from tests.ui.contacts_helpers import fill_network
from tests.ui.dashboard_helpers import wait_settled
from tests.ui.dialogs import when_dialog_opens
from tests.ui.events_helpers import visible_names

NOTICE_MS = 2_000
THEIRS = GoalProfile(statement="Theirs")
MEETUP = EventInput("Climate Meetup", dt.datetime(2026, 3, 12, 18, 30), place="Kulturbrauerei")


@contextmanager
def two_windows(qtbot, url: str):  # type: ignore[no-untyped-def]
    """Two windows on the server database ``url``, closed when the test ends."""
    first, second = make_window(qtbot, url), make_window(qtbot, url)  # type: ignore[arg-type]
    try:
        yield first, second
    finally:
        first.close()
        second.close()


def goal_versions(page) -> list[str]:  # type: ignore[no-untyped-def]
    model = page.history_model
    return [model.index(row).data() for row in range(model.rowCount())]


def test_an_event_added_in_one_window_appears_in_the_others_events_page(
    qtbot, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    with two_windows(qtbot, postgres_url) as (first, second):
        first.show_page("events")
        second.show_page("events")
        adding, watching = first.page("events"), second.page("events")
        assert visible_names(watching) == []

        def add(dialog: EventDialog) -> None:
            qtbot.keyClicks(dialog.name, "Climate Meetup")
            qtbot.keyClicks(dialog.place, "Kulturbrauerei")
            dialog.accept()

        when_dialog_opens(add, kind=EventDialog)
        started = time.monotonic()
        adding.new_event()
        qtbot.waitUntil(lambda: visible_names(watching) == ["Climate Meetup"], timeout=NOTICE_MS)
        assert time.monotonic() - started < NOTICE_MS / 1000
        qtbot.waitUntil(lambda: watching.detail.heading.text() == "Climate Meetup", timeout=1000)
        second.grab().save("/tmp/pgpages-events-elsewhere.png")


def test_an_event_edited_in_one_window_is_renamed_in_the_other(qtbot, postgres_url: str) -> None:  # type: ignore[no-untyped-def]
    with two_windows(qtbot, postgres_url) as (first, second):
        first.show_page("events")
        second.show_page("events")
        editing, watching = first.page("events"), second.page("events")
        create_event(second.controller.database, MEETUP)
        qtbot.waitUntil(lambda: visible_names(editing) == ["Climate Meetup"], timeout=NOTICE_MS)
        watching.reload()

        def rename(dialog: EventDialog) -> None:
            dialog.name.selectAll()
            qtbot.keyClicks(dialog.name, "Climate Meetup Berlin")
            dialog.accept()

        when_dialog_opens(rename, kind=EventDialog)
        editing.edit_event()
        renamed = ["Climate Meetup Berlin"]
        qtbot.waitUntil(lambda: visible_names(watching) == renamed, timeout=NOTICE_MS)
        assert watching.detail.heading.text() == "Climate Meetup Berlin"


def test_an_open_event_dialog_keeps_what_was_typed_while_the_page_reads_the_other_windows_edit(
    qtbot, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    with two_windows(qtbot, postgres_url) as (first, second):
        first.show_page("events")
        second.show_page("events")
        watching = second.page("events")
        event_id = create_event(first.controller.database, MEETUP)
        qtbot.waitUntil(lambda: visible_names(watching) == ["Climate Meetup"], timeout=NOTICE_MS)
        seen: list[str] = []

        def edit_while_the_other_saves(dialog: EventDialog) -> None:
            qtbot.keyClicks(dialog.notes, "Ask about the grant")
            update_event(
                first.controller.database, event_id, replace(MEETUP, name="Climate Meetup Berlin")
            )
            qtbot.waitUntil(
                lambda: visible_names(watching) == ["Climate Meetup Berlin"], timeout=NOTICE_MS
            )
            seen.append(dialog.name.text())
            seen.append(dialog.notes.toPlainText())
            dialog.accept()  # saved over the other window's edit: refused
            seen.append(dialog.problem.text() if dialog.isVisible() else "")
            dialog.done(0)

        when_dialog_opens(edit_while_the_other_saves, kind=EventDialog)
        watching.edit_event()
        qtbot.waitUntil(lambda: len(seen) == 3)
        assert seen[:2] == ["Climate Meetup", "Ask about the grant"]
        assert "changed elsewhere meanwhile — reload" in seen[2]
        assert visible_names(watching) == ["Climate Meetup Berlin"]


def test_an_event_added_elsewhere_while_the_events_page_is_hidden_shows_when_it_is_shown(
    qtbot, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    with two_windows(qtbot, postgres_url) as (first, second):
        second.show_page("events")
        watching = second.page("events")
        second.show_page("contacts")
        with qtbot.waitSignal(second.changes.changed, timeout=NOTICE_MS):
            create_event(first.controller.database, MEETUP)
        second.show_page("events")
        assert visible_names(watching) == ["Climate Meetup"]


def test_a_goal_saved_in_one_window_shows_in_the_others_goal_page_and_dashboard(
    qtbot, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    fill_network(postgres_url)  # type: ignore[arg-type]
    with two_windows(qtbot, postgres_url) as (first, second):
        save_goal_version(second.controller.database, GoalProfile(statement="Ours"), PitchDraft())
        second.show_page("goal")
        goal_page = second.page("goal")
        goal_page.reload()  # as after this window's own wizard
        qtbot.waitUntil(lambda: "Ours" in goal_page.viewer.toPlainText(), timeout=NOTICE_MS)
        assert len(goal_versions(goal_page)) == 1

        started = time.monotonic()
        save_goal_version(first.controller.database, THEIRS, PitchDraft())
        qtbot.waitUntil(lambda: len(goal_versions(goal_page)) == 2, timeout=NOTICE_MS)
        qtbot.waitUntil(lambda: "Theirs" in goal_page.viewer.toPlainText(), timeout=NOTICE_MS)
        assert time.monotonic() - started < NOTICE_MS / 1000
        assert goal_page.shown is not None and goal_page.shown.is_active
        second.grab().save("/tmp/pgpages-goal-elsewhere.png")

        second.show_page("dashboard")
        dashboard = wait_settled(qtbot, second)
        assert dashboard.content is not None
        assert dashboard.content.goal_line.text() == "Goal: Theirs"


def test_a_goal_saved_elsewhere_while_the_goal_page_is_hidden_shows_when_it_is_shown(
    qtbot, postgres_url: str
) -> None:  # type: ignore[no-untyped-def]
    with two_windows(qtbot, postgres_url) as (first, second):
        second.show_page("goal")
        goal_page = second.page("goal")
        assert goal_versions(goal_page) == []
        second.show_page("contacts")
        with qtbot.waitSignal(second.changes.changed, timeout=NOTICE_MS):
            save_goal_version(first.controller.database, THEIRS, PitchDraft())
        second.show_page("goal")
        assert len(goal_versions(goal_page)) == 1
        assert "Theirs" in goal_page.viewer.toPlainText()
