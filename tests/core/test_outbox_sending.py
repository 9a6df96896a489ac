"""Sending the outbox to the sandbox over real sockets, with its faults switched on."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from teenvio_desktop.core.campaign import Attachment
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.outbox import (
    OutboxRepository,
    ReconcileOptions,
    SendControl,
    SendOptions,
    create_rest_campaign,
    retry_failed,
    send_campaign,
    unfinished_campaigns,
)
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, Progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.errors import CredentialsRejected, TlsVerificationError
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.outbox import assert_exactly_once, connect, people, rest_campaign

# The sandbox's simulated deliveries reach /responses within seconds at this time scale.
FAST_CLOCK = 3600.0
QUICK_RECONCILE = ReconcileOptions(first_check_s=0.1, interval_s=0.3, max_wait_s=30.0)
FAST_RETRIES = SendOptions(
    concurrency=8, backoff_base_s=0.01, backoff_max_s=0.05, reconcile=QUICK_RECONCILE
)


@pytest.mark.timeout(120)
def test_every_message_once_under_retriable_answers_drops_and_latency(
    app_context: AppContext, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    sandbox = sandbox_factory(
        fail_rate=0.2, drop_rate=0.15, latency_ms=3, seed=5, time_scale=FAST_CLOCK
    )
    recipients = people(150)
    recipients[0] = recipients[0].__class__(
        "ana@example.com", "Ana <&>", {"name": "Ana <&>", "code": 'Q"1'}
    )
    prepared = create_rest_campaign(app_context.db, rest_campaign(), recipients)
    reports: list[Progress] = []
    summary = send_campaign(
        app_context.db,
        prepared.campaign_id,
        connect(sandbox),
        options=FAST_RETRIES,
        progress=reports.append,
    )
    assert (summary.accepted, summary.failed, summary.remaining) == (150, 0, 0)
    assert summary.complete and summary.state == "done" and summary.uncertain == 0
    faults = sandbox.fault_counts()
    assert faults["fail_rate"] > 0 and faults["drop_rate"] > 0
    # Dropped answers were stored by the server: settled through /responses, not re-sent.
    # Only 400 Retriable answers (nothing stored) were sent again. (The faults also hit
    # the /responses reads, which are retried: hence "at most".)
    assert summary.settled_by_responses > 0
    assert 150 < summary.sent_this_run <= 150 + faults["fail_rate"]
    first = sandbox.received_messages(source_system="tests")
    ana = next(m for m in first if m.recipient == "ana@example.com")
    assert ana.subject == "Hola Ana <&>" and ana.text.startswith("Hola Ana <&>")
    assert ana.html == "<p>Hola Ana &lt;&amp;&gt;, tu código es Q&#34;1</p>"
    recipients[0] = people(1)[0]
    ours = OutboxRepository(app_context.db).messages(prepared.campaign_id)
    assert len(ours) == 150 and all(m.state == "accepted" for m in ours)
    assert len({m.outbound_id for m in first}) == len(first) == 150
    final = reports[-1].details
    assert final["accepted"] == 150 and final["remaining"] == 0 and final["retrying"] == 0
    assert {"failed", "rate", "eta_s", "paused", "total"} <= set(final)
    record = CampaignRepository(app_context.db).get(prepared.campaign_id)
    assert record is not None and record.state == "done" and record.sent_at
    assert unfinished_campaigns(app_context.db) == []


@pytest.mark.timeout(60)
def test_every_seed_attribute_reaches_the_server(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    campaign = rest_campaign(send_at="20300102030405", list_unsubscribe="<mailto:baja@example.com>")
    prepared = create_rest_campaign(app_context.db, campaign, people(20))
    send_campaign(app_context.db, prepared.campaign_id, connect(sandbox))
    assert_exactly_once(app_context.db, sandbox, prepared.campaign_id)
    received = sandbox.received_messages(source_system="tests")
    got = next(m for m in received if m.recipient == "user1@example.com")
    assert got.payload["type"] == "email" and got.payload["campaignId"] == "c-1"
    assert (got.sender, got.sender_name, got.reply_to, got.reply_to_name) == (
        "demo@example.com",
        "Demo",
        "replies@example.com",
        "Replies",
    )
    assert got.recipient_name == "User 1" and got.send_at == "20300102030405"
    assert got.list_unsubscribe == "<mailto:baja@example.com>"


@pytest.mark.timeout(60)
def test_attachments_go_as_multipart_with_faults(
    app_context: AppContext, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    sandbox = sandbox_factory(fail_rate=0.2, drop_rate=0.2, seed=9, time_scale=FAST_CLOCK)
    files = [
        Attachment("tarifa.pdf", "application/pdf", b"%PDF-1.4 tarifa"),
        Attachment("nota.txt", "text/plain", "año".encode()),
    ]
    prepared = create_rest_campaign(app_context.db, rest_campaign(attachments=files), people(30))
    summary = send_campaign(
        app_context.db, prepared.campaign_id, connect(sandbox), options=FAST_RETRIES
    )
    assert summary.complete
    assert_exactly_once(app_context.db, sandbox, prepared.campaign_id)
    for got in sandbox.received_messages(source_system="tests"):
        assert [(f.filename, f.content_type, f.size) for f in got.attachments] == [
            ("tarifa.pdf", "application/pdf", 15),
            ("nota.txt", "text/plain", 4),
        ]


@pytest.mark.timeout(60)
def test_rejected_credentials_stop_the_campaign_then_it_resumes(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(40))
    with pytest.raises(CredentialsRejected):
        send_campaign(app_context.db, prepared.campaign_id, connect(sandbox, "wrong-token"))
    counts = OutboxRepository(app_context.db).counts(prepared.campaign_id)
    assert counts.accepted == 0 and counts.failed == 0 and counts.remaining == 40
    record = CampaignRepository(app_context.db).get(prepared.campaign_id)
    assert (
        record is not None and record.state == "stopped" and "rejected" in (record.last_error or "")
    )
    assert [u.record.id for u in unfinished_campaigns(app_context.db)] == [prepared.campaign_id]
    summary = send_campaign(app_context.db, prepared.campaign_id, connect(sandbox))
    assert summary.complete
    assert_exactly_once(app_context.db, sandbox, prepared.campaign_id)


@pytest.mark.timeout(60)
def test_permanent_answer_fails_that_message_only_with_the_server_text(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(10))
    # A row the server refuses (its check is stricter than ours): the only way to get a
    # 500 Permanent from a campaign that passed the local checks.
    app_context.db.conn.execute(
        "UPDATE outbox_messages SET recipient = 'user3@' WHERE campaign_id = ? AND seq = 3",
        (prepared.campaign_id,),
    )
    summary = send_campaign(app_context.db, prepared.campaign_id, connect(sandbox))
    assert (summary.accepted, summary.failed, summary.state) == (9, 1, "done_with_failures")
    failed = OutboxRepository(app_context.db).messages(prepared.campaign_id, states=["failed"])
    assert [m.seq for m in failed] == [3]
    assert failed[0].error_category == "Permanent" and failed[0].error_text
    assert failed[0].attempts == 1


@pytest.mark.timeout(60)
def test_retries_give_up_at_the_limit_and_retry_failed_sends_only_those(
    app_context: AppContext, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    sandbox = sandbox_factory(fail_rate=1.0)
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(12))
    options = SendOptions(concurrency=4, max_attempts=3, backoff_base_s=0.005, backoff_max_s=0.01)
    summary = send_campaign(app_context.db, prepared.campaign_id, connect(sandbox), options=options)
    assert (summary.accepted, summary.failed) == (0, 12)
    failed = OutboxRepository(app_context.db).messages(prepared.campaign_id)
    assert all(m.attempts == 3 and m.error_category == "Retriable" for m in failed)
    assert "gave up after 3 attempts" in (failed[0].error_text or "")
    sandbox.set_faults(fail_rate=0.0)
    assert retry_failed(app_context.db, prepared.campaign_id) == 12
    summary = send_campaign(app_context.db, prepared.campaign_id, connect(sandbox), options=options)
    assert summary.complete and summary.sent_this_run == 12
    assert_exactly_once(app_context.db, sandbox, prepared.campaign_id)


@pytest.mark.timeout(60)
def test_pause_resume_and_cancel(
    app_context: AppContext, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    sandbox = sandbox_factory(latency_ms=5)
    db = app_context.db
    prepared = create_rest_campaign(db, rest_campaign(), people(120))
    control = SendControl()
    seen_paused: list[int] = []
    resumed = threading.Event()

    def on_progress(progress: Progress) -> None:
        if progress.details["accepted"] >= 20 and not control.paused and not resumed.is_set():
            control.pause()
        if progress.details["paused"] and not resumed.is_set():
            seen_paused.append(progress.details["accepted"])
            threading.Timer(0.3, lambda: (resumed.set(), control.resume())).start()

    options = SendOptions(concurrency=4, progress_interval_s=0.02)
    summary = send_campaign(
        db, prepared.campaign_id, connect(sandbox), options=options, progress=on_progress,
        control=control,
    )  # fmt: skip
    assert summary.complete and seen_paused and seen_paused[0] < 120
    assert len(sandbox.received_messages(source_system="tests")) == 120

    second = create_rest_campaign(db, rest_campaign(campaign_ref="c-2"), people(80, "ex.org"))
    cancel_control = SendControl()

    def cancel_early(progress: Progress) -> None:
        if progress.details["accepted"] >= 10:
            cancel_control.cancel()

    with pytest.raises(Cancelled):
        send_campaign(
            db, second.campaign_id, connect(sandbox), options=options, progress=cancel_early,
            control=cancel_control,
        )  # fmt: skip
    record = CampaignRepository(db).get(second.campaign_id)
    assert record is not None and record.state == "cancelled"
    assert OutboxRepository(db).counts(second.campaign_id).remaining > 0
    assert unfinished_campaigns(db) == []  # cancelled: not offered at start-up

    token = CancelToken()

    def stop_worker(progress: Progress) -> None:
        if progress.details["accepted"] >= 40:
            token.cancel()

    with pytest.raises(Cancelled):
        send_campaign(
            db, second.campaign_id, connect(sandbox), options=options, progress=stop_worker,
            cancel=token,
        )  # fmt: skip
    assert [u.record.state for u in unfinished_campaigns(db)] == ["paused"]
    summary = send_campaign(db, second.campaign_id, connect(sandbox), options=options)
    assert summary.complete
    received = sandbox.received_messages(source_system="tests")
    assert len(received) == 200 and len({m.outbound_id for m in received}) == 200


@pytest.mark.timeout(60)
def test_rate_limit_spaces_requests(app_context: AppContext, sandbox: RunningSandbox) -> None:
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(12))
    options = SendOptions(concurrency=8, rate=40.0)
    summary = send_campaign(app_context.db, prepared.campaign_id, connect(sandbox), options=options)
    received = sandbox.received_messages(source_system="tests")
    assert summary.complete and len(received) == 12
    # 12 messages at 40/s cannot all start in the same instant: at least 11 gaps of 25 ms.
    assert summary.elapsed_s >= 11 / 40.0


@pytest.mark.timeout(60)
def test_unverifiable_certificate_stops_before_anything_is_sent(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    # The sandbox's implicit-TLS port presents a certificate from its own CA, which this
    # connection does not trust: the TLS handshake must fail before any request.
    info = sandbox.info
    untrusted = TeaLiteConnection(f"https://{info.host}:{info.smtps_port}", info.token)
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(5))
    with pytest.raises(TlsVerificationError):
        send_campaign(app_context.db, prepared.campaign_id, untrusted)
    counts = OutboxRepository(app_context.db).counts(prepared.campaign_id)
    assert counts.remaining == 5 and counts.failed == 0
    record = CampaignRepository(app_context.db).get(prepared.campaign_id)
    assert record is not None and record.state == "stopped"


@pytest.mark.timeout(60)
def test_address_suppressed_after_queueing_is_never_sent(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(10))
    SuppressionList(app_context.db).add("USER4@example.com", "unsubscribe")
    summary = send_campaign(app_context.db, prepared.campaign_id, connect(sandbox))
    assert (summary.accepted, summary.failed) == (9, 1)
    failed = OutboxRepository(app_context.db).messages(prepared.campaign_id, states=["failed"])
    assert [(m.recipient, m.error_category, m.attempts) for m in failed] == [
        ("user4@example.com", "Suppressed", 0)
    ]
    received = {m.recipient for m in sandbox.received_messages(source_system="tests")}
    assert len(received) == 9 and "user4@example.com" not in received
