"""Time zones of a calendar file, and its dates and times turned into local time.

A TZID is looked up in this order: the IANA name ("Europe/Berlin"); Outlook's Windows
name ("W. Europe Standard Time", through icalendar's table of Windows names); the IANA
name at the end of a vendor path ("/mozilla.org/20070129_1/Europe/Berlin", as old
Thunderbird writes); and last the file's own VTIMEZONE definition, which is what
Outlook's "Customized Time Zone" needs. The definitions are read per file, never from a
cache shared between files, since two files can define one name differently.

A VTIMEZONE that icalendar cannot read is skipped with a problem, and times in it fall
back to the name lookup. A zone that cannot be found at all is taken as local time (with
one problem per zone): for a meeting that is almost always right, and never fails the
import.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zoneinfo
from functools import lru_cache

import icalendar
from icalendar.timezone import tzp
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from desktop_app.exchange.ics_lines import Block, Property
from desktop_app.exchange.records import Problem

_DATE_TIME = re.compile(r"(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z)?)?")


@lru_cache(maxsize=512)
def _named_zone(tzid: str) -> zoneinfo.ZoneInfo | None:
    cleaned = tzid.strip().strip("/")
    candidates = [cleaned]
    if cleaned in WINDOWS_TO_OLSON:
        candidates.append(WINDOWS_TO_OLSON[cleaned])
    if tzid.startswith("/"):
        parts = cleaned.split("/")
        candidates += ["/".join(parts[start:]) for start in range(1, len(parts))]
    for candidate in candidates:
        try:
            return zoneinfo.ZoneInfo(candidate)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
            continue
    return None


class ZoneResolver:
    """The tzinfo of each TZID in one file; problems with zones collected in ``problems``."""

    def __init__(self, zones: list[Block]) -> None:
        self.problems: list[Problem] = []
        self.defined: dict[str, dt.tzinfo] = {}
        self.valid_blocks: dict[str, Block] = {}
        self._reported: set[str] = set()
        self._cache: dict[str, dt.tzinfo | None] = {}
        for block in zones:
            tzid_property = block.first("TZID")
            tzid = tzid_property.value.strip() if tzid_property else ""
            if not tzid:
                self.problems.append(Problem(block.line, "a time zone without a TZID was skipped."))
                continue
            try:
                component = icalendar.Timezone.from_ical(block.text())
                self.defined[tzid] = component.to_tz(tzp, lookup_tzid=False)
                self.valid_blocks[tzid] = block
            except Exception:  # icalendar raises many kinds on a broken definition
                self._reported.add(tzid)
                if _named_zone(tzid) is None:
                    fallback = "its times are taken as local time"
                else:
                    fallback = "its name is used instead"
                self.problems.append(
                    Problem(block.line, f"the time zone “{tzid}” is broken; {fallback}.")
                )

    def zone(self, tzid: str, line: int) -> dt.tzinfo | None:
        """The zone a TZID names, or None (local time) when nothing knows it."""
        if tzid in self._cache:
            return self._cache[tzid]
        found: dt.tzinfo | None = _named_zone(tzid) or self.defined.get(tzid)
        if found is None and tzid not in self._reported and tzid not in self.valid_blocks:
            self._reported.add(tzid)
            self.problems.append(
                Problem(line, f"the time zone “{tzid}” is unknown; its times are taken as local.")
            )
        self._cache[tzid] = found
        return found

    def iana_name(self, tzid: str) -> str | None:
        found = _named_zone(tzid)
        return found.key if found is not None else None

    def portable_tzid(self, tzid: str) -> str | None:
        """The TZID to hand icalendar: the IANA name, else a name for this file's own
        definition, else None (no zone: local time).

        icalendar keeps each VTIMEZONE it reads in a cache shared by every file, by TZID;
        a name made from the definition itself ("Customized Time Zone" differs from one
        Outlook file to the next) keeps one file's definition out of another's times.
        """
        found = _named_zone(tzid)
        if found is not None:
            return found.key
        block = self.valid_blocks.get(tzid)
        if block is None:
            return None
        rules = [line for line in block.raw if not _is_tzid(line)]
        digest = hashlib.sha1("\n".join(rules).encode()).hexdigest()[:16]
        return f"NetWise-{digest}"

    def definition(self, tzid: str) -> str:
        """The file's VTIMEZONE for ``tzid``, under its ``portable_tzid``."""
        block = self.valid_blocks[tzid]
        lines = [
            f"TZID:{self.portable_tzid(tzid)}" if _is_tzid(line) else line for line in block.raw
        ]
        return "\r\n".join(["BEGIN:VTIMEZONE", *lines, "END:VTIMEZONE"])

    def when(self, prop: Property) -> dt.date | dt.datetime:
        """A DATE or DATE-TIME value; ValueError if it is neither."""
        match = _DATE_TIME.fullmatch(prop.value.strip())
        if match is None:
            raise ValueError(prop.value)
        year, month, day = int(match[1]), int(match[2]), int(match[3])
        if match[4] is None:
            return dt.date(year, month, day)
        moment = dt.datetime(year, month, day, int(match[4]), int(match[5]), int(match[6] or 0))
        if match[7]:
            return moment.replace(tzinfo=dt.UTC)
        tzid = prop.params.get("TZID")
        if tzid:
            zone = self.zone(tzid, prop.line)
            if zone is not None:
                return moment.replace(tzinfo=zone)
        return moment


def _is_tzid(line: str) -> bool:
    return line[:5].upper() in ("TZID:", "TZID;")


def to_local(value: dt.date | dt.datetime, local_zone: dt.tzinfo | None) -> dt.datetime:
    """Wall-clock time where the user is (``local_zone``, else this computer's zone)."""
    if not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    if value.tzinfo is None:
        return value  # floating: the same wall-clock time everywhere
    if local_zone is None:
        return value.astimezone().replace(tzinfo=None)
    return value.astimezone(local_zone).replace(tzinfo=None)


def recurrence_id_text(value: dt.date | dt.datetime) -> str:
    """A recurrence id as a stable string: in UTC when the time has a zone."""
    if not isinstance(value, dt.datetime):
        return value.strftime("%Y%m%d")
    if value.tzinfo is None:
        return value.strftime("%Y%m%dT%H%M%S")
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
