"""Preparing vCard text for vobject: character sets per property, quoted-printable, cards.

vCard 2.1 (Outlook, old phones) names a character set per property and writes values in
quoted-printable with soft line breaks; vobject decodes quoted-printable only as the
named charset or UTF-8 and stops on the first error. So each quoted-printable value is
decoded here (charset named, else UTF-8, else Windows-1252) and handed on re-encoded as
UTF-8, and the file is split into cards so that one broken card is reported by its line
instead of ending the import.

What NetWise does not keep and vobject stumbles on is left out before vobject sees it:
binary blocks (photos, keys, sounds; old phones write their base64 lines unindented),
cards written inside a card (AGENT), and Lotus Notes' RFC 2425 "PROFILE:vCard" line.
A card that lacks its END:VCARD line ends where the next card begins.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass

from desktop_app.exchange.errors import UnknownEncodingError
from desktop_app.exchange.records import Problem
from desktop_app.exchange.textfile import DecodedText, decode_bytes
from desktop_app.validation import printable

_CHARSET = re.compile(r";\s*CHARSET=([^;:]+)", re.IGNORECASE)
_CHARSET_BYTES = re.compile(rb";\s*CHARSET=([^;:]+)", re.IGNORECASE)
_QP = re.compile(r";\s*(?:ENCODING=)?QUOTED-PRINTABLE\b", re.IGNORECASE)
_FALLBACK = ("Windows-1252", "ISO-8859-1")
_PROPERTY = re.compile(r"^\s*(?:[A-Za-z0-9_-]+\.)?([A-Za-z0-9_-]+)")
_BASE64 = re.compile(r";\s*ENCODING\s*=\s*(?:B|BASE64)\s*(?:[;:]|$)", re.IGNORECASE)
_LEFT_OUT = {"PHOTO", "LOGO", "SOUND", "KEY", "PROFILE"}
# BEGIN:VCARD as Lotus Notes, old Netscape and hand edits write it: any case, spaces around.
_BOUNDARY = re.compile(r"^\s*(BEGIN|END)\s*:\s*([^\s;:]*)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CardText:
    text: str
    first_line: int
    # (file line number, text) of each line of ``text``.
    lines: tuple[tuple[int, str], ...]
    # What was left out of the card or mended while splitting the file, by line.
    notes: tuple[Problem, ...] = ()

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
        if colon and line[:1] not in " \t" and _left_out(head):
            i = _after_block(physical, i)
            continue
        if colon and _QP.search(head):
            # Joined once at the end: a value of a million soft breaks costs no more
            # than reading it.
            parts = [value]
            while parts[-1].endswith("=") and i < len(physical):
                parts[-1] = parts[-1][:-1]
                parts.append(physical[i])
                i += 1
            line = _requote(head, "".join(parts))
        out.append((number, line))
    return out


def _left_out(head: str) -> bool:
    name = _PROPERTY.match(head)
    return bool(_BASE64.search(head + ":")) or (name is not None and name[1].upper() in _LEFT_OUT)


def _after_block(physical: list[str], i: int) -> int:
    """The index after a left-out property's continuation lines.

    Folded lines start with a space; base64 lines of vCard 2.1 (and of some phones'
    3.0) are not indented and end at a blank line. No property line lacks a colon, and
    no base64 line has one.
    """
    while i < len(physical):
        line = physical[i]
        if not line.strip():
            return i + 1
        if line[0] not in " \t" and ":" in line:
            return i
        i += 1
    return i


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


def split_cards(lines: list[tuple[int, str]]) -> tuple[list[CardText], int, int | None]:
    """The cards (BEGIN:VCARD … END:VCARD), with what was left out of each noted.

    A card given as another's AGENT, and any other block begun inside a card, is left
    out; nesting is followed by counting, never by recursion, so a thousand cards inside
    each other cost nothing. A BEGIN:VCARD with no AGENT before it ends a card that
    lacks its END:VCARD. Also returns the number of cards begun (a file of cards that
    never end is told from a file with no cards) and the line of a last card that never
    ends, if any.
    """
    cards: list[CardText] = []
    begun, depth = 0, 0
    current: list[tuple[int, str]] | None = None
    notes: list[Problem] = []
    agent = continued = False  # an empty AGENT property just read; a left-out line's folds
    for number, line in lines:
        if continued and line[:1] in (" ", "\t"):
            continue
        continued = False
        match = _BOUNDARY.match(line)
        kind, what = (match[1].upper(), match[2].upper()) if match else ("", "")
        if current is not None and depth:
            depth += {"BEGIN": 1, "END": -1}.get(kind, 0)
        elif current is not None and kind == "BEGIN" and (agent or what != "VCARD"):
            depth, agent = 1, False
            notes.append(Problem(number, _left_out_block(what)))
        elif kind == "BEGIN" and what == "VCARD":
            if current is not None:
                notes.append(Problem(current[0][0], _UNENDED))
                cards.append(_card(current, notes))
            begun += 1
            current, notes, agent = [(number, "BEGIN:VCARD")], [], False
        elif current is None:
            continue
        elif kind == "END":
            if what == "VCARD":
                cards.append(_card(current, notes))
                current = None
        elif (name := _PROPERTY.match(line)) is not None and name[1].upper() == "AGENT":
            agent, continued = not line.partition(":")[2].strip(), True
        else:
            agent = False
            current.append((number, line))
    return cards, begun, current[0][0] if current else None


_UNENDED = "this card has no END:VCARD line; it was read up to the next card."


def _left_out_block(what: str) -> str:
    if what == "VCARD":
        return "a card written inside this card (an AGENT) was left out."
    return f"a BEGIN:{printable(what)[:20]} block inside this card was left out."


def _card(lines: list[tuple[int, str]], notes: list[Problem]) -> CardText:
    text = "\n".join(text for _, text in lines) + "\nEND:VCARD\n"
    return CardText(text, lines[0][0], tuple(lines), tuple(notes))
