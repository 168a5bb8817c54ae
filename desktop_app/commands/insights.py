"""``netwise review`` and ``netwise stats``: the insights on the chosen database, no window.

``review`` prints "Are you networking with the wrong people?": the contacts to move on
from or to give to first, grouped by reason, each with every reason in words (``--all``
lists every contact's verdict). ``stats`` prints the dashboard's figures, warnings, the
growth of the goal's measures and the return on time by event kind. ``--json`` prints the
same as one JSON document.
"""

from __future__ import annotations

# Only what building the parser needs is imported here: ``netwise --help`` and the window's
# start-up pay for nothing else.
import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

from desktop_app import paths
from desktop_app.datetext import format_day

if TYPE_CHECKING:
    import datetime as dt

    from desktop_app.insights.review import ReviewEntry, ReviewGroup
    from desktop_app.store.dashboard import Dashboard
    from desktop_app.store.database import Database


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON document")
    # Also accepted after the command (``netwise review --db FILE``).
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    parser.add_argument(
        "--demo", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS
    )
    parser.add_argument(
        "--today", metavar="YYYY-MM-DD", type=_day, help=argparse.SUPPRESS
    )  # fixed day for reproducible output


def _day(text: str) -> dt.date:
    import datetime as dt

    return dt.date.fromisoformat(text)


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    _add_common(parser)
    parser.add_argument(
        "--all", action="store_true", help="list every contact's verdict, not only the review"
    )


def add_stats_arguments(parser: argparse.ArgumentParser) -> None:
    _add_common(parser)


def _open(args: argparse.Namespace) -> Database:
    """The database the global options chose; a missing file is an error, not a new file.

    With ``--demo`` the start-up has built the demo database already.
    """
    from desktop_app.server_passwords import server_password
    from desktop_app.store.database import open_database
    from desktop_app.store.engine import sqlite_path

    target = paths.resolve_database(getattr(args, "db", None), demo=getattr(args, "demo", False))
    path = sqlite_path(target)
    if path is not None and not path.exists():
        from desktop_app.store.errors import DatabaseAccessError

        raise DatabaseAccessError(f"There is no NetWise database at “{target}”.", target=target)
    return open_database(target, password=server_password(target))


def _run(args: argparse.Namespace, action: Any) -> int:
    from desktop_app.commands.terminal import safe_text
    from desktop_app.store.errors import StoreError

    try:
        db = _open(args)
    except StoreError as exc:
        print(f"netwise: {safe_text(exc.message)}", file=sys.stderr)
        return 1
    try:
        action(db)
    except StoreError as exc:
        print(f"netwise: {safe_text(exc.message)}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``netwise review | head``): not an error. Point stdout at
        # nothing so that the interpreter's final flush does not complain either.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    finally:
        db.close()
    return 0


def _plain(value: Any) -> Any:
    import datetime as dt

    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def _entry_json(entry: ReviewEntry) -> dict[str, Any]:
    import dataclasses

    data = dataclasses.asdict(entry)
    data["verdict_label"] = entry.label
    return data


def run_review(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from desktop_app.commands.terminal import terminal_stream
    from desktop_app.store.insight_reads import read_review_entries, review_verdicts
    from desktop_app.store.scores import ensure_insights_current, read_inputs

    stream = terminal_stream(out or sys.stdout, json=args.json)

    def review(db: Database) -> None:
        import dataclasses
        import json

        from desktop_app.insights.review import build_review, by_verdict

        ensure_insights_current(db, args.today)
        with db.engine.connect() as connection:
            inputs = read_inputs(connection, args.today)
            entries = read_review_entries(
                connection, inputs, verdicts=review_verdicts(args.all), detailed=True
            )
        groups = build_review(entries)
        everyone = by_verdict(entries) if args.all else ()
        if args.json:
            document: dict[str, Any] = {
                "as_of": inputs.today,
                "goal": inputs.goal.statement if inputs.goal else None,
                "groups": [
                    {
                        **{k: v for k, v in dataclasses.asdict(g).items() if k != "entries"},
                        "contacts": [_entry_json(e) for e in g.entries],
                    }
                    for g in groups
                ],
            }
            if args.all:
                document["verdicts"] = {
                    verdict: [_entry_json(e) for e in members] for verdict, members in everyone
                }
            json.dump(document, stream, default=_plain, indent=2, ensure_ascii=False)
            stream.write("\n")
            return
        _print_review(stream, inputs.today, inputs.goal.statement if inputs.goal else "", groups)
        if args.all:
            _print_everyone(stream, everyone)

    return _run(args, review)


def _print_review(
    stream: TextIO, today: dt.date, goal: str, groups: tuple[ReviewGroup, ...]
) -> None:
    from desktop_app.insights.review import review_summary

    stream.write(f"Are you networking with the wrong people? (as of {format_day(today)})\n")
    stream.write(f"Goal: {goal}\n" if goal else "No active goal: alignment cannot be judged.\n")
    if not groups:
        stream.write("\nNobody to move on from or to give to first.\n")
    else:
        stream.write(f"{review_summary(groups)}\n")
    for group in groups:
        stream.write(f"\n{group.title} ({len(group.entries)})\n  {group.advice}\n")
        for entry in group.entries:
            _print_entry(stream, entry, skip_advice=True)


def _print_entry(stream: TextIO, entry: ReviewEntry, *, skip_advice: bool = False) -> None:
    where = f", {entry.company}" if entry.company else ""
    stream.write(
        f"  - {entry.name}{where} [#{entry.contact_id}]: {entry.label}, "
        f"alignment {entry.alignment}/100\n"
    )
    # In a review group the first reason is the group's advice, already printed above.
    for reason in entry.reasons[1:] if skip_advice and len(entry.reasons) > 1 else entry.reasons:
        stream.write(f"      {reason}\n")


def _print_everyone(
    stream: TextIO, everyone: tuple[tuple[str, tuple[ReviewEntry, ...]], ...]
) -> None:
    from desktop_app.insights.verdicts import VERDICT_LABELS

    stream.write("\nEvery contact by verdict\n")
    for verdict, members in everyone:
        stream.write(f"\n{VERDICT_LABELS[verdict]} ({len(members)})\n")
        for entry in members:
            _print_entry(stream, entry)


def run_stats(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from desktop_app.commands.terminal import terminal_stream
    from desktop_app.store.dashboard import load_dashboard

    stream = terminal_stream(out or sys.stdout, json=args.json)

    def stats(db: Database) -> None:
        import dataclasses
        import json

        dashboard = load_dashboard(db, args.today)
        if args.json:
            document = dataclasses.asdict(dashboard)
            document.pop("review")  # ``netwise review`` prints it, with every reason
            json.dump(document, stream, default=_plain, indent=2, ensure_ascii=False)
            stream.write("\n")
            return
        _print_stats(stream, dashboard)

    return _run(args, stats)


def _print_stats(stream: TextIO, dashboard: Dashboard) -> None:
    from desktop_app.insights.figures import shown_value
    from desktop_app.insights.verdicts import VERDICT_LABELS, VERDICTS

    stream.write(f"NetWise figures (as of {format_day(dashboard.today)})\n\n")
    width = max(len(f.label) for f in dashboard.figures)
    for figure in dashboard.figures:
        target = ""
        if figure.target is not None:
            target = f" (target {shown_value(figure.target, figure.unit)})"
        stream.write(f"  {figure.label:<{width}}  {figure.text}{target}\n")
        for reason in figure.reasons:
            stream.write(f"  {'':<{width}}  {reason}\n")
    warnings = [f.warning for f in dashboard.figures if f.warning]
    if warnings:
        stream.write("\nWarnings\n")
        for warning in warnings:
            stream.write(f"  ! {warning}\n")
    counts = dashboard.verdict_counts
    stream.write(
        "\nVerdicts: "
        + ", ".join(f"{VERDICT_LABELS[v]} {counts.get(v, 0):,}" for v in VERDICTS)
        + "\n"
    )
    if dashboard.growth:
        stream.write("\nGrowth against your goal's targets\n")
        for measure in dashboard.growth:
            status = measure.status.replace("_", " ")
            stream.write(f"  {measure.name}: {status}\n")
            for reason in measure.reasons:
                stream.write(f"      {reason}\n")
            if measure.months:
                shown = ", ".join(f"{m} {v:g}" for m, v in measure.months)
                stream.write(f"      By month: {shown}\n")
    if dashboard.events_by_kind:
        stream.write("\nReturn on time by event kind\n")
        for kind in dashboard.events_by_kind:
            stream.write(f"  {kind.reason}\n")
