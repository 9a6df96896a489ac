"""Entry point: ``teenvio-desktop`` opens the GUI; subcommands drive the core directly."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from teenvio_desktop import __version__
from teenvio_desktop.cli.common import EXIT_USAGE, CliRuntime, add_common_options

# Each module registers one subcommand through ``register(subparsers)``.
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "send",
    "stats",
    "sandbox",
    "account",
    "recipients",
    "check",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="teenvio-desktop",
        description=(
            "Compose email campaigns, send them through Teenvio's SMTP-API or the TEA Lite "
            "REST API, and follow bounces, opens, clicks and unsubscribes. Without a "
            "subcommand, opens the desktop application."
        ),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="start the embedded Teenvio emulator and open the app connected to it",
    )
    parser.add_argument(
        "--scheme",
        choices=("system", "light", "dark"),
        default=None,
        help="colour scheme of the window (default: as last chosen in View, else the system's)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run the GUI smoke test (works offscreen), print one JSON object, "
        "exit 0 if every step passed",
    )
    add_common_options(parser)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in SUBCOMMAND_MODULES:
        module = importlib.import_module(f"teenvio_desktop.cli.{name}")
        module.register(subparsers, add_common_options)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    runtime = CliRuntime(args)
    try:
        handler = getattr(args, "handler", None)
        if handler is None:
            return _open_gui(runtime)
        return int(handler(runtime))
    except KeyboardInterrupt:
        return 130
    finally:
        runtime.close()


def _open_gui(runtime: CliRuntime) -> int:
    from teenvio_desktop.core.logsetup import configure_logging
    from teenvio_desktop.core.paths import resolve_data_dir
    from teenvio_desktop.ui.app import GuiOptions, run_gui

    args = runtime.args
    data_dir = resolve_data_dir(getattr(args, "data_dir", None)).ensure()
    if not args.self_test:
        configure_logging(data_dir.logs, debug=bool(getattr(args, "debug", False)))
    options = GuiOptions(
        data_dir=data_dir,
        language=getattr(args, "lang", None),
        sandbox=bool(args.sandbox),
        self_test=bool(args.self_test),
        scheme=getattr(args, "scheme", None),
    )
    return run_gui(options)


if __name__ == "__main__":
    sys.exit(main())


__all__ = ["EXIT_USAGE", "build_parser", "main"]
