"""Statistics against the real sandbox over real sockets: numbers agree with what it
generated, every endpoint pages, syncs are incremental, faults are survived, and the
command line prints the same numbers."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from teenvio_desktop.cli.main import main as cli_main
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.stats import Scope, summary, sync_campaign
from teenvio_desktop.core.stats.queries import TABLES, TableQuery, addresses
from teenvio_desktop.core.suppression import SuppressionList
from teenvio_desktop.core.tasks import CancelToken, no_progress
from tests.helpers.stats_sandbox import SOURCE, connection, send_rest_campaign

COMPARED = (
    "delivered",
    "bounces_hard",
    "bounces_soft",
    "opens",
    "unique_opens",
    "clicks",
    "unique_clicks",
    "unsubscribes",
)


def _expected(sandbox, ref: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    generated = asdict(sandbox.expected_summary(ref, SOURCE))
    return {k: generated[k] for k in COMPARED}


def _ours(app_context: AppContext, campaign_id: int) -> dict[str, int]:
    numbers = summary(app_context.db, Scope(campaign_id=campaign_id)).to_dict()
    return {k: numbers[k] for k in COMPARED}


@pytest.mark.timeout(120)
def test_sync_agrees_with_the_sandbox_pages_and_adds_nothing_twice(
    app_context: AppContext, sandbox_factory
) -> None:  # type: ignore[no-untyped-def]
    sandbox = sandbox_factory(page_size=3, seed=7)
    campaign_id = send_rest_campaign(app_context.db, sandbox, "501")
    sandbox.simulate_until_done()
    report = sync_campaign(
        app_context.db, connection(sandbox), campaign_id, no_progress, CancelToken()
    )
    assert not report.errors
    expected = _expected(sandbox, "501")
    assert _ours(app_context, campaign_id) == expected
    # Multi-page for every endpoint (page size 3).
    assert report.fetched["responses"] == 20 and report.requests > 5 * 2
    for kind in ("opens", "clicks"):
        assert report.fetched[kind] > 3
    assert expected["unsubscribes"] >= 1 and expected["clicks"] >= 2
    numbers = summary(app_context.db, Scope(campaign_id=campaign_id))
    assert (numbers.sent, numbers.accepted) == (20, 20)
    # Linked to the outbox by messageId.
    unlinked = app_context.db.conn.execute(
        "SELECT COUNT(*) FROM stats_interactions WHERE campaign_id = ? AND outbox_id IS NULL",
        (campaign_id,),
    ).fetchone()[0]
    assert unlinked == 0
    # Hard bounces and unsubscribes are suppressed.
    suppression = SuppressionList(app_context.db)
    assert suppression.contains("hard-bounce-1@example.net")
    assert suppression.contains("unsubscribe-1@example.net")
    assert not suppression.contains("soft-bounce-1@example.net")
    # The server's error text is in the bounces table.
    bounces = TableQuery(TABLES["bounces"], Scope(campaign_id=campaign_id)).rows(
        app_context.db, 0, 10
    )
    assert any(r[1] == "hard-bounce-1@example.net" and r[4].startswith("5") for r in bounces)
    assert "clicker-1@example.net" in addresses(app_context.db, campaign_id, "clickers")

    again = sync_campaign(
        app_context.db, connection(sandbox), campaign_id, no_progress, CancelToken()
    )
    assert again.total_added == 0 and sum(again.fetched.values()) > 0
    assert _ours(app_context, campaign_id) == expected


@pytest.mark.timeout(120)
def test_time_zone_windows_and_retriable_faults(app_context: AppContext, sandbox_factory) -> None:  # type: ignore[no-untyped-def]
    sandbox = sandbox_factory(page_size=4, seed=3)
    campaign_id = send_rest_campaign(app_context.db, sandbox, "502")
    sandbox.simulate_until_done()
    sandbox.set_faults(fail_rate=0.3)
    report = sync_campaign(
        app_context.db,
        connection(sandbox),
        campaign_id,
        no_progress,
        CancelToken(),
        tz="America/Mexico_City",
        retry_delays=(0.01,) * 8,
    )
    assert sandbox.fault_counts().get("fail", sum(sandbox.fault_counts().values())) > 0
    assert not report.errors
    assert _ours(app_context, campaign_id) == _expected(sandbox, "502")


@pytest.mark.timeout(120)
def test_cli_json_summary_matches_the_store_and_the_sandbox(
    app_context: AppContext, sandbox_factory, tmp_path, monkeypatch, capsys
) -> None:  # type: ignore[no-untyped-def]
    sandbox = sandbox_factory(page_size=5, seed=11)
    send_rest_campaign(app_context.db, sandbox, "503")
    sandbox.simulate_until_done()
    monkeypatch.setenv("TEENVIO_TOKEN", sandbox.info.token)
    data_dir = str(tmp_path / "cli-data")
    base = [
        "stats",
        "--data-dir",
        data_dir,
        "--api",
        sandbox.info.api_url,
        "--source-system",
        SOURCE,
        "--campaign-id",
        "503",
    ]
    assert cli_main([*base, "--format", "json"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.strip()]
    assert len(lines) == 1
    printed = json.loads(lines[0])
    assert {k: printed[k] for k in COMPARED} == _expected(sandbox, "503")

    out = tmp_path / "clicks.csv"
    assert cli_main([*base, "--kind", "clicks", "--format", "csv", "--output", str(out)]) == 0
    text = out.read_text("utf-8-sig")
    assert "'=SUM(1+1) offer" in text and "'@docs" in text
    assert "\n=" not in text and ",=" not in text and ",@" not in text

    assert cli_main([*base, "--since", "2024"]) == 2
    monkeypatch.setenv("TEENVIO_TOKEN", "wrong-token")
    assert cli_main(base) == 1
    assert "rejected the token" in capsys.readouterr().err
