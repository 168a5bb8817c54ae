"""Files that are not files, never end, or hold stray bytes: a message, never a hang."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop_app.exchange.errors import FileTooLargeError, ImportFileError, UnknownEncodingError
from desktop_app.exchange.formats import contact_parser, detect_format
from desktop_app.exchange.jsonformat import load_dataset
from desktop_app.exchange.textfile import UTF8_WITH_FAULTS, read_bytes

FORMATS = ["linkedin", "google", "vcard", "json"]
needs_pipes = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
needs_devices = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev here")


def parse(fmt: str, path: Path | str):  # type: ignore[no-untyped-def]
    return load_dataset(path) if fmt == "json" else contact_parser(fmt)(path)


@needs_pipes
@pytest.mark.timeout(20)
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path, fmt: str) -> None:
    pipe = tmp_path / "contacts.csv"
    os.mkfifo(pipe)
    with pytest.raises(ImportFileError) as caught:
        parse(fmt, pipe)
    assert caught.value.message == "“contacts.csv”: this is a pipe, not a file."
    assert detect_format(pipe) is None


@needs_devices
@pytest.mark.timeout(20)
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_refused_without_reading_it(fmt: str, device: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        parse(fmt, device)
    assert caught.value.message == f"“{Path(device).name}”: this is a device, not a file."


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="this is a folder, not a file"):
        parse("linkedin", tmp_path)


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="no /proc here")
def test_reading_stops_at_the_limit_whatever_size_the_file_reports() -> None:
    # Files under /proc report a size of 0 and hold more; so does a file that grows.
    maps = Path("/proc/self/maps")
    assert maps.stat().st_size == 0
    with pytest.raises(FileTooLargeError, match="the file is larger than 0 MB"):
        read_bytes(maps, max_bytes=100)
    assert len(read_bytes(maps, max_bytes=10_000_000)) > 100


LINKEDIN = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Zoë,Müller,,,Bäckerei Süß,Chefin,12 Mar 2021\n"
    "Ann,Lee,,,Acme,CEO,12 Mar 2021\n"
    "José,García,,,Peña,CTO,1 Jan 2020\n"
)


def test_one_stray_byte_keeps_the_file_utf8_and_its_row_is_named(write) -> None:  # type: ignore[no-untyped-def]
    data = LINKEDIN.encode("utf-8").replace(b"Acme", b"Ac\xe9me")
    parsed = contact_parser("linkedin")(write("Connections.csv", data))
    assert parsed.encoding == UTF8_WITH_FAULTS
    assert [r.name() for r in parsed.records] == ["Zoë Müller", "José García"]
    assert [r.company for r in parsed.records] == ["Bäckerei Süß", "Peña"]
    assert [str(p) for p in parsed.problems] == [
        "line 3: bytes that are not UTF-8 (shown as “\ufffd”); the row was left out."
    ]


def test_json_with_a_stray_byte_is_refused_with_its_line(write) -> None:  # type: ignore[no-untyped-def]
    text = '{"format": "netwise", "format_version": 1,\n"contacts": [],\n"x": "Zoë Müller ü"}'
    data = text.encode("utf-8").replace(b"[]", b"[\xff]")
    with pytest.raises(UnknownEncodingError) as caught:
        load_dataset(write("all.json", data))
    assert caught.value.message == "“all.json”, line 2: the text is not valid UTF-8 on this line."
