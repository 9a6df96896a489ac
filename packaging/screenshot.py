"""Render screenshots of the real main window, with realistic data.

    .venv/bin/python packaging/screenshot.py [--output resources/screenshots/compose-en-light.png]
        [--lang en] [--scheme light] [--size 1280x800] [--area compose]
    .venv/bin/python packaging/screenshot.py --all DIR [--size 1280x800 --size 1024x700]

Starts the app as ``teenvio-desktop --sandbox`` does (embedded sandbox, then the main
window) on a temporary data directory, seeds it with recipient lists, campaigns and a day
of statistics (``screenshot_data.py``), loads a sample campaign into the composer, waits
for its QtWebEngine preview to render, shows ``--area`` and grabs the window. ``--all``
renders every area in both languages and both colour schemes into DIR
(``AREA-LANG-SCHEME[-SIZE].png``), one process per language and scheme.

Runs under ``QT_QPA_PLATFORM=offscreen`` by default (QtWebEngine renders there too, in
software); pass ``--platform xcb`` inside ``xvfb-run`` for a real X server.
"""

from __future__ import annotations

import argparse
import os
import subprocess
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
SAMPLE_HTML_ES = (
    SAMPLE_HTML.replace('lang="en"', 'lang="es"')
    .replace("Autumn news", "Novedades de otoño")
    .replace("Dear readers,", "Queridos lectores:")
    .replace(
        "Our autumn selection has arrived: twelve new novels, three cookbooks for\n      "
        "rainy weekends and a poetry corner chosen by our readers.",
        "Ya ha llegado nuestra selección de otoño: doce novelas nuevas, tres libros de "
        "cocina\n      para los fines de semana de lluvia y un rincón de poesía elegido "
        "por nuestros lectores.",
    )
    .replace(
        "As a subscriber you get <b>15% off</b> until 30 November.",
        "Como suscriptor, tienes un <b>15 % de descuento</b> hasta el 30 de noviembre.",
    )
    .replace("See the autumn selection", "Ver la selección de otoño")
    .replace("Unsubscribe", "Darse de baja")
)
SAMPLE_TEXT_ES = """Queridos lectores:

Ya ha llegado nuestra selección de otoño: doce novelas nuevas, tres libros de cocina para
los fines de semana de lluvia y un rincón de poesía elegido por nuestros lectores.

Como suscriptor, tienes un 15 % de descuento hasta el 30 de noviembre.
Ver la selección de otoño: https://example.com/autumn
"""
SAMPLE_TEXT = """Dear readers,

Our autumn selection has arrived: twelve new novels, three cookbooks for rainy weekends
and a poetry corner chosen by our readers.

As a subscriber you get 15% off until 30 November.
See the autumn selection: https://example.com/autumn
"""


AREAS = ("compose", "recipients", "results", "accounts")
# The composer's side panels and preview conditions, shot after the plain areas.
COMPOSE_VIEWS = ("compose-quality", "compose-mjml", "compose-personalised", "compose-modes")
SCHEMES = ("light", "dark")
LANGUAGES = ("en", "es")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--output", type=Path, default=ROOT / "resources" / "screenshots" / "compose-en-light.png"
    )
    parser.add_argument("--all", type=Path, default=None, metavar="DIR",
                        help="every area, language and scheme into DIR")  # fmt: skip
    parser.add_argument("--lang", default="en", choices=LANGUAGES)
    parser.add_argument(
        "--size", action="append", default=None, help="WIDTHxHEIGHT, repeatable (1280x800)"
    )
    parser.add_argument(
        "--area",
        default="compose",
        choices=(*AREAS, *COMPOSE_VIEWS, "all"),
        help="all: --output is a folder",
    )
    parser.add_argument("--scheme", default="light", choices=SCHEMES)
    parser.add_argument("--settle", type=float, default=2.0, help="seconds to let it render")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args(argv)
    args.size = args.size or ["1280x800"]
    return args


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


def load_sample_campaign(window: Any, context: Any, language: str) -> bool:
    """Put the sample campaign in the composer; wait for its preview. False if not possible."""
    from teenvio_desktop.core.campaign import Campaign

    if "compose" not in window.area_keys():
        return False
    composer = window.area("compose")
    if not hasattr(composer, "load_campaign"):
        return False
    info = context.sandbox.info if context.sandbox is not None else None
    sender = str(info.senders[0]) if info is not None and info.senders else "news@example.com"
    spanish = language == "es"
    campaign = Campaign(
        subject=(
            "Novedades de otoño: un 15 % en la nueva selección"
            if spanish
            else "Autumn news: 15% off our new selection"
        ),
        sender=sender,
        sender_name="Green Leaf Books",
        html=SAMPLE_HTML_ES if spanish else SAMPLE_HTML,
        text=SAMPLE_TEXT_ES if spanish else SAMPLE_TEXT,
        recipients=["ana@example.com", "luis@example.com", "marta@example.com"],
        account_name="sandbox" if info is not None else None,
    )
    composer.load_campaign(campaign, title="Novedades de otoño" if spanish else "Autumn news")
    rendered: list[int] = []
    preview = getattr(composer, "preview", None)
    if preview is not None and hasattr(preview, "rendered"):
        preview.rendered.connect(rendered.append)
    return serve_events(30, lambda: bool(rendered))


def prepare_compose_view(composer: Any, view: str, demo: Any) -> None:
    """The Quality tab with its findings, the MJML tab, the preview with a recipient's data
    (TEA Lite) or in forced dark mode beside light with images off."""
    rendered: list[int] = []
    composer.preview.rendered.connect(rendered.append)
    if view == "compose-quality":
        composer.side_tabs.setCurrentWidget(composer.quality_panel)
        serve_events(20, lambda: bool(composer.quality_panel.findings()))
        return
    if view == "compose-mjml":
        composer.editors.tabs.setCurrentWidget(composer.editors.mjml)
        return
    if view == "compose-personalised":
        composer.editors.tabs.setCurrentIndex(0)
        fields = composer.fields
        fields.transport.setCurrentIndex(fields.transport.findData("rest"))
        # What TEA Lite requires besides the SMTP-API's fields: the send is ready.
        fields.campaign_ref.setText("autumn-2026")
        fields.reply_to_name.setText(fields.sender_name.text())
        if demo is not None:
            fields.recipient_list.setCurrentIndex(fields.recipient_list.findData(demo.main_list_id))
        serve_events(30, lambda: bool(rendered))
        serve_events(1.0)
        return
    from teenvio_desktop.core.preview_modes import DarkMode

    bar = composer.preview.bar
    bar.images_off_button.setChecked(True)
    bar.side_by_side_action.setChecked(True)
    bar.set_dark(DarkMode.FORCED)
    serve_events(30, lambda: bool(rendered))
    serve_events(1.0)  # the light copy beside it


def prepare_area(window: Any, key: str, demo: Any) -> None:
    """Show ``key`` with something chosen in it, and wait until it has drawn its data."""
    if key in COMPOSE_VIEWS:
        window.show_area("compose")
        prepare_compose_view(window.area("compose"), key, demo)
        return
    window.show_area(key)
    area = window.area(key)
    if key == "results" and demo is not None:
        shown: list[object] = []
        area.view_shown.connect(shown.append)
        area.show_campaign(demo.main_campaign_id)
        serve_events(20, lambda: bool(shown))
    elif key == "recipients" and demo is not None:
        area.refresh(demo.main_list_id)
        serve_events(5, lambda: area.members_model.rowCount() > 0)
    elif key == "accounts":
        area.select("Green Leaf Books")


def add_demo_account(context: Any) -> None:
    """A realistic saved account beside the sandbox's (no secret is stored)."""
    from teenvio_desktop.core.accounts import account_repository
    from teenvio_desktop.core.accounts.models import (
        Account,
        NamedAddress,
        RestConnection,
        SmtpConnection,
    )

    account_repository(context).add(
        Account(
            name="Green Leaf Books",
            smtp=SmtpConnection("smtp.greenleafbooks.example", 46500, "tls", "greenleaf"),
            rest=RestConnection("https://tealite.greenleafbooks.example", "greenleaf-web"),
            senders=(
                NamedAddress("news@greenleafbooks.example", "Green Leaf Books"),
                NamedAddress("club@greenleafbooks.example", "Green Leaf Book Club"),
            ),
            reply_tos=(NamedAddress("hello@greenleafbooks.example", "Green Leaf Books"),),
        )
    )


def render(args: argparse.Namespace) -> int:
    """One language and scheme: every requested area at every requested size."""
    os.environ["QT_QPA_PLATFORM"] = args.platform
    os.environ.setdefault("QT_LOGGING_RULES", "qt.*=false")
    # Same pixels on every machine: no HiDPI scaling.
    os.environ["QT_SCALE_FACTOR"] = "1"
    os.environ.pop("TEENVIO_DESKTOP_HOME", None)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from screenshot_data import install_memory_keyring, seed_demo_data

    from teenvio_desktop.core.context import AppContext
    from teenvio_desktop.core.paths import DataDir
    from teenvio_desktop.ui.app import start_sandbox
    from teenvio_desktop.ui.application import create_application
    from teenvio_desktop.ui.areas import build_main_window
    from teenvio_desktop.ui.style import install_theme
    from teenvio_desktop.ui.tasks import shutdown_all
    from teenvio_desktop.ui.translation import install_translators

    install_memory_keyring()  # a desktop with a keyring, without touching the real one
    app = create_application()
    install_translators(app, args.lang)
    install_theme(app, args.scheme)
    areas = (*AREAS, *COMPOSE_VIEWS) if args.area == "all" else (args.area,)
    with tempfile.TemporaryDirectory(prefix="teenvio-screenshot-") as tmp:
        context = AppContext.open(DataDir(Path(tmp)).ensure(), language=args.lang)
        window = None
        try:
            start_sandbox(context)  # what --sandbox does, before the window exists
            spanish = args.lang == "es"
            demo = seed_demo_data(
                context,
                args.lang,
                SAMPLE_HTML_ES if spanish else SAMPLE_HTML,
                SAMPLE_TEXT_ES if spanish else SAMPLE_TEXT,
            )
            add_demo_account(context)
            window = build_main_window(context)
            width, height = (int(part) for part in args.size[0].lower().split("x"))
            window.resize(width, height)
            window.show()
            serve_events(0.5)
            if not load_sample_campaign(window, context, args.lang):
                print("note: no composer preview to wait for; grabbing as it is")
            for key in areas:
                prepare_area(window, key, demo)
                for size in args.size:
                    width, height = (int(part) for part in size.lower().split("x"))
                    window.resize(width, height)
                    window.statusBar().clearMessage()
                    serve_events(args.settle)
                    image = window.grab().toImage()
                    output = args.output
                    if len(areas) > 1 or len(args.size) > 1:
                        suffix = "" if len(args.size) == 1 else f"-{size}"
                        output = args.output / f"{key}-{args.lang}-{args.scheme}{suffix}.png"
                    output.parent.mkdir(parents=True, exist_ok=True)
                    if not image.save(str(output), "PNG", 0):  # 0: smallest file
                        raise SystemExit(f"could not write {output}")
                    print(f"wrote {output} ({image.width()}x{image.height()})")
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


def render_all(args: argparse.Namespace) -> int:
    """Every area in both languages and both schemes: one process per language and scheme
    (a language is chosen before any widget exists)."""
    failures = 0
    for language in LANGUAGES:
        for scheme in SCHEMES:
            command = [sys.executable, str(Path(__file__).resolve()), "--area", "all",
                       "--lang", language, "--scheme", scheme, "--output", str(args.all),
                       "--platform", args.platform, "--settle", str(args.settle)]  # fmt: skip
            for size in args.size:
                command += ["--size", size]
            failures += subprocess.run(command, check=False).returncode != 0
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.all is not None:
        return render_all(args)
    return render(args)


if __name__ == "__main__":
    sys.exit(main())
