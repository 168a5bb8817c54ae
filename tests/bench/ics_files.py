"""iCalendar files of any size for the calendar import benchmarks.

    python -m tests.bench.ics_files --events 5000 --series 500 --out build/bench/calendar.ics
        [--time]

The file looks like a busy work calendar exported from Outlook or Google: ``events``
VEVENTs, of which ``series`` repeat (weekly or every other week, some ending on a date,
some after a count, some never), a few with a moved occurrence (RECURRENCE-ID) and an
EXDATE; times in UTC, in an IANA zone and in Outlook's Windows zone names; organisers and
two to six attendees each, some declined; one event in twenty cancelled, one in ten a
meetup or conference. Events fall in the two years before ``today`` and the 90 days after.
With ``--time``, the file is also parsed and the time printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from pathlib import Path

from desktop_app.store import demo_names as words

OWNER = "me@example.com"
TITLES = (
    "Weekly sync",
    "1:1",
    "Project review",
    "Lunch",
    "Coffee chat",
    "Quarterly planning",
    "Customer call",
    "Design review",
)
NETWORKING_TITLES = ("Tech meetup", "Product conference", "Founders mixer", "Growth webinar")
ZONES = ("utc", "Europe/Berlin", "W. Europe Standard Time", "Pacific Standard Time")
PARTSTATS = ("ACCEPTED", "ACCEPTED", "ACCEPTED", "TENTATIVE", "NEEDS-ACTION", "DECLINED")
BERLIN = (
    "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n"
    "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\n"
    "TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n"
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
)


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")


def _when(name: str, moment: dt.datetime, zone: str) -> str:
    if zone == "utc":
        return f"{name}:{_stamp(moment)}Z"
    return f"{name};TZID={zone}:{_stamp(moment)}"


def _person(rng: random.Random) -> tuple[str, str]:
    first, last = rng.choice(words.FIRST_NAMES), rng.choice(words.LAST_NAMES)
    return f"{first} {last}", f"{first}.{last}@example.org".lower()


def calendar_text(events: int, series: int, *, seed: int = 7, today: dt.date | None = None) -> str:
    rng = random.Random(seed)
    today = today or dt.date.today()
    first_day = today - dt.timedelta(days=730)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Bench//Calendar//EN"]
    lines.append(f"X-WR-CALNAME:{OWNER}")
    text = "\r\n".join(lines) + "\r\n" + BERLIN
    out = [text]
    recurring = set(rng.sample(range(events), min(series, events)))
    for number in range(events):
        day = first_day + dt.timedelta(days=rng.randrange(820))
        start = dt.datetime.combine(day, dt.time(rng.randrange(8, 18), rng.choice((0, 30))))
        end = start + dt.timedelta(minutes=rng.choice((30, 45, 60, 90)))
        zone = rng.choice(ZONES)
        networking = rng.random() < 0.1
        title = rng.choice(NETWORKING_TITLES if networking else TITLES)
        uid = f"bench-{number}@example.com"
        body = [
            "BEGIN:VEVENT",
            f"UID:{uid}",
            "DTSTAMP:20250101T000000Z",
            _when("DTSTART", start, zone),
            _when("DTEND", end, zone),
            f"SUMMARY:{title} {number}",
            f"LOCATION:Room {rng.randrange(1, 40)}\\, Main building",
            f"STATUS:{'CANCELLED' if rng.random() < 0.05 else 'CONFIRMED'}",
        ]
        organiser_is_me = rng.random() < 0.5
        name, email = ("Me", OWNER) if organiser_is_me else _person(rng)
        body.append(f'ORGANIZER;CN="{name}":mailto:{email}')
        for _ in range(rng.randrange(2, 7)):
            name, email = _person(rng)
            partstat = rng.choice(PARTSTATS)
            body.append(
                f'ATTENDEE;CN="{name}";ROLE=REQ-PARTICIPANT;PARTSTAT={partstat}:mailto:{email}'
            )
        if number in recurring:
            interval = rng.choice((1, 1, 2))
            ending = rng.choice(("", f";COUNT={rng.randrange(5, 60)}", ";UNTIL=20991231T000000Z"))
            body.append(f"RRULE:FREQ=WEEKLY;INTERVAL={interval}{ending}")
            skipped = start + dt.timedelta(weeks=interval * 2)
            body.append(_when("EXDATE", skipped, zone))
        body.append("END:VEVENT")
        out.append("\r\n".join(body) + "\r\n")
        if number in recurring and rng.random() < 0.3:
            moved_from = start + dt.timedelta(weeks=interval * 3)
            moved_to = moved_from + dt.timedelta(hours=1)
            out.append(
                "\r\n".join(
                    [
                        "BEGIN:VEVENT",
                        f"UID:{uid}",
                        "DTSTAMP:20250101T000000Z",
                        _when("RECURRENCE-ID", moved_from, zone),
                        _when("DTSTART", moved_to, zone),
                        _when("DTEND", moved_to + (end - start), zone),
                        f"SUMMARY:{title} {number} (moved)",
                        "END:VEVENT",
                    ]
                )
                + "\r\n"
            )
    out.append("END:VCALENDAR\r\n")
    return "".join(out)


def write_calendar_file(path: Path, events: int, series: int, *, seed: int = 7) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(calendar_text(events, series, seed=seed), encoding="utf-8", newline="")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.ics_files")
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--series", type=int, default=500)
    parser.add_argument("--out", type=Path, default=Path("build/bench/calendar.ics"))
    parser.add_argument("--time", action="store_true", help="parse the file and print the time")
    args = parser.parse_args()
    path = write_calendar_file(args.out, args.events, args.series)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    if args.time:
        from desktop_app.exchange.ics_in import parse_calendar

        started = time.perf_counter()
        parsed = parse_calendar(path)
        seconds = time.perf_counter() - started
        print(
            f"parsed {len(parsed.occurrences):,} occurrences "
            f"({len(parsed.problems)} problems) in {seconds:.2f} s"
        )


if __name__ == "__main__":
    main()
