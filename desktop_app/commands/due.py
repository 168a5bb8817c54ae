"""``netwise due``: what is due today, for people and for schedulers.

Follow-ups due today or overdue, contacts to keep in touch with (overdue by their cadence,
most valuable first) and birthdays in the next days (7 unless ``--days``). ``--json``
prints one document with stable keys: ``as_of``, ``birthday_days``, ``followups``,
``keep_in_touch``, ``birthdays``. The exit code is 0 whether or not anything is due.
"""

from __future__ import annotations

# Only what building the parser needs is imported here (``netwise --help`` stays instant).
import argparse
import sys
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    import datetime as dt

    from desktop_app.store.database import Database

BIRTHDAY_DAYS = 7
_ALL = 1_000_000  # the follow-ups page size: every open follow-up that is due


def add_due_arguments(parser: argparse.ArgumentParser) -> None:
    from desktop_app.commands.insights import add_stats_arguments

    add_stats_arguments(parser)  # --json, and --db/--demo/--today after the command
    parser.add_argument(
        "--days",
        type=_days,
        default=BIRTHDAY_DAYS,
        metavar="N",
        help=f"list birthdays in the next N days (default {BIRTHDAY_DAYS})",
    )


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of days: {text!r}") from None
    if not 0 <= days <= 366:
        raise argparse.ArgumentTypeError("the number of days is from 0 to 366")
    return days


def read_due(db: Database, today: dt.date, birthday_days: int) -> dict[str, Any]:
    """Everything due on ``today`` as plain values (the JSON document)."""
    from desktop_app.store.birthdays import read_birthdays_within
    from desktop_app.store.followups import followups_in_group
    from desktop_app.store.keep_in_touch import read_overdue
    from desktop_app.store.reader import DatabaseReader
    from desktop_app.store.scores import ensure_insights_current

    ensure_insights_current(db, today)  # the verdicts the default cadences follow
    reader = DatabaseReader(db)
    followups = [
        item
        for group in ("overdue", "today")
        for item in followups_in_group(reader, group, today, limit=_ALL)
    ]
    return {
        "as_of": today.isoformat(),
        "birthday_days": birthday_days,
        "followups": [
            {
                "interaction_id": f.interaction_id,
                "contact_id": f.contact_id,
                "name": f.contact_name,
                "company": f.company,
                "due_on": f.due.isoformat(),
                "days_overdue": (today - f.due).days,
                "kind": f.kind,
            }
            for f in followups
        ],
        "keep_in_touch": [
            {
                "contact_id": row.contact_id,
                "name": row.name,
                "company": row.company,
                "cadence": row.cadence,
                "last_touch_on": row.last_touch_on.isoformat(),
                "due_on": row.due_on.isoformat(),
                "days_overdue": row.days_overdue,
                "alignment": row.alignment,
                "verdict": row.verdict,
            }
            for row in read_overdue(db, today)
        ],
        "birthdays": [
            {
                "contact_id": b.contact_id,
                "name": b.name,
                "on": b.on.isoformat(),
                "days_away": b.days_away,
                "turns": b.birthday.age_on(b.on),
            }
            for b in read_birthdays_within(db, today, birthday_days)
        ],
    }


def run_due(args: argparse.Namespace, out: TextIO | None = None) -> int:
    import datetime as dt

    from desktop_app.commands.insights import _run as run_on_database
    from desktop_app.commands.terminal import terminal_stream

    stream = terminal_stream(out or sys.stdout, json=args.json)
    today = args.today or dt.date.today()

    def due(db: Database) -> None:
        import json

        document = read_due(db, today, args.days)
        if args.json:
            json.dump(document, stream, indent=2, ensure_ascii=False)
            stream.write("\n")
        else:
            print_due(document, stream)

    return run_on_database(args, due)


def print_due(document: dict[str, Any], out: TextIO) -> None:
    import datetime as dt

    from desktop_app.commands.summary import listed
    from desktop_app.datetext import format_day
    from desktop_app.insights.keep_in_touch import CADENCE_LABELS
    from desktop_app.wording import count_of

    def day(text: str) -> str:
        return format_day(dt.date.fromisoformat(text))

    def who(item: dict[str, Any]) -> str:
        return f"{item['name']} ({item['company']})" if item.get("company") else item["name"]

    def late(days: int) -> str:
        return "due today" if days == 0 else f"{count_of(days, 'day')} overdue"

    print(f"Due on {day(document['as_of'])}:", file=out)
    followups, keep, birthdays = (
        document["followups"],
        document["keep_in_touch"],
        document["birthdays"],
    )
    if not (followups or keep or birthdays):
        print(
            f"Nothing is due, and no birthday in the next {document['birthday_days']} days.",
            file=out,
        )
        return
    if followups:
        print(f"Follow-ups ({len(followups):,}):", file=out)
        listed([f"{who(f)}: {late(f['days_overdue'])}" for f in followups], out)
    if keep:
        print(f"Keep in touch ({len(keep):,}, most valuable first):", file=out)
        listed(
            [
                f"{who(k)}: {late(k['days_overdue'])} ({CADENCE_LABELS[k['cadence']].lower()}, "
                f"last in touch {day(k['last_touch_on'])})"
                for k in keep
            ],
            out,
        )
    if birthdays:
        print(f"Birthdays in the next {count_of(document['birthday_days'], 'day')}:", file=out)
        listed(
            [
                f"{b['name']}: {day(b['on'])}"
                + ("" if b["turns"] is None else f" (turns {b['turns']})")
                for b in birthdays
            ],
            out,
        )
