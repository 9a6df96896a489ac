"""Sending campaigns through the Teenvio SMTP-API: settings, session, transport, errors, records.

Settings and errors are imported at once; the transport (``client.py``, which builds MIME
messages) only when first used, so that reading accounts at start-up stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from teenvio_desktop.core.smtp.errors import SmtpError, error_for_reply
from teenvio_desktop.core.smtp.settings import (
    PORT_STARTTLS,
    PORT_STARTTLS_DEPRECATED,
    PORT_TLS,
    SECURITIES,
    Security,
    SmtpSettings,
    is_loopback_host,
)

if TYPE_CHECKING:
    from teenvio_desktop.core.smtp.client import (
        STAGE_AUTHENTICATING,
        STAGE_CONNECTING,
        STAGE_DATA,
        STAGE_DONE,
        STAGE_PREPARING,
        STAGE_RECIPIENTS,
        PreparedSend,
        SmtpSendResult,
        deliver,
        parse_final_reply,
        prepare_send,
        send_campaign_smtp,
        unique_recipients,
    )

_CLIENT_NAMES = frozenset(
    {
        "STAGE_AUTHENTICATING",
        "STAGE_CONNECTING",
        "STAGE_DATA",
        "STAGE_DONE",
        "STAGE_PREPARING",
        "STAGE_RECIPIENTS",
        "PreparedSend",
        "SmtpSendResult",
        "deliver",
        "parse_final_reply",
        "prepare_send",
        "send_campaign_smtp",
        "unique_recipients",
    }
)


def __getattr__(name: str) -> Any:
    if name in _CLIENT_NAMES:
        from teenvio_desktop.core.smtp import client

        return getattr(client, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "PORT_STARTTLS",
    "PORT_STARTTLS_DEPRECATED",
    "PORT_TLS",
    "SECURITIES",
    "STAGE_AUTHENTICATING",
    "STAGE_CONNECTING",
    "STAGE_DATA",
    "STAGE_DONE",
    "STAGE_PREPARING",
    "STAGE_RECIPIENTS",
    "PreparedSend",
    "Security",
    "SmtpError",
    "SmtpSendResult",
    "SmtpSettings",
    "deliver",
    "error_for_reply",
    "is_loopback_host",
    "parse_final_reply",
    "prepare_send",
    "send_campaign_smtp",
    "unique_recipients",
]
