"""Entry point: ``teenvio-desktop`` opens the GUI; subcommands drive the core directly.

Only the subcommand named on the command line is imported (its module registers the full
parser through ``register(subparsers, add_common)``); the others appear in ``--help`` by
the one line below. Importing every subcommand to build the parser cost ``--version`` and
``--help`` about 0.2 s of CPU (the recipients importer, email-validator, the statistics
queries...); now they load the standard library's ``argparse`` and this module only.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from teenvio_desktop import __version__
from teenvio_desktop.cli.common import EXIT_USAGE, CliRuntime, add_common_options

# Subcommand -> its module in this package and the one line ``--help`` shows for it.
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "send": ("send", "send a campaign through the SMTP-API or the TEA Lite REST API"),
    "stats": ("stats", "sync a campaign's statistics from TEA Lite and print them"),
    "sandbox": (
        "sandbox",
        "run the local Teenvio emulator (SMTP-API and TEA Lite) until interrupted",
    ),
    "account": ("account", "manage Teenvio accounts (secrets are kept in the system keyring)"),
    "recipients": ("recipients", "import, list and export recipient lists"),
    "check": (
        "check",
        "check a newsletter: client compatibility, accessibility, links, spam score",
    ),
}
SUBCOMMAND_MODULES: tuple[str, ...] = tuple(module for module, _ in SUBCOMMANDS.values())
# Options of the top-level parser that take a value (``--lang es``): skipped when looking
# for the subcommand's name.
_VALUED_OPTIONS = ("--data-dir", "--lang")


def chosen_subcommand(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (its first positional argument), if it is one."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token == "--":
            return None
        elif token in _VALUED_OPTIONS:
            skip = True
        elif not token.startswith("-"):
            return token if token in SUBCOMMANDS else None
    return None


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: the subcommand it names is registered in full, the others
    by name and summary only. Without ``argv``, every subcommand is registered in full."""
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
    wanted = set(SUBCOMMANDS) if argv is None else {chosen_subcommand(argv)}
    for name, (module_name, summary) in SUBCOMMANDS.items():
        if name in wanted:
            module = importlib.import_module(f"teenvio_desktop.cli.{module_name}")
            module.register(subparsers, add_common_options)
        else:
            subparsers.add_parser(name, help=summary, add_help=False)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(arguments).parse_args(arguments)
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
