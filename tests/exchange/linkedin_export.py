"""Files of LinkedIn's data export as LinkedIn writes them, for the archive tests.

The owner is Alex Morgan. Dates are chosen around ``TODAY`` with a 14-day reply window:
see each conversation's comment for what it should become.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

TODAY = dt.date(2026, 6, 30)
NOW = dt.datetime(2026, 6, 30, 12, 0)
WINDOW = 14
ME = "https://www.linkedin.com/in/alex-morgan-0a1b2c"
ANN = "https://www.linkedin.com/in/ann-lee-phd"
BEN = "https://www.linkedin.com/in/ben-okafor"
CLEO = "https://www.linkedin.com/in/cleo-dubois"
DAN = "https://www.linkedin.com/in/dan-wu"
EVE = "https://www.linkedin.com/in/eve-nakamura"
FINN = "https://www.linkedin.com/in/finn-oconnor"

MESSAGES_HEADER = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT,IS CONVERSATION ARCHIVED\n"
)


def row(
    cid: str,
    sender: str,
    url: str,
    to: str,
    to_urls: str,
    date: str,
    content: str,
    *,
    title: str = "",
    folder: str = "INBOX",
    draft: str = "No",
) -> str:
    cells = [
        cid,
        title,
        sender,
        url,
        to,
        to_urls,
        f"{date} UTC",
        "",
        content,
        folder,
        "",
        draft,
        "No",
    ]
    return (
        ",".join(
            f'"{c}"' if any(x in c for x in ',"\n') else c
            for c in (cell.replace('"', '""') for cell in cells)
        )
        + "\n"
    )


def me_to(cid: str, name: str, url: str, date: str, content: str = "Hi!", **kw: str) -> str:
    return row(cid, "Alex Morgan", ME, name, url, date, content, **kw)


def to_me(cid: str, name: str, url: str, date: str, content: str = "Hello!", **kw: str) -> str:
    return row(cid, name, url, "Alex Morgan", ME, date, content, **kw)


# Ann: replied; two unanswered nudges (19 days apart); her late message I answer.
ANN_ROWS = (
    me_to(
        "2-ann",
        "Ann Lee, PhD",
        ANN,
        "2026-03-01 10:00:00",
        "<p>Hi Ann,</p><p>Loved your talk &amp; slides.</p>",
    )
    + to_me("2-ann", "Ann Lee, PhD", ANN, "2026-03-03 08:30:00", "Thanks, Alex!\nLet's talk.")
    + me_to("2-ann", "Ann Lee, PhD", ANN, "2026-04-01 09:00:00", "Following up")
    + me_to("2-ann", "Ann Lee, PhD", ANN, "2026-04-20 09:00:00", "Any news?")
    + to_me("2-ann", "Ann Lee, PhD", ANN, "2026-05-10 17:45:00", "Sorry, busy months")
    + me_to("2-ann", "Ann Lee, PhD", ANN, "2026-05-11 07:00:00", "No worries")
)
# Ben answers on day 14 (in time), Cleo on day 15 (too late: her own start).
BEN_ROWS = me_to("2-ben", "Ben Okafor", BEN, "2026-01-01 09:00:00") + to_me(
    "2-ben", "Ben Okafor", BEN, "2026-01-15 23:00:00"
)
CLEO_ROWS = me_to("2-cleo", "Cleo Dubois", CLEO, "2026-01-01 09:00:00") + to_me(
    "2-cleo", "Cleo Dubois", CLEO, "2026-01-16 08:00:00"
)
# Dan: sent 10 days before today, no answer yet.
DAN_ROWS = me_to("2-dan", "Dan Wu", DAN, "2026-06-20 09:00:00")
# A group: me, then Eve the next day, Finn 19 days later.
GROUP_ROWS = (
    row(
        "2-grp",
        "Alex Morgan",
        ME,
        "Eve Nakamura, Finn O'Connor",
        f"{EVE},{FINN}",
        "2026-02-01 09:00:00",
        "Kick-off",
        title="Launch crew",
    )
    + row(
        "2-grp",
        "Eve Nakamura",
        EVE,
        "Alex Morgan, Finn O'Connor",
        f"{ME},{FINN}",
        "2026-02-02 09:00:00",
        "On it",
        title="Launch crew",
    )
    + row(
        "2-grp",
        "Finn O'Connor",
        FINN,
        "Alex Morgan, Eve Nakamura",
        f"{ME},{EVE}",
        "2026-02-20 09:00:00",
        "Late to this",
        title="Launch crew",
    )
)
# Rows an import leaves out, one of each reason.
SKIPPED_ROWS = (
    row(
        "2-ad",
        "LinkedIn Member",
        "",
        "Alex Morgan",
        ME,
        "2026-02-03 10:00:00",
        "<b>Try Premium</b>",
    )
    + row("2-sp", "Sponsored Conversation", "", "Alex Morgan", ME, "2026-02-04 10:00:00", "Ad")
    + row("2-sp2", "Northwind Careers", "", "Alex Morgan", ME, "2026-02-05 10:00:00", "Join us")
    + row("2-dan", "", "", "Alex Morgan", ME, "2026-06-19 10:00:00", "Message request accepted")
    + me_to("2-dan", "Dan Wu", DAN, "2026-06-25 09:00:00", "unfinished…", draft="Yes")
    + to_me(
        "2-spam",
        "Crypto Guru",
        "https://www.linkedin.com/in/crypto-guru",
        "2026-03-09 10:00:00",
        "Get rich",
        folder="SPAM",
    )
)
MESSAGES = (
    MESSAGES_HEADER
    + ANN_ROWS
    + BEN_ROWS
    + CLEO_ROWS
    + DAN_ROWS
    + GROUP_ROWS
    + SKIPPED_ROWS
    + BEN_ROWS  # the same two messages again
)

MESSAGES_2018 = (
    "From,To,Date,Subject,Content,Direction,Folder\n"
    'Alex Morgan,Gail Park,"10/16/18, 8:36 AM",Coffee?,"Hi Gail, coffee next week?",'
    "OUTGOING,INBOX\n"
    'Gail Park,Alex Morgan,"10/17/18, 9:02 PM",RE: Coffee?,Sure!,INCOMING,INBOX\n'
    'Alex Morgan,Hugo Ray,"11/2/18, 11:15 AM",Intro,Hello Hugo,OUTGOING,INBOX\n'
    'LinkedIn Member,Alex Morgan,"11/5/18, 7:00 AM",Offer,Premium,INCOMING,INBOX\n'
)

PROFILE = (
    "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
    "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
    'Alex,Morgan,,,,Product manager,,Software,,"Lisbon, Portugal",,,\n'
)

CONNECTIONS = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    f'Ann,"Lee, PhD",{ANN},,Acme,CTO,02 Mar 2026\n'
    f"Ben,Okafor,{BEN},ben@mail.example,Blue Labs,Engineer,21 Dec 2025\n"
    "Dan,Wu,,,Orbit,Designer,10 Jun 2026\n"
)

INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    f'Ivy Chen,Alex Morgan,"5/2/26, 3:10 PM",,INCOMING,https://www.linkedin.com/in/ivy-chen,{ME}\n'
    f'Alex Morgan,Ben Okafor,"12/20/25, 9:00 AM","Hi Ben, we met at PyCon",OUTGOING,{ME},{BEN}\n'
    f'Alex Morgan,Pat Lane,"6/1/26, 9:00 AM",,OUTGOING,{ME},https://www.linkedin.com/in/pat-lane\n'
)

EXPORT = {
    "Profile.csv": PROFILE,
    "Connections.csv": CONNECTIONS,
    "Invitations.csv": INVITATIONS,
    "messages.csv": MESSAGES,
    "Jobs/Job Applications.csv": "Application Date,Job Title,Company Name\n2/1/24,Engineer,Acme\n",
    "Rich_Media.csv": "Date/Time,Media Description,Media Link\n",
}


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content.encode() if isinstance(content, str) else content)
    return path


def write_folder(path: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text, encoding="utf-8")
    return path
