"""LinkedIn ``Connections.csv`` files of any size for the import benchmarks.

    python -m tests.bench.linkedin_files --rows 10000 --out build/bench/Connections-10k.csv
        [--overlap-db build/bench/contacts-10k.sqlite3]

The file looks like a recent export: the note lines before the header, "12 Mar 2021"
dates, a few empty e-mails, names in several scripts and some with emoji. With
``--overlap-db``, one row in ten is a contact of that database (same profile address,
some with a new company: job changes), and a few rows repeat earlier ones or carry a
slightly different spelling of a name at the same company (suggestions).
"""

from __future__ import annotations

import argparse
import csv
import random
import sqlite3
from pathlib import Path

from desktop_app.store import demo_names as words

PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    "are missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
EXTRA_FIRST = (
    "Łukasz",
    "Søren",
    "Ngozi",
    "Siobhán",
    "Αλέξανδρος",
    "Иван",
    "明",
    "Ana 🌱",
    "Raj ✨",
)
EXTRA_LAST = ("Kowalski", "Nørgaard", "Okafor", "Ní Bhriain", "Παπαδόπουλος", "Петров", "王")
COMPANY_WORDS = (
    "Blue",
    "Green",
    "Bright",
    "North",
    "Open",
    "Clear",
    "Swift",
    "Iron",
    "Silver",
    "Nova",
    "Prime",
    "Urban",
    "Delta",
    "Alpha",
    "Lumen",
    "Pixel",
    "Quantum",
    "Harbor",
    "Cedar",
    "Summit",
    "Orbit",
    "Atlas",
    "Vertex",
    "Echo",
    "Maple",
    "Granite",
    "Coral",
    "Falcon",
)
COMPANY_KINDS = (
    "Labs",
    "Systems",
    "Partners",
    "Health",
    "Energy",
    "Analytics",
    "Capital",
    "Logistics",
    "Media",
    "Robotics",
    "Foods",
    "Software",
    "Consulting",
    "Bank",
    "Studio",
    "Networks",
    "Foundry",
    "Works",
    "Group",
    "Ventures",
)
MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def _company(rng: random.Random) -> str:
    # A few large employers and a long tail, as in a real network.
    if rng.random() < 0.2:
        return rng.choice(COMPANY_WORDS[:6]) + " " + rng.choice(COMPANY_KINDS[:3])
    return f"{rng.choice(COMPANY_WORDS)} {rng.choice(COMPANY_KINDS)}"


def _existing(path: Path, limit: int) -> list[tuple[str, str, str, str, str]]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return connection.execute(
            "SELECT first_name, last_name, linkedin_url, company, title FROM contacts "
            "ORDER BY id LIMIT ?",
            (limit,),
        ).fetchall()


def connection_rows(
    count: int, *, seed: int = 5, overlap: list[tuple[str, str, str, str, str]] | None = None
) -> list[list[str]]:
    rng = random.Random(seed)
    firsts = [*words.FIRST_NAMES, *EXTRA_FIRST]
    lasts = [*words.LAST_NAMES, *EXTRA_LAST]
    titles = [title for group in words.TITLES.values() for title in group]
    overlap = list(overlap or [])
    rows: list[list[str]] = []
    for n in range(count):
        day = f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2008, 2025)}"
        roll = rng.random()
        if overlap and roll < 0.10:
            first, last, url, company, title = overlap.pop(rng.randrange(len(overlap)))
            if rng.random() < 0.2:  # changed jobs since
                company, title = _company(rng), rng.choice(titles)
            rows.append([first, last, url, "", company, title, day])
            continue
        if rows and roll < 0.12:  # the same person twice (LinkedIn does this rarely)
            rows.append(list(rows[rng.randrange(len(rows))]))
            continue
        if rows and roll < 0.14:  # a near-duplicate spelling at the same company
            first, last, _, _, company, title, _ = rows[rng.randrange(len(rows))]
            first = first[:-1] if len(first) > 3 else first + "a"
            slug = f"{first}-{last}-x{n}".lower().replace(" ", "")
            rows.append(
                [first, last, f"https://www.linkedin.com/in/{slug}", "", company, title, day]
            )
            continue
        first, last = rng.choice(firsts), rng.choice(lasts)
        slug = f"{first}-{last}-{n}".lower().replace(" ", "")
        email = f"{slug}@mail.example" if rng.random() < 0.15 else ""
        rows.append(
            [
                first,
                last,
                f"https://www.linkedin.com/in/{slug}",
                email,
                _company(rng),
                rng.choice(titles),
                day,
            ]
        )
    return rows


def write_connections(
    path: Path, count: int, *, seed: int = 5, overlap_db: Path | None = None
) -> Path:
    overlap = _existing(overlap_db, count // 10 + 1) if overlap_db else None
    rows = connection_rows(count, seed=seed, overlap=overlap)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(PREAMBLE)
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.linkedin_files")
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--overlap-db", type=Path)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    write_connections(args.out, args.rows, seed=args.seed, overlap_db=args.overlap_db)
    print(f"wrote {args.rows:,} connections to {args.out}")


if __name__ == "__main__":
    main()
