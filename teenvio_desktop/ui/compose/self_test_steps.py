"""The composer's ``--self-test`` steps: compose, preview, send (through the sandbox).

They drive the composer through its public parts (the form's widgets, the controllers'
commands and signals) exactly as a user's clicks would, with the run's scripted prompter
answering every question.
"""

from __future__ import annotations

import time
from typing import Any

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.sending import SendOutcome
from teenvio_desktop.ui.compose.area import ComposeArea
from teenvio_desktop.ui.self_test_run import SelfTestFailure, SelfTestRun, wait_until

MARKER = "Self-test newsletter body"


def _area(run: SelfTestRun) -> ComposeArea:
    area = run.main_window().area("compose")
    if not isinstance(area, ComposeArea):
        raise SelfTestFailure("the Compose area is missing")
    return area


def step_compose(run: SelfTestRun) -> dict[str, Any]:
    """Fill a sample campaign as a user would, addressed to the sandbox's sender."""
    area = _area(run)
    run.main_window().show_area("compose")
    area.reload_sources()  # the sandbox started after the window
    account = area.fields.current_account()
    if run.context.sandbox is None or account is None or not account.senders:
        raise SelfTestFailure("no sandbox account with a validated sender in the composer")
    sender = account.senders[0].address
    area.load_campaign(
        Campaign(
            subject="Self-test campaign",
            sender=sender,
            sender_name="Self-test",
            reply_to=sender,
            reply_to_name="Self-test",
            html=f"<html><body><h1>Hola</h1><p>{MARKER}</p>"
            "<p><a href='https://example.com/'>example</a></p></body></html>",
            recipients=["self-test@example.com"],
            account_name=account.name,
        )
    )
    area.content.generate_text()
    wait_until(area.analysis.is_settled, 30, "the pre-send checks")
    errors = [c.code for c in area.checks_panel.checks if c.severity == "error"]
    if errors:
        raise SelfTestFailure(f"pre-send checks failed: {errors}")
    return {"checks": area.checks_panel.codes(), "sender": sender}


def step_preview(run: SelfTestRun) -> dict[str, Any]:
    """Wait until the preview engine rendered the text typed last (read back from the page)."""
    area = _area(run)
    wait_until(area.preview.has_view, 30, "the preview to be created")
    started = time.perf_counter()
    area.editors.html_editor.appendPlainText("<p>Preview check 42</p>")
    seen: dict[str, str] = {}

    def rendered() -> bool:
        page = area.preview.page
        if page is None:
            return False
        page.toPlainText(lambda text: seen.__setitem__("text", text))
        return "Preview check 42" in seen.get("text", "") and MARKER in seen["text"]

    wait_until(rendered, 60, "the preview to show the typed text")
    preview_ms = (time.perf_counter() - started) * 1000
    return {"preview_ms": round(preview_ms, 1)}


def step_send(run: SelfTestRun) -> dict[str, Any]:
    """Send through the sandbox on the real send path (SendJob, dialog, Results)."""
    area = _area(run)
    outcome: list[object] = []
    area.sending.send_finished.connect(outcome.append)
    area.sending.send_failed.connect(lambda exc: outcome.append(exc or "cancelled"))
    started = time.perf_counter()
    if not area.sending.send():
        raise SelfTestFailure(f"the send did not start: {run.prompter.warnings()}")
    wait_until(lambda: bool(outcome), 60, "the send to finish")
    send_ms = (time.perf_counter() - started) * 1000
    result = outcome[0]
    if not isinstance(result, SendOutcome):
        raise SelfTestFailure(f"the send failed: {result}")
    received = [c for c in run.sandbox().received_campaigns() if c.subject == "Self-test campaign"]
    if not received:
        raise SelfTestFailure("the sandbox did not receive the campaign")
    return {
        "send_ms": round(send_ms, 1),
        "campaign_id": result.campaign_id,
        "teenvio_id": received[-1].teenvio_id,
    }
