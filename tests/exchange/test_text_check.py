"""The quick look at a file's start that refuses images and empty files before any question."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.exchange.errors import EmptyFileError, NotTextError
from desktop_app.exchange.textfile import check_text_file


def test_images_and_empty_files_are_refused(tmp_path: Path) -> None:
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 1000)
    with pytest.raises(NotTextError, match="PNG image"):
        check_text_file(photo)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(EmptyFileError):
        check_text_file(empty)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_long_text_is_not_refused_for_a_character_cut_at_the_sample_end(
    tmp_path: Path, encoding: str
) -> None:
    text = tmp_path / "notes.txt"
    text.write_bytes(("名前,会社\n" + "山田,東京電力\n" * 20_000).encode(encoding))
    check_text_file(text, sample_bytes=1001)  # no error
