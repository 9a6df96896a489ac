"""``teenvio-desktop --self-test``: the smoke test of installed and packaged builds.

Starts the real GUI (offscreen works) on a temporary data directory, runs each step in
order, prints ONE JSON object with what was done and its timings, and exits 0 only if
every step succeeded. A step is a function taking the :class:`SelfTestRun` and returning
a dict of details to report (timings in ``*_ms`` keys are also copied to the top level).
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
import traceback
from pathlib import Path
from typing import Any

from teenvio_desktop import STARTED_AT
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir
from teenvio_desktop.ui.compose import self_test_steps as compose_steps
from teenvio_desktop.ui.self_test_run import SelfTestFailure, SelfTestRun, Step, wait_until


def step_start(run: SelfTestRun) -> dict[str, Any]:
    from teenvio_desktop.ui.areas import build_main_window

    window = build_main_window(run.context, prompter=run.prompter)
    window.show()
    wait_until(window.isVisible, 30, "the main window to be shown")
    run.window = window
    startup_ms = (time.perf_counter() - STARTED_AT) * 1000
    return {"startup_ms": round(startup_ms, 1), "areas": window.area_keys()}


def step_sandbox(run: SelfTestRun) -> dict[str, Any]:
    """Start the embedded sandbox (as ``--sandbox`` does) and check both protocols answer."""
    import smtplib

    import httpx

    from teenvio_desktop.core.tls import client_ssl_context
    from teenvio_desktop.sandbox.embedded import start_embedded_sandbox

    started = time.perf_counter()
    sandbox = start_embedded_sandbox(run.context.data_dir.sandbox)
    run.context.sandbox = sandbox
    sandbox_ms = (time.perf_counter() - started) * 1000
    info = sandbox.info
    context = client_ssl_context(str(info.ca_file))
    with smtplib.SMTP_SSL(info.host, info.smtps_port, context=context, timeout=10) as client:
        client.ehlo("self-test")
        client.login(info.user, info.password)
    answer = httpx.get(
        f"{info.api_url}/unsubscribe",
        params={"sourceSystem": info.user},
        headers={"Authorization": f"Basic {info.token}"},
        timeout=10,
    )
    if answer.status_code != 200 or "unsubscribes" not in answer.json():
        raise SelfTestFailure(f"sandbox TEA Lite answered HTTP {answer.status_code}")
    return {"sandbox_ms": round(sandbox_ms, 1), "sandbox_api": info.api_url}


def step_switch_areas(run: SelfTestRun) -> dict[str, Any]:
    window = run.main_window()
    for key in window.area_keys():
        window.show_area(key)

        def shown(wanted: str = key) -> bool:
            return window.current_area() == wanted

        wait_until(shown, 5, key)
    return {"visited": window.area_keys()}


def _self_test_rest_campaign(run: SelfTestRun) -> int:
    """Send a small TEA Lite campaign to the sandbox on the one send path (a SendJob)."""
    from teenvio_desktop.core.campaign import Campaign
    from teenvio_desktop.core.sending import TeaLiteSendJob
    from teenvio_desktop.core.stats.connections import sandbox_connection
    from teenvio_desktop.core.tasks import CancelToken, no_progress

    sandbox = run.sandbox()
    info = sandbox.info
    campaign = Campaign(
        transport="rest",
        subject="Self-test statistics",
        sender=info.senders[0],
        sender_name="Self-test",
        reply_to=info.senders[0],
        reply_to_name="Self-test",
        html='<p>Hello {{ email }} <a href="https://example.com/self-test">open</a></p>',
        source_system="self-test",
        campaign_ref=f"self-test-{int(time.time())}",
        recipients=[
            "clicker-1@example.net",
            "hard-bounce-1@example.net",
            "unsubscribe-1@example.net",
            "silent-1@example.net",
        ],
    )
    job = TeaLiteSendJob(run.context.db, lambda: sandbox_connection(sandbox), campaign=campaign)
    return job.run(no_progress, CancelToken()).campaign_id


def step_stats(run: SelfTestRun) -> dict[str, Any]:
    """The Results pane shows a sandbox campaign's statistics by itself."""
    from teenvio_desktop.core.stats.store import StatsStore
    from teenvio_desktop.ui.results import ResultsArea

    window = run.main_window()
    if run.context.sandbox is None:
        from teenvio_desktop.sandbox.embedded import start_embedded_sandbox

        run.context.sandbox = start_embedded_sandbox(run.context.data_dir.sandbox)
    sandbox = run.sandbox()
    campaign_id = run.shared.get("rest_campaign_id") or _self_test_rest_campaign(run)
    sandbox.simulate_until_done()
    campaign = StatsStore(run.context.db).campaign(int(campaign_id))
    if campaign is None:
        raise SelfTestFailure(f"campaign {campaign_id} is not in the store")
    expected = sandbox.expected_summary(campaign.campaign_ref, campaign.source_system or None)
    results = window.area("results")
    assert isinstance(results, ResultsArea)
    started = time.perf_counter()
    window.show_area("results")
    results.show_campaign(int(campaign_id))
    wanted = (
        expected.delivered,
        expected.bounces_hard,
        expected.opens,
        expected.clicks,
        expected.unsubscribes,
    )

    def shown() -> bool:
        view = results.current_view
        if view is None:
            return False
        numbers = view.summary
        got = (numbers.delivered, numbers.bounces_hard, numbers.opens, numbers.clicks)
        return (*got, numbers.unsubscribes) == wanted

    try:
        wait_until(shown, 60, "the Results pane to show the campaign's statistics")
    except SelfTestFailure as exc:
        view = results.current_view
        raise SelfTestFailure(
            f"{exc} (shown campaign {results.current_campaign_id}, "
            f"syncing {results.poller.is_busy()}, error: {results.header.error_label.text()!r}, "
            f"shown {view.summary if view else None}, expected {expected})"
        ) from exc
    stats_ms = (time.perf_counter() - started) * 1000
    assert results.current_view is not None
    numbers = results.current_view.summary
    return {
        "stats_ms": round(stats_ms, 1),
        "stats": {
            "delivered": numbers.delivered,
            "opens": numbers.opens,
            "clicks": numbers.clicks,
            "bounces_hard": numbers.bounces_hard,
        },
    }


STEPS: list[tuple[str, Step]] = [
    ("start", step_start),
    ("sandbox", step_sandbox),
    ("compose", compose_steps.step_compose),
    ("preview", compose_steps.step_preview),
    ("send", compose_steps.step_send),
    ("switch_areas", step_switch_areas),
    ("stats", step_stats),
]


def run_self_test(requested_language: str | None = None) -> int:
    from teenvio_desktop.translations import resolve_language
    from teenvio_desktop.ui.application import create_application
    from teenvio_desktop.ui.tasks import shutdown_all
    from teenvio_desktop.ui.translation import install_translators

    app = create_application()
    language = resolve_language(requested_language)
    install_translators(app, language)
    report: dict[str, Any] = {"ok": False, "language": language, "steps": []}
    with tempfile.TemporaryDirectory(prefix="teenvio-self-test-") as tmp:
        context = AppContext.open(DataDir(Path(tmp)), language=language)
        run = SelfTestRun(context=context)
        try:
            all_ok = True
            for name, step in STEPS:
                started = time.perf_counter()
                entry: dict[str, Any] = {"name": name}
                try:
                    details = step(run)
                except Exception as exc:  # every failure is reported, then the run stops
                    entry.update(ok=False, error=f"{type(exc).__name__}: {exc}")
                    entry["traceback"] = traceback.format_exc(limit=5)
                    all_ok = False
                else:
                    entry.update(ok=True, **details)
                    report.update({k: v for k, v in details.items() if k.endswith("_ms")})
                entry["step_ms"] = round((time.perf_counter() - started) * 1000, 1)
                report["steps"].append(entry)
                if not all_ok:
                    break
            report["ok"] = all_ok
        finally:
            shutdown_all()
            if run.window is not None:
                run.window.hide()
                run.window.deleteLater()
            if context.sandbox is not None:
                context.sandbox.stop()
            context.close()
    sys.stdout.write(json.dumps(report) + "\n")
    sys.stdout.flush()
    return 0 if report["ok"] else 1
