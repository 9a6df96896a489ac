"""The Results area against the real sandbox: it fills in by itself, its numbers agree
with the sandbox and the command line, polling survives faults and stops on 403."""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from teenvio_desktop.cli.main import main as cli_main
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.stats.connections import connection_for_campaign
from teenvio_desktop.core.stats.poller import PollPolicy
from teenvio_desktop.core.stats.queries import TABLES, Scope
from teenvio_desktop.ui.results import ResultsArea
from teenvio_desktop.ui.results.poller import StatsPoller
from teenvio_desktop.ui.results.table_model import SqlSortFilterProxy, StatsTableModel
from tests.helpers.stats_sandbox import SOURCE, send_rest_campaign

SHOWN = (
    "delivered",
    "bounces_hard",
    "bounces_soft",
    "opens",
    "unique_opens",
    "clicks",
    "unique_clicks",
    "unsubscribes",
)


def _area(app_context: AppContext, qtbot: QtBot, **poller_kwargs) -> ResultsArea:  # type: ignore[no-untyped-def]
    policy = PollPolicy(interval_s=0.3, first_backoff_s=0.1, max_backoff_s=0.3)
    poller = StatsPoller(
        app_context, policy=policy, sync_options={"retry_delays": ()}, **poller_kwargs
    )
    area = ResultsArea(app_context, poller=poller)
    qtbot.addWidget(area)
    area.show()
    return area


def _shown(area: ResultsArea) -> dict[str, int]:
    numbers = area.summary_grid.numbers()
    return {} if numbers is None else {k: getattr(numbers, k) for k in SHOWN}


def _expected(sandbox, ref: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    generated = asdict(sandbox.expected_summary(ref, SOURCE))
    return {k: generated[k] for k in SHOWN}


@pytest.mark.timeout(120)
def test_pane_fills_in_by_itself_and_agrees_with_sandbox_and_cli(
    qtbot: QtBot, app_context: AppContext, sandbox_factory, monkeypatch, capsys, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sandbox = sandbox_factory(page_size=4, seed=5)
    app_context.sandbox = sandbox
    campaign_id = send_rest_campaign(app_context.db, sandbox, "601")
    area = _area(app_context, qtbot)
    area.show_campaign(campaign_id)
    # Outcomes arrive after the pane started polling: it must pick them up by itself.
    sandbox.simulate_until_done()
    expected = _expected(sandbox, "601")
    qtbot.waitUntil(
        lambda: area.summary_values["delivered"].text() != "–" and _shown(area) == expected,
        timeout=30_000,
    )
    assert (
        area.header.sync_label.text().startswith("Last synced")
        or "Sync" in area.header.sync_label.text()
    )
    assert area.pages["opens"].model.rowCount() == expected["opens"]
    assert area.pages["clicks"].model.rowCount() == expected["clicks"]
    assert sum(area.overview.chart.plotted()[0]) == expected["opens"]
    assert sum(area.overview.chart.plotted()[1]) == expected["clicks"]
    assert area.overview.links_table.rowCount() >= 1
    bounce_model = area.pages["bounces"].model
    texts = [bounce_model.row_values(r)[4] for r in range(bounce_model.rowCount())]
    assert any(t.startswith("55") for t in texts)

    monkeypatch.setenv("TEENVIO_TOKEN", sandbox.info.token)
    code = cli_main(
        [
            "stats",
            "--data-dir",
            str(app_context.data_dir.root),
            "--api",
            sandbox.info.api_url,
            "--source-system",
            SOURCE,
            "--campaign-id",
            "601",
            "--format",
            "json",
        ]
    )
    assert code == 0
    printed = json.loads(capsys.readouterr().out.strip())
    assert {k: printed[k] for k in SHOWN} == _shown(area) == expected

    # Filter and sort run in SQL through the proxy.
    clicks = area.pages["clicks"]
    clicks.filter_edit.setText("clicker-1@")
    clicks.apply_filter_now()
    assert 0 < clicks.proxy.rowCount() < expected["clicks"]
    assert all(
        "clicker-1@" in clicks.proxy.index(r, 1).data() for r in range(clicks.proxy.rowCount())
    )
    clicks.filter_edit.clear()
    clicks.apply_filter_now()

    # Export with formula injection in link names neutralised.
    out = tmp_path / "clicks.csv"
    with qtbot.waitSignal(area.exported, timeout=10_000) as exported:
        area.export_table("clicks", out)
    assert exported.args == [out, expected["clicks"]]
    text = out.read_text("utf-8-sig")
    assert "'=SUM(1+1) offer" in text and "'@docs" in text
    assert ",=" not in text and ",@" not in text

    # The clickers become a new recipient list.
    with qtbot.waitSignal(area.audience_saved, timeout=10_000) as saved:
        area.clickers_action.trigger()
    assert saved.args[1] == expected["unique_clicks"]
    area.poller.stop()


@pytest.mark.timeout(120)
def test_polling_backs_off_on_retriable_and_stops_on_403(
    qtbot: QtBot, app_context: AppContext, sandbox_factory
) -> None:  # type: ignore[no-untyped-def]
    sandbox = sandbox_factory(page_size=10, seed=9)
    app_context.sandbox = sandbox
    campaign_id = send_rest_campaign(app_context.db, sandbox, "602")
    sandbox.simulate_until_done()
    sandbox.set_faults(fail_rate=1.0)
    area = _area(app_context, qtbot)
    area.show_campaign(campaign_id)
    # The feed's error is in the store (and may be shown) before the sync's report reaches
    # the poller, which then counts the failure: wait for both.
    qtbot.waitUntil(
        lambda: area.header.error_label.isVisible() and area.poller.policy.failures >= 1,
        timeout=20_000,
    )
    assert "temporarily unavailable" in area.header.error_label.text()
    assert not area.poller.policy.stopped
    sandbox.set_faults(fail_rate=0.0)
    expected = _expected(sandbox, "602")
    qtbot.waitUntil(
        lambda: area.summary_values["delivered"].text() != "–" and _shown(area) == expected,
        timeout=30_000,
    )
    area.poller.stop()

    # A rejected token stops polling and shows the banner with its button.
    def wrong_token(context, campaign):  # type: ignore[no-untyped-def]
        found = connection_for_campaign(context, campaign)
        return replace(found, token="not-the-token") if found else None

    rejected = _area(app_context, qtbot, find_connection=wrong_token)
    rejected.show_campaign(campaign_id)
    qtbot.waitUntil(lambda: rejected.header.credentials_banner.isVisible(), timeout=20_000)
    assert rejected.poller.policy.stopped and not rejected.poller.is_scheduled()
    assert "rejected the token" in rejected.header.error_label.text()
    # Stopped: no sync runs and no timer is armed, so none can start by itself.
    assert not rejected.poller.is_busy() and not rejected.poller.is_scheduled()
    rejected.poller.use_token(sandbox.info.token)
    qtbot.waitUntil(
        lambda: rejected.poller.policy.failures == 0 and rejected.poller.is_scheduled(),
        timeout=20_000,
    )
    rejected.poller.stop()


def test_models_pass_the_model_tester(qtbot: QtBot, app_context: AppContext, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    db = app_context.db
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO campaigns (transport, subject, state, source_system, campaign_ref, "
            "created_at, updated_at) VALUES ('rest', 'S', 'sent', 's', '1', 'x', 'x')"
        )
        conn.executemany(
            "INSERT INTO stats_interactions (campaign_id, id_campaign, id_message, email, type,"
            " event_time, link) VALUES (1, '1', ?, ?, 'CLICK', ?, ?)",
            [
                (str(i), f"p{i}@x.test", f"2024041018{i % 60:02d}00", f"https://e.test/{i % 7}")
                for i in range(700)
            ],
        )
    model = StatsTableModel(db, TABLES["clicks"])
    model.set_scope(Scope(campaign_id=1))
    assert model.rowCount() == 700
    qtmodeltester.check(model)
    proxy = SqlSortFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(2, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 2).data() == "https://e.test/6"
    proxy.set_filter_text("p69")
    assert proxy.rowCount() == 11  # p69, p690..p699
    qtmodeltester.check(proxy)
    area = ResultsArea(app_context)
    qtbot.addWidget(area)
    area.poller.stop()
    qtmodeltester.check(area.campaign_model)


def test_filter_on_a_big_table_runs_in_the_background(
    qtbot: QtBot, app_context: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from teenvio_desktop.ui.results import table_model

    monkeypatch.setattr(table_model, "ASYNC_FILTER_ROWS", 100)
    db = app_context.db
    with db.transaction() as conn:
        conn.execute(
            "INSERT INTO campaigns (transport, subject, state, source_system, campaign_ref, "
            "created_at, updated_at) VALUES ('rest', 'S', 'sent', 's', '1', 'x', 'x')"
        )
        conn.executemany(
            "INSERT INTO stats_interactions (campaign_id, id_campaign, id_message, email, type,"
            " event_time) VALUES (1, '1', ?, ?, 'OPEN', '20240410180000')",
            [(str(i), f"p{i}@x.test") for i in range(300)],
        )
    model = StatsTableModel(db, TABLES["opens"])
    model.set_scope(Scope(campaign_id=1))
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.set_filter_text("p29")
        assert model.rowCount() == 300  # still the previous rows while it runs
    assert model.rowCount() == 11  # p29, p290..p299
    # A newer filter wins over an older one still running.
    model.set_filter_text("p1")
    with qtbot.waitSignal(model.modelReset, timeout=10_000):
        model.set_filter_text("p2")
    # Once the superseded "p1" count has ended too, "p2" is still what is shown.
    from teenvio_desktop.ui.tasks import active_tasks

    qtbot.waitUntil(lambda: not [t for t in active_tasks() if t.owner is model], timeout=10_000)
    assert model.query.filter_text == "p2" and model.rowCount() == 111


@pytest.mark.timeout(120)
def test_choosing_another_campaign_while_a_sync_runs_syncs_the_new_one(
    qtbot: QtBot, app_context: AppContext, sandbox_factory
) -> None:  # type: ignore[no-untyped-def]
    sandbox = sandbox_factory(page_size=10, seed=12)
    app_context.sandbox = sandbox
    first = send_rest_campaign(app_context.db, sandbox, "611")
    second = send_rest_campaign(app_context.db, sandbox, "612")
    sandbox.simulate_until_done()
    sandbox.set_faults(latency_ms=150)  # the first sync is still running when we switch
    area = _area(app_context, qtbot)
    area.poller.policy.interval_s = 600  # no periodic poll may rescue a lost switch
    area.show_campaign(first)
    qtbot.waitUntil(area.poller.is_busy, timeout=5_000)
    area.show_campaign(second)
    expected = _expected(sandbox, "612")
    qtbot.waitUntil(
        lambda: area.summary_values["delivered"].text() != "–" and _shown(area) == expected,
        timeout=30_000,
    )
    assert area.current_campaign_id == second
    area.poller.stop()


def test_reselecting_the_campaign_during_a_sync_keeps_its_backoff(
    qtbot: QtBot, app_context: AppContext, sandbox_factory
) -> None:  # type: ignore[no-untyped-def]
    import threading

    sandbox = sandbox_factory(seed=3)
    campaign_id = send_rest_campaign(app_context.db, sandbox, "603")
    gate = threading.Event()

    def held(context, campaign):  # type: ignore[no-untyped-def]
        assert gate.wait(20)
        return None  # no connection: the sync ends without touching the policy

    poller = StatsPoller(app_context, find_connection=held)
    poller.watch(campaign_id)
    assert poller.is_busy()
    poller.policy.failures = 3  # earlier transient failures, backing off
    poller.watch(campaign_id)  # the list refreshed and selected the same campaign again
    assert poller.policy.failures == 3
    with qtbot.waitSignal(poller.failed, timeout=20_000):
        gate.set()
    assert poller.policy.failures == 3
    # No parent owns it: stop its retry timer and delete it here, not in a later test's
    # garbage collection.
    poller.stop()
    import shiboken6

    shiboken6.delete(poller)
