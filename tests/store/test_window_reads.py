"""What the window reads before a write, from the store (the window runs no SQL)."""

from __future__ import annotations

import pytest

from desktop_app.store import interactions as writes
from desktop_app.store.contact_detail import contact_name, read_contact_detail
from desktop_app.store.followups import followup_target
from desktop_app.store.insight_reads import load_reasons
from desktop_app.store.records import InteractionInput
from tests.store.conftest import TODAY

pytestmark = pytest.mark.both_databases


def test_a_contacts_name_for_messages(reader, network) -> None:  # type: ignore[no-untyped-def]
    assert contact_name(reader, network["Ada"]) == "Ada Lovelace"
    assert contact_name(reader, 99_999) is None


def test_a_new_follow_up_goes_on_the_open_one_else_on_the_latest_interaction(
    database, reader, network
) -> None:  # type: ignore[no-untyped-def]
    ada, bob, chen = network["Ada"], network["bob"], network["Chen"]
    assert followup_target(reader, bob) is None  # never on a made-up interaction
    detail = read_contact_detail(reader, ada)
    (open_followup,) = [i.id for i in detail.interactions if i.followup_due]
    writes.log_interaction(database, InteractionInput(ada, TODAY, kind="call"))
    assert followup_target(reader, ada) == open_followup
    latest = writes.log_interaction(database, InteractionInput(chen, TODAY, kind="call")).value
    assert followup_target(reader, chen) == latest


def test_the_reasons_of_the_contacts_the_review_lists(database, network) -> None:  # type: ignore[no-untyped-def]
    from desktop_app.store.scores import ensure_insights_current

    ensure_insights_current(database, TODAY)
    reasons = load_reasons(database, [network["Ada"], 99_999], TODAY)
    assert list(reasons) == [network["Ada"]]
    assert reasons[network["Ada"]] and all(isinstance(r, str) for r in reasons[network["Ada"]])
    assert load_reasons(database, [], TODAY) == {}
