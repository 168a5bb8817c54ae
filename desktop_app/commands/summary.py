"""The import summary the command line prints: plan, suggestions, problems, outcome."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from desktop_app.exchange.plan import CREATE, MERGE, SKIP
from desktop_app.store.importer import ImportPreview, ImportResult
from desktop_app.wording import count_of

LISTED = 20


def listed(lines: Sequence[str], out: TextIO) -> None:
    for line in lines[:LISTED]:
        print(f"  {line}", file=out)
    if len(lines) > LISTED:
        print(f"  … and {len(lines) - LISTED:,} more", file=out)


def _who(name: str, company: str) -> str:
    return f"{name} ({company})" if company else name


def print_plan(preview: ImportPreview, label: str, out: TextIO) -> None:
    plan = preview.plan
    print(
        f"Read {count_of(len(plan.items), 'contact')} from “{Path(plan.source).name}” "
        f"({label}, {plan.encoding}).",
        file=out,
    )
    within = sum(1 for i in plan.items if i.action == MERGE and i.into_index is not None)
    print(
        f"Plan: {plan.count(CREATE):,} to create, {plan.count(MERGE):,} to merge "
        f"(same e-mail or profile address; {within:,} of them within the file), "
        f"{plan.count(SKIP):,} to skip.",
        file=out,
    )
    suggested = []
    for item in plan.suggested():
        record = item.record
        for match in item.suggestions:
            if match.contact_id is not None:
                other = preview.contact_labels.get(match.contact_id, "?")
                other += f" [contact {match.contact_id}]"
            else:
                earlier = plan.items[match.other_index].record  # type: ignore[index]
                other = f"{_who(earlier.name(), earlier.company)} [line {earlier.line}]"
            suggested.append(
                f"line {record.line}: {_who(record.name(), record.company)} ~ {other}, "
                f"score {match.score:g}"
            )
    if suggested:
        print(
            f"Suggested matches, not merged ({len(suggested):,}; review them in NetWise):",
            file=out,
        )
        listed(suggested, out)
    if plan.problems:
        print(f"Rows left out or with values left out ({len(plan.problems):,}):", file=out)
        listed([str(p) for p in plan.problems], out)


def print_result(result: ImportResult, format_name: str, out: TextIO) -> None:
    print(
        f"Imported: {len(result.created):,} created, {len(result.merged):,} merged"
        f" ({result.unchanged:,} already up to date), {result.skipped:,} skipped.",
        file=out,
    )
    if result.job_changes:
        print(f"Job changes ({len(result.job_changes):,}; worth a congratulation):", file=out)
        listed(
            [
                f"{c.name}: {_job(c.old_title, c.old_company)} → {_job(c.new_title, c.new_company)}"
                for c in result.job_changes
            ],
            out,
        )
    if format_name == "linkedin" and result.created:
        print(f"New connections ({len(result.created):,}):", file=out)
        listed([name for _, name in result.created], out)


def _job(title: str, company: str) -> str:
    if title and company:
        return f"{title} at {company}"
    return title or company or "—"
