"""``teenvio-desktop send``: one parser for both transports, dispatched by ``--via``.

``--via smtp`` sends one campaign through the Teenvio SMTP-API (``send_smtp.py``);
``--via rest`` sends one personalised message per recipient through TEA Lite
(``send_rest.py``). Secrets never come from arguments: see each module.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import Any

from teenvio_desktop.cli.common import EXIT_USAGE, CliRuntime
from teenvio_desktop.cli.send_inputs import SendUsage, compiled_html_argument

YES_NO = ("yes", "no")


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = subparsers.add_parser(
        "send",
        help="send a campaign through the SMTP-API or the TEA Lite REST API",
        description="Send a campaign. The password (SMTP) comes from TEENVIO_PASSWORD and the "
        "token (REST) from TEENVIO_TOKEN, else from the account's keyring entry.",
    )
    add_common(parser)
    parser.add_argument("--via", choices=("smtp", "rest"), required=True, help="transport")
    parser.add_argument("--account", metavar="NAME", help="use a saved account's connection")
    parser.add_argument("--cafile", metavar="PEM", help="trust this CA file")

    who = parser.add_argument_group("sender and recipients")
    who.add_argument("--from", dest="sender", metavar="ADDR", help="validated sender address")
    who.add_argument("--from-name", dest="sender_name", metavar="NAME", default="")
    who.add_argument("--reply-to", metavar="ADDR", default="")
    who.add_argument("--reply-to-name", metavar="NAME", default="")
    recipients = who.add_mutually_exclusive_group()
    recipients.add_argument("--to", action="extend", nargs="+", metavar="ADDR", default=None)
    recipients.add_argument("--recipients", metavar="FILE", help="recipient list (CSV, XLSX, ...)")

    content = parser.add_argument_group("content")
    content.add_argument("--subject", metavar="TEXT")
    content.add_argument("--html", metavar="FILE", help="HTML part (.mjml files are compiled)")
    content.add_argument("--text", metavar="FILE", help="plain-text part (default: from the HTML)")
    content.add_argument("--attach", action="append", default=[], metavar="FILE")

    smtp = parser.add_argument_group("SMTP-API (--via smtp)")
    smtp.add_argument("--server", metavar="HOST:PORT")
    smtp.add_argument("--security", choices=("tls", "starttls", "none"))
    smtp.add_argument("--user", metavar="USER", help="usuario.nombredeplan")
    smtp.add_argument("--image", action="append", default=[], metavar="CID=FILE")
    smtp.add_argument("--show-cab", choices=YES_NO)
    smtp.add_argument("--social-links", choices=YES_NO)
    smtp.add_argument("--language", type=int, metavar="ID")
    smtp.add_argument("--tracking-opening", choices=YES_NO)
    smtp.add_argument("--tracking-clicks", choices=YES_NO)
    smtp.add_argument(
        "--contacts-only", action="store_true", help="import and group the contacts, send nothing"
    )

    rest = parser.add_argument_group("TEA Lite REST API (--via rest)")
    rest.add_argument("--api", metavar="URL", help="base URL of the TEA Lite API")
    rest.add_argument("--source-system", metavar="ID")
    rest.add_argument("--campaign-id", metavar="ID")
    rest.add_argument("--send-at", metavar="YYYYMMDDHHMMSS")
    rest.add_argument("--list-unsubscribe", metavar="VALUE")
    rest.add_argument("--concurrency", type=int, default=8, metavar="N")
    rest.add_argument("--rate", type=float, default=None, metavar="N", help="messages per second")
    rest.add_argument(
        "--reconcile-wait",
        type=float,
        default=None,
        metavar="SECONDS",
        help="how long to look in /responses for messages whose outcome is unknown "
        "(default 120; 0: look once)",
    )
    rest.add_argument(
        "--resend-uncertain",
        nargs="*",
        default=None,
        metavar="ADDR",
        help="send again the uncertain messages (all, or those of ADDR): a recipient may "
        "get two copies",
    )

    parser.set_defaults(handler=run)


def run(runtime: CliRuntime) -> int:
    module_name = {"smtp": "send_smtp", "rest": "send_rest"}[runtime.args.via]
    module = importlib.import_module(f"teenvio_desktop.cli.{module_name}")
    try:
        with compiled_html_argument(runtime):  # --html FILE.mjml, for either transport
            return int(module.run(runtime))
    except SendUsage as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
