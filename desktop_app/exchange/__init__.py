"""File formats: contacts in (LinkedIn, Google CSV, vCard), out (CSV, vCard, iCalendar),
NetWise's own JSON both ways, and duplicate matching. No Qt, no SQLAlchemy, no store.

Parsers take a path and return a ``records.ParsedFile`` of plain ``ContactRecord``s, or
raise an ``errors.ImportFileError`` whose message names the file and line. Writers take
plain records and a stream. ``matching.find_duplicates`` and ``plan.build_plan`` turn a
parsed file into an ``ImportPlan`` that the store applies in one transaction.

Submodules are imported where used (vobject, icalendar and rapidfuzz load on demand).
"""
