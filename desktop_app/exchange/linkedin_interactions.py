"""Messages turned into NetWise interactions, and the counts an import reports. Pure.

Per conversation with one other person, messages are cut into runs: consecutive messages
from one side, a new run starting when the other side writes or when a message comes
later than the reply window after the run's first one (a new nudge). The other side's
next run answers a run when it starts within the reply window of the run's last message;
a later one starts afresh. So:

- a run I start is an interaction initiated by me: ``replied`` (answered in time),
  ``awaiting`` (no answer yet, still inside the window on ``today``) or ``unanswered``;
- a run they start is initiated by them (reply status "none"); ``answered`` says whether
  I answered in time.

Dates are compared by day, as the insights do: an answer 14 days later is within a
14-day window, 15 days later is not. In a group conversation, a run of mine counts for
every other member and a member's run for that member, with no reply expected.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from desktop_app.exchange.linkedin_owner import is_owner
from desktop_app.exchange.linkedin_records import (
    ArchiveSummary,
    InteractionRecord,
    MessageRecord,
    Owner,
    Person,
)

Run = list[MessageRecord]


def build_interactions(
    messages: Iterable[MessageRecord],
    owner: Owner,
    *,
    today: dt.date,
    reply_window_days: int,
    skipped: Counter[str] | None = None,
) -> tuple[list[InteractionRecord], ArchiveSummary]:
    """Every conversation's interactions, oldest conversation first, and the summary."""
    skipped = Counter() if skipped is None else skipped
    conversations: dict[str, list[MessageRecord]] = {}
    names: dict[str, str] = {}  # profile address → the name its messages were sent under
    count = 0
    for message in messages:
        count += 1
        conversations.setdefault(message.conversation_id, []).append(message)
        if message.sender.profile_url:
            names[message.sender.profile_url] = message.sender.name
    me = _Me(owner.person)
    interactions: list[InteractionRecord] = []
    for thread in conversations.values():
        thread.sort(key=lambda m: m.sent_at)
        if not any(me(m.sender) or any(map(me, m.recipients)) for m in thread):
            skipped["not the owner's"] += len(thread)  # (only when told a wrong owner)
            continue
        others = _others(thread, me, names)
        if not others:
            skipped["no other person"] += len(thread)
            continue
        interactions.extend(
            conversation_interactions(
                thread, me, others, today=today, reply_window_days=reply_window_days
            )
        )
    statuses = Counter(interaction.reply_status for interaction in interactions)
    summary = ArchiveSummary(
        messages=count,
        conversations=len(conversations),
        interactions=len(interactions),
        replied=statuses["replied"],
        unanswered=statuses["unanswered"],
        awaiting=statuses["awaiting"],
        skipped=dict(sorted(skipped.items())),
    )
    return interactions, summary


class _Me:
    """``is_owner`` against the owner, fast for the common case of two profile addresses."""

    def __init__(self, person: Person) -> None:
        self.person = person
        self._address = person.profile_url.casefold()

    def __call__(self, person: Person) -> bool:
        if person.profile_url and self._address:
            return person.identity == self._address
        return is_owner(person, self.person)


def _others(thread: Sequence[MessageRecord], me: _Me, names: dict[str, str]) -> list[Person]:
    """Everyone in the conversation but me, named from their own messages where possible.

    In the current layout every person has a profile address: a recipient without one is
    LinkedIn itself (its assistant, a coach), not someone to keep in touch with.
    """
    found: dict[str, Person] = {}
    addresses_given = not thread[0].direction  # (the 2018 layout has a direction, no address)
    for message in thread:
        for person in (message.sender, *message.recipients):
            if person.identity in found or not person.identity or me(person):
                continue
            if addresses_given and not person.profile_url:
                continue
            name = names.get(person.profile_url, "") or person.name
            found[person.identity] = (
                person if name == person.name else Person(name, person.profile_url)
            )
    return list(found.values())


def conversation_interactions(
    thread: Sequence[MessageRecord],
    me: _Me,
    others: Sequence[Person],
    *,
    today: dt.date,
    reply_window_days: int,
) -> list[InteractionRecord]:
    """The interactions of one conversation; ``thread`` is in time order."""
    window = reply_window_days
    runs = _runs(thread, me, window)
    if len(others) > 1:
        return _group(runs, me, others, window)
    other = others[0]
    interactions: list[InteractionRecord] = []
    i = 0
    while i < len(runs):
        run = runs[i]
        answer = runs[i + 1] if i + 1 < len(runs) else None
        if answer is not None and (
            _is_mine(answer, me) == _is_mine(run, me) or _days(run[-1], answer[0]) > window
        ):
            answer = None
        mine = _is_mine(run, me)
        if not mine:
            status = "none"
        elif answer is not None:
            status = "replied"
        elif (today - run[-1].day).days <= window:
            status = "awaiting"
        else:
            status = "unanswered"
        exchange = run + (answer or [])
        interactions.append(
            InteractionRecord(
                key=run[0].key,
                conversation_id=run[0].conversation_id,
                counterpart=other,
                occurred_on=run[0].day,
                initiated_by="me" if mine else "them",
                reply_status=status,
                answered=answer is not None,
                group=False,
                message_keys=tuple(m.key for m in exchange),
                text=_text(exchange),
            )
        )
        i += 2 if answer is not None else 1
    return interactions


def _group(
    runs: list[Run], me: _Me, others: Sequence[Person], window: int
) -> list[InteractionRecord]:
    interactions: list[InteractionRecord] = []
    for index, run in enumerate(runs):
        mine = _is_mine(run, me)
        members = others if mine else [p for p in others if p.identity == run[0].sender.identity]
        for member in members or [run[0].sender]:
            # Did the other side (the member, or me) write within the window after the run?
            answered = _answered_in_group(runs, index, me, member, window)
            interactions.append(
                InteractionRecord(
                    key=f"{run[0].key}|{member.identity}",
                    conversation_id=run[0].conversation_id,
                    counterpart=member,
                    occurred_on=run[0].day,
                    initiated_by="me" if mine else "them",
                    reply_status="none",
                    answered=answered,
                    group=True,
                    message_keys=tuple(m.key for m in run),
                    text=_text(run),
                )
            )
    return interactions


def _answered_in_group(runs: list[Run], index: int, me: _Me, member: Person, window: int) -> bool:
    """Whether the other side of run ``index`` (me, or ``member`` for a run of mine) wrote
    within the window after it."""
    run = runs[index]
    mine = me(run[0].sender)
    for later in runs[index + 1 :]:
        if _days(run[-1], later[0]) > window:
            return False
        sender = later[0].sender
        if (sender.identity == member.identity) if mine else me(sender):
            return True
    return False


def _runs(thread: Sequence[MessageRecord], me: _Me, window: int) -> list[Run]:
    runs: list[Run] = []
    for message in thread:
        if runs:
            run = runs[-1]
            same_sender = message.sender.identity == run[0].sender.identity or (
                me(message.sender) and me(run[0].sender)
            )
            if same_sender and _days(run[0], message) <= window:
                run.append(message)
                continue
        runs.append([message])
    return runs


def _is_mine(run: Run, me: _Me) -> bool:
    return me(run[0].sender)


def _days(earlier: MessageRecord, later: MessageRecord) -> int:
    return (later.day - earlier.day).days


def _text(messages: Sequence[MessageRecord]) -> str:
    """The messages' text, each under its sender's name; "" when the text was not read."""
    return "\n\n".join(f"{m.sender.name}: {m.text}" for m in messages if m.text)
