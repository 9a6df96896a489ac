"""``teenvio-desktop sandbox``: run the Teenvio emulator headless until SIGINT/SIGTERM.

Once every listener accepts connections it prints ONE line of JSON on stdout (ports,
API URL, CA file, credentials, validated senders) and flushes it, so scripts and tests
can read it. State, credentials and the CA live in ``<data dir>/sandbox`` (the same
place the GUI's ``--sandbox`` uses); credentials given on the command line win for
this run only. Time runs 3600 times faster unless ``--time-scale`` says otherwise.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable
from types import FrameType
from typing import Any

from teenvio_desktop.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliRuntime


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = subparsers.add_parser(
        "sandbox",
        help="run the local Teenvio emulator (SMTP-API and TEA Lite) until interrupted",
        description="Run the local emulator of Teenvio's SMTP-API and the TEA Lite REST API. "
        "Prints one JSON line with its addresses and credentials once it accepts "
        "connections; stops on SIGINT or SIGTERM. Files go to <data dir>/sandbox.",
    )
    add_common(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default loopback)")
    parser.add_argument("--smtp-port", type=int, default=0, metavar="N", help="SMTP+STARTTLS")
    parser.add_argument("--smtps-port", type=int, default=0, metavar="N", help="SMTP over TLS")
    parser.add_argument("--api-port", type=int, default=0, metavar="N", help="TEA Lite HTTP")
    parser.add_argument("--user", metavar="U", help="SMTP user (default demo.sandbox)")
    parser.add_argument("--password", metavar="P", help="SMTP password (default: generated)")
    parser.add_argument("--token", metavar="T", help="TEA Lite token (default: generated)")
    parser.add_argument(
        "--sender", action="append", metavar="ADDR", help="a validated sender (repeatable)"
    )
    parser.add_argument("--seed", type=int, metavar="N", help="seed of the simulation")
    parser.add_argument(
        "--time-scale", type=float, metavar="X", help="simulated seconds per second (3600)"
    )
    parser.add_argument("--page-size", type=int, metavar="N", help="items per result page")
    parser.add_argument("--fail-rate", type=float, metavar="F", help="share of 400 Retriable")
    parser.add_argument(
        "--drop-rate", type=float, metavar="F", help="share of REST calls dropped unanswered"
    )
    parser.add_argument("--latency-ms", type=int, metavar="N", help="added latency")
    parser.add_argument("--smtp-fail-rate", type=float, metavar="F", help="share of DATA 451")
    parser.add_argument(
        "--smtp-drop-rate", type=float, metavar="F", help="share of DATA dropped unanswered"
    )
    parser.set_defaults(handler=run)


def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    values: dict[str, Any] = {
        "host": args.host,
        "smtp_port": args.smtp_port,
        "smtps_port": args.smtps_port,
        "api_port": args.api_port,
        "user": args.user,
        "password": args.password,
        "token": args.token,
        "senders": tuple(args.sender) if args.sender else None,
        "seed": args.seed,
        "time_scale": args.time_scale,
        "page_size": args.page_size,
        "fail_rate": args.fail_rate,
        "drop_rate": args.drop_rate,
        "latency_ms": args.latency_ms,
        "smtp_fail_rate": args.smtp_fail_rate,
        "smtp_drop_rate": args.smtp_drop_rate,
    }
    return {key: value for key, value in values.items() if value is not None}


def run(runtime: CliRuntime) -> int:
    from teenvio_desktop.core.logsetup import register_secret
    from teenvio_desktop.core.paths import resolve_data_dir
    from teenvio_desktop.sandbox.embedded import embedded_config
    from teenvio_desktop.sandbox.server import start_sandbox

    args = runtime.args
    sandbox_dir = resolve_data_dir(getattr(args, "data_dir", None)).sandbox
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Installed before starting, so a signal that arrives during start-up still stops us.
    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        try:
            config = embedded_config(sandbox_dir, **_overrides(args))
            register_secret(config.password)
            register_secret(config.token)
            sandbox = start_sandbox(config)
        except ValueError as exc:
            sys.stderr.write(runtime.tr("Invalid sandbox option: {reason}").format(reason=exc))
            sys.stderr.write("\n")
            return EXIT_USAGE
        except OSError as exc:
            sys.stderr.write(
                runtime.tr("Could not start the sandbox: {reason}").format(reason=exc) + "\n"
            )
            return EXIT_FAILURE
        try:
            sys.stdout.write(sandbox.info.as_json_line() + "\n")
            sys.stdout.flush()
            while not stop.wait(0.2):
                pass
        finally:
            sandbox.stop()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return EXIT_OK
