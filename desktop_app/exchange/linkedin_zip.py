"""LinkedIn's data-export archive as LinkedIn delivers it, read without extracting it.

"Get a copy of your data" sends ``Basic_LinkedInDataExport_MM-DD-YYYY.zip`` (or
``Complete_…``): CSV files at the top (``messages.csv``, ``Invitations.csv``,
``Profile.csv``, ``Connections.csv``…) and more in sub-folders. People also unzip it and
choose the folder, or pick one CSV of it. ``open_archive`` accepts all three; each CSV's
kind is recognised by its header (``linkedin_kinds``), whatever its name (in a folder,
the files named ``*.csv``; in a ZIP, every entry).

A ZIP is read in memory, entry by entry, never written to disk. Because it comes from
outside, it is checked first: names with ``..`` or an absolute path are ignored; more
than ``MAX_ARCHIVE_BYTES`` uncompressed, or an entry that expands more than
``MAX_COMPRESSION_RATIO`` times, is refused as a ZIP bomb; encrypted entries are refused.
``zipfile`` never returns more than an entry's declared size, so the declared sizes that
are checked are the sizes that are read.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from desktop_app.exchange.errors import (
    FileTooLargeError,
    ImportFileError,
    NotTextError,
    WrongFormatError,
)
from desktop_app.exchange.linkedin_csv import Utf8Lines
from desktop_app.exchange.linkedin_kinds import MAX_BYTES_BY_KIND, kind_of_head
from desktop_app.exchange.textfile import MB

MAX_ARCHIVE_BYTES = 1_000 * MB
MAX_COMPRESSION_RATIO = 100
# Below this size an entry cannot hurt whatever its ratio (a header-only CSV compresses well).
RATIO_CHECKED_FROM_BYTES = 1 * MB
HEAD_BYTES = 65_536
# An export holds about sixty files, two folders deep at most.
MAX_FILES = 1_000
MAX_FOLDER_DEPTH = 2  # sub-folders of sub-folders
LINE_BUFFER_BYTES = 1 * MB


def located(
    cls: type[ImportFileError],
    path: str | Path,
    problem: str,
    *,
    entry: str | None = None,
    line: int | None = None,
) -> ImportFileError:
    """An error of type ``cls`` naming the file, the ZIP entry when there is one, the line."""
    error = cls(path, problem, line=line)
    if entry is not None:
        where = f"“{Path(error.source).name}”, {entry}"
        if line is not None:
            where += f", line {line}"
        error.message = f"{where}: {problem}"
        error.args = (error.message,)
    return error


@dataclass(frozen=True, slots=True)
class ArchiveEntry:
    """One CSV of the archive whose kind was recognised."""

    name: str  # the ZIP member name, or the file name within the folder
    kind: str  # "messages", "invitations", "profile", "connections"
    size: int  # uncompressed bytes


class LinkedInArchive:
    """An opened export: its recognised CSVs, and their text as a stream on demand.

    Use it in a ``with`` block: a ZIP stays open until the block ends.
    """

    def __init__(self, path: Path, zip_file: zipfile.ZipFile | None, files: dict[str, Path]):
        self.path = path
        self._zip = zip_file
        self._files = files  # name → file, for a folder or a single CSV
        self.entries: list[ArchiveEntry] = []
        self.ignored_names: list[str] = []  # unsafe ZIP member names, never read

    def __enter__(self) -> LinkedInArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()

    def of_kind(self, kind: str) -> list[ArchiveEntry]:
        return [entry for entry in self.entries if entry.kind == kind]

    def error(
        self,
        cls: type[ImportFileError],
        entry: ArchiveEntry,
        problem: str,
        line: int | None = None,
    ) -> ImportFileError:
        """An error about ``entry``: a ZIP names the archive and the entry, else the file."""
        if self._zip is None:
            return located(cls, self._files[entry.name], problem, line=line)
        return located(cls, self.path, problem, entry=entry.name, line=line)

    def source(self, entry: ArchiveEntry) -> str:
        """How ``entry`` is named in messages: "archive.zip, messages.csv" or the file."""
        if self._zip is None:
            return str(self._files[entry.name])
        return f"{self.path.name}, {entry.name}"

    @contextmanager
    def open_text(self, entry: ArchiveEntry) -> Iterator[Utf8Lines]:
        """The entry's lines of text, decoded as they are read, its size checked first; an
        undecodable line or a damaged entry met while reading is a message naming it."""
        limit = MAX_BYTES_BY_KIND[entry.kind]
        if entry.size > limit:
            raise self.error(
                FileTooLargeError,
                entry,
                f"the file is {entry.size / MB:.1f} MB; NetWise reads files of this kind up "
                f"to {limit // MB:,} MB.",
            )
        raw = self._open_raw(entry.name)

        def fail(cls: type[ImportFileError], problem: str, line: int | None) -> ImportFileError:
            return self.error(cls, entry, problem, line)

        try:
            # A ZIP entry's own readline is Python code; a BufferedReader's is C.
            buffered = io.BufferedReader(raw, LINE_BUFFER_BYTES)  # type: ignore[arg-type]
            yield Utf8Lines(buffered, fail)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise self.error(ImportFileError, entry, f"the ZIP is damaged ({exc}).") from None
        finally:
            raw.close()

    def _open_raw(self, name: str) -> IO[bytes]:
        if self._zip is not None:
            return self._zip.open(name)
        return self._files[name].open("rb")

    def _head(self, name: str) -> bytes:
        with self._open_raw(name) as raw:
            return raw.read(HEAD_BYTES)


def open_archive(path: str | Path) -> LinkedInArchive:
    """The export at ``path`` (a ZIP, its unzipped folder, or one CSV), its kinds known.

    Raises an ``ImportFileError`` when nothing in it is a LinkedIn export file.
    """
    path = Path(path)
    try:
        if path.is_dir():
            archive = LinkedInArchive(path, None, _folder_csvs(path))
        elif zipfile.is_zipfile(path):
            archive = _open_zip(path)
        elif path.is_file():
            archive = LinkedInArchive(path, None, {path.name: path})
        else:
            raise ImportFileError(path, "there is no such file or folder.")
    except OSError as exc:
        raise ImportFileError(path, f"cannot be read: {exc.strerror or exc}.") from exc
    try:
        _recognise(archive)
    except OSError as exc:
        archive.close()
        raise ImportFileError(path, f"cannot be read: {exc.strerror or exc}.") from exc
    except ImportFileError:
        archive.close()
        raise
    if not archive.entries:
        archive.close()
        raise _nothing_recognised(archive)
    return archive


def _open_zip(path: Path) -> LinkedInArchive:
    try:
        zip_file = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise ImportFileError(path, f"the ZIP archive is damaged ({exc}).") from None
    infos = [info for info in zip_file.infolist() if not info.is_dir()]
    if len(infos) > MAX_FILES:
        zip_file.close()
        raise WrongFormatError(
            path,
            f"the ZIP holds {len(infos):,} files; LinkedIn's export holds a few dozen.",
        )
    total = sum(info.file_size for info in infos)
    if total > MAX_ARCHIVE_BYTES:
        zip_file.close()
        raise FileTooLargeError(
            path,
            f"the archive expands to {total / MB:,.0f} MB; a LinkedIn export is far smaller "
            f"(NetWise reads up to {MAX_ARCHIVE_BYTES // MB:,} MB). It may be a ZIP bomb.",
        )
    archive = LinkedInArchive(path, zip_file, {})
    for info in infos:
        if not _safe_name(info.filename):
            archive.ignored_names.append(info.filename)
            continue
        if info.file_size >= RATIO_CHECKED_FROM_BYTES and (
            info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            zip_file.close()
            raise located(
                FileTooLargeError,
                path,
                f"it expands {info.file_size / max(info.compress_size, 1):,.0f} times "
                f"(a real export, at most a few dozen times): this looks like a ZIP bomb.",
                entry=info.filename,
            )
        if info.flag_bits & 0x1:
            zip_file.close()
            raise located(
                ImportFileError,
                path,
                "it is encrypted (password-protected). LinkedIn's export is not; download "
                "it again, or unzip it with its password and choose the folder.",
                entry=info.filename,
            )
    return archive


def _folder_csvs(folder: Path) -> dict[str, Path]:
    """The CSV files of an unzipped export (its sub-folders are one or two deep), without
    following links; a folder of far more files is not an export."""
    found: dict[str, Path] = {}
    for root, subfolders, names in os.walk(folder):
        depth = len(Path(root).relative_to(folder).parts)
        if depth >= MAX_FOLDER_DEPTH:
            subfolders.clear()
        subfolders.sort()
        for name in sorted(names):
            file = Path(root, name)
            if name.lower().endswith(".csv") and file.is_file() and not file.is_symlink():
                found[str(file.relative_to(folder))] = file
        if len(found) > MAX_FILES:
            raise WrongFormatError(
                folder,
                f"this folder holds more than {MAX_FILES:,} CSV files; LinkedIn's export "
                "holds a few dozen. Choose the export's own folder.",
            )
    return found


def _safe_name(name: str) -> bool:
    """False for a member name that would leave the archive's folder if extracted."""
    unified = name.replace("\\", "/")
    if unified.startswith("/") or (len(unified) > 1 and unified[1] == ":"):
        return False
    return ".." not in PurePosixPath(unified).parts


def _recognise(archive: LinkedInArchive) -> None:
    if archive._zip is not None:
        names = [
            (info.filename, info.file_size)
            for info in archive._zip.infolist()
            if not info.is_dir() and info.filename not in archive.ignored_names
        ]
    else:
        names = [(name, file.stat().st_size) for name, file in archive._files.items()]
    for name, size in names:
        try:
            head = archive._head(name)
        except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
            raise located(
                ImportFileError, archive.path, f"the ZIP is damaged ({exc}).", entry=name
            ) from None
        kind = kind_of_head(head)
        if kind:
            archive.entries.append(ArchiveEntry(name, kind, size))


def _nothing_recognised(archive: LinkedInArchive) -> ImportFileError:
    wanted = "messages.csv, Invitations.csv, Profile.csv or Connections.csv"
    if archive._zip is not None and archive.ignored_names:
        return WrongFormatError(
            archive.path,
            f"the ZIP's files have names that lead out of its folder (like "
            f"“{archive.ignored_names[0]}”), which LinkedIn never writes; none was read.",
        )
    if archive._zip is not None:
        return WrongFormatError(
            archive.path,
            f"this ZIP is not a LinkedIn data export: it holds no {wanted}.",
        )
    if archive.path.is_dir():
        return WrongFormatError(
            archive.path, f"this folder holds no LinkedIn export file ({wanted})."
        )
    head = archive._head(archive.path.name)
    if b"\x00" in head[:4096]:
        return NotTextError(archive.path, "this is a binary file, not a LinkedIn CSV.")
    return WrongFormatError(
        archive.path,
        f"this is not a file of LinkedIn's data export: its header is not that of {wanted}.",
    )
