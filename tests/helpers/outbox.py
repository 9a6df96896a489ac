"""Shared by the outbox, CLI and GUI sending tests: a campaign, recipients, checks."""

from __future__ import annotations

from collections import Counter

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.outbox import OutboxRepository, Recipient
from teenvio_desktop.core.store import Database
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.sandbox.server import RunningSandbox


def rest_campaign(**changes: object) -> Campaign:
    values: dict[str, object] = {
        "transport": "rest",
        "subject": "Hola {{ name }}",
        "sender": "demo@example.com",
        "sender_name": "Demo",
        "reply_to": "replies@example.com",
        "reply_to_name": "Replies",
        "html": "<p>Hola {{ name }}, tu código es {{ code }}</p>",
        "text": "Hola {{ name }}, código {{ code }}",
        "source_system": "tests",
        "campaign_ref": "c-1",
    }
    values.update(changes)
    return Campaign(**values)  # type: ignore[arg-type]


def people(n: int, domain: str = "example.com") -> list[Recipient]:
    return [
        Recipient(f"user{i}@{domain}", f"User {i}", {"name": f"User {i}", "code": f"K{i}"})
        for i in range(1, n + 1)
    ]


def connect(sandbox: RunningSandbox, token: str | None = None) -> TeaLiteConnection:
    info = sandbox.info
    return TeaLiteConnection(info.api_url, token or info.token, source_system="tests")


def assert_exactly_once(db: Database, sandbox: RunningSandbox, campaign_id: int) -> None:
    """Every outbox message accepted, received under its outboundId once, personalised."""
    ours = OutboxRepository(db).messages(campaign_id)
    received = sandbox.received_messages(source_system="tests")
    by_outbound = {m.outbound_id: m for m in received}
    assert len(by_outbound) == len(received), "the sandbox stored an outboundId twice"
    assert Counter(m.recipient for m in received) == Counter(m.recipient for m in ours)
    for message in ours:
        assert message.state == "accepted"
        got = by_outbound[message.outbound_id]
        assert got.message_id == message.message_id
        assert got.recipient == message.recipient
        name, code = message.merge_data["name"], message.merge_data["code"]
        assert got.subject == f"Hola {name}"
        assert got.html == f"<p>Hola {name}, tu código es {code}</p>"
        assert got.text == f"Hola {name}, código {code}"
