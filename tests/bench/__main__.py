"""``make bench``: every benchmark, one JSON line per figure, also in build/bench.json."""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench import (
    change_notices,
    contacts,
    events,
    evidence_imports,
    followups,
    import_gui,
    imports,
    insights,
    packaging,
    postgres,
    printing,
    startup,
)
from tests.bench.harness import RESULTS, Recorder

# One line per suite, in the order they run.
SUITES = {
    "startup": startup.run,
    "packaging": packaging.run,
    "contacts": contacts.run,
    "printing": printing.run,
    "imports": imports.run,
    "events": events.run,
    "insights": insights.run,
    "import_gui": import_gui.run,
    "evidence_imports": evidence_imports.run,
    "followups": followups.run,
    "postgres": postgres.run,  # the contacts figures and the 10k import on PostgreSQL
    "change_notices": change_notices.run,  # pg.change_notice_ms: between two windows
}


def main() -> None:
    parser = argparse.ArgumentParser(prog="make bench")
    parser.add_argument("--only", choices=sorted(SUITES), action="append")
    parser.add_argument("--repeats", type=int, default=7)
    args = parser.parse_args()
    recorder = Recorder()
    for name, suite in SUITES.items():
        if args.only and name not in args.only:
            continue
        suite(recorder, args.repeats)
    recorder.write()
    print(f"wrote {len(recorder.lines)} figures to {RESULTS}")


if __name__ == "__main__":
    main()
