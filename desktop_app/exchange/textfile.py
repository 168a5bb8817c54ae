"""Reading an import file as text: size, binary content and character set checked first.

Encoding rule, in order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; text with
NUL bytes in every other position is UTF-16 without a mark; text that decodes as UTF-8 is
UTF-8; anything else is Windows-1252 (the Windows default that Outlook and Excel write;
ISO-8859-1 where a byte is undefined in Windows-1252) — unless its non-ASCII characters
mostly come in long runs, the mark of a multi-byte Asian encoding, which is refused as
unknown rather than turned into garbage.
"""

from __future__ import annotations

import codecs
import contextlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from desktop_app.exchange.errors import (
    EmptyFileError,
    FileTooLargeError,
    ImportFileError,
    NotTextError,
    UnknownEncodingError,
)

MB = 1_000_000
# Contact files: a LinkedIn export of 30,000 connections is about 3 MB; 100,000 rows ~12 MB.
MAX_CONTACT_FILE_BYTES = 32 * MB
# A complete JSON export holds every interaction too.
MAX_JSON_FILE_BYTES = 1_000 * MB

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 with BOM"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 with BOM"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 with BOM"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 with BOM"),
)
_MAGIC = (
    (b"PK\x03\x04", "a ZIP archive (or an Excel workbook)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.xls or .doc)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x1f\x8b", "a gzip archive"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_REPLACED = "\ufffd"
_REPLACED_RE = re.compile(_REPLACED)
UTF8_WITH_FAULTS = "UTF-8 with invalid bytes"


@dataclass(frozen=True, slots=True)
class DecodedText:
    source: str
    text: str
    encoding: str  # as shown to the user: "UTF-8", "UTF-16 with BOM", "Windows-1252"...
    # Lines holding bytes that are not UTF-8 in a file otherwise UTF-8, read as "\ufffd".
    faulty_lines: tuple[int, ...] = ()


def read_text(
    path: str | Path,
    *,
    max_bytes: int = MAX_CONTACT_FILE_BYTES,
    encoding: str | None = None,
) -> DecodedText:
    """The file's text, or an ``ImportFileError`` saying plainly why it cannot be had."""
    return decode_bytes(read_bytes(path, max_bytes=max_bytes), path, encoding=encoding)


def read_bytes(path: str | Path, *, max_bytes: int = MAX_CONTACT_FILE_BYTES) -> bytes:
    """The file's bytes: a regular file of at most ``max_bytes``, else an ``ImportFileError``.

    The size the system reports is checked first, and the reading itself stops one byte past
    the limit, since a device (/dev/zero) or a file growing meanwhile reports a size it
    does not keep to. Anything but a regular file (a pipe, a folder, a device) is refused
    before it is opened: a pipe would block until something writes to it.
    """
    path = Path(path)
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            raise ImportFileError(path, f"this is {_kind_of(status.st_mode)}, not a file.")
        if status.st_size > max_bytes:
            raise _too_large(path, status.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise ImportFileError(path, f"cannot be read: {exc.strerror or exc}.") from exc
    if len(data) > max_bytes:
        raise _too_large(path, None, max_bytes)
    return data


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _too_large(path: Path, size: int | None, max_bytes: int) -> FileTooLargeError:
    shown = f"{size / MB:.1f} MB" if size is not None else f"larger than {max_bytes // MB} MB"
    return FileTooLargeError(
        path,
        f"the file is {shown}; NetWise imports files of this kind up to "
        f"{max_bytes // MB} MB. Split it into smaller files and import each.",
    )


def decode_bytes(data: bytes, source: str | Path, *, encoding: str | None = None) -> DecodedText:
    source = str(source)
    if encoding:
        return _decode_as(data, source, encoding)
    if not data or data.isspace():  # (not strip(): no copy of a large file)
        raise EmptyFileError(source, "the file is empty.")
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom) :], codec, source, label)
            return _checked(DecodedText(source, text, label))
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise NotTextError(source, f"this is {what}, not a text file.")
    bare16 = _bare_utf16(data)
    if bare16:
        return _checked(DecodedText(source, _strict(data, bare16, source, "UTF-16"), "UTF-16"))
    if b"\x00" in data[:65536]:
        raise NotTextError(source, "this is a binary file, not a text file.")
    try:
        return _checked(DecodedText(source, data.decode("utf-8"), "UTF-8"))
    except UnicodeDecodeError:
        pass
    mostly_utf8 = _mostly_utf8(data, source)
    if mostly_utf8 is not None:
        return _checked(mostly_utf8)
    try:
        text, label = data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        text, label = data.decode("latin-1"), "ISO-8859-1"
    _refuse_multibyte(text, source)
    return _checked(DecodedText(source, text, label))


def _mostly_utf8(data: bytes, source: str) -> DecodedText | None:
    """UTF-8 text with a few stray bytes, which are replaced and their lines noted.

    Windows-1252 text almost never holds a valid UTF-8 sequence, so more well-formed
    non-ASCII characters than broken bytes means the file is UTF-8 that was damaged (or
    edited in another character set), not a Windows-1252 file: reading all of it as
    Windows-1252 would turn every "Zoë" into "ZoÃ«".
    """
    text = data.decode("utf-8", "replace")
    broken = text.count(_REPLACED)
    well_formed = sum(len(run) for run in _NON_ASCII_RUN.findall(text)) - broken
    if well_formed <= broken:
        return None
    lines: list[int] = []
    line, start = 1, 0
    for position in (m.start() for m in _REPLACED_RE.finditer(text)):
        line += text.count("\n", start, position)
        start = position
        if not lines or lines[-1] != line:
            lines.append(line)
    return DecodedText(source, text, UTF8_WITH_FAULTS, tuple(lines))


def _decode_as(data: bytes, source: str, encoding: str) -> DecodedText:
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise UnknownEncodingError(source, f"“{encoding}” is not a known encoding.") from None
    text = _strict(data, codec, source, encoding)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise EmptyFileError(source, "the file is empty.")
    return _checked(DecodedText(source, text, encoding))


def _strict(data: bytes, codec: str, source: str, label: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 if "16" not in codec else None
        raise UnknownEncodingError(
            source, f"the text is not valid {label} (byte {exc.start + 1}).", line=line
        ) from None


def _bare_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'-be' if the file looks like ASCII-heavy UTF-16 without a mark."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.4 * half and even.count(0) < 0.05 * half:
        return "utf-16-le"
    if even.count(0) > 0.4 * half and odd.count(0) < 0.05 * half:
        return "utf-16-be"
    return None


def _refuse_multibyte(text: str, source: str) -> None:
    """Western text has lone accented letters; Shift-JIS or GBK read as cp1252 has runs."""
    runs = [len(run) for run in _NON_ASCII_RUN.findall(text)]
    total = sum(runs)
    if total >= 8 and sum(n for n in runs if n >= 3) > 0.5 * total:
        raise UnknownEncodingError(
            source,
            "the character set is not one NetWise recognises (it is neither UTF-8, "
            "UTF-16 nor Windows-1252). Save the file as UTF-8 and import it again.",
        )


def _checked(decoded: DecodedText) -> DecodedText:
    text = decoded.text
    if not text or text.isspace():
        raise EmptyFileError(decoded.source, "the file is empty.")
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise NotTextError(decoded.source, "this is a binary file, not a text file.")
    return decoded


def check_text_file(path: str | Path, *, sample_bytes: int = 65536) -> None:
    """Raise the ``ImportFileError`` reading ``path`` would (unreadable, empty, an image or
    another binary file), judged from its start, so that nobody is asked what kind of
    file it is before hearing that it cannot be imported at all."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            head = handle.read(sample_bytes + 1)
    except OSError as exc:
        raise ImportFileError(path, f"cannot be read: {exc.strerror or exc}.") from exc
    if len(head) <= sample_bytes:
        decode_bytes(head, path)  # the whole file: the very verdict of reading it
        return
    head = head[: sample_bytes - sample_bytes % 4]
    # A character cut at the sample's end looks like an unknown encoding: the whole file
    # will tell when it is read.
    with contextlib.suppress(UnknownEncodingError):
        decode_bytes(head, path)
