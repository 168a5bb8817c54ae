"""An import plan: for each record of a file, create, merge or skip, with its reasons.

``build_plan`` proposes the default — exact matches are merged, everything else is
created, suggestions are listed but not acted on — and the preview (or the command line)
may change any item before the store applies the plan in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop_app.exchange.matching import DuplicateReport, Match
from desktop_app.exchange.merging import REPLACED_BY_FORMAT
from desktop_app.exchange.records import ContactRecord, ParsedFile, Problem

CREATE, MERGE, SKIP = "create", "merge", "skip"
ACTIONS = (CREATE, MERGE, SKIP)


@dataclass(slots=True)
class PlanItem:
    index: int
    record: ContactRecord
    action: str = CREATE
    # A merge goes into a contact of the database, or into an earlier record of the file.
    contact_id: int | None = None
    into_index: int | None = None
    exact: Match | None = None
    suggestions: list[Match] = field(default_factory=list)
    # For a merge: the fields whose change is accepted (None: every change).
    accepted: frozenset[str] | None = None

    def merge_into(self, match: Match) -> None:
        """Merge into what ``match`` points at (an exact match or a chosen suggestion)."""
        self.action = MERGE
        self.contact_id, self.into_index = match.contact_id, match.other_index

    def create(self) -> None:
        self.action, self.contact_id, self.into_index = CREATE, None, None

    def skip(self) -> None:
        self.action, self.contact_id, self.into_index = SKIP, None, None


@dataclass(slots=True)
class ImportPlan:
    source: str
    format: str
    encoding: str
    items: list[PlanItem]
    problems: list[Problem] = field(default_factory=list)

    @property
    def replaced_fields(self) -> frozenset[str]:
        return REPLACED_BY_FORMAT.get(self.format, frozenset())

    def count(self, action: str) -> int:
        return sum(1 for item in self.items if item.action == action)

    def suggested(self) -> list[PlanItem]:
        """Items not merged that have suggestions: for a person to decide."""
        return [i for i in self.items if i.suggestions and i.action != MERGE]


def build_plan(parsed: ParsedFile, report: DuplicateReport) -> ImportPlan:
    items = []
    for index, record in enumerate(parsed.records):
        item = PlanItem(
            index,
            record,
            exact=report.exact.get(index),
            suggestions=report.suggestions.get(index, []),
        )
        if item.exact is not None:
            item.merge_into(item.exact)
        items.append(item)
    return ImportPlan(parsed.source, parsed.format, parsed.encoding, items, list(parsed.problems))
