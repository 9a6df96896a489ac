"""Outcomes over time: seeded, time-scaled, for REST and SMTP campaigns alike; what the
API shows matches what the sandbox says it generated."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime
from email.message import EmailMessage
from typing import Any

import pytest

from teenvio_desktop.sandbox.server import RunningSandbox
from teenvio_desktop.sandbox.simulation import OutcomeRates, extract_links, plan_outcomes
from tests.helpers.sandbox import WIDE, api, send_body, smtp_ssl

pytestmark = pytest.mark.timeout(30)

HTML = (
    '<p><a href="https://example.com/uno">Uno</a> <a href="https://example.com/dos">Dos</a>'
    ' <a href="mailto:x@example.com">correo</a></p>'
)
LINKS = {"https://example.com/uno", "https://example.com/dos"}
BUSY = {"open_rate": 0.9, "repeat_open_rate": 0.8, "click_rate": 0.9, "unsubscribe_rate": 0.2}


def _rest_campaign(sandbox: RunningSandbox, campaign: str, count: int) -> None:
    with api(sandbox) as http:
        for n in range(count):
            body = send_body(
                campaignId=campaign,
                outboundId=f"{campaign}-{n}",
                recipient=f"persona{n}@example.org",
                bodyContentHTML=HTML,
            )
            assert http.post("/send", json=body).status_code == 202


def _smtp_campaign(sandbox: RunningSandbox, count: int, **headers: str) -> str:
    message = EmailMessage()
    message["Subject"] = "Campaña SMTP"
    message["From"] = "demo@example.com"
    for name, value in headers.items():
        message[name] = value
    message.set_content("texto")
    message.add_alternative(HTML, subtype="html")
    with smtp_ssl(sandbox) as client:
        client.send_message(message, to_addrs=[f"smtp{n}@example.org" for n in range(count)])
    return sandbox.received_campaigns()[-1].campaign_id


def _api_counts(sandbox: RunningSandbox, campaign: str, source: str) -> dict[str, int]:
    with api(sandbox) as http:

        def pages(path: str, **params: Any) -> list[dict[str, Any]]:
            items: list[dict[str, Any]] = []
            page = 0
            while batch := http.get(path, params={**params, **WIDE, "page": page}).json():
                items += batch
                page += 1
            return items

        responses = pages("/responses", sourceSystem=source, campaignId=campaign)
        opens = pages("/interactions", idCampaign=campaign, type="OPEN")
        clicks = pages("/interactions", idCampaign=campaign, type="CLICK")
        unsubscribes = http.get(
            "/unsubscribe", params={"sourceSystem": source, "idCampaign": campaign}
        ).json()["unsubscribes"]
    assert {c["link"] for c in clicks} <= LINKS  # only links present in the HTML
    return {
        "delivered": sum(r["type"] == "Delivered" for r in responses),
        "bounces_hard": sum(r["type"] == "Hard" for r in responses),
        "bounces_soft": sum(r["type"] == "Soft" for r in responses),
        "opens": len(opens),
        "unique_opens": len({o["idMessage"] for o in opens}),
        "clicks": len(clicks),
        "unique_clicks": len({c["idMessage"] for c in clicks}),
        "unsubscribes": len(unsubscribes),
    }


def _summary_counts(sandbox: RunningSandbox, campaign: str, source: str) -> dict[str, int]:
    summary = sandbox.expected_summary(campaign, source).__dict__.copy()
    summary.pop("messages")
    return summary


def test_rest_and_smtp_campaigns_produce_matching_statistics(
    sandbox_factory: Callable[..., RunningSandbox],
) -> None:
    sandbox = sandbox_factory(seed=7, hard_bounce_rate=0.1, soft_bounce_rate=0.1, **BUSY)
    _rest_campaign(sandbox, "R1", 40)
    smtp_id = _smtp_campaign(sandbox, 40)
    sandbox.simulate_until_done()
    for campaign, source in (("R1", "IDSystemaEnvio"), (smtp_id, sandbox.info.user)):
        counts = _api_counts(sandbox, campaign, source)
        assert counts == _summary_counts(sandbox, campaign, source)
        assert counts["delivered"] + counts["bounces_hard"] + counts["bounces_soft"] == 40
        # Every kind of outcome occurs, and some recipients open more than once.
        assert all(value > 0 for value in counts.values()), counts
        assert counts["opens"] > counts["unique_opens"]


def test_same_seed_same_outcomes(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    summaries = []
    for _ in range(2):
        sandbox = sandbox_factory(seed=42, **BUSY)
        _rest_campaign(sandbox, "S", 25)
        sandbox.simulate_until_done()
        summaries.append(sandbox.expected_summary("S"))
    assert summaries[0] == summaries[1]
    other = sandbox_factory(seed=43, **BUSY)
    _rest_campaign(other, "S", 25)
    other.simulate_until_done()
    assert other.expected_summary("S") != summaries[0]


def test_events_appear_only_once_their_time_has_passed(
    sandbox_factory: Callable[..., RunningSandbox],
) -> None:
    sandbox = sandbox_factory(time_scale=1.0, hard_bounce_rate=0.0, soft_bounce_rate=0.0)
    _rest_campaign(sandbox, "T", 10)
    # In real time nothing was delivered yet (deliveries take seconds to minutes).
    assert sandbox.expected_summary("T").delivered < 10
    pending = sandbox.expected_summary("T", include_pending=True)
    assert pending.delivered == 10
    # Two simulated minutes later every delivery happened; opens take longer.
    sandbox.advance(hours=2 / 60)
    shown = sandbox.expected_summary("T")
    assert shown.delivered == 10
    assert shown.opens < pending.opens
    sandbox.advance(hours=1000)
    assert sandbox.expected_summary("T") == pending
    with api(sandbox) as http:
        results = http.get(
            "/responses", params={"sourceSystem": "IDSystemaEnvio", "campaignId": "T", **WIDE}
        ).json()
    now = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    assert len(results) == 10 and all(r["timestamp"] <= now for r in results)


def test_time_scale_makes_hours_pass_in_seconds(
    sandbox_factory: Callable[..., RunningSandbox],
) -> None:
    sandbox = sandbox_factory(time_scale=3600 * 24 * 7, **BUSY)
    _rest_campaign(sandbox, "F", 10)
    expected = sandbox.expected_summary("F", include_pending=True)
    deadline = time.monotonic() + 10
    while sandbox.expected_summary("F") != expected:
        assert time.monotonic() < deadline, "outcomes did not appear"
        time.sleep(0.1)
    assert expected.opens > 0


def test_send_at_in_the_future_delays_the_outcomes(sandbox: RunningSandbox) -> None:
    with api(sandbox) as http:
        body = send_body(campaignId="L", outboundId="L1", sendAt="20991231000000")
        assert http.post("/send", json=body).status_code == 202
    sandbox.advance(hours=1)
    assert sandbox.expected_summary("L").messages == 1
    assert sandbox.expected_summary("L").delivered == 0
    sandbox.simulate_until_done()
    assert (
        sandbox.expected_summary("L").delivered
        + sandbox.expected_summary("L").bounces_hard
        + sandbox.expected_summary("L").bounces_soft
        == 1
    )


def test_tracking_headers_switch_off_opens_or_clicks(
    sandbox_factory: Callable[..., RunningSandbox],
) -> None:
    sandbox = sandbox_factory(hard_bounce_rate=0.0, soft_bounce_rate=0.0, **BUSY)
    no_opens = _smtp_campaign(sandbox, 20, **{"X-Teenvio-TrackingOpening": "no"})
    no_clicks = _smtp_campaign(sandbox, 20, **{"X-Teenvio-TrackingClicks": "no"})
    sandbox.simulate_until_done()
    first, second = sandbox.expected_summary(no_opens), sandbox.expected_summary(no_clicks)
    assert (first.opens, first.delivered) == (0, 20) and first.clicks > 0
    assert (second.clicks, second.delivered) == (0, 20) and second.opens > 0


def test_smtp_campaign_is_known_by_its_id_and_the_user(sandbox: RunningSandbox) -> None:
    campaign = _smtp_campaign(sandbox, 3)
    assert campaign == "1001"
    sandbox.simulate_until_done()
    with api(sandbox) as http:
        answer = http.get(
            "/responses",
            params={"sourceSystem": sandbox.info.user, "campaignId": campaign, **WIDE},
        )
    assert sorted(r["recipient"] for r in answer.json()) == [
        "smtp0@example.org",
        "smtp1@example.org",
        "smtp2@example.org",
    ]
    assert {m.smtp_campaign_id for m in sandbox.received_messages(campaign)} == {1001}


def test_plan_is_pure_and_ordered() -> None:
    rates = OutcomeRates(0.0, 0.0, 1.0, 0.9, 1.0, 1.0)
    links = extract_links(HTML)
    assert [link for link, _ in links] == ["https://example.com/uno", "https://example.com/dos"]
    kwargs: dict[str, Any] = dict(
        seed=1,
        message_id=5,
        recipient="a@example.org",
        links=links,
        base_time=1_700_000_000.0,
        time_scale=1.0,
        rates=rates,
    )
    plan = plan_outcomes(**kwargs)
    assert plan == plan_outcomes(**kwargs)
    assert plan[0].kind == "delivered"
    assert [e.at for e in plan] == sorted(e.at for e in plan)
    assert {e.kind for e in plan} == {"delivered", "open", "click", "unsubscribe"}
    bounce = plan_outcomes(**{**kwargs, "recipient": "hard-bounce@example.org"})
    assert [(e.kind, e.bounce_type) for e in bounce] == [("bounce", "Hard")]
    assert (bounce[0].error_text or "").startswith(bounce[0].error_code or "?")
