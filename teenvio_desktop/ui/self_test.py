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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QEventLoop

from teenvio_desktop import STARTED_AT
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.paths import DataDir

if TYPE_CHECKING:
    from teenvio_desktop.ui.app import GuiOptions
    from teenvio_desktop.ui.main_window import MainWindow


class SelfTestFailure(Exception):
    """A step's check did not hold."""


@dataclass
class SelfTestRun:
    context: AppContext
    options: GuiOptions
    window: MainWindow | None = None
    shared: dict[str, Any] = field(default_factory=dict)


Step = Callable[[SelfTestRun], dict[str, Any]]


def wait_until(predicate: Callable[[], bool], timeout_s: float, what: str) -> float:
    """Serve the event loop until ``predicate()`` holds; return the seconds it took."""
    started = time.perf_counter()
    deadline = started + timeout_s
    while not predicate():
        if time.perf_counter() > deadline:
            raise SelfTestFailure(f"timed out after {timeout_s:.0f} s waiting for {what}")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QCoreApplication.sendPostedEvents()
        QEventLoop().processEvents(
            QEventLoop.ProcessEventsFlag.WaitForMoreEvents, QDeadlineTimer(20)
        )
    return time.perf_counter() - started


def step_start(run: SelfTestRun) -> dict[str, Any]:
    from teenvio_desktop.ui.app import build_main_window

    window = build_main_window(run.context)
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
    assert run.window is not None
    for key in run.window.area_keys():
        run.window.show_area(key)
        wait_until(lambda k=key: run.window is not None and run.window.current_area() == k, 5, key)
    return {"visited": run.window.area_keys()}


def _self_test_rest_campaign(run: SelfTestRun) -> int:
    """Send a small TEA Lite campaign to the sandbox through the core sender."""
    from teenvio_desktop.core.campaign import Campaign
    from teenvio_desktop.core.outbox import Recipient, create_rest_campaign, send_campaign
    from teenvio_desktop.core.stats.connections import sandbox_connection

    info = run.context.sandbox.info
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
    )
    recipients = [
        Recipient(email=address)
        for address in (
            "clicker-1@example.net",
            "hard-bounce-1@example.net",
            "unsubscribe-1@example.net",
            "silent-1@example.net",
        )
    ]
    prepared = create_rest_campaign(run.context.db, campaign, recipients)
    send_campaign(run.context.db, prepared.campaign_id, sandbox_connection(run.context.sandbox))
    return prepared.campaign_id


def step_stats(run: SelfTestRun) -> dict[str, Any]:
    """The Results pane shows a sandbox campaign's statistics by itself."""
    from teenvio_desktop.core.stats.store import StatsStore

    assert run.window is not None
    if run.context.sandbox is None:
        from teenvio_desktop.sandbox.embedded import start_embedded_sandbox

        run.context.sandbox = start_embedded_sandbox(run.context.data_dir.sandbox)
    sandbox = run.context.sandbox
    campaign_id = run.shared.get("rest_campaign_id") or _self_test_rest_campaign(run)
    sandbox.simulate_until_done()
    campaign = StatsStore(run.context.db).campaign(int(campaign_id))
    assert campaign is not None
    expected = sandbox.expected_summary(campaign.campaign_ref, campaign.source_system or None)
    results = run.window.area("results")
    started = time.perf_counter()
    run.window.show_area("results")
    results.show_campaign(int(campaign_id))  # type: ignore[attr-defined]

    def shown() -> bool:
        view = results.current_view  # type: ignore[attr-defined]
        return view is not None and (
            view.summary.delivered,
            view.summary.bounces_hard,
            view.summary.opens,
            view.summary.clicks,
            view.summary.unsubscribes,
        ) == (
            expected.delivered,
            expected.bounces_hard,
            expected.opens,
            expected.clicks,
            expected.unsubscribes,
        )

    try:
        wait_until(shown, 60, "the Results pane to show the campaign's statistics")
    except SelfTestFailure as exc:
        poller = results.poller  # type: ignore[attr-defined]
        raise SelfTestFailure(
            f"{exc} (shown campaign {results.current_campaign_id}, "  # type: ignore[attr-defined]
            f"syncing {poller.is_busy()}, last error: {results.last_error!r}, "  # type: ignore[attr-defined]
            f"shown {getattr(results.current_view, 'summary', None)}, expected {expected})"  # type: ignore[attr-defined]
        ) from exc
    stats_ms = (time.perf_counter() - started) * 1000
    numbers = results.current_view.summary  # type: ignore[attr-defined]
    return {
        "stats_ms": round(stats_ms, 1),
        "stats": {
            "delivered": numbers.delivered,
            "opens": numbers.opens,
            "clicks": numbers.clicks,
            "bounces_hard": numbers.bounces_hard,
        },
    }


from teenvio_desktop.ui.compose import self_test_steps as compose_steps  # noqa: E402

STEPS: list[tuple[str, Step]] = [
    ("start", step_start),
    ("sandbox", step_sandbox),
    ("compose", compose_steps.step_compose),
    ("preview", compose_steps.step_preview),
    ("send", compose_steps.step_send),
    ("switch_areas", step_switch_areas),
    ("stats", step_stats),
]


def run_self_test(options: GuiOptions) -> int:
    from teenvio_desktop.ui.app import create_application
    from teenvio_desktop.ui.translation import install_translators, resolve_language
    from teenvio_desktop.ui.worker import shutdown_all

    app = create_application()
    language = resolve_language(options.language)
    install_translators(app, language)
    report: dict[str, Any] = {"ok": False, "language": language, "steps": []}
    with tempfile.TemporaryDirectory(prefix="teenvio-self-test-") as tmp:
        context = AppContext.open(DataDir(Path(tmp)), language=language)
        run = SelfTestRun(context=context, options=options)
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
