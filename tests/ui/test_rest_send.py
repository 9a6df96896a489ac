"""The TEA Lite sending dialog against the sandbox: progress, table, pause, cancel, retry."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.outbox import (
    OutboxRepository,
    ReconcileOptions,
    SendOptions,
    create_rest_campaign,
)
from teenvio_desktop.core.sending import TeaLiteSendJob, prepare_send
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.sandbox.server import RunningSandbox
from teenvio_desktop.ui.scripted_prompter import ScriptedPrompter
from teenvio_desktop.ui.sending import TeaLiteSendDialog, open_dialogs, open_send_dialog
from teenvio_desktop.ui.sending.outbox_model import OutboxTableModel
from teenvio_desktop.ui.sending.resume import ResumeCampaignsDialog, offer_resume
from tests.helpers.outbox import connect, people, rest_campaign

FAST = SendOptions(
    concurrency=4,
    backoff_base_s=0.01,
    backoff_max_s=0.02,
    progress_interval_s=0.02,
    reconcile=ReconcileOptions(first_check_s=0.1, interval_s=0.3, max_wait_s=20.0),
)


def _job(
    context: AppContext, campaign_id: int, connection: TeaLiteConnection, options: SendOptions
) -> TeaLiteSendJob:
    return TeaLiteSendJob(context.db, lambda: connection, campaign_id=campaign_id, options=options)


def _dialog(parent: object, job: TeaLiteSendJob) -> TeaLiteSendDialog:
    dialog = open_send_dialog(None, job)
    assert isinstance(dialog, TeaLiteSendDialog)
    return dialog


@pytest.mark.timeout(60)
def test_dialog_sends_under_faults_and_table_shows_every_state(
    qtbot: QtBot, app_context: AppContext, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    # Dropped answers are settled through /responses: fast simulated deliveries.
    sandbox = sandbox_factory(fail_rate=0.2, drop_rate=0.1, seed=4, time_scale=3600.0)
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(60))
    dialog = _dialog(None, _job(app_context, prepared.campaign_id, connect(sandbox), FAST))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.send_finished, timeout=30_000):
        task = dialog.start()
        assert not dialog.close_button.isEnabled() and dialog.pause_button.isEnabled()
    assert not task.is_running()
    qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=5_000)
    assert dialog.summary is not None and dialog.summary.complete
    assert dialog.values["accepted"].text() == "60" and dialog.values["remaining"].text() == "0"
    assert "60" in dialog.status.text()
    model = dialog.model
    assert model.rowCount() == 60
    states = {model.data(model.index(r, 3)) for r in range(60)}
    assert states == {"Accepted"}
    ids = {model.data(model.index(r, 5)) for r in range(60)}
    assert "" not in ids and len(ids) == 60
    assert len(sandbox.received_messages(source_system="tests")) == 60


def test_table_model_passes_the_model_tester(
    app_context: AppContext,
    qtmodeltester,  # type: ignore[no-untyped-def]
) -> None:
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(7))
    model = OutboxTableModel(app_context.db, prepared.campaign_id)
    qtmodeltester.check(model)
    outbox = OutboxRepository(app_context.db)
    first = outbox.messages(prepared.campaign_id)[0]
    app_context.db.conn.execute(
        "UPDATE outbox_messages SET state = 'failed', error_category = 'Permanent',"
        " error_text = 'El recipient es requerido', updated_at = '9999' WHERE id = ?",
        (first.id,),
    )
    model.refresh()
    assert model.data(model.index(0, 3)) == "Failed"
    assert model.data(model.index(0, 6)) == "Refused: El recipient es requerido"
    qtmodeltester.check(model)


@pytest.mark.timeout(60)
def test_pause_resume_and_cancel_buttons(
    qtbot: QtBot, app_context: AppContext, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    sandbox = sandbox_factory(latency_ms=20)
    db = app_context.db
    prepared = create_rest_campaign(db, rest_campaign(), people(80))
    dialog = TeaLiteSendDialog(_job(app_context, prepared.campaign_id, connect(sandbox), FAST))
    qtbot.addWidget(dialog)
    task = dialog.start()
    qtbot.waitUntil(lambda: int(dialog.values["accepted"].text()) >= 5, timeout=10_000)
    dialog.pause_button.click()
    assert dialog.control.paused and dialog.pause_button.text() == "Resume"
    qtbot.waitUntil(
        lambda: CampaignRepository(db).get(prepared.campaign_id).state == "paused",  # type: ignore[union-attr]
        timeout=5_000,
    )
    held = len(sandbox.received_messages(source_system="tests"))
    # The sender keeps looping (and reporting) while paused: let it go round a few times.
    paused_reports: list[object] = []
    task.progress.connect(lambda p: paused_reports.append(p) if p.details.get("paused") else None)
    qtbot.waitUntil(lambda: len(paused_reports) >= 3, timeout=10_000)
    assert len(sandbox.received_messages(source_system="tests")) == held  # nothing while paused
    dialog.pause_button.click()
    assert not dialog.control.paused
    qtbot.waitUntil(lambda: int(dialog.values["accepted"].text()) >= held + 5, timeout=10_000)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        dialog.cancel_button.click()
    qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=5_000)
    record = CampaignRepository(db).get(prepared.campaign_id)
    assert record is not None and record.state == "cancelled"
    assert "Cancelled" in dialog.status.text()
    remaining = OutboxRepository(db).counts(prepared.campaign_id).remaining
    assert remaining > 0
    # Starting again sends only what is left.
    with qtbot.waitSignal(dialog.send_finished, timeout=30_000):
        dialog.start()
    received = sandbox.received_messages(source_system="tests")
    assert len(received) == 80 and len({m.outbound_id for m in received}) == 80


@pytest.mark.timeout(60)
def test_rejected_token_asks_for_credentials_then_retry_failed(
    qtbot: QtBot, app_context: AppContext, sandbox_factory: Callable[..., RunningSandbox]
) -> None:
    sandbox = sandbox_factory()
    db = app_context.db
    prepared = create_rest_campaign(db, rest_campaign(), people(10))
    options = SendOptions(concurrency=2, max_attempts=2, backoff_base_s=0.01, backoff_max_s=0.02)
    job = _job(app_context, prepared.campaign_id, connect(sandbox, "bad"), options)
    dialog = TeaLiteSendDialog(job)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.credentials_rejected, timeout=10_000) as blocker:
        dialog.start()
    assert blocker.args == [prepared.campaign_id]
    qtbot.waitUntil(lambda: dialog.close_button.isEnabled(), timeout=5_000)
    assert "token" in dialog.status.text()
    sandbox.set_faults(fail_rate=1.0)
    dialog.set_connection(connect(sandbox))
    with qtbot.waitSignal(dialog.send_finished, timeout=20_000):
        dialog.start()
    qtbot.waitUntil(lambda: dialog.retry_button.isEnabled(), timeout=5_000)
    assert dialog.values["failed"].text() == "10"
    sandbox.set_faults(fail_rate=0.0)
    with qtbot.waitSignal(dialog.send_finished, timeout=20_000):
        dialog.retry_button.click()
    assert dialog.summary is not None and dialog.summary.complete
    assert len(sandbox.received_messages(source_system="tests")) == 10


@pytest.mark.timeout(60)
def test_start_up_offers_to_resume_unfinished_campaigns(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    from teenvio_desktop.core.accounts import SANDBOX_ACCOUNT_NAME

    app_context.sandbox = sandbox  # as with --sandbox: the sandbox account and its token
    db = app_context.db
    prompter = ScriptedPrompter()
    assert offer_resume(None, app_context, prompter) is None  # nothing to resume: no dialog
    campaign = rest_campaign(account_name=SANDBOX_ACCOUNT_NAME)
    first = create_rest_campaign(db, campaign, people(15))
    second = create_rest_campaign(db, rest_campaign(campaign_ref="c-2"), people(5, "ex.org"))
    CampaignRepository(db).set_state(second.campaign_id, "cancelled")
    dialog = offer_resume(None, app_context, prompter)
    assert isinstance(dialog, ResumeCampaignsDialog)  # deletes itself once answered
    assert dialog.chosen() == [first.campaign_id]  # a cancelled campaign is not offered
    before = open_dialogs()  # other tests' dialogs may still be open
    with qtbot.waitSignal(dialog.finished, timeout=5_000):
        dialog.resume_button.click()
    sending = [
        d
        for d in open_dialogs() - before
        if shiboken6.isValid(d)
        and isinstance(d, TeaLiteSendDialog)
        and d.campaign_id == first.campaign_id
    ]
    assert len(sending) == 1  # a sending dialog started for the campaign
    qtbot.addWidget(sending[0])
    qtbot.waitUntil(lambda: not sending[0].is_running(), timeout=20_000)
    assert OutboxRepository(db).counts(first.campaign_id).accepted == 15
    received = sandbox.received_messages(source_system="tests")
    assert sorted(m.recipient for m in received) == sorted(p.email for p in people(15))


@pytest.mark.timeout(60)
def test_composer_form_checks_fills_the_outbox_in_the_worker_and_sends(
    qtbot: QtBot, app_context: AppContext, sandbox: RunningSandbox
) -> None:
    from teenvio_desktop.core.accounts import SANDBOX_ACCOUNT_NAME
    from teenvio_desktop.core.merge import MergeValidationError

    app_context.sandbox = sandbox
    addresses = [p.email for p in people(6)]
    campaign = rest_campaign(
        account_name=SANDBOX_ACCOUNT_NAME,
        source_system="",  # taken from the account
        subject="Hola {{ email }}",
        html="<p>{{ email }}</p>",
        text="{{ email }}",
        recipients=addresses,
    )
    job = prepare_send(app_context, campaign)  # reads no secret: the worker will
    assert isinstance(job, TeaLiteSendJob) and job.campaign_id is None
    dialog = _dialog(None, job)
    qtbot.addWidget(dialog)
    assert dialog.task is None  # the caller connects, then starts
    results: list[object] = []
    dialog.send_finished.connect(results.append)
    with qtbot.waitSignal(dialog.send_finished, timeout=20_000):
        dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_running(), timeout=5_000)
    assert dialog.campaign_id and dialog.model.rowCount() == 6
    assert results and results[0].campaign_id == dialog.campaign_id  # type: ignore[attr-defined]
    received = sandbox.received_messages(source_system=sandbox.info.user)
    assert sorted(m.subject for m in received) == sorted(f"Hola {a}" for a in addresses)

    broken = dataclasses.replace(campaign, campaign_ref="c-9", subject="{{ missing }}")
    failing = _dialog(None, prepare_send(app_context, broken))
    qtbot.addWidget(failing)
    with qtbot.waitSignal(failing.send_failed, timeout=10_000) as blocker:
        failing.start()
    assert isinstance(blocker.args[0], MergeValidationError)
    assert len(sandbox.received_messages(source_system=sandbox.info.user)) == 6
