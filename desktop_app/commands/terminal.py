"""What the command line writes, made safe for a terminal.

Names, notes and file names come from the user's files: an escape sequence in one
(``\\x1b]0;…\\x07``) would retitle or rewrite the terminal if written raw. Text output
shows control characters as ``\\x1b`` escapes; JSON output writes them as JSON escapes,
so that the document stays valid. A lone surrogate (which no terminal encoding can
write) is shown as its escape in both.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

from desktop_app.validation import printable

_CARRIAGE_RETURN_OR_SURROGATE = re.compile(r"[\r\ud800-\udfff]")
# JSON already escapes U+0000-U+001F; DEL and the C1 controls it writes raw.
_RAW_IN_JSON = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


def safe_text(text: str) -> str:
    """``text`` with every control character but tab and line feed shown as an escape."""
    return _CARRIAGE_RETURN_OR_SURROGATE.sub(_escape, printable(text))


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


class _Filtered(io.TextIOBase):
    """A text stream that passes everything written through a filter."""

    def __init__(self, stream: TextIO, json: bool) -> None:
        super().__init__()
        self._stream, self._json = stream, json

    def write(self, text: str) -> int:
        shown = _RAW_IN_JSON.sub(_json_escape, text) if self._json else safe_text(text)
        self._stream.write(shown)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def writable(self) -> bool:
        return True


def terminal_stream(stream: TextIO, *, json: bool = False) -> TextIO:
    """``stream`` with what is written to it made safe (as JSON, when ``json``)."""
    return _Filtered(stream, json)  # type: ignore[return-value]
