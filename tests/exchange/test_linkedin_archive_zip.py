"""LinkedIn's export as a ZIP, a folder or one CSV; kinds by header; unsafe ZIPs refused."""

from __future__ import annotations

import re
import struct
from pathlib import Path
from typing import Any

import pytest

from desktop_app.exchange.errors import (
    FileTooLargeError,
    ImportFileError,
    NotTextError,
    UnknownEncodingError,
    WrongFormatError,
)
from desktop_app.exchange.linkedin_archive import ArchiveContents, read_linkedin_archive
from desktop_app.exchange.linkedin_zip import open_archive
from tests.exchange.linkedin_export import (
    EXPORT,
    MESSAGES,
    MESSAGES_HEADER,
    NOW,
    TODAY,
    WINDOW,
    me_to,
    write_folder,
    write_zip,
)


def read(path: Path, **options: Any) -> ArchiveContents:
    return read_linkedin_archive(path, today=TODAY, reply_window_days=WINDOW, now=NOW, **options)


def test_the_zip_as_linkedin_sends_it(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.zip", EXPORT)
    contents = read(path)
    # Other files of the export (job applications, rich media) are recognised as none.
    assert contents.kinds == ("profile", "connections", "invitations", "messages")
    assert contents.owner is not None and contents.owner.person.name == "Alex Morgan"
    (connections,) = contents.connections
    assert [c.name() for c in connections.records] == ["Ann Lee, PhD", "Ben Okafor", "Dan Wu"]
    assert connections.header_line == 4 and connections.source == "export.zip, Connections.csv"
    assert contents.summary.messages == 14 and contents.summary.interactions == 12
    assert contents.invitations.received == 1


def test_the_unzipped_folder_gives_the_same(tmp_path: Path) -> None:
    zipped = read(write_zip(tmp_path / "Complete_LinkedInDataExport_06-30-2026.zip", EXPORT))
    unzipped = read(write_folder(tmp_path / "Complete_LinkedInDataExport_06-30-2026", EXPORT))
    assert unzipped.summary == zipped.summary
    assert unzipped.interactions == zipped.interactions


def test_files_are_recognised_by_their_header_whatever_their_name(tmp_path: Path) -> None:
    renamed = {
        "inbox (1).csv": EXPORT["messages.csv"],
        "me.CSV": EXPORT["Profile.csv"],
        "deep/down/people.txt": EXPORT["Connections.csv"],
        "invites": EXPORT["Invitations.csv"],
    }
    with open_archive(write_zip(tmp_path / "renamed.zip", renamed)) as archive:
        assert {(e.name, e.kind) for e in archive.entries} == {
            ("inbox (1).csv", "messages"),
            ("me.CSV", "profile"),
            ("deep/down/people.txt", "connections"),
            ("invites", "invitations"),
        }


def test_one_csv_of_the_export_alone(tmp_path: Path) -> None:
    path = tmp_path / "my messages.csv"
    path.write_text(MESSAGES, encoding="utf-8")
    contents = read(path, owner="Alex Morgan")
    assert contents.kinds == ("messages",)
    assert contents.summary.interactions == 12 and contents.connections == ()


def test_a_zip_of_something_else_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "holiday.zip", {"notes.txt": "sun", "photo.jpg": b"\xff\xd8\xff"})
    with pytest.raises(WrongFormatError) as caught:
        read(path)
    assert caught.value.message.startswith("“holiday.zip”: this ZIP is not a LinkedIn data export")


def test_a_csv_of_something_else_and_a_binary_file_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "budget.csv"
    other.write_text("Month,Rent,Food\nJan,900,300\n")
    with pytest.raises(
        WrongFormatError, match=re.escape("“budget.csv”: this is not a file of LinkedIn")
    ):
        read(other)
    binary = tmp_path / "messages.csv"
    binary.write_bytes(b"\x00\x01\x02binary" * 100)
    with pytest.raises(NotTextError, match=re.escape("“messages.csv”: this is a binary file")):
        read(binary)


def test_names_leaving_the_archive_are_ignored_and_never_read(tmp_path: Path) -> None:
    evil = MESSAGES_HEADER + me_to(
        "2-x", "Mallory", "https://www.linkedin.com/in/m", "2026-01-01 09:00:00"
    )
    files = {
        **EXPORT,
        "../messages.csv": evil,
        "/etc/messages.csv": evil,
        "..\\..\\messages.csv": evil,
        "C:/Users/messages.csv": evil,
    }
    contents = read(write_zip(tmp_path / "export.zip", files))
    assert sorted(contents.ignored_names) == sorted(
        ["../messages.csv", "/etc/messages.csv", "..\\..\\messages.csv", "C:/Users/messages.csv"]
    )
    assert "Mallory" not in {i.counterpart.name for i in contents.interactions}
    assert not list(tmp_path.parent.glob("messages.csv"))  # nothing was extracted


def test_a_highly_compressed_entry_is_refused_as_a_zip_bomb(tmp_path: Path) -> None:
    bomb = MESSAGES_HEADER.encode() + b"0" * 5_000_000
    path = write_zip(
        tmp_path / "export.zip", {"Profile.csv": EXPORT["Profile.csv"], "messages.csv": bomb}
    )
    with pytest.raises(FileTooLargeError) as caught:
        read(path)
    assert caught.value.message.startswith("“export.zip”, messages.csv: it expands")
    assert "ZIP bomb" in caught.value.message


def _declare_size(path: Path, name: str, size: int) -> None:
    """Rewrite the central directory so that ``name`` claims ``size`` bytes uncompressed."""
    data = bytearray(path.read_bytes())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        name_length = struct.unpack_from("<H", data, start + 28)[0]
        if data[start + 46 : start + 46 + name_length] == name.encode():
            struct.pack_into("<I", data, start + 24, size)
            struct.pack_into("<I", data, start + 20, size // 50)
        start += 4
    path.write_bytes(bytes(data))


def test_an_archive_expanding_past_a_gigabyte_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.zip", EXPORT)
    _declare_size(path, "messages.csv", 2_000_000_000)
    with pytest.raises(FileTooLargeError) as caught:
        read(path)
    assert caught.value.message.startswith("“export.zip”: the archive expands to 2,000 MB")
    assert "ZIP bomb" in caught.value.message


def _mark_encrypted(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 0x1
            start += 4
    path.write_bytes(bytes(data))


def test_an_encrypted_zip_gets_a_message(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.zip", {"messages.csv": MESSAGES})
    _mark_encrypted(path)
    with pytest.raises(ImportFileError) as caught:
        read(path)
    assert caught.value.message.startswith("“export.zip”, messages.csv: it is encrypted")


def test_a_damaged_zip_gets_a_message(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.zip", EXPORT)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])  # a download cut short
    with pytest.raises(ImportFileError, match=re.escape("“export.zip”")):
        read(path)


def test_a_messages_file_over_32_mb_is_read_as_a_stream(tmp_path: Path) -> None:
    long_text = "Notes from our call. " * 1_700  # ~36 kB a message
    rows = "".join(
        me_to(
            f"2-c{n}",
            f"Person {n}",
            f"https://www.linkedin.com/in/p{n}",
            f"2026-01-{1 + n % 28:02d} 09:{n % 60:02d}:00",
            long_text,
        )
        for n in range(1_000)
    )
    path = tmp_path / "messages.csv"
    path.write_text(MESSAGES_HEADER + rows, encoding="utf-8")
    assert path.stat().st_size > 32_000_000
    contents = read(path, owner="Alex Morgan")
    assert contents.summary.messages == 1_000 and contents.summary.conversations == 1_000


def test_a_messages_file_saved_in_another_character_set(tmp_path: Path) -> None:
    text = MESSAGES_HEADER + me_to(
        "2-z", "Zoé Martin", "https://www.linkedin.com/in/zm", "2026-01-01 09:00:00", "Café?"
    )
    path = write_zip(tmp_path / "export.zip", {"messages.csv": text.encode("cp1252")})
    with pytest.raises(UnknownEncodingError) as caught:
        read(path, owner="Alex Morgan")
    assert caught.value.message.startswith(
        "“export.zip”, messages.csv, line 2: the text is not UTF-8"
    )


def test_a_zip_whose_every_name_leaves_its_folder_is_refused(tmp_path: Path) -> None:
    path = write_zip(tmp_path / "export.zip", {"../../messages.csv": MESSAGES})
    with pytest.raises(WrongFormatError) as caught:
        read(path)
    assert caught.value.message.startswith(
        "“export.zip”: the ZIP's files have names that lead out of its folder (like "
        "“../../messages.csv”)"
    )


def test_a_broken_connections_file_is_named_as_an_entry(tmp_path: Path) -> None:
    broken = EXPORT["Connections.csv"] + 'Zed,"Never closed,Acme,CTO,01 Jan 2026\n'
    path = write_zip(tmp_path / "export.zip", {**EXPORT, "Connections.csv": broken})
    with pytest.raises(ImportFileError) as caught:
        read(path)
    assert caught.value.message.startswith("“export.zip”, Connections.csv, line 8: a quoted")


def test_a_folder_that_is_not_an_export_is_not_searched_through(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for n in range(1_001):
        write_folder(home / f"project{n % 10}", {f"data{n}.csv": "a,b\n1,2\n"})
    with pytest.raises(WrongFormatError, match="holds more than 1,000 CSV files"):
        read(home)
    # Deeper than an export's sub-folders, a messages file is not looked for.
    write_folder(tmp_path / "deep" / "a" / "b" / "c", {"messages.csv": MESSAGES})
    with pytest.raises(WrongFormatError, match="this folder holds no LinkedIn export file"):
        read(tmp_path / "deep")
    assert read(tmp_path / "deep" / "a", owner="Alex Morgan").summary.messages == 14


def test_a_zip_of_thousands_of_files_is_refused(tmp_path: Path) -> None:
    files: dict[str, str | bytes] = {f"part{n}.csv": "a,b\n" for n in range(1_001)}
    with pytest.raises(WrongFormatError, match="the ZIP holds 1,007 files"):
        read(write_zip(tmp_path / "export.zip", {**EXPORT, **files}))


def test_the_benchmark_archive_reads_back_whole(tmp_path: Path) -> None:
    from tests.bench.linkedin_archive_files import (
        EXPORTED,
        archive_files,
        write_archive,
    )

    files = archive_files(200, 1_000, 150)
    path = write_archive(tmp_path / "Basic_LinkedInDataExport_12-01-2026.zip", files)
    contents = read_linkedin_archive(
        path, today=EXPORTED.date(), reply_window_days=14, now=EXPORTED
    )
    rows = files["messages.csv"].count("\n2-")  # (no generated text starts a line so)
    summary = contents.summary
    assert summary.messages + sum(summary.skipped.values()) == rows >= 1_000
    assert summary.conversations <= 150 and summary.interactions > 150
    assert contents.owner is not None and contents.owner.found_by == "profile"
    assert len(contents.connections[0].records) == 200
