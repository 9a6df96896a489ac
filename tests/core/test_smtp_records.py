"""Sending with a record: campaigns row, RCPT outcomes, suppression list, failures."""

from __future__ import annotations

import pytest

from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import Cancelled
from teenvio_desktop.core.mime_checks import InvalidAddress
from teenvio_desktop.core.smtp import errors
from teenvio_desktop.core.smtp.records import SmtpSendRepository, send_and_record
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken
from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.smtp import sample_campaign, sandbox_settings

pytestmark = pytest.mark.timeout(60)


def test_a_send_is_recorded_with_ids_outcomes_and_suppression(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    db = app_context.db
    SuppressionList(db).add("luis@example.org", "unsubscribe")
    campaign = sample_campaign(
        recipients=["ana@example.com", "Luis@Example.org", "eva@example.com"]
    )

    recorded = send_and_record(db, campaign, sandbox_settings(sandbox))

    (received,) = sandbox.received_campaigns()
    assert list(received.recipients) == ["ana@example.com", "eva@example.com"]
    record = CampaignRepository(db).get(recorded.campaign_id)
    assert record is not None
    assert record.transport == "smtp"
    assert record.state == "sent"
    assert record.teenvio_id == str(received.teenvio_id)
    assert record.smtp_id == received.smtp_ident
    assert record.subject == campaign.subject
    assert record.sender == "demo@example.com"
    assert record.recipients_count == 2
    assert record.sent_at is not None
    assert record.content is not None and record.content["html"] == campaign.html
    assert record.campaign().images[0].data == campaign.images[0].data

    sends = SmtpSendRepository(db)
    info = sends.info(recorded.campaign_id)
    assert info is not None
    assert info.message_size == recorded.result.size == received.size
    assert info.server_reply == recorded.result.reply
    assert not info.contacts_only
    outcomes = {(o.email, o.outcome, o.code) for o in sends.outcomes(recorded.campaign_id)}
    assert outcomes == {
        ("ana@example.com", "accepted", 250),
        ("eva@example.com", "accepted", 250),
        ("Luis@example.org", "suppressed", None),
    }
    assert recorded.result.suppressed == ["Luis@example.org"]


def test_contacts_only_is_recorded_as_such(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    recorded = send_and_record(
        app_context.db, sample_campaign(), sandbox_settings(sandbox), contacts_only=True
    )
    record = CampaignRepository(app_context.db).get(recorded.campaign_id)
    assert record is not None and record.state == "contacts_imported"
    info = SmtpSendRepository(app_context.db).info(recorded.campaign_id)
    assert info is not None and info.contacts_only


def test_a_refused_send_is_recorded_as_failed(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    with pytest.raises(errors.AuthenticationFailed):
        send_and_record(app_context.db, sample_campaign(), sandbox_settings(sandbox, password="x"))
    (record,) = CampaignRepository(app_context.db).list(transport="smtp")
    assert record.state == "failed"
    assert record.last_error is not None and "535 Authentication credentials invalid" in (
        record.last_error
    )


def test_a_cancelled_send_is_recorded_as_cancelled(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        send_and_record(app_context.db, sample_campaign(), sandbox_settings(sandbox), cancel=cancel)
    (record,) = CampaignRepository(app_context.db).list(transport="smtp")
    assert record.state == "cancelled"


def test_invalid_input_creates_no_record(app_context: AppContext, sandbox: RunningSandbox) -> None:
    with pytest.raises(InvalidAddress) as info:
        send_and_record(
            app_context.db,
            sample_campaign(recipients=["ok@example.com", "not an address"]),
            sandbox_settings(sandbox),
        )
    assert info.value.field == "recipient address"
    assert CampaignRepository(app_context.db).list() == []


def test_everybody_suppressed_is_a_clear_error(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    SuppressionList(app_context.db).add("only@example.com", "hard_bounce")
    with pytest.raises(errors.NoRecipients) as info:
        send_and_record(
            app_context.db,
            sample_campaign(recipients=["only@example.com"]),
            sandbox_settings(sandbox),
        )
    assert "1 address(es)" in str(info.value)


def test_a_saved_recipient_list_is_used_when_no_addresses_are_given(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    from teenvio_desktop.core.recipients import RecipientListRepository

    list_id = RecipientListRepository(app_context.db).create_from_addresses(
        "Clientes", ["uno@example.com", "dos@example.com"]
    )
    campaign = sample_campaign(recipients=[])
    campaign.recipient_list_id = list_id
    recorded = send_and_record(app_context.db, campaign, sandbox_settings(sandbox))
    assert recorded.result.accepted == ["uno@example.com", "dos@example.com"]
    record = CampaignRepository(app_context.db).get(recorded.campaign_id)
    assert record is not None and record.content is not None
    assert record.content["recipient_list_id"] == list_id


def test_addresses_the_smtp_api_cannot_take_are_left_out_with_their_outcome(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    db = app_context.db
    campaign = sample_campaign(
        recipients=["ana@example.com", "iñigo@example.com", "Iñigo@example.com", "eva@bücher.de"]
    )
    recorded = send_and_record(db, campaign, sandbox_settings(sandbox))
    (received,) = sandbox.received_campaigns()
    # An internationalised domain travels as punycode; a non-ASCII local part cannot.
    assert list(received.recipients) == ["ana@example.com", "eva@xn--bcher-kva.de"]
    assert recorded.result.unsupported == ["iñigo@example.com"]
    outcomes = {o.email: o for o in SmtpSendRepository(db).outcomes(recorded.campaign_id)}
    left_out = outcomes["iñigo@example.com"]
    assert left_out.outcome == "refused" and left_out.code is None
    assert "SMTPUTF8" in left_out.reply


def test_a_send_to_only_such_addresses_says_so_and_sends_nothing(
    app_context: AppContext, sandbox: RunningSandbox
) -> None:
    campaign = sample_campaign(recipients=["iñigo@example.com", "josé@example.com"])
    with pytest.raises(errors.OnlyUnsupportedRecipients) as raised:
        send_and_record(app_context.db, campaign, sandbox_settings(sandbox))
    text = raised.value.render()
    assert "iñigo@example.com" in text and "TEA Lite" in text
    assert sandbox.received_campaigns() == []
