"""Errors a user can act on, as opposed to bugs.

Each carries a message written for the person in front of the screen. The ui shows these
as messages; anything else that escapes is a bug and goes to the crash handler.
"""

from __future__ import annotations


class StoreError(Exception):
    """A database problem the user can understand and act on."""

    def __init__(self, message: str, *, target: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.target = target


class NotNetWiseDatabaseError(StoreError):
    """The file exists but is not a NetWise database (another program's, or not SQLite)."""


class CorruptDatabaseError(StoreError):
    """SQLite reports the file as damaged."""


class NewerSchemaError(StoreError):
    """The database was written by a newer NetWise; it is left untouched."""


class DatabaseLockedError(StoreError):
    """Another program holds a lock on the database."""


class StorageFullError(StoreError):
    """The disk (or quota) is full."""


class DatabaseAccessError(StoreError):
    """The file or its folder cannot be read or written with the user's permissions."""


class BackupError(StoreError):
    """A backup copy could not be written or did not verify."""


def classify_sqlite_error(exc: BaseException, target: str) -> StoreError | None:
    """Map a driver error text to the user-facing error it stands for, if any."""
    text = str(exc).lower()
    where = f"“{target}”"
    if "file is not a database" in text or "file is encrypted" in text:
        return NotNetWiseDatabaseError(
            f"{where} is not a NetWise database (it is not an SQLite file). It was left untouched.",
            target=target,
        )
    if "malformed" in text or "corrupt" in text:
        return CorruptDatabaseError(
            f"{where} is damaged and cannot be opened. It was left untouched; "
            "restore a backup from File → Restore…, or open another database.",
            target=target,
        )
    if "database is locked" in text or "database table is locked" in text:
        return DatabaseLockedError(
            f"{where} is locked by another program. Close it and try again.", target=target
        )
    if "database or disk is full" in text or ("disk i/o error" in text and "full" in text):
        return StorageFullError(
            f"The disk holding {where} is full. Free some space; nothing was lost.",
            target=target,
        )
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return DatabaseAccessError(
            f"{where} cannot be opened for writing. Check that the file and its folder "
            "belong to you and are writable.",
            target=target,
        )
    return None


class InvalidInputError(StoreError):
    """What was given to write breaks a rule of the domain (a contact without a name...)."""


class ConnectionLostError(StoreError):
    """The server of an open database went out of reach: nothing was half-written (each
    write is one transaction), and the same work can be tried again once it is back."""


class ChangedElsewhereError(StoreError):
    """The row was written by someone else since it was read: nothing was overwritten."""
