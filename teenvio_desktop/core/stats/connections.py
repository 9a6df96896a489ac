"""Which TEA Lite connection reads a campaign's statistics.

The campaign's account when it is a saved one (its TEA Lite part; for an
SMTP-API send the source system is the SMTP user, which is how Teenvio files SMTP sends),
else the embedded sandbox when the app runs with ``--sandbox``, else none.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from typing import Any

from teenvio_desktop.core.accounts import (
    NoAccountFor,
    find_account,
    keyring_token_for_api,
    resolve_tealite,
    secret_store,
)
from teenvio_desktop.core.stats.store import StatsCampaign
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

log = logging.getLogger(__name__)


def sandbox_connection(sandbox: Any) -> TeaLiteConnection:
    """The embedded sandbox's TEA Lite API (its SMTP user is the SMTP sends' source system)."""
    info = sandbox.info
    return TeaLiteConnection(
        base_url=str(info.api_url),
        token=str(info.token),
        source_system=str(info.user),
        ca_file=str(info.ca_file) if getattr(info, "ca_file", None) else None,
    )


def connection_for_campaign(context: Any, campaign: StatsCampaign) -> TeaLiteConnection | None:
    """The connection to poll ``campaign`` with, or None when nothing is configured.

    Raises the accounts module's errors (missing token, keyring unavailable) so the
    caller can ask the user for credentials.
    """
    if campaign.account_name:
        found = _account_connection(context, campaign)
        if found is not None:
            return found
    if getattr(context, "sandbox", None) is not None:
        return sandbox_connection(context.sandbox)
    return None


def _account_connection(context: Any, campaign: StatsCampaign) -> TeaLiteConnection | None:
    try:
        account = find_account(context, "rest", campaign.account_name, use_default=False)
    except NoAccountFor:
        return None
    connection = resolve_tealite(account, secret_store(context))
    if campaign.transport == "smtp" and account.smtp is not None:
        connection = replace(connection, source_system=account.smtp.user)
    return connection


def keyring_token(context: Any, base_url: str, source_system: str) -> str | None:
    """The keyring token of a saved account whose TEA Lite part matches, if any."""
    return keyring_token_for_api(context, base_url, source_system)
