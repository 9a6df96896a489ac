"""One road from a checked campaign to its outcome, whichever the transport.

``prepare_send(context, campaign)`` returns a :class:`SendJob` (quick, on any thread:
it reads no secret); ``job.run(progress, cancel)`` does everything slow (the keyring,
expanding a saved list, the outbox, the network) and returns one :class:`SendOutcome`.
The SMTP-API and TEA Lite are two strategies behind it.
"""

from teenvio_desktop.core.sending.jobs import (
    STAGE_OUTBOX_READY,
    SendJob,
    SmtpSendJob,
    TeaLiteSendJob,
)
from teenvio_desktop.core.sending.outcome import SendOutcome
from teenvio_desktop.core.sending.prepare import (
    campaign_for_test_send,
    prepare_resume,
    prepare_send,
)

__all__ = [
    "STAGE_OUTBOX_READY",
    "SendJob",
    "SendOutcome",
    "SmtpSendJob",
    "TeaLiteSendJob",
    "campaign_for_test_send",
    "prepare_resume",
    "prepare_send",
]
