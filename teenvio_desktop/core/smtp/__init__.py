"""Sending campaigns through the Teenvio SMTP-API: settings, transport, errors, records."""

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
