"""What the archive's messages and invitations become: interactions, reply status, counts."""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exchange.errors import ImportFileError
from desktop_app.exchange.linkedin_archive import ArchiveContents, read_linkedin_archive
from desktop_app.exchange.linkedin_interactions import build_interactions
from desktop_app.exchange.linkedin_records import (
    InteractionRecord,
    MessageRecord,
    Owner,
    Person,
)
from tests.exchange.linkedin_export import (
    ANN,
    BEN,
    EXPORT,
    INVITATIONS,
    ME,
    MESSAGES,
    NOW,
    TODAY,
    WINDOW,
    me_to,
    write_zip,
)

ALEX = Person("Alex Morgan", ME)
KIM = Person("Kim Sato", "https://www.linkedin.com/in/kim-sato")


def read(path: Path, **options: Any) -> ArchiveContents:
    return read_linkedin_archive(path, today=TODAY, reply_window_days=WINDOW, now=NOW, **options)


def table(interactions: Iterable[InteractionRecord]) -> list[tuple[str, str, str, str, bool]]:
    return [
        (i.counterpart.name, i.occurred_on.isoformat(), i.initiated_by, i.reply_status, i.answered)
        for i in interactions
    ]


def test_each_conversation_becomes_interactions_with_reply_status(tmp_path: Path) -> None:
    contents = read(write_zip(tmp_path / "export.zip", EXPORT))
    one_to_one = [i for i in contents.interactions if not i.group]
    assert table(one_to_one) == [
        ("Ann Lee, PhD", "2026-03-01", "me", "replied", True),
        ("Ann Lee, PhD", "2026-04-01", "me", "unanswered", False),  # a nudge 19 days on:
        ("Ann Lee, PhD", "2026-04-20", "me", "unanswered", False),  # two in a row
        ("Ann Lee, PhD", "2026-05-10", "them", "none", True),  # her late answer, answered
        ("Ben Okafor", "2026-01-01", "me", "replied", True),  # answered on day 14
        ("Cleo Dubois", "2026-01-01", "me", "unanswered", False),  # day 15: too late,
        ("Cleo Dubois", "2026-01-16", "them", "none", False),  # so she starts afresh
        ("Dan Wu", "2026-06-20", "me", "awaiting", False),  # 10 days before today
    ]
    assert all(i.minutes == 0 for i in contents.interactions)
    ann = one_to_one[0]
    assert ann.counterpart.profile_url == ANN
    assert ann.key == f"2-ann|{ME.casefold()}|2026-03-01T10:00:00"
    assert ann.message_keys == (ann.key, f"2-ann|{ANN.casefold()}|2026-03-03T08:30:00")


def test_group_conversations_count_for_each_member_without_a_reply_expected(
    tmp_path: Path,
) -> None:
    contents = read(write_zip(tmp_path / "export.zip", EXPORT))
    group = [i for i in contents.interactions if i.group]
    assert table(group) == [
        ("Eve Nakamura", "2026-02-01", "me", "none", True),  # she wrote the next day
        ("Finn O'Connor", "2026-02-01", "me", "none", False),  # he, 19 days later
        ("Eve Nakamura", "2026-02-02", "them", "none", False),
        ("Finn O'Connor", "2026-02-20", "them", "none", False),
    ]
    assert len({i.key for i in contents.interactions}) == len(contents.interactions)


def test_the_summary_counts(tmp_path: Path) -> None:
    summary = read(write_zip(tmp_path / "export.zip", EXPORT)).summary
    assert (summary.messages, summary.conversations, summary.interactions) == (14, 5, 12)
    assert (summary.replied, summary.unanswered, summary.awaiting) == (2, 3, 1)
    assert summary.skipped == {
        "draft": 1,
        "duplicate": 2,
        "no sender": 1,
        "spam": 1,
        "sponsored": 3,
    }


def test_awaiting_turns_unanswered_when_the_window_passes(write) -> None:  # type: ignore[no-untyped-def]
    path = write("messages.csv", MESSAGES)
    statuses = {}
    for today in (dt.date(2026, 7, 4), dt.date(2026, 7, 5)):  # 14 and 15 days after
        contents = read_linkedin_archive(
            path, today=today, reply_window_days=WINDOW, now=NOW, owner="Alex Morgan"
        )
        (dan,) = [i for i in contents.interactions if i.counterpart.name == "Dan Wu"]
        statuses[today.day] = dan.reply_status
    assert statuses == {4: "awaiting", 5: "unanswered"}


def test_the_reply_window_is_a_parameter(write) -> None:  # type: ignore[no-untyped-def]
    contents = read_linkedin_archive(
        write("messages.csv", MESSAGES),
        today=TODAY,
        reply_window_days=30,
        now=NOW,
        owner="Alex Morgan",
    )
    ann = [i for i in contents.interactions if i.counterpart.name == "Ann Lee, PhD"]
    # Within 30 days, the nudges are one run, and her answer 20 days later replies to it.
    assert table(ann) == [
        ("Ann Lee, PhD", "2026-03-01", "me", "replied", True),
        ("Ann Lee, PhD", "2026-04-01", "me", "replied", True),
        ("Ann Lee, PhD", "2026-05-11", "me", "unanswered", False),
    ]


def test_text_of_the_messages_only_when_asked(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.zip", EXPORT)
    assert {i.text for i in read(path).interactions} == {""}
    ben = next(
        i for i in read(path, with_text=True).interactions if i.counterpart.profile_url == BEN
    )
    assert ben.text == "Alex Morgan: Hi!\n\nBen Okafor: Hello!"


def message(sender: Person, to: Person, when: str, cid: str = "c1") -> MessageRecord:
    sent_at = dt.datetime.fromisoformat(when)
    return MessageRecord(
        cid,
        "",
        sender,
        (to,),
        sent_at,
        sent_at.date(),
        "",
        "",
        "INBOX",
        "",
        "messages.csv",
        2,
    )


def test_a_run_of_their_messages_then_mine_on_the_same_day() -> None:
    thread = [
        message(KIM, ALEX, "2026-05-01 09:00"),
        message(KIM, ALEX, "2026-05-01 09:01"),
        message(ALEX, KIM, "2026-05-01 18:00"),
        message(ALEX, KIM, "2026-06-01 18:00"),  # a new outreach, a month later
    ]
    interactions, summary = build_interactions(
        thread, Owner(ALEX, "given"), today=TODAY, reply_window_days=WINDOW
    )
    assert table(interactions) == [
        ("Kim Sato", "2026-05-01", "them", "none", True),
        ("Kim Sato", "2026-06-01", "me", "unanswered", False),
    ]
    assert len(interactions[0].message_keys) == 3
    assert (summary.messages, summary.conversations, summary.unanswered) == (4, 1, 1)


def test_keys_are_stable_from_one_export_to_the_next(tmp_path: Path) -> None:
    first = read(write_zip(tmp_path / "first.zip", EXPORT))
    # A later export: newest first (as LinkedIn writes them), and one message more.
    header, *rows = csv.reader(io.StringIO(MESSAGES, newline=""))
    text = io.StringIO()
    csv.writer(text, lineterminator="\n").writerows([header, *reversed(rows)])
    newer = me_to("2-ben", "Ben Okafor", BEN, "2026-06-28 09:00:00", "Coffee soon?")
    later_export = {**EXPORT, "messages.csv": text.getvalue() + newer}
    later = read(write_zip(tmp_path / "later.zip", later_export))
    old_keys = {key for i in first.interactions for key in i.message_keys}
    new_keys = {key for i in later.interactions for key in i.message_keys}
    assert new_keys - old_keys == {f"2-ben|{ME.casefold()}|2026-06-28T09:00:00"}
    assert old_keys <= new_keys


def test_invitations_say_who_reached_out_first(tmp_path: Path) -> None:
    invitations = read(write_zip(tmp_path / "export.zip", EXPORT)).invitations
    got = [
        (o.counterpart.name, o.sent_on.isoformat(), o.initiated_by) for o in invitations.outcomes
    ]
    assert got == [
        ("Ivy Chen", "2026-05-02", "them"),  # she invited me: she reached out first
        ("Ben Okafor", "2025-12-20", "me"),  # I invited him and he accepted: our first contact
    ]
    assert (invitations.received, invitations.accepted, invitations.never_accepted) == (1, 1, 1)


def test_an_invitation_with_a_bad_date_names_the_entry_and_line(tmp_path: Path) -> None:
    bad = INVITATIONS + 'Kai Berg,Alex Morgan,"soon",,INCOMING,https://www.linkedin.com/in/kai,\n'
    path = write_zip(tmp_path / "export.zip", {**EXPORT, "Invitations.csv": bad})
    with pytest.raises(ImportFileError) as caught:
        read(path)
    assert caught.value.message == (
        "“export.zip”, Invitations.csv, line 5: “soon” in Sent At is not a date."
    )
    future = INVITATIONS + f'Kai Berg,Alex Morgan,"1/2/31, 9:00 AM",,INCOMING,x,{ME}\n'
    path = write_zip(tmp_path / "export.zip", {**EXPORT, "Invitations.csv": future})
    with pytest.raises(ImportFileError, match="line 5: the invitation is dated 2031-01-02"):
        read(path)


def test_an_archive_without_messages_has_its_profile_owner_and_no_interactions(
    tmp_path: Path,
) -> None:
    files = {k: v for k, v in EXPORT.items() if k != "messages.csv"}
    contents = read(write_zip(tmp_path / "export.zip", files))
    assert contents.owner is not None and contents.owner.person.name == "Alex Morgan"
    assert contents.interactions == () and contents.summary.messages == 0
    assert contents.profile is not None and contents.profile.location == "Lisbon, Portugal"
    assert contents.invitations.accepted == 1


def test_messages_to_linkedin_itself_are_no_ones_interactions(write) -> None:  # type: ignore[no-untyped-def]
    coach = me_to("2-coach", "LinkedIn Career Coach", "", "2026-03-01 10:00:00", "Help me")
    contents = read(write("messages.csv", MESSAGES + coach), owner="Alex Morgan")
    assert "LinkedIn Career Coach" not in {i.counterpart.name for i in contents.interactions}
    assert contents.summary.skipped["no other person"] == 1


def test_interactions_are_dated_by_the_day_where_the_user_is(write) -> None:  # type: ignore[no-untyped-def]
    path = write("messages.csv", MESSAGES)
    hawaii = dt.timezone(dt.timedelta(hours=-10))
    contents = read(path, owner="Alex Morgan", zone=hawaii)
    ben = [i for i in contents.interactions if i.counterpart.profile_url == BEN]
    # Sent 2026-01-01 09:00 UTC, 23:00 the day before in Hawaii; Ben's answer on
    # 2026-01-15 23:00 UTC is 13:00 that day there: 15 days later, past the window.
    assert table(ben) == [
        ("Ben Okafor", "2025-12-31", "me", "unanswered", False),
        ("Ben Okafor", "2026-01-15", "them", "none", False),
    ]
    # The keys stay those of the UTC times, whatever the zone.
    assert ben[0].key == f"2-ben|{ME.casefold()}|2026-01-01T09:00:00"
