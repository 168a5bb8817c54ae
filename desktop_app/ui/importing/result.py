"""What an import did, in words: the message shown when it is written."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop_app.ui.importing.describe import job
from desktop_app.wording import count_of

if TYPE_CHECKING:
    from desktop_app.store.importer import ImportResult

LISTED = 8


def _listed(lines: list[str]) -> list[str]:
    shown = [f"  • {line}" for line in lines[:LISTED]]
    if len(lines) > LISTED:
        shown.append(f"  … and {len(lines) - LISTED:,} more")
    return shown


def result_text(file_name: str, format_name: str, result: ImportResult) -> str:
    lines = [
        f"Imported “{file_name}”: {count_of(len(result.created), 'contact')} created, "
        f"{len(result.merged):,} merged ({result.unchanged:,} already up to date), "
        f"{result.skipped:,} skipped."
    ]
    if result.job_changes:
        lines += ["", f"Job changes — worth a congratulation ({len(result.job_changes):,}):"]
        lines += _listed(
            [
                f"{c.name}: {job(c.old_title, c.old_company)} → {job(c.new_title, c.new_company)}"
                for c in result.job_changes
            ]
        )
    if format_name == "linkedin" and result.created:
        lines += ["", f"New connections ({len(result.created):,}):"]
        lines += _listed([name for _, name in result.created])
    return "\n".join(lines)
