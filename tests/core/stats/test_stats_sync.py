"""Syncing statistics against a scripted TEA Lite: parameters, paging, dedup, faults."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import render_stored
from teenvio_desktop.core.stats import Scope, StatsStore, summary, sync_campaign
from teenvio_desktop.core.stats.queries import TABLES, TableQuery, addresses, timeline, top_links
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, no_progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.errors import CredentialsRejected, RetriableError
from tests.helpers.fake_tealite import FakeTeaLite

NOW = datetime(2024, 4, 10, 23, 0, 0, tzinfo=UTC)


def _feeds() -> dict[str, list[dict[str, object]]]:
    return {
        "responses": [
            {
                "messageId": "1",
                "recipient": "a@x.test",
                "type": "Delivered",
                "errorCode": "250",
                "errorText": "ok",
                "timestamp": "20240410180000",
            },
            {
                "messageId": "2",
                "recipient": "b@x.test",
                "type": "Delivered",
                "errorCode": "250",
                "errorText": "ok",
                "timestamp": "20240410180001",
            },
            {
                "messageId": "3",
                "recipient": "gone@x.test",
                "type": "Hard",
                "errorCode": "550",
                "errorText": "550 5.1.1 no such user",
                "timestamp": "20240410180002",
            },
            {
                "messageId": "4",
                "recipient": "full@x.test",
                "type": "Soft",
                "errorCode": "452",
                "errorText": "452 over quota",
                "timestamp": "20240410180003",
            },
            {
                "messageId": "5",
                "recipient": "c@x.test",
                "type": "Accepted",
                "timestamp": "20240410180004",
                "newField": {"x": 1},
            },
        ],
        "bounces": [
            {
                "messageId": "3",
                "recipient": "gone@x.test",
                "errorCode": "550",
                "errorText": "550 5.1.1 no such user",
                "type": "Hard",
                "timestamp": "20240410180002",
            },
            {
                "messageId": "99",
                "recipient": "other@x.test",
                "errorCode": "550",
                "errorText": "other campaign",
                "type": "Hard",
                "timestamp": "20240410180009",
            },
        ],
        "interactions": [
            {
                "email": "a@x.test",
                "timestamp": "20240410181049",
                "ip": "127.0.0.1",
                "idCampaign": "7",
                "idMessage": "1",
                "link": None,
                "linkName": None,
                "type": "OPEN",
            },
            {
                "email": "a@x.test",
                "timestamp": "20240410191049",
                "ip": "127.0.0.1",
                "idCampaign": "7",
                "idMessage": "1",
                "link": None,
                "linkName": None,
                "type": "OPEN",
            },
            {
                "email": "b@x.test",
                "timestamp": "20240410191050",
                "ip": "127.0.0.1",
                "idCampaign": "7",
                "idMessage": "2",
                "link": None,
                "linkName": None,
                "type": "OPEN",
            },
            {
                "email": "a@x.test",
                "timestamp": "20240410183754",
                "ip": "localhost",
                "idCampaign": "7",
                "idMessage": "1",
                "link": "https://e.test/=HYPERLINK()",
                "linkName": "=cmd|' /C calc'!A0",
                "type": "CLICK",
                "sourceSystem": "sys",
            },
            {
                "email": "a@x.test",
                "timestamp": "20240410183950",
                "ip": "localhost",
                "idCampaign": "7",
                "idMessage": "1",
                "link": "https://e.test/=HYPERLINK()",
                "linkName": "=cmd|' /C calc'!A0",
                "type": "CLICK",
                "sourceSystem": "sys",
            },
            {
                "email": "b@x.test",
                "timestamp": "20240410184000",
                "ip": "localhost",
                "idCampaign": "7",
                "idMessage": "2",
                "link": "https://e.test/b",
                "linkName": "B",
                "type": "CLICK",
                "sourceSystem": "sys",
            },
        ],
        "unsubscribe": [
            {
                "recipient": "b@x.test",
                "idCampaign": "7",
                "idMessage": "2",
                "dateRequest": "2024-04-10",
            },
            {
                "recipient": "c@x.test",
                "idCampaign": "7",
                "idMessage": "5",
                "dateRequest": "2024-04-10",
            },
            {
                "recipient": "d@x.test",
                "idCampaign": "7",
                "idMessage": "6",
                "dateRequest": "2024-04-10",
            },
        ],
    }


def _campaign(app_context: AppContext) -> int:
    repo = CampaignRepository(app_context.db)
    campaign = Campaign(transport="rest", subject="Hello", source_system="sys", campaign_ref="7")
    campaign_id = repo.create(campaign, state="sent", recipients_count=5)
    # Created "before" the events so the first window covers them.
    with app_context.db.transaction() as conn:
        conn.execute(
            "UPDATE campaigns SET created_at = '2024-04-10T17:00:00+00:00' WHERE id = ?",
            (campaign_id,),
        )
    return campaign_id


def _connection(server: FakeTeaLite) -> TeaLiteConnection:
    return TeaLiteConnection(base_url=server.url, token=server.token, source_system="sys")


def _sync(app_context: AppContext, server: FakeTeaLite, campaign_id: int, **kwargs: object):
    return sync_campaign(
        app_context.db,
        _connection(server),
        campaign_id,
        no_progress,
        CancelToken(),
        now=kwargs.pop("now", NOW),
        retry_delays=(0.01, 0.01),
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.mark.timeout(60)
def test_every_endpoint_gets_its_documented_parameters_and_pages(
    app_context: AppContext, fake_tealite: FakeTeaLite
) -> None:
    fake_tealite.feeds = _feeds()
    campaign_id = _campaign(app_context)
    report = _sync(app_context, fake_tealite, campaign_id)
    assert not report.errors
    assert report.added == {
        "responses": 5,
        "opens": 3,
        "clicks": 3,
        "unsubscribes": 3,
        "bounces": 2,
    }
    by_path: dict[str, list[dict[str, str]]] = {}
    for path, query in fake_tealite.requests:
        by_path.setdefault(path, []).append(query)
    # 0-based pages until an empty page: 5 responses / 2 per page -> pages 0,1,2 + empty 3.
    assert [q["page"] for q in by_path["/responses"]] == ["0", "1", "2", "3"]
    first = by_path["/responses"][0]
    assert first["sourceSystem"] == "sys" and first["campaignId"] == "7"
    assert "idCampaign" not in first
    assert first["startTimeUTC"] == "20240409170000" and first["endTimeUTC"] == "20240410230000"
    bounce_query = by_path["/bounces"][0]
    assert set(bounce_query) == {"sourceSystem", "startTimeUTC", "endTimeUTC", "page"}
    opens = [q for q in by_path["/interactions"] if q["type"] == "OPEN"]
    clicks = [q for q in by_path["/interactions"] if q["type"] == "CLICK"]
    assert [q["page"] for q in opens] == ["0", "1", "2"]
    assert [q["page"] for q in clicks] == ["0", "1", "2"]
    assert opens[0]["idCampaign"] == "7" and "campaignId" not in opens[0]
    # /unsubscribe pages from 1 until lastPage (3 items, 2 per page -> pages 1, 2).
    unsub = by_path["/unsubscribe"]
    assert [q["page"] for q in unsub] == ["1", "2"]
    assert unsub[0]["idCampaign"] == "7" and unsub[0]["sourceSystem"] == "sys"


@pytest.mark.timeout(60)
def test_summary_suppression_links_and_unknown_fields(
    app_context: AppContext, fake_tealite: FakeTeaLite
) -> None:
    fake_tealite.feeds = _feeds()
    campaign_id = _campaign(app_context)
    report = _sync(app_context, fake_tealite, campaign_id)
    numbers = summary(app_context.db, Scope(campaign_id=campaign_id))
    # Delivered: every /responses entry that is neither Hard nor Soft ("Accepted" counts).
    assert numbers.delivered == 3
    assert (numbers.bounces_hard, numbers.bounces_soft) == (1, 1)
    assert (numbers.opens, numbers.unique_opens) == (3, 2)
    assert (numbers.clicks, numbers.unique_clicks) == (3, 2)
    assert numbers.unsubscribes == 3
    assert numbers.click_through_rate == pytest.approx(2 / 3)
    # The other campaign's bounce stays unlinked; ours is linked through /responses.
    linked = app_context.db.conn.execute(
        "SELECT message_id FROM stats_bounces WHERE campaign_id = ?", (campaign_id,)
    ).fetchall()
    assert [r[0] for r in linked] == ["3"]
    # Unknown fields survive in ``extra``.
    extra = app_context.db.conn.execute(
        "SELECT extra FROM stats_responses WHERE message_id = '5'"
    ).fetchone()[0]
    assert '"newField"' in extra
    suppressed = SuppressionList(app_context.db)
    for email in ("gone@x.test", "other@x.test", "b@x.test", "c@x.test", "d@x.test"):
        assert suppressed.contains(email)
    assert not suppressed.contains("full@x.test")
    assert report.suppressed == 5
    links = top_links(app_context.db, Scope(campaign_id=campaign_id))
    assert links[0].link == "https://e.test/=HYPERLINK()" and links[0].clicks == 2
    hours = {p.hour.hour: (p.opens, p.clicks) for p in timeline(app_context.db, Scope(campaign_id))}
    assert hours == {18: (1, 3), 19: (2, 0)}
    assert addresses(app_context.db, campaign_id, "clickers") == ["a@x.test", "b@x.test"]
    assert addresses(app_context.db, campaign_id, "non_openers") == ["c@x.test"]


@pytest.mark.timeout(60)
def test_incremental_sync_asks_from_last_time_minus_overlap_and_adds_nothing_twice(
    app_context: AppContext, fake_tealite: FakeTeaLite
) -> None:
    fake_tealite.feeds = _feeds()
    campaign_id = _campaign(app_context)
    _sync(app_context, fake_tealite, campaign_id)
    fake_tealite.requests.clear()
    later = NOW + timedelta(hours=1)
    again = _sync(app_context, fake_tealite, campaign_id, now=later, overlap=timedelta(minutes=10))
    assert again.total_added == 0 and sum(again.fetched.values()) == 16
    for _path, query in fake_tealite.requests:
        assert query["startTimeUTC"] == "20240410225000"
        assert query["endTimeUTC"] == "20240411000000"
    counts = [
        app_context.db.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("stats_responses", "stats_bounces", "stats_interactions", "stats_unsubscribes")
    ]
    assert counts == [5, 2, 6, 3]


@pytest.mark.timeout(60)
def test_time_zone_window(app_context: AppContext, fake_tealite: FakeTeaLite) -> None:
    campaign_id = _campaign(app_context)
    since = datetime(2024, 4, 1, 0, 0, tzinfo=UTC)
    _sync(
        app_context,
        fake_tealite,
        campaign_id,
        since=since,
        until=NOW,
        tz="America/Mexico_City",
        kinds=("responses", "unsubscribes"),
    )
    (_, responses), (_, unsub) = fake_tealite.requests
    assert responses["startTime"] == "20240331180000"
    assert responses["endTime"] == "20240410170000"
    assert responses["tz"] == "America/Mexico_City"
    assert "startTimeUTC" not in responses
    # /unsubscribe documents only the UTC form.
    assert unsub["startTimeUTC"] == "20240401000000" and "tz" not in unsub


@pytest.mark.timeout(60)
def test_retriable_answers_are_retried_and_403_stops(
    app_context: AppContext, fake_tealite: FakeTeaLite
) -> None:
    fake_tealite.feeds = _feeds()
    campaign_id = _campaign(app_context)
    failures = {"left": 2}

    def flaky(path: str, query: dict[str, str]):
        if path == "/responses" and query["page"] == "1" and failures["left"]:
            failures["left"] -= 1
            return 400, {"errorCategory": "Retriable", "errorText": "Servicio temporalmente"}
        return None

    fake_tealite.fault = flaky
    report = _sync(app_context, fake_tealite, campaign_id)
    assert not report.errors and report.added["responses"] == 5

    def always_retriable(path: str, query: dict[str, str]):
        if path == "/interactions":
            return 400, {"errorCategory": "Retriable", "errorText": "Servicio temporalmente"}
        return None

    fake_tealite.fault = always_retriable
    report = _sync(app_context, fake_tealite, campaign_id)
    assert [type(e) for e in report.errors] == [RetriableError, RetriableError]
    status = StatsStore(app_context.db).campaign_sync_status(campaign_id)
    assert status.last_error and "temporarily" in render_stored(status.last_error)

    fake_tealite.fault = None
    bad = TeaLiteConnection(base_url=fake_tealite.url, token="wrong", source_system="sys")
    with pytest.raises(CredentialsRejected):
        sync_campaign(app_context.db, bad, campaign_id, no_progress, CancelToken(), now=NOW)
    assert [p for p in fake_tealite.paths()][-1] == "/responses"


def test_table_query_filters_sorts_and_pages(
    app_context: AppContext, fake_tealite: FakeTeaLite
) -> None:
    fake_tealite.feeds = _feeds()
    campaign_id = _campaign(app_context)
    _sync(app_context, fake_tealite, campaign_id)
    scope = Scope(campaign_id=campaign_id)
    clicks = TableQuery(TABLES["clicks"], scope)
    assert clicks.count(app_context.db) == 3
    query = TableQuery(TABLES["clicks"], scope, filter_text="E.TEST/B")
    assert query.count(app_context.db) == 1
    # LIKE wildcards typed by the user are literal characters.
    for literal in ("_", "%", "\\"):
        assert TableQuery(TABLES["clicks"], scope, filter_text=literal).count(app_context.db) == 0
    assert TableQuery(TABLES["clicks"], scope, filter_text="=cmd|").count(app_context.db) == 2
    rows = TableQuery(TABLES["opens"], scope, order_key="event_time", descending=True).rows(
        app_context.db, 0, 2
    )
    assert [r[0] for r in rows] == ["20240410191050", "20240410191049"]
    bounces = TableQuery(TABLES["bounces"], scope).rows(app_context.db, 0, 10)
    assert {(r[1], r[2]) for r in bounces} == {("gone@x.test", "Hard"), ("full@x.test", "Soft")}
    assert any("no such user" in r[4] for r in bounces)
