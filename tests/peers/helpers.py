"""What the peer tests share: a campaign, recipients, a connection (no sandbox import)."""

from __future__ import annotations

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.outbox import Recipient, ReconcileOptions, SendOptions
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from tests.peers.tealite_peer import TeaLitePeer

SOURCE = "peers"
QUICK_RECONCILE = ReconcileOptions(first_check_s=0.05, interval_s=0.2, max_wait_s=5.0)
OPTIONS = SendOptions(
    concurrency=4, backoff_base_s=0.01, backoff_max_s=0.05, reconcile=QUICK_RECONCILE
)


def campaign(**changes: object) -> Campaign:
    values: dict[str, object] = {
        "transport": "rest",
        "subject": "Hola {{ name }}",
        "sender": "demo@example.com",
        "sender_name": "Demo",
        "reply_to": "demo@example.com",
        "reply_to_name": "Demo",
        "html": "<p>Hola {{ name }}</p>",
        "text": "Hola {{ name }}",
        "source_system": SOURCE,
        "campaign_ref": "p-1",
    }
    values.update(changes)
    return Campaign(**values)  # type: ignore[arg-type]


def people(n: int) -> list[Recipient]:
    return [
        Recipient(f"user{i}@example.com", f"User {i}", {"name": f"User {i}"})
        for i in range(1, n + 1)
    ]


def connect(peer: TeaLitePeer, *, timeout_s: float = 5.0) -> TeaLiteConnection:
    return TeaLiteConnection(peer.url, peer.token, source_system=SOURCE, timeout_s=timeout_s)
