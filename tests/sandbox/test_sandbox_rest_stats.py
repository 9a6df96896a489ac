"""GET /bounces, /responses, /interactions and /unsubscribe: parameters, paging, time
windows and errors, answers checked against the OpenAPI document."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest

from teenvio_desktop.sandbox.server import RunningSandbox
from tests.helpers.sandbox import WIDE, api, send_body
from tests.sandbox.openapi_check import assert_matches_openapi

pytestmark = pytest.mark.timeout(30)

RECIPIENTS = [
    "hard-bounce-1@example.org",
    "soft-bounce-1@example.org",
    "clicker-1@example.org",
    "unsubscribe-1@example.org",
    "silent-1@example.org",
]
HTML = '<p><a href="https://example.com/a">Uno</a> <a href="https://example.com/b">Dos</a></p>'


def _send_campaign(http: httpx.Client, campaign: str, recipients: list[str], **extra: Any) -> None:
    for index, recipient in enumerate(recipients):
        answer = http.post(
            "/send",
            json=send_body(
                campaignId=campaign,
                outboundId=f"{campaign}-{index}",
                recipient=recipient,
                bodyContentHTML=HTML,
                **extra,
            ),
        )
        assert answer.status_code == 202, answer.text


def _get(http: httpx.Client, path: str, **params: Any) -> Any:
    answer = http.get(path, params=params)
    assert answer.status_code == 200, answer.text
    return assert_matches_openapi(answer)


def _all_pages(http: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for page in range(100):
        batch = _get(http, path, page=page, **params)
        if not batch:
            return items
        items += batch
    raise AssertionError("paging never ended")


@pytest.fixture
def stats_sandbox(sandbox: RunningSandbox) -> RunningSandbox:
    with api(sandbox) as http:
        _send_campaign(http, "C1", RECIPIENTS)
        _send_campaign(http, "C2", ["hard-bounce-2@example.org"])
    sandbox.simulate_until_done()
    return sandbox


def test_responses_of_one_campaign(stats_sandbox: RunningSandbox) -> None:
    with api(stats_sandbox) as http:
        results = _get(http, "/responses", sourceSystem="IDSystemaEnvio", campaignId="C1", **WIDE)
    by_recipient = {r["recipient"]: r for r in results}
    assert set(by_recipient) == set(RECIPIENTS)
    assert by_recipient["hard-bounce-1@example.org"]["type"] == "Hard"
    assert by_recipient["soft-bounce-1@example.org"]["type"] == "Soft"
    assert by_recipient["hard-bounce-1@example.org"]["errorCode"].startswith("5")
    delivered = [r for r in results if r["type"] == "Delivered"]
    assert {r["errorCode"] for r in delivered} == {"250"}
    assert len(delivered) == stats_sandbox.expected_summary("C1").delivered == 3


def test_bounces_of_every_campaign_of_the_source_system(stats_sandbox: RunningSandbox) -> None:
    with api(stats_sandbox) as http:
        bounces = _get(http, "/bounces", sourceSystem="IDSystemaEnvio", **WIDE)
        other = _get(http, "/bounces", sourceSystem="another", **WIDE)
    assert sorted((b["recipient"], b["type"]) for b in bounces) == [
        ("hard-bounce-1@example.org", "Hard"),
        ("hard-bounce-2@example.org", "Hard"),
        ("soft-bounce-1@example.org", "Soft"),
    ]
    assert other == []
    for bounce in bounces:
        assert bounce["errorText"].startswith(bounce["errorCode"])


def test_interactions_opens_and_clicks(stats_sandbox: RunningSandbox) -> None:
    with api(stats_sandbox) as http:
        opens = _get(http, "/interactions", idCampaign="C1", type="OPEN", **WIDE)
        clicks = _get(http, "/interactions", idCampaign="C1", type="CLICK", **WIDE)
        clicker_id = next(c["idMessage"] for c in clicks if c["email"].startswith("clicker"))
        only_one = _get(
            http, "/interactions", idCampaign="C1", type="CLICK", idMessage=clicker_id, **WIDE
        )
    assert {o["type"] for o in opens} == {"OPEN"}
    assert all(o["link"] is None and o["linkName"] is None for o in opens)
    clicker_clicks = [(c["link"], c["linkName"]) for c in only_one]
    assert sorted(clicker_clicks) == [
        ("https://example.com/a", "Uno"),
        ("https://example.com/b", "Dos"),
    ]
    assert {c["idCampaign"] for c in clicks} == {"C1"}
    assert {c["sourceSystem"] for c in clicks} == {"IDSystemaEnvio"}
    summary = stats_sandbox.expected_summary("C1", "IDSystemaEnvio")
    assert (len(opens), len(clicks)) == (summary.opens, summary.clicks)
    assert summary.unique_opens == len({o["idMessage"] for o in opens})


def test_unsubscribe_pages_from_one(stats_sandbox: RunningSandbox) -> None:
    with api(stats_sandbox) as http:
        page = _get(http, "/unsubscribe", sourceSystem="IDSystemaEnvio")
        by_campaign = _get(http, "/unsubscribe", sourceSystem="IDSystemaEnvio", idCampaign="C2")
        windowed = _get(http, "/unsubscribe", sourceSystem="IDSystemaEnvio", **WIDE)
        past = _get(http, "/unsubscribe", sourceSystem="IDSystemaEnvio", page=2)
        zero = http.get("/unsubscribe", params={"sourceSystem": "IDSystemaEnvio", "page": 0})
    assert page["page"] == 1 and page["lastPage"] is True
    (item,) = page["unsubscribes"]
    assert item["recipient"] == "unsubscribe-1@example.org"
    assert item["idCampaign"] == "C1"
    assert item["dateRequest"] == datetime.now(UTC).strftime("%Y-%m-%d")
    assert by_campaign["unsubscribes"] == []
    assert windowed["unsubscribes"] == page["unsubscribes"]
    assert past == {"page": 2, "lastPage": True, "unsubscribes": []}
    assert zero.status_code == 500
    assert zero.json() == {"errorCategory": "Permanent", "errorText": "El page no es válido"}


def test_paging_across_several_pages(sandbox_factory: Callable[..., RunningSandbox]) -> None:
    sandbox = sandbox_factory(page_size=3)
    recipients = [f"clicker-{n}@example.org" for n in range(7)] + [
        f"unsubscribe-{n}@example.org" for n in range(7)
    ]
    with api(sandbox) as http:
        _send_campaign(http, "P", recipients)
        sandbox.simulate_until_done()
        pages = [
            _get(http, "/responses", sourceSystem="IDSystemaEnvio", campaignId="P", page=n, **WIDE)
            for n in range(6)
        ]
        assert [len(p) for p in pages] == [3, 3, 3, 3, 2, 0]
        everything = [r["messageId"] for p in pages for r in p]
        assert sorted(everything, key=int) == [str(n) for n in range(1, 15)]
        opens = _all_pages(http, "/interactions", idCampaign="P", type="OPEN", **WIDE)
        assert len(opens) == sandbox.expected_summary("P").opens > 3
        unsubscribes: list[dict[str, Any]] = []
        for number in range(1, 10):
            page = _get(http, "/unsubscribe", sourceSystem="IDSystemaEnvio", page=number)
            assert page["page"] == number
            unsubscribes += page["unsubscribes"]
            if page["lastPage"]:
                break
        assert number == 3 and len(unsubscribes) == 7
        assert len({u["recipient"] for u in unsubscribes}) == 7


def _stamp(moment: datetime) -> str:
    return moment.strftime("%Y%m%d%H%M%S")


def test_time_windows_utc_and_local(stats_sandbox: RunningSandbox) -> None:
    now = datetime.now(UTC)
    before = {"startTimeUTC": "20000101000000", "endTimeUTC": _stamp(now - timedelta(hours=1))}
    madrid = ZoneInfo("Europe/Madrid")
    local = {
        "startTime": _stamp((now - timedelta(hours=1)).astimezone(madrid)),
        "endTime": _stamp((now + timedelta(hours=1)).astimezone(madrid)),
        "tz": "Europe/Madrid",
    }
    offset = {
        "startTime": _stamp(now - timedelta(hours=7)),
        "endTime": _stamp(now - timedelta(hours=5)),
        "tz": "-06:00",
    }
    params = {"sourceSystem": "IDSystemaEnvio"}
    with api(stats_sandbox) as http:
        everything = _get(http, "/bounces", **params, **WIDE)
        assert _get(http, "/bounces", **params, **before) == []
        assert _get(http, "/bounces", **params, **local) == everything
        assert _get(http, "/bounces", **params, **offset) == everything
        opens = _get(http, "/interactions", idCampaign="C1", type="OPEN", **local)
        assert len(opens) == stats_sandbox.expected_summary("C1").opens
    now_stamp = _stamp(datetime.now(UTC))
    assert all(b["timestamp"] <= now_stamp for b in everything)


@pytest.mark.parametrize(
    ("path", "params", "text"),
    [
        ("/bounces", {**WIDE}, "El sourceSystem es requerido"),
        ("/bounces", {"sourceSystem": "S"}, "El startTimeUTC es requerido"),
        (
            "/bounces",
            {"sourceSystem": "S", "startTimeUTC": "20240101000000"},
            "El endTimeUTC es requerido",
        ),
        (
            "/bounces",
            {"sourceSystem": "S", "startTime": "20240101000000", "endTime": "20240102000000"},
            "El tz es requerido",
        ),
        (
            "/bounces",
            {"sourceSystem": "S", "endTime": "20240102000000", "tz": "UTC"},
            "El startTime es requerido",
        ),
        (
            "/bounces",
            {
                "sourceSystem": "S",
                "startTime": "20240101000000",
                "endTime": "20240102000000",
                "tz": "Mars/Olympus",
            },
            "El tz no es válido",
        ),
        (
            "/bounces",
            {"sourceSystem": "S", "startTimeUTC": "2024-01-01", "endTimeUTC": "20240102000000"},
            "El startTimeUTC no es válido",
        ),
        ("/bounces", {"sourceSystem": "S", **WIDE, "page": "-1"}, "El page no es válido"),
        ("/responses", {"sourceSystem": "S", **WIDE}, "El campaignId es requerido"),
        ("/responses", {"campaignId": "1", **WIDE}, "El sourceSystem es requerido"),
        ("/interactions", {"type": "OPEN", **WIDE}, "El idCampaign es requerido"),
        ("/interactions", {"idCampaign": "1", **WIDE}, "El type es requerido"),
        ("/interactions", {"idCampaign": "1", "type": "BOUNCE", **WIDE}, "El type no es válido"),
        # No window at all reads the last 30 days (the seed's examples give none), but a
        # local window needs both ends.
        (
            "/interactions",
            {"idCampaign": "1", "type": "OPEN", "startTime": "20240101000000", "tz": "UTC"},
            "El endTime es requerido",
        ),
        (
            "/interactions",
            {"idCampaign": "1", "type": "OPEN", "idMessage": "x", **WIDE},
            "El idMessage no es válido",
        ),
        ("/unsubscribe", {}, "El sourceSystem es requerido"),
        ("/unsubscribe", {"sourceSystem": "S", "page": "uno"}, "El page no es válido"),
    ],
)
def test_missing_or_malformed_parameters(
    sandbox: RunningSandbox, path: str, params: dict[str, str], text: str
) -> None:
    with api(sandbox) as http:
        answer = http.get(path, params=params)
    assert answer.status_code == 500
    assert assert_matches_openapi(answer, check_request=False) == {
        "errorCategory": "Permanent",
        "errorText": text,
    }


def test_openapi_document_is_served(sandbox: RunningSandbox) -> None:
    answer = httpx.get(f"{sandbox.info.api_url}/openapi.json")
    assert answer.status_code == 200
    document = answer.json()
    assert document["openapi"].startswith("3.")
    assert document["servers"][0]["url"] == sandbox.info.api_url
    assert set(document["paths"]) >= {
        "/send",
        "/sendWithAttachment",
        "/bounces",
        "/responses",
        "/interactions",
        "/unsubscribe",
    }
