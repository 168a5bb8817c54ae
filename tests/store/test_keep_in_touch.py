"""Keep in touch in the store: the overdue list, every way the clock resets, cadences by
verdict, tag and contact, snooze, and undo of each write."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from sqlalchemy import text

from desktop_app.exchange.jsonformat import dump_dataset, load_dataset
from desktop_app.insights import keep_in_touch as rules
from desktop_app.store import event_people, events
from desktop_app.store import keep_in_touch as kit
from desktop_app.store.changes import change
from desktop_app.store.contacts import add_tag, create_contact
from desktop_app.store.database import open_database
from desktop_app.store.errors import InvalidInputError
from desktop_app.store.evidence_writes import EvidenceRow, write_evidence
from desktop_app.store.exporter import export_dataset
from desktop_app.store.interactions import delete_interaction, log_interaction
from desktop_app.store.json_restore import restore_dataset
from desktop_app.store.records import InteractionInput
from desktop_app.store.scores import ensure_insights_current
from tests.store.conftest import person

pytestmark = pytest.mark.both_databases

ADDED = dt.date.today()  # contacts are added today, by the real clock
LATER = rules.add_months(ADDED, 3)  # a day when everyone monthly is overdue


def overdue_ids(db, today: dt.date = LATER) -> list[int]:  # type: ignore[no-untyped-def]
    return [row.contact_id for row in kit.read_overdue(db, today)]


def add(db, name: str, cadence: str | None = rules.MONTH) -> int:  # type: ignore[no-untyped-def]
    contact_id = create_contact(db, person(name)).value
    if cadence is not None:
        kit.set_contact_cadence(db, [contact_id], cadence)
    return contact_id


def last_touch(db, contact_id: int) -> str | None:  # type: ignore[no-untyped-def]
    with db.transaction() as session:
        return session.execute(
            text("SELECT last_interaction_on FROM contacts WHERE id = :id"), {"id": contact_id}
        ).scalar()


def test_no_interaction_yet_counts_from_the_day_the_contact_was_added(database) -> None:  # type: ignore[no-untyped-def]
    ada = add(database, "Ada")
    due = rules.add_months(ADDED, 1)
    assert overdue_ids(database, due - dt.timedelta(days=1)) == []
    [row] = kit.read_overdue(database, due + dt.timedelta(days=4))
    assert (row.contact_id, row.name, row.cadence) == (ada, "Ada", rules.MONTH)
    assert (row.last_touch_on, row.due_on, row.days_overdue) == (ADDED, due, 4)


def test_a_clock_moved_backwards_lists_nobody(database) -> None:  # type: ignore[no-untyped-def]
    add(database, "Ada", rules.TWO_WEEKS)
    assert overdue_ids(database, ADDED - dt.timedelta(days=30)) == []


def test_an_interaction_logged_by_hand_resets_the_clock_and_deleting_it_undoes_that(
    database,
) -> None:  # type: ignore[no-untyped-def]
    ada = add(database, "Ada")
    assert overdue_ids(database) == [ada]
    logged = log_interaction(database, InteractionInput(ada, LATER - dt.timedelta(days=3)))
    assert overdue_ids(database) == []
    delete_interaction(database, logged.value)
    assert overdue_ids(database) == [ada]


def test_an_event_conversation_resets_the_clock(database) -> None:  # type: ignore[no-untyped-def]
    ada, bob = add(database, "Ada"), add(database, "Bob")
    starts = dt.datetime.combine(LATER - dt.timedelta(days=2), dt.time(18))
    event_id = events.create_event(database, events.EventInput(name="Mixer", starts_at=starts))
    events.set_attendance(database, event_id, ada, "met")
    event_people.follow_up_everyone_met(database, event_id, LATER)
    assert overdue_ids(database) == [bob]


def test_imported_evidence_resets_the_clock(database) -> None:  # type: ignore[no-untyped-def]
    ada, bob = add(database, "Ada"), add(database, "Bob")
    row = EvidenceRow(
        "ics:" + "1" * 40, "ada", LATER - dt.timedelta(days=1), "meeting", "them", "none", 30
    )
    with database.transaction() as session:
        write_evidence(session.connection(), [row], {"ada": ada}, "ics", dt.datetime.now())
    assert last_touch(database, ada) is not None
    assert overdue_ids(database) == [bob]


def test_a_json_restore_carries_cadences_and_last_touches(database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ada, bob = add(database, "Ada"), add(database, "Bob", rules.YEAR)
    log_interaction(database, InteractionInput(ada, LATER - dt.timedelta(days=5)))
    kit.snooze_contacts(database, [bob], LATER + dt.timedelta(days=400))
    stream = io.StringIO()
    dump_dataset(export_dataset(database), stream)
    path = tmp_path / "export.json"
    path.write_text(stream.getvalue(), encoding="utf-8")
    restored = open_database(str(tmp_path / "restored.sqlite3"))
    restore_dataset(restored, load_dataset(path), source=str(path))
    later_still = rules.add_months(LATER, 14)
    assert overdue_ids(restored, LATER) == []
    assert set(overdue_ids(restored, later_still)) == {ada, bob}
    restored.close()


def test_verdict_defaults_apply_and_can_be_changed(database, network) -> None:  # type: ignore[no-untyped-def]
    ensure_insights_current(database)
    with database.transaction() as session:
        verdicts = dict(
            session.execute(
                text(
                    "SELECT s.contact_id, s.verdict FROM contact_scores s"
                    " JOIN contacts c ON c.id = s.contact_id WHERE c.status != 'archived'"
                )
            ).all()
        )
    assert kit.read_cadence_defaults(database) == rules.VERDICT_DEFAULTS
    far = rules.add_months(ADDED, 24)
    expected = {
        contact
        for contact, verdict in verdicts.items()
        if rules.VERDICT_DEFAULTS[verdict] != "never"
    }
    listed = kit.read_overdue(database, far)
    assert {row.contact_id for row in listed} == expected
    assert all(row.cadence == rules.VERDICT_DEFAULTS[row.verdict] for row in listed)
    everyone_never = dict.fromkeys(rules.VERDICT_DEFAULTS, rules.NEVER)
    previous = kit.write_cadence_defaults(database, everyone_never)
    assert previous == rules.VERDICT_DEFAULTS
    assert overdue_ids(database, far) == []
    some_verdict = next(iter(verdicts.values()))
    kit.write_cadence_defaults(database, {some_verdict: rules.YEAR})
    assert set(overdue_ids(database, far)) == {c for c, v in verdicts.items() if v == some_verdict}
    with pytest.raises(InvalidInputError):
        kit.write_cadence_defaults(database, {"loved": rules.YEAR})
    with pytest.raises(InvalidInputError):
        kit.write_cadence_defaults(database, {some_verdict: "weekly"})


def test_a_contact_cadence_beats_a_tag_cadence_which_beats_the_verdict(database) -> None:  # type: ignore[no-untyped-def]
    ada, bob, cy = add(database, "Ada", None), add(database, "Bob", None), add(database, "Cy", None)
    assert overdue_ids(database) == []  # not scored, no tag, no own cadence: never
    add_tag(database, [ada, bob], "mentor")
    add_tag(database, [ada], "climate")
    with database.transaction() as session:
        tags = dict(session.execute(text("SELECT name, id FROM tags")).all())
    written = kit.set_tag_cadence(database, tags["mentor"], rules.HALF_YEAR)
    assert written.value is None and written.change == change(edited=[ada, bob])
    kit.set_tag_cadence(database, tags["climate"], rules.TWO_WEEKS)
    in_a_month = rules.add_months(ADDED, 1)
    assert overdue_ids(database, in_a_month) == [ada]  # the shortest of Ada's tags
    kit.set_contact_cadence(database, [ada], rules.YEAR)
    assert overdue_ids(database, in_a_month) == []
    assert set(overdue_ids(database, rules.add_months(ADDED, 7))) == {bob}
    assert cy not in overdue_ids(database, rules.add_months(ADDED, 30))
    add_tag(database, [cy], "climate")  # a new tag counts once the contact is rescored
    ensure_insights_current(database)
    assert cy in overdue_ids(database, in_a_month)
    with pytest.raises(InvalidInputError, match="no longer exists"):
        kit.set_tag_cadence(database, 9999, rules.YEAR)


def test_a_cadence_change_for_many_is_undone_to_each_ones_previous(database) -> None:  # type: ignore[no-untyped-def]
    ada, bob, cy = add(database, "Ada", rules.YEAR), add(database, "Bob", None), add(database, "Cy")
    written = kit.set_contact_cadence(database, [ada, bob, cy, 9999], rules.TWO_WEEKS)
    assert written.change == change(edited=[ada, bob, cy])  # the missing id is skipped
    assert written.value == {ada: rules.YEAR, bob: None, cy: rules.MONTH}
    assert set(overdue_ids(database, ADDED + dt.timedelta(days=14))) == {ada, bob, cy}
    assert kit.restore_contact_cadence(database, written.value) == change(edited=[ada, bob, cy])
    assert overdue_ids(database, rules.add_months(ADDED, 1)) == [cy]
    with pytest.raises(InvalidInputError, match="Unknown cadence"):
        kit.set_contact_cadence(database, [ada], "weekly")


def test_snooze_hides_until_its_day_and_is_undone(database) -> None:  # type: ignore[no-untyped-def]
    ada, bob = add(database, "Ada"), add(database, "Bob")
    snoozed = kit.snooze_contacts(database, [ada], LATER + dt.timedelta(days=7))
    assert snoozed.value == {ada: None} and snoozed.change == change(edited=[ada])
    assert overdue_ids(database) == [bob]
    assert set(overdue_ids(database, LATER + dt.timedelta(days=7))) == {ada, bob}
    kit.restore_snoozes(database, snoozed.value)
    assert set(overdue_ids(database)) == {ada, bob}
    kit.snooze_contacts(database, [ada, bob], LATER + dt.timedelta(days=30))
    woken = kit.unsnooze_contacts(database, [bob])
    assert overdue_ids(database) == [bob]
    kit.restore_snoozes(database, woken.value)
    assert overdue_ids(database) == []


def test_archived_contacts_are_left_out(database) -> None:  # type: ignore[no-untyped-def]
    ada = add(database, "Ada")
    with database.transaction() as session:
        session.execute(text("UPDATE contacts SET status = 'archived' WHERE id = :id"), {"id": ada})
    assert overdue_ids(database) == []


def test_without_alignment_the_most_overdue_come_first(database) -> None:  # type: ignore[no-untyped-def]
    ada, bob, cy = add(database, "Ada"), add(database, "Bob"), add(database, "Cy")
    for contact, days_ago in ((ada, 40), (bob, 90), (cy, 60)):
        log_interaction(database, InteractionInput(contact, LATER - dt.timedelta(days=days_ago)))
    assert overdue_ids(database) == [bob, cy, ada]


def test_the_list_is_ordered_by_alignment_and_lateness(demo_database) -> None:  # type: ignore[no-untyped-def]
    ensure_insights_current(demo_database)
    with demo_database.transaction() as session:
        ids = session.execute(text("SELECT id FROM contacts")).scalars().all()
    kit.set_contact_cadence(demo_database, ids, rules.MONTH)
    rows = kit.read_overdue(demo_database, rules.add_months(ADDED, 5))
    keys = [
        rules.priority(r.alignment, r.days_overdue, (r.due_on - r.last_touch_on).days) for r in rows
    ]
    # The database sorts by the rule spelled in SQL: exactly the rule's order, ties by id.
    by_rule = sorted(
        zip(keys, (r.contact_id for r in rows), strict=True), key=lambda k: (-k[0], k[1])
    )
    assert [r.contact_id for r in rows] == [contact_id for _key, contact_id in by_rule]
    assert len(rows) > 100 and keys == sorted(keys, reverse=True)
    assert len({row.alignment for row in rows}) > 5
    assert rows[0].alignment == max(row.alignment or 0 for row in rows)


def test_the_list_reads_as_ids_then_rows_of_those_shown(database) -> None:  # type: ignore[no-untyped-def]
    ada, bob, cy = add(database, "Ada"), add(database, "Bob"), add(database, "Cy", rules.YEAR)
    log_interaction(database, InteractionInput(bob, LATER - dt.timedelta(days=70)))
    assert kit.read_overdue_ids(database, LATER) == [ada, bob]
    rows = kit.read_overdue_rows(database, [bob, cy], LATER)
    assert set(rows) == {bob}  # Cy is not due: no row
    assert rows[bob].last_touch_on == LATER - dt.timedelta(days=70)
    assert rows[bob].due_on == rules.add_months(LATER - dt.timedelta(days=70), 1)


def test_the_ordered_ids_come_with_the_aligned_count_in_one_read(demo_database) -> None:  # type: ignore[no-untyped-def]
    ensure_insights_current(demo_database)
    far = rules.add_months(ADDED, 24)
    found = kit.read_overdue_list(demo_database, far)
    assert found.ids == kit.read_overdue_ids(demo_database, far)
    assert (len(found.ids), found.aligned) == kit.overdue_counts(demo_database, far)
    assert 0 < found.aligned < len(found.ids)


def test_a_database_of_revision_0004_gets_due_days_on_its_first_scoring(tmp_path) -> None:  # type: ignore[no-untyped-def]
    saved = Path(__file__).parent.parent / "data" / "schemas" / "0004.sqlite3"
    copy = tmp_path / "old.sqlite3"
    copy.write_bytes(saved.read_bytes())
    db = open_database(str(copy), backup_dir=tmp_path / "backups")
    with db.transaction() as session:
        assert session.execute(text("SELECT count(touch_due_on) FROM contacts")).scalar() == 0
    assert ensure_insights_current(db).full  # the upgrade asked for a full rescoring
    with db.transaction() as session:
        assert session.execute(text("SELECT count(touch_due_on) FROM contacts")).scalar() > 100
    assert kit.read_cadence_defaults(db) == rules.VERDICT_DEFAULTS
    assert len(kit.read_overdue(db, rules.add_months(ADDED, 24))) > 100
    db.close()


def test_overdue_counts_for_the_dashboard(demo_database) -> None:  # type: ignore[no-untyped-def]
    ensure_insights_current(demo_database)
    far = rules.add_months(ADDED, 24)
    rows = kit.read_overdue(demo_database, far)
    with demo_database.transaction() as session:
        aligned = set(
            session.execute(text("SELECT contact_id FROM contact_scores WHERE aligned")).scalars()
        )
    assert kit.overdue_counts(demo_database, far) == (
        len(rows),
        sum(1 for row in rows if row.contact_id in aligned),
    )
    assert 0 < kit.overdue_counts(demo_database, far)[1] < len(rows)
    assert kit.overdue_counts(demo_database, ADDED - dt.timedelta(days=3650)) == (0, 0)


def test_a_json_file_with_an_unknown_cadence_is_refused_whole(database, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.exchange.errors import WrongFormatError

    ada = add(database, "Ada")
    kit.write_cadence_defaults(database, {"nurture": rules.YEAR})
    stream = io.StringIO()
    dump_dataset(export_dataset(database), stream)
    path = tmp_path / "export.json"
    path.write_text(stream.getvalue().replace('"1m"', '"weekly"'), encoding="utf-8")
    restored = open_database(str(tmp_path / "restored.sqlite3"))
    with pytest.raises(WrongFormatError, match="touch_cadence “weekly” is not one of"):
        restore_dataset(restored, load_dataset(path), source=str(path))
    # A default that names no cadence (edited by hand) reads as the built-in one.
    path.write_text(stream.getvalue().replace(f'"{rules.YEAR}"', '"weekly"'), encoding="utf-8")
    restore_dataset(restored, load_dataset(path), source=str(path))
    assert kit.read_cadence_defaults(restored) == rules.VERDICT_DEFAULTS
    assert ada in overdue_ids(restored)
    restored.close()


def test_the_day_added_is_the_users_local_day(database, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import time

    # 20:00 UTC on 1 March is already 2 March in Kiritimati (UTC+14).
    monkeypatch.setenv("TZ", "Pacific/Kiritimati")
    time.tzset()
    try:
        ann = create_contact(database, person("Ann")).value
        with database.transaction() as session:
            session.execute(
                text("UPDATE contacts SET created_at = '2026-03-01 20:00:00' WHERE id = :id"),
                {"id": ann},
            )
        kit.set_contact_cadence(database, [ann], rules.TWO_WEEKS)
        assert overdue_ids(database, dt.date(2026, 3, 15)) == []
        assert overdue_ids(database, dt.date(2026, 3, 16)) == [ann]
    finally:
        monkeypatch.undo()
        time.tzset()
