"""messages.csv in both layouts, what is left out, whose archive it is, and bad rows."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exchange.errors import BrokenQuotingError, ImportFileError
from desktop_app.exchange.linkedin_archive import ArchiveContents, read_linkedin_archive
from desktop_app.exchange.linkedin_messages import read_messages
from desktop_app.exchange.linkedin_owner import OwnerNotFoundError
from desktop_app.exchange.linkedin_records import MessageRecord
from desktop_app.exchange.linkedin_zip import open_archive
from tests.exchange.linkedin_export import (
    ANN,
    BEN_ROWS,
    EXPORT,
    ME,
    MESSAGES,
    MESSAGES_2018,
    MESSAGES_HEADER,
    NOW,
    TODAY,
    WINDOW,
    me_to,
    row,
    to_me,
    write_zip,
)


def read(path: Path, **options: Any) -> ArchiveContents:
    return read_linkedin_archive(path, today=TODAY, reply_window_days=WINDOW, now=NOW, **options)


def messages_of(path: Path, *, with_text: bool = False) -> list[MessageRecord]:
    with open_archive(path) as archive:
        return list(read_messages(archive, now=NOW, with_text=with_text))


def test_current_layout_message_records(write) -> None:  # type: ignore[no-untyped-def]
    messages = messages_of(write("messages.csv", MESSAGES), with_text=True)
    first = messages[0]
    assert (first.conversation_id, first.sender.name, first.sender.profile_url) == (
        "2-ann",
        "Alex Morgan",
        ME,
    )
    # A recipient whose name holds a comma keeps it, paired with the one address.
    assert [(p.name, p.profile_url) for p in first.recipients] == [("Ann Lee, PhD", ANN)]
    assert first.sent_at == dt.datetime(2026, 3, 1, 10, 0)
    assert first.text == "Hi Ann,\nLoved your talk & slides."  # markup stripped
    assert first.line == 2
    # A value over two lines: the next row's line counts both.
    assert (messages[1].text, messages[2].line) == ("Thanks, Alex!\nLet's talk.", 5)
    assert first.key == f"2-ann|{ME.casefold()}|2026-03-01T10:00:00"
    group = next(m for m in messages if m.conversation_id == "2-grp")
    assert group.conversation_title == "Launch crew"
    assert [p.name for p in group.recipients] == ["Eve Nakamura", "Finn O'Connor"]


def test_text_is_carried_only_when_asked(write) -> None:  # type: ignore[no-untyped-def]
    messages = messages_of(write("messages.csv", MESSAGES))
    assert {m.text for m in messages} == {""}


def test_left_out_rows_are_counted_by_reason(write) -> None:  # type: ignore[no-untyped-def]
    contents = read(write("messages.csv", MESSAGES), owner="Alex Morgan")
    assert contents.summary.skipped == {
        "draft": 1,
        "duplicate": 2,
        "no sender": 1,
        "spam": 1,
        "sponsored": 3,
    }
    names = {i.counterpart.name for i in contents.interactions}
    assert not names & {"LinkedIn Member", "Sponsored Conversation", "Crypto Guru", ""}
    assert contents.summary.messages == 14  # 22 rows: 6 left out, and a pair read twice


def test_the_2018_layout(write) -> None:  # type: ignore[no-untyped-def]
    contents = read(write("messages.csv", MESSAGES_2018))
    assert contents.owner is not None
    assert (contents.owner.person.name, contents.owner.found_by) == ("Alex Morgan", "messages")
    got = [
        (i.counterpart.name, i.occurred_on, i.initiated_by, i.reply_status)
        for i in contents.interactions
    ]
    assert got == [
        ("Gail Park", dt.date(2018, 10, 16), "me", "replied"),
        ("Hugo Ray", dt.date(2018, 11, 2), "me", "unanswered"),
    ]
    assert contents.summary.skipped == {"sponsored": 1}


def test_unknown_later_columns_are_ignored(write) -> None:  # type: ignore[no-untyped-def]
    header = MESSAGES_HEADER.rstrip("\n") + ",IS CONVERSATION DRAFT,REACTIONS\n"
    rows = "".join(line.rstrip("\n") + ",No,👍\n" for line in BEN_ROWS.splitlines(keepends=True))
    contents = read(write("messages.csv", header + rows), owner="Alex Morgan")
    assert [i.reply_status for i in contents.interactions] == ["replied"]


def test_untrusted_content_becomes_plain_one_screen_safe_text(write) -> None:  # type: ignore[no-untyped-def]
    hostile = "<script>alert(1)</script>\x1b]0;pwned\x07Hi\u202eevil &lt;b&gt;"
    path = write(
        "messages.csv",
        MESSAGES_HEADER
        + to_me(
            "2-h",
            "Eve\x1b[2J Hacker",
            "https://www.linkedin.com/in/h",
            "2026-01-01 09:00:00",
            hostile,
        ),
    )
    (message,) = messages_of(path, with_text=True)
    assert message.sender.name == "Eve[2J Hacker"
    assert message.text == "alert(1)]0;pwnedHievil <b>"


def test_owner_from_the_profile(tmp_path: Path) -> None:
    contents = read(write_zip(tmp_path / "export.zip", EXPORT))
    assert contents.owner is not None
    assert contents.owner.person.profile_url == ME  # found among the messages they sent
    assert contents.owner.found_by == "profile"


def test_owner_is_who_takes_part_in_most_conversations(tmp_path: Path) -> None:
    files = {k: v for k, v in EXPORT.items() if k != "Profile.csv"}
    contents = read(write_zip(tmp_path / "export.zip", files))
    assert contents.owner is not None
    assert (contents.owner.person.profile_url, contents.owner.found_by) == (ME, "messages")
    assert contents.summary.interactions == 12


def test_the_caller_can_say_whose_archive_it_is(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.zip", EXPORT)
    contents = read(path, owner=ANN)
    assert contents.owner is not None and contents.owner.person.name == "Ann Lee, PhD"
    assert {i.counterpart.name for i in contents.interactions} == {"Alex Morgan"}
    with pytest.raises(OwnerNotFoundError, match="no message was sent by “Zed Unknown”"):
        read(path, owner="Zed Unknown")


def test_a_messages_file_whose_owner_cannot_be_found(tmp_path: Path) -> None:
    # One conversation of two people and no profile: either could be the owner.
    path = write_zip(tmp_path / "export.zip", {"messages.csv": MESSAGES_HEADER + BEN_ROWS})
    with pytest.raises(OwnerNotFoundError) as caught:
        read(path)
    assert caught.value.message.startswith(
        "“export.zip”, messages.csv: cannot tell whose messages these are"
    )


def test_a_date_in_the_future_names_the_entry_and_line(tmp_path: Path) -> None:
    rows = BEN_ROWS + me_to(
        "2-f", "Fay Ng", "https://www.linkedin.com/in/fay", "2031-01-01 09:00:00"
    )
    path = write_zip(tmp_path / "export.zip", {**EXPORT, "messages.csv": MESSAGES_HEADER + rows})
    with pytest.raises(ImportFileError) as caught:
        read(path)
    assert caught.value.message.startswith(
        "“export.zip”, messages.csv, line 4: the message is dated 2031-01-01 09:00, in the future"
    )


def test_a_day_ahead_is_a_time_zone_not_the_future(write) -> None:  # type: ignore[no-untyped-def]
    tomorrow = f"{NOW + dt.timedelta(hours=20):%Y-%m-%d %H:%M:%S}"
    path = write(
        "messages.csv",
        MESSAGES_HEADER
        + BEN_ROWS
        + me_to("2-ben", "Ben Okafor", "https://www.linkedin.com/in/ben-okafor", tomorrow),
    )
    assert len(messages_of(path)) == 3


def test_a_date_that_is_not_one(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "messages.csv",
        MESSAGES_HEADER + row("2-x", "Ann", ANN, "Alex Morgan", ME, "yesterday", "Hi"),
    )
    with pytest.raises(
        ImportFileError, match=re.escape("“messages.csv”, line 2: “yesterday UTC” in the date")
    ):
        messages_of(path)


def test_broken_quoting_names_the_entry_and_line(tmp_path: Path) -> None:
    broken = (
        MESSAGES_HEADER
        + BEN_ROWS
        + '2-q,,Ann,x,Alex,y,2026-01-01 09:00:00 UTC,,"never closed,INBOX\n'
    )
    path = write_zip(tmp_path / "export.zip", {**EXPORT, "messages.csv": broken})
    with pytest.raises(BrokenQuotingError) as caught:
        read(path)
    assert caught.value.message.startswith("“export.zip”, messages.csv, line 4: a quoted value")


def test_a_profile_name_the_messages_do_not_use(tmp_path: Path) -> None:
    # Alex has since added a family name to the profile; the messages say who they are.
    profile = EXPORT["Profile.csv"].replace("Alex,Morgan,", "Alex,Morgan-Reyes,")
    contents = read(write_zip(tmp_path / "export.zip", {**EXPORT, "Profile.csv": profile}))
    assert contents.owner is not None
    assert (contents.owner.person.profile_url, contents.owner.found_by) == (ME, "messages")
    assert contents.summary.interactions == 12


def test_progress_follows_the_bytes_of_the_messages(write) -> None:  # type: ignore[no-untyped-def]
    rows = "".join(
        me_to(
            f"2-c{n}",
            f"Person {n}",
            f"https://www.linkedin.com/in/p{n}",
            f"2026-01-01 09:{n % 60:02d}:{n // 60 % 60:02d}",
        )
        for n in range(25_000)
    )
    path = write("messages.csv", MESSAGES_HEADER + rows)
    size = path.stat().st_size
    seen: list[tuple[int, int]] = []
    read(path, owner="Alex Morgan", progress=lambda done, total: seen.append((done, total)))
    assert [total for _, total in seen] == [size] * 3
    done = [d for d, _ in seen]
    assert done == sorted(done) and 0 < done[0] < done[1] < size and done[-1] == size
