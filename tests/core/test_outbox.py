"""The outbox without a network: what is written before sending, and what is refused."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from teenvio_desktop.core.campaign import Attachment, Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.merge import MergeTemplates, MergeValidationError, RenderedMessage
from teenvio_desktop.core.outbox import (
    CampaignNotReady,
    InvalidRecipients,
    NoRecipients,
    OutboxRepository,
    Recipient,
    RequestTooLarge,
    create_rest_campaign,
    read_recipient_file,
    recipients_for,
    retry_failed,
    unfinished_campaigns,
)
from teenvio_desktop.core.outbox.payload import MessageAddress, build_request
from teenvio_desktop.core.outbox.repository import _COLUMNS, MessageUpdate, OutboxMessage
from teenvio_desktop.core.suppression import SuppressionList
from tests.helpers.outbox import people, rest_campaign


def _rows(app_context: AppContext, table: str) -> int:
    return int(app_context.db.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_campaign_and_messages_are_written_before_sending(app_context: AppContext) -> None:
    db = app_context.db
    prepared = create_rest_campaign(db, rest_campaign(), people(30))
    assert prepared.created and prepared.messages == 30
    record = CampaignRepository(db).get(prepared.campaign_id)
    assert record is not None and record.transport == "rest" and record.campaign_ref == "c-1"
    assert record.campaign().html.startswith("<p>Hola {{ name }}")
    messages = OutboxRepository(db).messages(prepared.campaign_id)
    assert [m.seq for m in messages] == list(range(1, 31))
    assert len({m.outbound_id for m in messages}) == 30
    assert all(m.state == "queued" and m.attempts == 0 for m in messages)
    assert messages[4].merge_data == {
        "name": "User 5",
        "code": "K5",
        "email": "user5@example.com",
    }
    assert [u.record.id for u in unfinished_campaigns(db)] == [prepared.campaign_id]


def test_same_identity_resumes_instead_of_creating(app_context: AppContext) -> None:
    db = app_context.db
    first = create_rest_campaign(db, rest_campaign(), people(5))
    again = create_rest_campaign(db, rest_campaign(subject="changed"), people(9))
    assert not again.created and again.campaign_id == first.campaign_id and again.messages == 5
    other = create_rest_campaign(db, rest_campaign(source_system="other"), people(2))
    assert other.created and other.campaign_id != first.campaign_id


def test_suppressed_and_repeated_addresses_are_left_out(app_context: AppContext) -> None:
    db = app_context.db
    SuppressionList(db).add("USER2@example.com", "hard_bounce")
    recipients = [*people(3), Recipient("User3@Example.com", "", {"name": "x", "code": "y"})]
    prepared = create_rest_campaign(db, rest_campaign(), recipients)
    assert prepared.suppressed == ["user2@example.com"]
    assert prepared.duplicates == ["User3@Example.com"]
    assert [m.recipient for m in OutboxRepository(db).messages(prepared.campaign_id)] == [
        "user1@example.com",
        "user3@example.com",
    ]
    SuppressionList(db).add("user9@example.com", "unsubscribe")
    with pytest.raises(NoRecipients):
        create_rest_campaign(db, rest_campaign(campaign_ref="c-2"), people(9)[8:])


@pytest.mark.parametrize(
    ("campaign", "recipients", "error"),
    [
        (rest_campaign(sender_name=""), people(2), CampaignNotReady),
        (rest_campaign(send_at="2026-01-01"), people(2), CampaignNotReady),
        (rest_campaign(reply_to_name="a\nBcc: x@y.z"), people(2), CampaignNotReady),
        (rest_campaign(), [*people(2), Recipient("not an address")], InvalidRecipients),
        (rest_campaign(), [*people(2), Recipient("x@example.com", "", {})], MergeValidationError),
        (rest_campaign(html="{% if %}"), people(2), MergeValidationError),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(
    app_context: AppContext, campaign: Campaign, recipients: list[Recipient], error: type
) -> None:
    with pytest.raises(error) as info:
        create_rest_campaign(app_context.db, campaign, recipients)
    assert str(info.value)
    assert _rows(app_context, "campaigns") == 0 and _rows(app_context, "outbox_messages") == 0


def test_merge_report_names_the_rows_at_fault(app_context: AppContext) -> None:
    recipients = people(4)
    recipients[2] = Recipient("user3@example.com", "", {"name": "", "code": "K3"})
    with pytest.raises(MergeValidationError) as info:
        create_rest_campaign(app_context.db, rest_campaign(), recipients)
    assert info.value.report.rows_at_fault == [3]
    assert "row 3" in str(info.value) and "'name'" in str(info.value)


def test_request_over_two_megabytes_is_refused_before_sending(app_context: AppContext) -> None:
    big = Attachment("big.bin", "application/octet-stream", b"\0" * (2 * 1024 * 1024 - 3500))
    campaign = rest_campaign(attachments=[big])
    recipients = [*people(2), Recipient("long@example.com", "", {"name": "x" * 2000, "code": "1"})]
    with pytest.raises(RequestTooLarge) as info:
        create_rest_campaign(app_context.db, campaign, recipients)
    assert info.value.rows == [3]
    assert _rows(app_context, "outbox_messages") == 0


def test_json_request_carries_every_attribute_of_the_seed() -> None:
    campaign = rest_campaign(send_at="20300101120000", list_unsubscribe="<mailto:u@example.com>")
    rendered = RenderedMessage("Asunto", "<p>h</p>", "t")
    request = build_request(campaign, MessageAddress("ob-1", "a@example.com", "Ana"), rendered)
    assert request.path == "/send" and request.content_type == "application/json"
    assert json.loads(request.body) == {
        "type": "email",
        "outboundId": "ob-1",
        "campaignId": "c-1",
        "sourceSystem": "tests",
        "sender": "demo@example.com",
        "senderName": "Demo",
        "replyTo": "replies@example.com",
        "replyToName": "Replies",
        "recipient": "a@example.com",
        "recipientName": "Ana",
        "subjectContentPlainText": "Asunto",
        "bodyContentHTML": "<p>h</p>",
        "bodyContentPlainText": "t",
        "listUnsubscribe": "<mailto:u@example.com>",
        "sendAt": "20300101120000",
    }
    with_file = rest_campaign(attachments=[Attachment("a.txt", "text/plain", b"hello")])
    multipart = build_request(with_file, MessageAddress("ob-2", "a@example.com"), rendered)
    assert multipart.path == "/sendWithAttachment"
    assert multipart.content_type.startswith("multipart/form-data; boundary=")
    assert b'name="outboundId"' in multipart.body and b'name="attachment"' in multipart.body
    assert b'name="recipientName"' not in multipart.body


def test_text_part_is_derived_from_html_when_missing(app_context: AppContext) -> None:
    prepared = create_rest_campaign(app_context.db, rest_campaign(text=""), people(1))
    record = CampaignRepository(app_context.db).get(prepared.campaign_id)
    assert record is not None and "tu código es {{ code }}" in record.campaign().text


def test_state_changes_recovery_and_retry_failed(app_context: AppContext) -> None:
    db = app_context.db
    prepared = create_rest_campaign(db, rest_campaign(), people(4))
    outbox = OutboxRepository(db)
    ids = [m.id for m in outbox.messages(prepared.campaign_id)]
    outbox.apply(
        [
            MessageUpdate(ids[0], "sending", count_attempt=True),
            MessageUpdate(ids[0], "accepted", message_id="77"),
            MessageUpdate(ids[1], "sending", count_attempt=True),
            MessageUpdate(ids[2], "failed", error_category="Permanent", error_text="no"),
            MessageUpdate(ids[3], "failed", error_category="Retriable", error_text="gave up"),
        ]
    )
    counts = outbox.counts(prepared.campaign_id)
    assert (counts.accepted, counts.sending, counts.failed, counts.remaining) == (1, 1, 2, 1)
    accepted = outbox.get(ids[0])
    assert accepted is not None and accepted.message_id == "77" and accepted.attempts == 1
    # A late "retrying" for an accepted message never undoes the acceptance.
    outbox.apply([MessageUpdate(ids[0], "retrying")])
    assert outbox.counts(prepared.campaign_id).accepted == 1
    # A request in flight when its run died may have arrived: uncertain, never re-queued.
    assert outbox.recover_in_flight(prepared.campaign_id) == 1
    interrupted = outbox.get(ids[1])
    assert interrupted is not None and interrupted.state == "uncertain"
    assert interrupted.error_category == "Interrupted" and interrupted.last_attempt_at
    assert [m.id for m in outbox.pending(prepared.campaign_id)] == []
    assert retry_failed(db, prepared.campaign_id, transient_only=True) == 1
    assert retry_failed(db, prepared.campaign_id) == 1
    counts = outbox.counts(prepared.campaign_id)
    assert (counts.accepted, counts.failed, counts.remaining, counts.uncertain) == (1, 0, 2, 1)
    assert counts.total == 4


def test_recipients_from_a_saved_list_a_file_and_typed_addresses(
    app_context: AppContext, tmp_path: Path
) -> None:
    from teenvio_desktop.core.recipients import import_text

    db = app_context.db
    imported = import_text(
        db, "Correo;Nombre;Ciudad\nana@example.com;Ana;Lugo\nbea@example.com;Bea;Vigo\n"
    )
    from_list = recipients_for(db, Campaign(recipient_list_id=imported.list_id))
    assert [(r.email, r.name, r.merge_row()["Ciudad"]) for r in from_list] == [
        ("ana@example.com", "Ana", "Lugo"),
        ("bea@example.com", "Bea", "Vigo"),
    ]
    typed = recipients_for(db, Campaign(recipients=[" x@example.com ", ""]))
    assert [(r.email, r.merge_row()) for r in typed] == [
        ("x@example.com", {"email": "x@example.com"})
    ]
    path = tmp_path / "list.csv"
    path.write_text("\ufeffE-mail,Nombre,Código\ncris@example.com,Cris,7\n,,\n", encoding="utf-8")
    from_file = read_recipient_file(path)
    assert len(from_file) == 1 and from_file[0].email == "cris@example.com"
    assert from_file[0].name == "Cris"
    campaign = rest_campaign(
        subject="{{ nombre }} {{ e_mail }}",
        html="{{ codigo | default('-') }}{{ Código }}",
        text="t",
    )
    rendered = MergeTemplates.for_campaign(campaign).render(from_file[0].merge_row())
    assert rendered.subject == "Cris cris@example.com" and rendered.html == "-7"


def test_an_unforeseen_transport_exception_makes_the_message_uncertain() -> None:
    from teenvio_desktop.core.outbox.sender import unforeseen_outcome

    outcome = unforeseen_outcome(RuntimeError("aiohttp surprise"))
    # It may have happened after the request was written: never re-sent blindly.
    assert outcome.kind == "uncertain" and outcome.text == "RuntimeError: aiohttp surprise"


def test_selected_columns_follow_the_message_fields_in_order() -> None:
    # OutboxMessage.from_row builds a message from a row positionally.
    names = [f.name for f in dataclasses.fields(OutboxMessage)]
    assert names == [column.strip() for column in _COLUMNS.split(",")]
