"""SMTP-API sends synced by their Teenvio id, identical events kept apart, audiences."""

from __future__ import annotations

import smtplib
import ssl
from datetime import UTC, datetime
from email.message import EmailMessage

import pytest

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.recipients.repository import RecipientListRepository
from teenvio_desktop.core.stats import Scope, StatsStore, summary, sync_campaign
from teenvio_desktop.core.stats.connections import connection_for_campaign, sandbox_connection
from teenvio_desktop.core.stats.queries import addresses, save_audience_as_list
from teenvio_desktop.core.tasks import CancelToken, no_progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from tests.helpers.fake_tealite import FakeTeaLite
from tests.helpers.stats_sandbox import send_rest_campaign


def _smtp_send(sandbox, recipients: list[str]) -> str:  # type: ignore[no-untyped-def]
    info = sandbox.info
    message = EmailMessage()
    message["From"] = info.senders[0]
    message["To"] = ", ".join(recipients)
    message["Subject"] = "SMTP stats"
    message.set_content("Hello")
    message.add_alternative('<p>Hello <a href="https://example.com/x">x</a></p>', subtype="html")
    context = ssl.create_default_context(cafile=str(info.ca_file))
    with smtplib.SMTP_SSL(info.host, info.smtps_port, context=context, timeout=10) as client:
        client.login(info.user, info.password)
        client.mail(info.senders[0])
        for rcpt in recipients:
            client.rcpt(rcpt)
        code, answer = client.data(message.as_bytes())
    assert code == 250, answer
    return answer.decode().split("id=")[1].split()[0]


@pytest.mark.timeout(120)
def test_smtp_campaign_is_synced_by_its_teenvio_id(app_context: AppContext, sandbox) -> None:  # type: ignore[no-untyped-def]
    recipients = ["clicker-1@example.net", "hard-bounce-1@example.net", "silent-1@example.net"]
    teenvio_id = _smtp_send(sandbox, recipients)
    repo = CampaignRepository(app_context.db)
    campaign_id = repo.create(
        Campaign(transport="smtp", subject="SMTP stats"), state="sent", recipients_count=3
    )
    repo.update(campaign_id, teenvio_id=teenvio_id)
    sandbox.simulate_until_done()
    app_context.sandbox = sandbox
    campaign = StatsStore(app_context.db).campaign(campaign_id)
    assert campaign is not None
    connection = connection_for_campaign(app_context, campaign)
    assert connection == sandbox_connection(sandbox)
    report = sync_campaign(app_context.db, connection, campaign, no_progress, CancelToken())
    assert not report.errors
    numbers = summary(app_context.db, Scope(campaign_id=campaign_id))
    expected = sandbox.expected_summary(teenvio_id, sandbox.info.user)
    assert (numbers.delivered, numbers.bounces_hard, numbers.opens, numbers.clicks) == (
        expected.delivered,
        expected.bounces_hard,
        expected.opens,
        expected.clicks,
    )
    assert numbers.clicks >= 1 and numbers.bounces_hard == 1
    assert (numbers.sent, numbers.accepted) == (3, 3)


@pytest.mark.timeout(60)
def test_identical_entries_are_two_events_and_still_deduplicated(
    app_context: AppContext, fake_tealite: FakeTeaLite
) -> None:
    same_second = {
        "email": "a@x.test", "timestamp": "20240410181049", "ip": "1.2.3.4",
        "idCampaign": "9", "idMessage": "1", "link": None, "linkName": None, "type": "OPEN",
    }  # fmt: skip
    fake_tealite.feeds = {"interactions": [dict(same_second), dict(same_second)]}
    repo = CampaignRepository(app_context.db)
    campaign_id = repo.create(
        Campaign(transport="rest", subject="S", source_system="sys", campaign_ref="9")
    )
    connection = TeaLiteConnection(base_url=fake_tealite.url, token=fake_tealite.token)
    since = datetime(2024, 4, 1, tzinfo=UTC)
    for expected_added in (2, 0):
        report = sync_campaign(
            app_context.db, connection, campaign_id, no_progress, CancelToken(),
            kinds=("opens",), since=since,
        )  # fmt: skip
        assert report.added["opens"] == expected_added
    numbers = summary(app_context.db, Scope(campaign_id=campaign_id))
    assert (numbers.opens, numbers.unique_opens) == (2, 1)


@pytest.mark.timeout(120)
def test_non_openers_and_clickers_become_recipient_lists(
    app_context: AppContext, sandbox_factory
) -> None:  # type: ignore[no-untyped-def]
    sandbox = sandbox_factory(seed=4)
    campaign_id = send_rest_campaign(app_context.db, sandbox, "801")
    sandbox.simulate_until_done()
    from tests.helpers.stats_sandbox import connection

    sync_campaign(app_context.db, connection(sandbox), campaign_id, no_progress, CancelToken())
    clickers = addresses(app_context.db, campaign_id, "clickers")
    non_openers = addresses(app_context.db, campaign_id, "non_openers")
    openers = set(addresses(app_context.db, campaign_id, "openers"))
    assert {"clicker-1@example.net", "clicker-2@example.net"} <= set(clickers)
    assert "silent-1@example.net" in non_openers and not openers & set(non_openers)
    list_id, members = save_audience_as_list(app_context.db, campaign_id, "clickers", "Clickers")
    repository = RecipientListRepository(app_context.db)
    assert members == len(clickers)
    assert sorted(m.email for m in repository.iter_members(list_id)) == sorted(clickers)
    again, _ = save_audience_as_list(app_context.db, campaign_id, "non_openers", "Clickers")
    assert repository.get(again).name != repository.get(list_id).name
