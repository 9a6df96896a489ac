"""The core sender against a TEA Lite server that does not deduplicate by outboundId.

Whatever the peer does after storing a message (cut the connection, a bare 500, a 2xx
without a body, an answer too slow), no recipient is stored twice unless the user asks;
every message the peer stored ends accepted through /responses, and what cannot be
settled is uncertain and named.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import threading
from collections.abc import Callable

import pytest

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.outbox import (
    CampaignBusy,
    CampaignNotReady,
    OutboxRepository,
    Recipient,
    ReconcileOptions,
    create_rest_campaign,
    current_holder,
    resend_uncertain,
    send_campaign,
    uncertain_messages,
)
from teenvio_desktop.core.stats import sync_campaign
from teenvio_desktop.core.tasks import CancelToken, no_progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from tests.peers.helpers import OPTIONS, campaign, connect, people
from tests.peers.tealite_peer import TeaLitePeer

pytestmark = pytest.mark.timeout(60)
Factory = Callable[..., TeaLitePeer]
# /responses will not show them: look a few times, briefly.
BRIEF = dataclasses.replace(
    OPTIONS, reconcile=ReconcileOptions(first_check_s=0.05, interval_s=0.1, max_wait_s=0.3)
)


@pytest.mark.parametrize(
    ("mode", "settled", "without_id"),
    [
        ("strict", 0, 0),
        ("drop_after_store", 4, 0),
        ("bare_500_after_store", 4, 0),
        ("empty_2xx", 0, 4),
        ("retriable", 0, 0),
    ],
)
def test_each_recipient_stored_once_whatever_the_peer_answers(
    app_context: AppContext, peer_factory: Factory, mode: str, settled: int, without_id: int
) -> None:
    db = app_context.db
    peer = peer_factory(send_mode=mode)  # every third POST gets the fault
    prepared = create_rest_campaign(db, campaign(), people(12))
    summary = send_campaign(db, prepared.campaign_id, connect(peer), options=OPTIONS)
    copies = peer.copies_per_recipient()
    assert len(copies) == 12 and set(copies.values()) == {1}, copies
    assert summary.complete and summary.state == "done" and summary.uncertain == 0
    # Answers lost after storing were settled through /responses, never sent again.
    assert summary.settled_by_responses == settled
    messages = OutboxRepository(db).messages(prepared.campaign_id)
    assert sum(m.message_id is None for m in messages) == without_id  # 2xx is acceptance
    stored_ids = {s.body["recipient"]: s.message_id for s in peer.stored()}
    for message in messages:
        assert message.message_id in (None, stored_ids[message.recipient])
    if mode == "retriable":  # 400 Retriable stored nothing: sent again, once
        assert summary.sent_this_run > 12
    else:
        assert summary.sent_this_run == 12


@pytest.mark.parametrize("mode", ["drop_after_store", "bare_500_after_store"])
def test_unsettled_messages_stay_uncertain_and_only_an_explicit_resend_sends_them(
    app_context: AppContext, peer_factory: Factory, mode: str
) -> None:
    db = app_context.db
    peer = peer_factory(send_mode=mode, responses_visible=False)
    prepared = create_rest_campaign(db, campaign(), people(12))
    summary = send_campaign(db, prepared.campaign_id, connect(peer), options=BRIEF)
    assert (summary.accepted, summary.uncertain, summary.failed) == (8, 4, 0)
    assert summary.state == "done_with_uncertain" and not summary.complete
    uncertain = [m.recipient for m in uncertain_messages(db, prepared.campaign_id)]
    assert len(uncertain) == 4
    assert all(peer.copies_per_recipient()[r] == 1 for r in uncertain)  # they did arrive
    # Running again sends nothing: an uncertain message is never re-sent blindly.
    again = send_campaign(db, prepared.campaign_id, connect(peer), options=BRIEF)
    assert again.sent_this_run == 0 and again.uncertain == 4 and len(peer.stored()) == 12
    # The user chooses to send one again anyway: that recipient, and only it, gets two.
    peer.send_mode = "strict"
    request = resend_uncertain(db, prepared.campaign_id, [uncertain[0].upper()])
    assert request.requeued == [uncertain[0]] and request.not_uncertain == []
    last = send_campaign(db, prepared.campaign_id, connect(peer), options=BRIEF)
    assert last.sent_this_run == 1 and last.uncertain == 3
    copies = peer.copies_per_recipient()
    assert copies[uncertain[0]] == 2 and sum(copies.values()) == 13


def test_statistics_sync_settles_uncertain_messages_later(
    app_context: AppContext, peer_factory: Factory
) -> None:
    db = app_context.db
    peer = peer_factory(send_mode="drop_after_store", responses_visible=False)
    prepared = create_rest_campaign(db, campaign(), people(9))
    summary = send_campaign(db, prepared.campaign_id, connect(peer), options=BRIEF)
    assert summary.uncertain == 3
    peer.responses_visible = True  # the deliveries reach /responses later
    report = sync_campaign(
        db, connect(peer), prepared.campaign_id, no_progress, CancelToken(), kinds=("responses",)
    )
    assert report.errors == [] and report.settled_uncertain == 3
    counts = OutboxRepository(db).counts(prepared.campaign_id)
    assert (counts.accepted, counts.uncertain) == (9, 0)
    by_recipient = {s.body["recipient"]: s.message_id for s in peer.stored()}
    for message in OutboxRepository(db).messages(prepared.campaign_id):
        assert message.message_id == by_recipient[message.recipient]


def test_answer_slower_than_the_timeout_is_uncertain_not_resent(
    app_context: AppContext, peer_factory: Factory
) -> None:
    db = app_context.db
    peer = peer_factory(latency_s=1.5)
    prepared = create_rest_campaign(db, campaign(), people(3))
    summary = send_campaign(db, prepared.campaign_id, connect(peer, timeout_s=0.3), options=OPTIONS)
    # ReadTimeout after the request was written: stored by the peer, settled by /responses.
    assert summary.complete and summary.settled_by_responses == 3 and summary.sent_this_run == 3
    assert set(peer.copies_per_recipient().values()) == {1}


def test_connection_refused_is_retried_and_nothing_is_uncertain(app_context: AppContext) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = app_context.db
    prepared = create_rest_campaign(db, campaign(), people(2))
    options = dataclasses.replace(OPTIONS, max_attempts=3)
    refused = TeaLiteConnection(f"http://127.0.0.1:{port}", "t", source_system="peers")
    summary = send_campaign(db, prepared.campaign_id, refused, options=options)
    assert (summary.failed, summary.uncertain, summary.sent_this_run) == (2, 0, 6)
    failed = OutboxRepository(db).messages(prepared.campaign_id)
    assert all("ConnectError" in (m.error_text or "") for m in failed)


def test_a_second_sender_of_the_campaign_is_told_who_holds_it(
    app_context: AppContext, peer_factory: Factory
) -> None:
    db = app_context.db
    gate = threading.Event()  # the first sender's answers wait until the checks are done
    peer = peer_factory(gate=gate)
    prepared = create_rest_campaign(db, campaign(), people(30))
    options = dataclasses.replace(OPTIONS, concurrency=2)
    first: list[object] = []
    worker = threading.Thread(
        target=lambda: first.append(
            send_campaign(db, prepared.campaign_id, connect(peer), options=options)
        )
    )
    worker.start()
    try:
        assert peer.first_post.wait(10)
        with pytest.raises(CampaignBusy) as busy:
            send_campaign(db, prepared.campaign_id, connect(peer), options=options)
        holder = busy.value.holder
        assert holder.pid == os.getpid() and holder.host == socket.gethostname()
        assert str(os.getpid()) in str(busy.value)
        assert current_holder(db, prepared.campaign_id) == holder
        with pytest.raises(CampaignBusy):
            resend_uncertain(db, prepared.campaign_id)
    finally:
        gate.set()
        worker.join(30)
    assert len(first) == 1 and current_holder(db, prepared.campaign_id) is None
    copies = peer.copies_per_recipient()
    assert len(copies) == 30 and set(copies.values()) == {1}


def test_no_line_break_reaches_the_api(app_context: AppContext, peer_factory: Factory) -> None:
    db = app_context.db
    peer = peer_factory()
    hostile = [
        Recipient("ana@example.com", "Ana\r\nBcc: x@example.com", {"name": "Ana\r\nBcc: x"}),
        Recipient("bea@example.com", "Bea\u2028Ruiz\x00", {"name": "Bea\nRuiz\t"}),
    ]
    prepared = create_rest_campaign(db, campaign(subject="Hola {{ name }}\r\n"), hostile)
    send_campaign(db, prepared.campaign_id, connect(peer), options=OPTIONS)
    got = {s.body["recipient"]: s.body for s in peer.stored()}
    assert got["ana@example.com"]["recipientName"] == "Ana Bcc: x@example.com"
    assert got["ana@example.com"]["subjectContentPlainText"] == "Hola Ana Bcc: x"
    assert got["bea@example.com"]["recipientName"] == "Bea Ruiz"
    assert got["bea@example.com"]["subjectContentPlainText"] == "Hola Bea Ruiz"
    for body in got.values():  # the bodies keep their lines; nothing else has any
        one_line = {k: v for k, v in body.items() if not k.startswith("body")}
        assert not any("\r" in str(v) or "\n" in str(v) for v in one_line.values())
    # A campaign-level one-line field with a break is refused before anything is written.
    with pytest.raises(CampaignNotReady, match="senderName must be one line"):
        create_rest_campaign(
            db, campaign(campaign_ref="p-2", sender_name="Demo\r\nX: y"), people(1)
        )
