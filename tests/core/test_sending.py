"""One send path for both transports: prepare_send -> SendJob.run -> SendOutcome."""

from __future__ import annotations

import dataclasses

import pytest

from teenvio_desktop.core.accounts import SANDBOX_ACCOUNT_NAME, NoAccountFor
from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.outbox import OutboxRepository, create_rest_campaign
from teenvio_desktop.core.outbox.resume import NoAccountForCampaign
from teenvio_desktop.core.outbox.sender import UnknownCampaign
from teenvio_desktop.core.recipients.repository import RecipientListRepository
from teenvio_desktop.core.sending import (
    STAGE_OUTBOX_READY,
    SendOutcome,
    SmtpSendJob,
    TeaLiteSendJob,
    campaign_for_test_send,
    prepare_resume,
    prepare_send,
)
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.tasks import CancelToken, Progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.outbox import connect, people, rest_campaign
from tests.helpers.smtp import sample_campaign, sandbox_settings

pytestmark = pytest.mark.timeout(60)


def _run(job: SmtpSendJob | TeaLiteSendJob) -> tuple[SendOutcome, list[Progress]]:
    reports: list[Progress] = []
    return job.run(reports.append, CancelToken()), reports


def test_prepare_send_reads_no_secret_and_picks_the_transport(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    app_context.sandbox = sandbox
    smtp = prepare_send(app_context, sample_campaign(account_name=SANDBOX_ACCOUNT_NAME))
    rest = prepare_send(app_context, rest_campaign(account_name=SANDBOX_ACCOUNT_NAME))
    assert isinstance(smtp, SmtpSendJob) and isinstance(rest, TeaLiteSendJob)
    assert rest.campaign_id is None  # the outbox is filled when it runs
    assert OutboxRepository(app_context.db).messages(1) == []


def test_no_account_is_reported_before_anything_starts(app_context: AppContext) -> None:
    with pytest.raises(NoAccountFor, match="SMTP-API connection") as smtp:
        prepare_send(app_context, sample_campaign())
    with pytest.raises(NoAccountFor, match="TEA Lite connection"):
        prepare_send(app_context, rest_campaign(account_name="Nadie"))
    assert smtp.value.transport == "smtp"


def test_smtp_job_reads_its_credentials_and_expands_the_list_when_it_runs(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    people_list = ["ana@example.com", "luis@example.com", "eva@example.com"]
    list_id = RecipientListRepository(app_context.db).create_from_addresses("L", people_list)
    calls: list[str] = []

    def credentials() -> SmtpSettings:
        calls.append("read")
        return sandbox_settings(sandbox)

    campaign = sample_campaign(recipients=[], recipient_list_id=list_id)
    job = SmtpSendJob(app_context.db, campaign, credentials)
    assert calls == []
    outcome, reports = _run(job)
    assert calls == ["read"]
    (received,) = sandbox.received_campaigns()
    assert sorted(received.recipients) == sorted(people_list)
    assert outcome.transport == "smtp" and outcome.accepted == 3 and outcome.failed == 0
    assert outcome.complete and outcome.smtp is not None
    assert outcome.smtp.result.teenvio_id == str(received.teenvio_id)
    assert outcome.campaign_id == outcome.smtp.campaign_id
    assert reports[-1].stage == "Done"


def test_tealite_job_fills_the_outbox_then_sends_and_resumes(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    addresses = [p.email for p in people(5)]
    campaign = rest_campaign(
        source_system="",  # taken from the connection when it runs
        recipients=addresses,
        subject="Hola {{ email }}",
        html="<p>{{ email }}</p>",
        text="{{ email }}",
    )
    connection = connect(sandbox)
    job = TeaLiteSendJob(app_context.db, lambda: connection, campaign=campaign)
    outcome, reports = _run(job)
    assert reports[0].stage == STAGE_OUTBOX_READY
    assert reports[0].details["campaign_id"] == job.campaign_id == outcome.campaign_id
    assert (outcome.transport, outcome.accepted, outcome.failed) == ("rest", 5, 0)
    assert outcome.rest is not None and outcome.complete
    received = sandbox.received_messages(source_system="tests")  # the connection's
    assert sorted(m.recipient for m in received) == sorted(addresses)
    again, reports = _run(job)  # a second run resumes: nothing is left to send
    assert again.accepted == 5 and again.rest is not None and again.rest.sent_this_run == 0
    assert STAGE_OUTBOX_READY not in [r.stage for r in reports]
    assert len(sandbox.received_messages(source_system="tests")) == 5


def test_a_new_token_is_used_from_the_next_run(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(2))
    bad = dataclasses.replace(connect(sandbox), token="wrong")
    job = TeaLiteSendJob(app_context.db, lambda: bad, campaign_id=prepared.campaign_id)
    with pytest.raises(Exception, match="rejected"):
        job.run(lambda _p: None, CancelToken())
    job.use_connection(connect(sandbox))
    job.new_run()
    outcome, _ = _run(job)
    assert outcome.accepted == 2


def test_resume_needs_a_known_campaign_and_an_account(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    with pytest.raises(UnknownCampaign):
        prepare_resume(app_context, 99)
    prepared = create_rest_campaign(
        app_context.db, rest_campaign(account_name=SANDBOX_ACCOUNT_NAME), people(3)
    )
    with pytest.raises(NoAccountForCampaign, match="c-1"):
        prepare_resume(app_context, prepared.campaign_id)  # no sandbox running yet
    app_context.sandbox = sandbox
    job = prepare_resume(app_context, prepared.campaign_id)
    assert job.campaign_id == prepared.campaign_id
    outcome, _ = _run(job)
    assert outcome.accepted == 3
    assert {m.recipient for m in sandbox.received_messages(source_system="tests")} == {
        p.email for p in people(3)
    }


def test_a_test_send_is_its_own_campaign_rendered_for_one_recipient() -> None:
    campaign = rest_campaign(recipient_list_id=4, recipients=[], send_at="20990101000000")
    row = {"email": "ana@example.com", "name": "Ana", "code": "K9"}
    test = campaign_for_test_send(campaign, ["yo@example.com"], row)
    assert test.recipients == ["yo@example.com"] and test.recipient_list_id is None
    assert test.subject == "Hola Ana" and "K9" in test.html
    assert test.campaign_ref.startswith("c-1-test-") and test.send_at is None
    smtp = campaign_for_test_send(Campaign(subject="S", campaign_ref="x"), ["a@example.com"], None)
    assert smtp.campaign_ref == "x" and smtp.subject == "S"


def test_a_test_send_whose_row_lacks_a_field_says_which_before_sending() -> None:
    from teenvio_desktop.core.merge import MergeValidationError

    campaign = rest_campaign(subject="Hola {{ nombre }}", recipient_list_id=4, recipients=[])
    with pytest.raises(MergeValidationError) as raised:
        campaign_for_test_send(campaign, ["yo@example.com"], {"email": "ana@example.com"})
    assert "nombre" in raised.value.render()


def test_an_smtp_test_send_is_sent_as_the_campaign_is() -> None:
    """The SMTP-API does not personalise: neither does its test (one rendering path each)."""
    campaign = Campaign(subject="Hola", html="<p>{ literal }</p>", transport="smtp")
    test = campaign_for_test_send(campaign, ["a@example.com"], {"email": "x@example.com"})
    assert (test.subject, test.html) == ("Hola", "<p>{ literal }</p>")


def test_the_outcome_has_one_shape_for_both_transports(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    smtp = SmtpSendJob(
        app_context.db, sample_campaign(), lambda: sandbox_settings(sandbox), contacts_only=True
    )
    outcome, _ = _run(smtp)
    assert outcome.smtp is not None and outcome.smtp.result.contacts_only
    assert outcome.rest is None and isinstance(outcome.campaign_id, int)
    connection: TeaLiteConnection = connect(sandbox)
    prepared = create_rest_campaign(app_context.db, rest_campaign(), people(1))
    rest, _ = _run(
        TeaLiteSendJob(app_context.db, lambda: connection, campaign_id=prepared.campaign_id)
    )
    assert rest.smtp is None and rest.rest is not None
    assert {type(outcome.accepted), type(rest.accepted)} == {int}
