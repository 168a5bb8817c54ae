"""LinkedIn data-export archives of any size, for the archive tests and the timing.

    python -m tests.bench.linkedin_archive_files --connections 30000 --messages 200000 \
        --conversations 40000 --out build/bench/Basic_LinkedInDataExport_12-01-2026.zip \
        [--folder] [--time]

The archive looks like one LinkedIn sends: ``Profile.csv``, ``Connections.csv`` (with its
note lines), ``Invitations.csv`` and ``messages.csv`` in the current layout (with the
later ``ATTACHMENTS``/draft/archived columns), plus a sub-folder of another kind. Made-up
people; conversations mostly with one connection and some groups, replies after hours or
weeks, never-answered outreach, and the rows an import must leave out: sponsored mail,
"Message request accepted" rows with no sender, drafts and spam. Contents carry HTML
markup, quotes, commas, line breaks and emoji. ``--time`` reads it back and prints the
parse-only time.
"""

from __future__ import annotations

import argparse
import base64
import csv
import datetime as dt
import io
import random
import time
import zipfile
from pathlib import Path

from tests.bench.linkedin_files import HEADER as CONNECTION_HEADER
from tests.bench.linkedin_files import PREAMBLE, connection_rows

OWNER = ("Alex", "Morgan", "https://www.linkedin.com/in/alex-morgan-0a1b2c")
# The day the archive was exported: every date in it is before this.
EXPORTED = dt.datetime(2026, 12, 1, 9, 0)
MESSAGE_HEADER = [
    "CONVERSATION ID",
    "CONVERSATION TITLE",
    "FROM",
    "SENDER PROFILE URL",
    "TO",
    "RECIPIENT PROFILE URLS",
    "DATE",
    "SUBJECT",
    "CONTENT",
    "FOLDER",
    "ATTACHMENTS",
    "IS MESSAGE DRAFT",
    "IS CONVERSATION ARCHIVED",
]
INVITATION_HEADER = [
    "From",
    "To",
    "Sent At",
    "Message",
    "Direction",
    "inviterProfileUrl",
    "inviteeProfileUrl",
]
PROFILE_HEADER = [
    "First Name",
    "Last Name",
    "Maiden Name",
    "Address",
    "Birth Date",
    "Headline",
    "Summary",
    "Industry",
    "Zip Code",
    "Geo Location",
    "Twitter Handles",
    "Websites",
    "Instant Messengers",
]
# Hours between two messages of a conversation: the same day, the next, weeks later.
GAP_HOURS = (1, 5, 20, 48, 24 * 10, 24 * 40)
CONTENTS = (
    "Hi {name}, great to meet you at the meetup!",
    "<p>Thanks for connecting, {name}. Would you have 15 minutes next week?</p>",
    'Sure — "Tuesday, 10am" works. 👍',
    "Happy to help.<br>Here is the link: https://example.com/deck?id=42&amp;v=2",
    "Sorry for the late reply,\nthings were busy. Let's talk soon!",
    "Congrats on the new role 🎉",
    "Could you introduce me to someone at {company}?",
)


def _when(rng: random.Random) -> dt.datetime:
    start = dt.datetime(2016, 1, 1)
    span = (EXPORTED - dt.timedelta(days=60) - start).total_seconds()
    return start + dt.timedelta(seconds=rng.random() * span)


def _start(rng: random.Random, length: dt.timedelta) -> dt.datetime:
    """When a conversation lasting ``length`` starts, so that it ends before the export."""
    earliest, latest = dt.datetime(2016, 1, 1), EXPORTED - dt.timedelta(days=2) - length
    if latest <= earliest:
        return latest
    return earliest + (latest - earliest) * rng.random()


def _stamp(moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC"


def _conversation_id(rng: random.Random) -> str:
    return "2-" + base64.b64encode(rng.randbytes(30)).decode().rstrip("=")


def message_rows(
    connections: list[list[str]], messages: int, conversations: int, *, seed: int = 7
) -> list[list[str]]:
    """``messages`` rows in ``conversations`` conversations (at least one row each)."""
    rng = random.Random(seed)
    first, last, me_url = OWNER
    me = f"{first} {last}"
    sizes = [1] * conversations
    busy = max(1, conversations // 100)  # one conversation in a hundred is a long thread
    for _ in range(messages - conversations):
        sizes[rng.randrange(busy) if rng.random() < 0.2 else rng.randrange(conversations)] += 1
    rows: list[list[str]] = []
    first = 0
    for size in sizes:
        if rows:  # LinkedIn writes each conversation newest first
            rows[first:] = rows[first:][::-1]
        first = len(rows)
        cid, roll = _conversation_id(rng), rng.random()
        gaps = [dt.timedelta(hours=rng.choice(GAP_HOURS)) for _ in range(size)]
        moment = _start(rng, sum(gaps, dt.timedelta()))
        if roll < 0.03:  # sponsored mail: a sender with no profile address
            sender = rng.choice(("LinkedIn Member", "Sponsored Conversation"))
            for _ in range(size):
                rows.append(
                    [
                        cid,
                        "",
                        sender,
                        "",
                        me,
                        me_url,
                        _stamp(moment),
                        "Offer",
                        "<p>Try Premium</p>",
                        "INBOX",
                        "",
                        "No",
                        "No",
                    ]
                )
                moment += gaps.pop()
            continue
        group = roll < 0.10
        people = [rng.choice(connections) for _ in range(rng.randint(2, 4) if group else 1)]
        names = [f"{p[0]} {p[1]}" for p in people]
        title = ", ".join(names[:3]) if group else ""
        folder = "SPAM" if roll > 0.995 else "INBOX"
        if roll > 0.98:  # a message request that was accepted: LinkedIn's row, no sender
            rows.append(
                [
                    cid,
                    title,
                    "",
                    "",
                    me,
                    me_url,
                    _stamp(moment),
                    "",
                    "Message request accepted",
                    folder,
                    "",
                    "No",
                    "No",
                ]
            )
        mine = rng.random() < 0.5
        for n in range(size):
            if mine:
                sender, url = me, me_url
                to, to_urls = ", ".join(names), ",".join(p[2] for p in people)
            else:
                who = rng.choice(people)
                sender, url = f"{who[0]} {who[1]}", who[2]
                others = [p for p in people if p is not who]
                to = ", ".join([me, *(f"{p[0]} {p[1]}" for p in others)])
                to_urls = ",".join([me_url, *(p[2] for p in others)])
            text = rng.choice(CONTENTS).format(name=names[0].split()[0], company=people[0][4])
            draft = "Yes" if n == size - 1 and rng.random() < 0.01 else "No"
            rows.append(
                [
                    cid,
                    title,
                    sender,
                    url,
                    to,
                    to_urls,
                    _stamp(moment),
                    "",
                    text,
                    folder,
                    "",
                    draft,
                    "No",
                ]
            )
            moment += gaps.pop()
            mine = not mine if rng.random() < 0.7 else mine
    rows[first:] = rows[first:][::-1]
    return rows


def invitation_rows(connections: list[list[str]], *, seed: int = 11) -> list[list[str]]:
    rng = random.Random(seed)
    first, last, me_url = OWNER
    me = f"{first} {last}"
    rows: list[list[str]] = []
    for person in rng.sample(connections, min(len(connections), len(connections) // 10 + 1)):
        name, when = f"{person[0]} {person[1]}", _when(rng)
        stamp = f"{when.month}/{when.day}/{when:%y}, {when.hour % 12 or 12}:{when:%M} " + (
            "PM" if when.hour >= 12 else "AM"
        )
        if rng.random() < 0.5:
            rows.append([name, me, stamp, "", "INCOMING", person[2], me_url])
        else:
            rows.append([me, name, stamp, "Hi, let's connect!", "OUTGOING", me_url, person[2]])
    for n in range(len(rows) // 5 + 1):  # sent, never accepted: not among the connections
        rows.append(
            [
                me,
                f"Pat Pending{n}",
                "3/4/24, 9:15 AM",
                "",
                "OUTGOING",
                me_url,
                f"https://www.linkedin.com/in/pat-pending-{n}",
            ]
        )
    return rows


def _csv(rows: list[list[str]], header: list[str], preamble: str = "") -> str:
    out = io.StringIO()
    out.write(preamble)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def archive_files(
    connections: int, messages: int, conversations: int, *, seed: int = 5
) -> dict[str, str]:
    """File name in the archive → its text."""
    people = connection_rows(connections, seed=seed)
    first, last, _ = OWNER
    profile = [
        [
            first,
            last,
            "",
            "",
            "",
            "Product manager, networks of people",
            "",
            "Software",
            "",
            "Lisbon, Portugal",
            "",
            "",
            "",
        ]
    ]
    return {
        "Profile.csv": _csv(profile, PROFILE_HEADER),
        "Connections.csv": _csv(people, CONNECTION_HEADER, PREAMBLE),
        "Invitations.csv": _csv(invitation_rows(people, seed=seed), INVITATION_HEADER),
        "messages.csv": _csv(
            message_rows(people, messages, conversations, seed=seed), MESSAGE_HEADER
        ),
        "Jobs/Job Applications.csv": _csv(
            [["2/1/24", "Engineer", "Acme"]], ["Application Date", "Job Title", "Company Name"]
        ),
    }


def write_archive(path: Path, files: dict[str, str], *, folder: bool = False) -> Path:
    """The files as a ZIP at ``path``, or (``folder``) as the unzipped folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if folder:
        for name, text in files.items():
            (path / name).parent.mkdir(parents=True, exist_ok=True)
            (path / name).write_text(text, encoding="utf-8")
        return path
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text.encode("utf-8"))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.linkedin_archive_files")
    parser.add_argument("--connections", type=int, default=30_000)
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--conversations", type=int, default=40_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--folder", action="store_true", help="write the unzipped folder")
    parser.add_argument("--time", action="store_true", help="read it back, print the time")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    files = archive_files(args.connections, args.messages, args.conversations, seed=args.seed)
    write_archive(args.out, files, folder=args.folder)
    print(f"wrote {args.out} ({args.messages:,} messages, {args.connections:,} connections)")
    if args.time:
        print(parse_time(args.out))


def parse_time(path: Path) -> str:
    """The parse-only time of the archive at ``path``, as the import will run it (the
    collector paused): elapsed and processor seconds, and what was read."""
    from desktop_app.bulkwork import collector_paused
    from desktop_app.exchange.linkedin_archive import read_linkedin_archive

    with collector_paused():
        start, cpu = time.perf_counter(), time.process_time()
        contents = read_linkedin_archive(
            path,
            today=EXPORTED.date(),
            reply_window_days=14,
            now=EXPORTED,
            zone=dt.timezone(dt.timedelta(hours=-5)),  # as the window will pass the user's
        )
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
    summary = contents.summary
    return (
        f"parsed in {elapsed:.2f} s ({cpu:.2f} s of processor): {summary.messages:,} messages "
        f"in {summary.conversations:,} conversations, {summary.interactions:,} interactions, "
        f"{sum(len(p.records) for p in contents.connections):,} connections, skipped "
        f"{summary.skipped}"
    )


if __name__ == "__main__":
    main()
