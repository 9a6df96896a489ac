"""From the composer's campaign (or a stopped one in the outbox) to a :class:`SendJob`.

Only the account is looked up here (in the database): a missing account or connection is
reported before anything starts. Its secret is read when the job runs, in the worker.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from teenvio_desktop.core.accounts.credentials import (
    NoAccountFor,
    find_account,
    resolve_smtp,
    resolve_tealite,
)
from teenvio_desktop.core.accounts.models import Account
from teenvio_desktop.core.accounts.session import secret_store
from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.outbox.resume import NoAccountForCampaign
from teenvio_desktop.core.outbox.sender import SendOptions, UnknownCampaign
from teenvio_desktop.core.sending.jobs import (
    SendJob,
    SmtpCredentials,
    SmtpSendJob,
    TeaLiteCredentials,
    TeaLiteSendJob,
)
from teenvio_desktop.core.smtp.settings import SmtpSettings
from teenvio_desktop.core.tealite.connection import TeaLiteConnection


def prepare_send(
    context: AppContext,
    campaign: Campaign,
    *,
    test: bool = False,
    options: SendOptions | None = None,
) -> SendJob:
    """The job that sends ``campaign`` through its transport, from its account (or the
    default one). Raises ``NoAccountFor`` when no account can send it."""
    account = find_account(context, campaign.transport, campaign.account_name)
    if campaign.transport == "smtp":
        return SmtpSendJob(context.db, campaign, _smtp_credentials(context, account), test=test)
    return TeaLiteSendJob(
        context.db,
        _tealite_credentials(context, account),
        campaign=campaign,
        options=options,
        test=test,
    )


def prepare_resume(
    context: AppContext, campaign_id: int, *, options: SendOptions | None = None
) -> TeaLiteSendJob:
    """The job that sends what a stopped TEA Lite campaign has not sent yet."""
    record = CampaignRepository(context.db).get(campaign_id)
    if record is None:
        raise UnknownCampaign(campaign_id)
    try:
        account = find_account(context, "rest", record.account_name)
    except NoAccountFor:
        raise NoAccountForCampaign(record.campaign_ref or str(record.id)) from None
    return TeaLiteSendJob(
        context.db, _tealite_credentials(context, account), campaign_id=campaign_id, options=options
    )


def _smtp_credentials(context: AppContext, account: Account) -> SmtpCredentials:
    def read() -> SmtpSettings:
        return resolve_smtp(account, secret_store(context))

    return read


def _tealite_credentials(context: AppContext, account: Account) -> TeaLiteCredentials:
    def read() -> TeaLiteConnection:
        return resolve_tealite(account, secret_store(context))

    return read


def campaign_for_test_send(
    campaign: Campaign, addresses: list[str], row: dict[str, str] | None
) -> Campaign:
    """The campaign as one recipient would get it, addressed to the test addresses.

    TEA Lite renders each message from the recipient's row (``MergeTemplates``, as the
    outbox does for the real send); the SMTP-API sends the text as it is, so a test does
    too. A row that cannot fill the fields raises ``MergeValidationError`` (nothing sent).
    """
    test = dataclasses.replace(campaign, recipients=list(addresses), recipient_list_id=None)
    if row is not None and campaign.transport == "rest":
        from teenvio_desktop.core.merge import (
            MergeTemplates,
            MergeValidationError,
            validate_merge,
        )

        report = validate_merge(campaign, [row])
        if not report.ok:
            raise MergeValidationError(report)
        rendered = MergeTemplates.for_campaign(campaign).render(row)
        test.subject, test.html, test.text = rendered.subject, rendered.html, rendered.text
    if campaign.transport == "rest":
        # Its own campaign id: a test must never count as (or resume) the real campaign.
        stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
        test.campaign_ref = f"{campaign.campaign_ref or 'campaign'}-test-{stamp}"
        test.send_at = None
    return test
