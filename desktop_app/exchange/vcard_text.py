"""Preparing vCard text for vobject: character sets per property, quoted-printable, cards.

vCard 2.1 (Outlook, old phones) names a character set per property and writes values in
quoted-printable with soft line breaks; vobject decodes quoted-printable only as the
named charset or UTF-8 and stops on the first error. So each quoted-printable value is
decoded here (charset named, else UTF-8, else Windows-1252) and handed on re-encoded as
UTF-8, and the file is split into cards so that one broken card is reported by its line
instead of ending the import.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass

from desktop_app.exchange.errors import UnknownEncodingError
from desktop_app.exchange.textfile import DecodedText, decode_bytes

_CHARSET = re.compile(r";\s*CHARSET=([^;:]+)", re.IGNORECASE)
_CHARSET_BYTES = re.compile(rb";\s*CHARSET=([^;:]+)", re.IGNORECASE)
_QP = re.compile(r";\s*(?:ENCODING=)?QUOTED-PRINTABLE\b", re.IGNORECASE)
_FALLBACK = ("Windows-1252", "ISO-8859-1")


@dataclass(frozen=True, slots=True)
class CardText:
    text: str
    first_line: int
    # (file line number, text) of each line of ``text``.
    lines: tuple[tuple[int, str], ...]

    def line_of(self, content: str) -> int:
        """The file line holding ``content`` (vobject's own line count is not reliable)."""
        wanted = content.strip()
        return next((n for n, text in self.lines if text.strip() == wanted), self.first_line)


def decode_vcard(data: bytes, source: str, encoding: str | None = None) -> DecodedText:
    """The file as text; outside UTF-8 each line is decoded in the charset it names."""
    if encoding or not _CHARSET_BYTES.search(data):
        return decode_bytes(data, source, encoding=encoding)
    try:
        decoded = decode_bytes(data, source)
    except UnknownEncodingError:
        decoded = None  # Shift_JIS or the like, named per property: decoded line by line
    if decoded is not None and decoded.encoding not in _FALLBACK:
        return decoded
    lines = [_decode_line(line) for line in data.split(b"\n")]
    return DecodedText(source, "\n".join(lines), "Windows-1252 and the charsets the cards name")


def _decode_line(line: bytes) -> str:
    head = line.split(b":", 1)[0]
    match = _CHARSET_BYTES.search(head)
    charsets = [match[1].decode("ascii", "replace").strip()] if match else []
    for charset in [*charsets, "cp1252"]:
        try:
            return line.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    return line.decode("latin-1")


def logical_lines(text: str) -> list[tuple[int, str]]:
    """(file line, text) with quoted-printable values joined and re-encoded as UTF-8.

    Folded lines (continuations starting with a space) are kept for vobject to unfold.
    """
    physical = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[tuple[int, str]] = []
    i = 0
    while i < len(physical):
        number, line = i + 1, physical[i]
        i += 1
        head, colon, value = line.partition(":")
        if colon and _QP.search(head):
            while value.endswith("=") and i < len(physical):
                value = value[:-1] + physical[i]
                i += 1
            line = _requote(head, value)
        out.append((number, line))
    return out


def _requote(head: str, value: str) -> str:
    match = _CHARSET.search(head)
    named = [match[1].strip()] if match else []
    # Raw 8-bit characters (invalid in quoted-printable, yet written) go back to the
    # bytes they were in the charset the property names.
    try:
        raw = quopri.decodestring(value.encode(named[0] if named else "utf-8"))
    except (LookupError, UnicodeEncodeError):
        raw = quopri.decodestring(value.encode("utf-8"))
    text = None
    for charset in [*named, "utf-8", "cp1252"]:
        try:
            codecs.lookup(charset)
            text = raw.decode(charset)
            break
        except (LookupError, UnicodeDecodeError):
            continue
    if text is None:
        text = raw.decode("latin-1")
    head = _CHARSET.sub("", head) + ";CHARSET=UTF-8"
    encoded = "".join(
        chr(b) if 32 <= b < 127 and b != 61 else f"={b:02X}" for b in text.encode("utf-8")
    )
    return f"{head}:{encoded}"


def split_cards(lines: list[tuple[int, str]]) -> tuple[list[CardText], int]:
    """The cards (BEGIN:VCARD … END:VCARD, nested agent cards kept inside their card).

    Also returns the number of BEGIN lines seen, so that a file of cards that never end
    can be told from a file with no cards.
    """
    cards: list[CardText] = []
    depth, begun = 0, 0
    current: list[tuple[int, str]] = []
    for number, line in lines:
        key = line.strip().upper()
        if key == "BEGIN:VCARD":
            begun += 1
            depth += 1
        if depth:
            current.append((number, line))
        if key == "END:VCARD" and depth:
            depth -= 1
            if depth == 0:
                cards.append(
                    CardText(
                        "\n".join(text for _, text in current) + "\n",
                        current[0][0],
                        tuple(current),
                    )
                )
                current = []
    return cards, begun
