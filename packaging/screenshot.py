"""Render the README's screenshot from the real main window.

    .venv/bin/python packaging/screenshot.py [--output resources/screenshot.png]
        [--lang en] [--size 1280x800] [--area compose]

Starts the app as ``teenvio-desktop --sandbox`` does (embedded sandbox, then the main
window) on a temporary data directory, loads a sample campaign into the composer, waits
for its QtWebEngine preview to render, shows ``--area`` and grabs the window.

Runs under ``QT_QPA_PLATFORM=offscreen`` by default (QtWebEngine renders there too, in
software); pass ``--platform xcb`` inside ``xvfb-run`` for a real X server.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

SAMPLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Autumn news</title></head>
<body style="margin:0;background:#eef3f6;color:#24323d">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"
       style="background:#eef3f6"><tr><td align="center">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"
       style="max-width:560px;background:#ffffff;margin:16px 0;
              font-family:Arial,Helvetica,sans-serif">
  <tr><td style="background:#0a5b8c;padding:22px 28px;color:#ffffff;font-size:22px">
    <b>Green Leaf Books</b> &middot; Autumn news</td></tr>
  <tr><td style="padding:26px 28px 8px 28px">
    <h1 style="margin:0 0 12px 0;font-size:24px;color:#0a5b8c">Dear readers,</h1>
    <p style="font-size:15px;line-height:1.5;margin:0 0 14px 0">
      Our autumn selection has arrived: twelve new novels, three cookbooks for
      rainy weekends and a poetry corner chosen by our readers.</p>
    <p style="font-size:15px;line-height:1.5;margin:0 0 22px 0">
      As a subscriber you get <b>15% off</b> until 30 November.</p>
    <p style="margin:0 0 26px 0"><a href="https://example.com/autumn"
      style="background:#f26a1b;color:#ffffff;padding:12px 22px;border-radius:4px;
             text-decoration:none;font-weight:bold">See the autumn selection</a></p>
  </td></tr>
  <tr><td style="padding:14px 28px;background:#f6f8fa;font-size:12px;color:#6b7a86">
    Green Leaf Books, Calle Mayor 1, Madrid &middot;
    <a href="https://example.com/unsubscribe" style="color:#6b7a86">Unsubscribe</a></td></tr>
</table></td></tr></table></body></html>
"""
SAMPLE_TEXT = """Dear readers,

Our autumn selection has arrived: twelve new novels, three cookbooks for rainy weekends
and a poetry corner chosen by our readers.

As a subscriber you get 15% off until 30 November.
See the autumn selection: https://example.com/autumn
"""


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "resources" / "screenshot.png")
    parser.add_argument("--lang", default="en", choices=("en", "es"))
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--area", default="compose", help="area shown in the screenshot")
    parser.add_argument("--settle", type=float, default=2.0, help="seconds to let it render")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return parser.parse_args(argv)


def serve_events(seconds: float, until: Callable[[], bool] | None = None) -> bool:
    """Run the event loop for ``seconds`` or until ``until()`` holds; return whether it did."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if until is not None and until():
            return True
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    return until is None or until()


def load_sample_campaign(window: Any, context: Any) -> bool:
    """Put the sample campaign in the composer; wait for its preview. False if not possible."""
    from teenvio_desktop.core.campaign import Campaign

    if "compose" not in window.area_keys():
        return False
    composer = window.area("compose")
    if not hasattr(composer, "load_campaign"):
        return False
    info = context.sandbox.info if context.sandbox is not None else None
    sender = str(info.senders[0]) if info is not None and info.senders else "news@example.com"
    campaign = Campaign(
        subject="Autumn news: 15% off our new selection",
        sender=sender,
        sender_name="Green Leaf Books",
        html=SAMPLE_HTML,
        text=SAMPLE_TEXT,
        recipients=["ana@example.com", "luis@example.com", "marta@example.com"],
        account_name="sandbox" if info is not None else None,
    )
    composer.load_campaign(campaign, title="Autumn news")
    rendered: list[int] = []
    preview = getattr(composer, "preview", None)
    if preview is not None and hasattr(preview, "rendered"):
        preview.rendered.connect(rendered.append)
    return serve_events(30, lambda: bool(rendered))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    os.environ.setdefault("QT_LOGGING_RULES", "qt.*=false")
    # Same pixels on every machine: no HiDPI scaling.
    os.environ["QT_SCALE_FACTOR"] = "1"
    os.environ.pop("TEENVIO_DESKTOP_HOME", None)
    width, height = (int(part) for part in args.size.lower().split("x"))

    from teenvio_desktop.core.context import AppContext
    from teenvio_desktop.core.paths import DataDir
    from teenvio_desktop.ui.app import start_sandbox
    from teenvio_desktop.ui.application import create_application
    from teenvio_desktop.ui.areas import build_main_window
    from teenvio_desktop.ui.tasks import shutdown_all
    from teenvio_desktop.ui.translation import install_translators

    app = create_application()
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory(prefix="teenvio-screenshot-") as tmp:
        context = AppContext.open(DataDir(Path(tmp)).ensure(), language=args.lang)
        window = None
        try:
            start_sandbox(context)  # what --sandbox does, before the window exists
            window = build_main_window(context)
            window.resize(width, height)
            window.show()
            serve_events(0.5)
            if args.area in window.area_keys():
                window.show_area(args.area)
            if not load_sample_campaign(window, context):
                print("note: no composer preview to wait for; grabbing as it is")
            window.statusBar().clearMessage()
            serve_events(args.settle)
            image = window.grab().toImage()
            args.output.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(args.output), "PNG"):
                raise SystemExit(f"could not write {args.output}")
            print(f"wrote {args.output} ({image.width()}x{image.height()})")
        finally:
            shutdown_all()
            if window is not None:
                # Delete the window (and the preview's web page) now, while the web engine
                # profile still exists: Chromium crashes at exit when a page outlives it.
                from PySide6.QtCore import QCoreApplication, QEvent

                window.hide()
                window.deleteLater()
                QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                serve_events(0.3)
            if context.sandbox is not None:
                context.sandbox.stop()
            context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
