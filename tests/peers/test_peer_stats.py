"""The statistics sync against the peer: every shape the seed allows is read completely;
every hostile answer ends quickly with a typed error naming the endpoint, or with the
malformed entries counted and skipped."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.stats import StatsStore, sync_campaign
from teenvio_desktop.core.tasks import CancelToken, no_progress
from teenvio_desktop.core.tealite.errors import (
    AnswerTooLarge,
    AnswerTooSlow,
    MalformedAnswer,
    RepeatedPage,
    TooManyPages,
    UntrustedAnswer,
)
from teenvio_desktop.core.tealite.stats_api import StatsApi, TimeWindow
from tests.peers.helpers import SOURCE, connect
from tests.peers.tealite_peer import TeaLitePeer, stamp

pytestmark = pytest.mark.timeout(60)
Factory = Callable[..., TeaLitePeer]
ENDPOINTS = ("/responses", "/interactions", "/unsubscribe", "/bounces")
EXPECTED = {"responses": 5, "opens": 3, "clicks": 2, "unsubscribes": 3, "bounces": 2}


def feeds() -> dict[str, list[dict[str, Any]]]:
    """Entries shaped like the seed's examples, a few minutes old."""

    def at(minutes: int) -> str:
        return stamp(datetime.now(UTC) - timedelta(minutes=minutes))

    responses = [
        {
            "messageId": str(n),
            "recipient": f"r{n}@example.com",
            "errorCode": "250",
            "errorText": "250 OK",
            "type": "Delivery",
            "timestamp": at(30 - n),
        }
        for n in range(5)
    ]
    bounces = [
        {
            "messageId": str(n),
            "recipient": f"r{n}@example.com",
            "errorCode": "550",
            "errorText": "550-5.1.1 The email account that you tried to reach does not exist.",
            "type": "Hard",
            "timestamp": at(20 - n),
        }
        for n in range(2)
    ]
    interactions = [
        {
            "email": f"r{n}@example.com",
            "timestamp": at(10 - n),
            "ip": "127.0.0.1",
            "idCampaign": "p-1",
            "idMessage": str(n),
            "link": "https://example.com/" if kind == "CLICK" else None,
            "linkName": None,
            "type": kind,
            "sourceSystem": SOURCE,
        }
        for kind, count in (("OPEN", 3), ("CLICK", 2))
        for n in range(count)
    ]
    unsubscribes = [
        {"recipient": f"r{n}@example.com", "idCampaign": "p-1", "idMessage": str(n)}
        | {"dateRequest": "2024-05-16"}
        for n in range(3)
    ]
    return {
        "responses": responses,
        "bounces": bounces,
        "interactions": interactions,
        "unsubscribe": unsubscribes,
    }


def sync(app_context: AppContext, peer: TeaLitePeer, **options: Any) -> Any:
    campaign_id = StatsStore(app_context.db).ensure_rest_campaign(SOURCE, "p-1")
    return sync_campaign(
        app_context.db,
        connect(peer),
        campaign_id,
        no_progress,
        CancelToken(),
        retry_delays=(0.01,),
        **options,
    )


@pytest.mark.parametrize("mode", ["strict", "one_based", "bare_object", "wrapped"])
def test_every_shape_the_seed_allows_is_read_whole_and_once(
    app_context: AppContext, peer_factory: Factory, mode: str
) -> None:
    peer = peer_factory(stats_mode=mode, feeds=feeds())
    report = sync(app_context, peer)
    assert report.errors == [] and report.skipped == {}
    assert report.added == EXPECTED
    again = sync(app_context, peer)  # an overlapping window adds nothing twice
    assert again.errors == [] and again.total_added == 0
    pages = [int(q["page"]) for q in peer.get_requests("/responses")]
    if mode == "one_based":
        # page=0 was read as page 1 by this server; its copy at page=1 was skipped.
        assert pages[:4] == [0, 1, 2, 3]
    unsubscribe_pages = [int(q["page"]) for q in peer.get_requests("/unsubscribe")]
    assert unsubscribe_pages[0] == 1  # "1 a n" for /unsubscribe


@pytest.mark.parametrize(
    ("mode", "error"),
    [
        ("page_ignored", RepeatedPage),
        ("repeated_page", RepeatedPage),
        ("endless_pages", TooManyPages),
        ("deep_json", MalformedAnswer),
        ("not_json", MalformedAnswer),
        ("huge_body", AnswerTooLarge),
    ],
)
def test_hostile_answers_end_quickly_with_an_error_naming_the_endpoint(
    app_context: AppContext, peer_factory: Factory, mode: str, error: type[UntrustedAnswer]
) -> None:
    peer = peer_factory(stats_mode=mode, feeds=feeds(), page_size=2)
    started = time.monotonic()
    report = sync(app_context, peer, max_pages=25)
    elapsed = time.monotonic() - started
    failed = {e.endpoint for e in report.errors if isinstance(e, error)}
    # Every endpoint fails the same way (page_ignored: those with a second page).
    expected = set(ENDPOINTS)
    assert failed == expected, report.errors
    for problem in report.errors:
        assert problem.endpoint in str(problem)  # type: ignore[attr-defined]
    for path in ENDPOINTS:  # bounded: never more than the page limit per feed
        assert len(peer.get_requests(path)) <= 25 * (2 if path == "/interactions" else 1)
    assert elapsed < 30, elapsed  # generous: the point is that it ends, not how fast


def test_entries_with_wrong_types_are_counted_and_skipped(
    app_context: AppContext, peer_factory: Factory
) -> None:
    peer = peer_factory(stats_mode="wrong_types", feeds=feeds())
    report = sync(app_context, peer)
    assert report.errors == []
    assert report.added == EXPECTED  # the good entries, each once
    # Eight malformed entries per feed answer (opens and clicks are two answers).
    assert report.skipped == {k: 8 for k in EXPECTED}
    reasons = " ".join(r for rs in report.skip_reasons.values() for r in rs)
    assert "timestamp" in reasons and "not a JSON object" in reasons
    db = app_context.db
    stored = db.conn.execute("SELECT COUNT(*) FROM stats_responses").fetchone()[0]
    assert stored == 5


def test_an_answer_trickling_one_byte_at_a_time_is_abandoned_at_the_deadline(
    peer_factory: Factory,
) -> None:
    peer = peer_factory(stats_mode="trickle")
    window = TimeWindow(datetime.now(UTC) - timedelta(days=1), datetime.now(UTC))
    started = time.monotonic()
    with connect(peer).build_client() as client:
        api = StatsApi(client, answer_deadline_s=1.0)
        with pytest.raises(AnswerTooSlow) as slow:
            list(api.responses(SOURCE, "p-1", window))
    assert slow.value.endpoint == "/responses" and "/responses" in str(slow.value)
    assert time.monotonic() - started < 10


def test_a_page_with_more_entries_than_the_limit_is_refused(peer_factory: Factory) -> None:
    peer = peer_factory(page_size=5, feeds=feeds())
    window = TimeWindow(datetime.now(UTC) - timedelta(days=1), datetime.now(UTC))
    with connect(peer).build_client() as client:
        api = StatsApi(client, max_items=3)
        with pytest.raises(MalformedAnswer, match="more than 3 entries") as refused:
            list(api.responses(SOURCE, "p-1", window))
    assert refused.value.endpoint == "/responses"
