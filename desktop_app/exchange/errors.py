"""Errors in a file being imported, written for the person who chose the file.

Every problem with the input itself (empty, binary, wrong format, undecodable, too big,
broken quoting...) is an ``ImportFileError`` whose ``message`` names the file and, where
there is one, the line. Callers show the message; nothing has been written when it is raised.
"""

from __future__ import annotations

from pathlib import Path


class ImportFileError(Exception):
    """The file cannot be imported as it is; ``message`` says why and where."""

    def __init__(self, source: str | Path, problem: str, *, line: int | None = None) -> None:
        self.source = str(source)
        self.line = line
        self.problem = problem
        where = f"“{Path(self.source).name}”"
        if line is not None:
            where += f", line {line}"
        self.message = f"{where}: {problem}"
        super().__init__(self.message)


class EmptyFileError(ImportFileError):
    """The file holds nothing (or only blank lines)."""


class NotTextError(ImportFileError):
    """The file is binary: a spreadsheet, an archive, an image..."""


class UnknownEncodingError(ImportFileError):
    """The text is in a character set NetWise cannot recognise with confidence."""


class WrongFormatError(ImportFileError):
    """The file is text, but not of the format that was chosen."""


class MissingColumnsError(ImportFileError):
    """The header lacks a column the format cannot do without."""


class FileTooLargeError(ImportFileError):
    """The file is larger than any real export of its kind."""


class FieldTooLargeError(ImportFileError):
    """One value is larger than any real field (usually a sign of broken quoting)."""


class BrokenQuotingError(ImportFileError):
    """A quoted CSV field is never closed, or text follows its closing quote."""


class UnsupportedVersionError(ImportFileError):
    """A NetWise JSON file written by a newer version, with a format this one cannot read."""
