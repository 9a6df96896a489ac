"""Render the README's screenshot from the real main window.

    .venv/bin/python packaging/screenshot.py [--output resources/screenshot.png]
        [--lang en] [--size 1280x800] [--area compose] [--until preview]

Starts the real window on a temporary data directory with the embedded sandbox, then drives
it with the self-test's own steps (``ui/self_test.py`` STEPS: compose a sample campaign,
render its preview...) up to the step named by ``--until``, so the screenshot shows what a
user sees after composing a campaign. It then shows ``--area`` and grabs the window.

Runs under ``QT_QPA_PLATFORM=offscreen`` by default (QtWebEngine renders there too, in
software); pass ``--platform xcb`` inside ``xvfb-run`` for a real X server.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "resources" / "screenshot.png")
    parser.add_argument("--lang", default="en", choices=("en", "es"))
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--area", default="compose", help="area shown in the screenshot")
    parser.add_argument(
        "--until",
        default="preview",
        help="run the self-test steps up to the first one whose name contains this "
        "('' runs only the start step)",
    )
    parser.add_argument("--settle", type=float, default=2.0, help="seconds to let it render")
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return parser.parse_args(argv)


def steps_until(steps: list[tuple[str, Any]], until: str) -> list[tuple[str, Any]]:
    """The self-test steps to run: through the first named like ``until`` (all if none is)."""
    if not until:
        return steps[:1]
    for index, (name, _step) in enumerate(steps):
        if until in name:
            return steps[: index + 1]
    return list(steps)


def settle(seconds: float) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["QT_QPA_PLATFORM"] = args.platform
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    # Same pixels on every machine: no HiDPI scaling, a fixed locale for Qt's own texts.
    os.environ["QT_SCALE_FACTOR"] = "1"
    os.environ.pop("TEENVIO_DESKTOP_HOME", None)
    width, height = (int(part) for part in args.size.lower().split("x"))

    from teenvio_desktop.core.context import AppContext
    from teenvio_desktop.core.paths import DataDir
    from teenvio_desktop.ui.app import GuiOptions, create_application, start_sandbox
    from teenvio_desktop.ui.self_test import STEPS, SelfTestRun
    from teenvio_desktop.ui.translation import install_translators
    from teenvio_desktop.ui.worker import shutdown_all

    app = create_application()
    install_translators(app, args.lang)
    with tempfile.TemporaryDirectory(prefix="teenvio-screenshot-") as tmp:
        data_dir = DataDir(Path(tmp)).ensure()
        context = AppContext.open(data_dir, language=args.lang)
        options = GuiOptions(data_dir=data_dir, language=args.lang, sandbox=True, self_test=True)
        run = SelfTestRun(context=context, options=options)
        try:
            steps = steps_until(STEPS, args.until)
            # The self-test starts the sandbox in a step of its own; without one, start it here.
            if not any("sandbox" in name for name, _step in STEPS):
                start_sandbox(context)
            for name, step in steps:
                started = time.perf_counter()
                step(run)
                print(f"step {name}: {(time.perf_counter() - started) * 1000:.0f} ms")
            window = run.window
            if window is None:
                raise SystemExit("the self-test's start step did not open the main window")
            window.resize(width, height)
            if args.area in window.area_keys():
                window.show_area(args.area)
            window.statusBar().clearMessage()
            settle(args.settle)
            image = window.grab().toImage()
            args.output.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(args.output), "PNG"):
                raise SystemExit(f"could not write {args.output}")
            print(f"wrote {args.output} ({image.width()}x{image.height()})")
        finally:
            shutdown_all()
            if run.window is not None:
                run.window.hide()
                run.window.deleteLater()
                settle(0.2)
            if context.sandbox is not None:
                context.sandbox.stop()
            context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
