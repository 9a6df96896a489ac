"""Helpers shared by the composer's GUI tests."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.ui.compose.area import ComposeArea


def spin(predicate: Any, timeout: float = 20.0) -> bool:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    return True


def run_js(area: ComposeArea, script: str) -> Any:
    """Evaluate in the isolated world (page scripts are off, these still run)."""
    from PySide6.QtWebEngineCore import QWebEngineScript

    box: dict[str, Any] = {}
    assert area.preview.page is not None
    area.preview.page.runJavaScript(
        script, QWebEngineScript.ScriptWorldId.ApplicationWorld, lambda v: box.setdefault("v", v)
    )
    assert spin(lambda: "v" in box, 10), script
    return box["v"]


def preview_text(area: ComposeArea) -> str:
    box: dict[str, str] = {}
    if area.preview.page is None:
        return ""
    area.preview.page.toPlainText(lambda text: box.setdefault("t", text))
    spin(lambda: "t" in box, 10)
    return box.get("t", "")


def wait_preview_contains(area: ComposeArea, needle: str, timeout: float = 30.0) -> bool:
    return spin(lambda: needle in preview_text(area), timeout)


def wait_analysis_settled(area: ComposeArea, timeout: float = 20.0) -> bool:
    """No debounce pending, no analysis running: the panels show the current state."""
    return spin(area.analysis.is_settled, timeout)


def good_campaign(sender: str = "demo@example.com", **changes: Any) -> Campaign:
    campaign = Campaign(
        subject="Novedades de noviembre",
        sender=sender,
        sender_name="Demo",
        reply_to=sender,
        reply_to_name="Demo",
        html="<html><body><h1>Novedades</h1><p>Hola, <a href='https://example.com/a'>"
        "mira esto</a>.</p></body></html>",
        text="Novedades\n\nHola, mira esto: https://example.com/a\n",
        recipients=["ana@example.com", "luis@example.com"],
        source_system="sandbox",
        campaign_ref="nov-1",
    )
    for key, value in changes.items():
        setattr(campaign, key, value)
    return campaign
