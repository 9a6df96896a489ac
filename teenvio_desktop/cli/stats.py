"""``teenvio-desktop stats``: sync a campaign's statistics from TEA Lite and print them.

The token comes from ``TEENVIO_TOKEN`` or, failing that, from the keyring entry of a saved
account (``--account NAME``, or one with the same API address and source system); never
from an argument.

Answers are untrusted: a feed whose answers are too big, malformed, or page without end is
reported with the endpoint's name (exit 1) and the other feeds are still read; entries with
wrong types or timestamps are skipped and counted on stderr (exit 1: the figures are
incomplete).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from teenvio_desktop.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliRuntime
from teenvio_desktop.core.clock import parse_teenvio_timestamp
from teenvio_desktop.core.csv_export import write_csv
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.stats import TABLES, Scope, StatsStore, summary, sync_campaign
from teenvio_desktop.core.stats.connections import keyring_token
from teenvio_desktop.core.stats.events import Kind
from teenvio_desktop.core.stats.queries import StatsSummary, TableQuery
from teenvio_desktop.core.tasks import CancelToken, no_progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection
from teenvio_desktop.core.tealite.stats_api import MAX_PAGES

TOKEN_ENV = "TEENVIO_TOKEN"
KIND_CHOICES = ("all", "responses", "bounces", "opens", "clicks", "unsubscribes")
SUMMARY_KEYS = (
    "sent",
    "accepted",
    "delivered",
    "bounces_hard",
    "bounces_soft",
    "opens",
    "unique_opens",
    "clicks",
    "unique_clicks",
    "ctr",
    "unsubscribes",
)


def register(subparsers: Any, add_common: Callable[[argparse.ArgumentParser], None]) -> None:
    parser = subparsers.add_parser(
        "stats",
        help="sync a campaign's statistics from TEA Lite and print them",
        description="Fetch responses, bounces, opens, clicks and unsubscribes from TEA Lite "
        "into the local store, then print the summary or one table. The token comes from "
        "TEENVIO_TOKEN, else from the keyring entry of a saved account with this API.",
    )
    add_common(parser)
    parser.add_argument(
        "--account", metavar="NAME", help="use a saved account's TEA Lite connection"
    )
    parser.add_argument("--api", metavar="URL", help="base URL of TEA Lite")
    parser.add_argument("--cafile", metavar="PEM", help="trust this CA file")
    parser.add_argument("--source-system", metavar="ID")
    parser.add_argument(
        "--campaign-id",
        metavar="ID",
        help="TEA Lite campaignId (default: every local campaign of the source system)",
    )
    parser.add_argument("--since", metavar="YYYYMMDDHHMMSS", help="window start (UTC)")
    parser.add_argument("--until", metavar="YYYYMMDDHHMMSS", help="window end (UTC)")
    parser.add_argument("--kind", choices=KIND_CHOICES, default="all")
    parser.add_argument("--format", choices=("summary", "csv", "json"), default="summary")
    parser.add_argument("--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--max-pages",
        type=int,
        default=MAX_PAGES,
        metavar="N",
        help=f"stop a feed that sends more than N pages for one window (default {MAX_PAGES})",
    )
    parser.set_defaults(handler=run)


def _timestamp(runtime: CliRuntime, value: str | None, option: str) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_teenvio_timestamp(value)
    except ValueError:
        raise _UsageError(
            runtime.tr("{option} must be YYYYMMDDHHMMSS (UTC), got {value}.").format(
                option=option, value=value
            )
        ) from None


class _UsageError(Exception):
    pass


def run(runtime: CliRuntime) -> int:
    args = runtime.args
    try:
        since = _timestamp(runtime, args.since, "--since")
        until = _timestamp(runtime, args.until, "--until")
    except _UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    if args.max_pages < 1:
        print(runtime.tr("--max-pages must be positive."), file=sys.stderr)
        return EXIT_USAGE
    context = runtime.context()
    if args.account:
        from teenvio_desktop.core.accounts import tealite_for_account

        try:
            _, saved = tealite_for_account(context, args.account)
        except TeenvioError as exc:
            runtime.report_error(exc)
            return EXIT_FAILURE
        # Flags given next to --account override the account's settings.
        connection = TeaLiteConnection(
            base_url=args.api or saved.base_url,
            token=saved.token,
            source_system=args.source_system or saved.source_system,
            ca_file=args.cafile or saved.ca_file,
        )
        args.api, args.source_system = connection.base_url, connection.source_system
    else:
        if not (args.api and args.source_system):
            print(
                runtime.tr("--api URL and --source-system ID (or --account NAME) are required."),
                file=sys.stderr,
            )
            return EXIT_USAGE
        token = os.environ.get(TOKEN_ENV) or keyring_token(context, args.api, args.source_system)
        if not token:
            print(
                runtime.tr(
                    "No TEA Lite token: set TEENVIO_TOKEN, or save an account with this API "
                    "address and its token in the keyring."
                ),
                file=sys.stderr,
            )
            return EXIT_USAGE
        register_secret(token)
        connection = TeaLiteConnection(
            base_url=args.api, token=token, source_system=args.source_system, ca_file=args.cafile
        )
    store = StatsStore(context.db)
    if args.campaign_id:
        campaign_ids = [store.ensure_rest_campaign(args.source_system, args.campaign_id)]
        scope = Scope(campaign_id=campaign_ids[0])
    else:
        campaign_ids = [
            c.id
            for c in store.campaigns()
            if c.transport == "rest" and c.source_system == args.source_system
        ]
        scope = Scope(source_system=args.source_system)
        if not campaign_ids:
            print(
                runtime.tr(
                    "No campaign of source system {source} is known here; name one with "
                    "--campaign-id."
                ).format(source=args.source_system),
                file=sys.stderr,
            )
            return EXIT_USAGE
    kinds: tuple[Kind, ...] = (
        ("responses", "bounces", "opens", "clicks", "unsubscribes")
        if args.kind == "all"
        else (args.kind,)
    )
    # Linking bounces needs the campaign's /responses: fetch them along with bounces.
    if kinds == ("bounces",):
        kinds = ("responses", "bounces")
    status = EXIT_OK
    for campaign_id in campaign_ids:
        try:
            report = sync_campaign(
                context.db,
                connection,
                campaign_id,
                no_progress,
                CancelToken(),
                kinds=kinds,
                since=since,
                until=until,
                max_pages=args.max_pages,
            )
        except TeenvioError as exc:
            runtime.report_error(exc)
            return EXIT_FAILURE
        for error in report.errors:
            runtime.report_error(error)
            status = EXIT_FAILURE
        for kind, count in report.skipped.items():
            reasons = "; ".join(report.skip_reasons.get(kind, []))
            print(
                runtime.tr(
                    "Skipped {count} {kind} entries the server sent malformed ({reasons}); "
                    "the figures leave them out."
                ).format(count=count, kind=kind, reasons=reasons),
                file=sys.stderr,
            )
            status = EXIT_FAILURE
    _write(runtime, args, lambda out: _print(runtime, out, scope))
    return status


def _write(runtime: CliRuntime, args: argparse.Namespace, body: Callable[[TextIO], None]) -> None:
    if not args.output:
        body(sys.stdout)
        return
    path = Path(args.output)
    tmp = path.with_name(path.name + ".part")
    encoding = "utf-8-sig" if args.format == "csv" else "utf-8"
    with tmp.open("w", encoding=encoding, newline="") as stream:
        body(stream)
    tmp.replace(path)


def _print(runtime: CliRuntime, out: TextIO, scope: Scope) -> None:
    args = runtime.args
    db = runtime.context().db
    if args.kind == "all":
        numbers = summary(db, scope)
        if args.format == "json":
            out.write(json.dumps(_summary_dict(numbers)) + "\n")
        elif args.format == "csv":
            values = _summary_dict(numbers)
            write_csv(out, list(SUMMARY_KEYS), [[values[k] for k in SUMMARY_KEYS]])
        else:
            out.write(_summary_text(runtime, numbers))
        return
    query = TableQuery(TABLES[args.kind], scope)
    keys = query.spec.column_keys()
    if args.format == "csv":
        write_csv(out, keys, query.iter_rows(db))
    elif args.format == "json":
        out.write("[")
        for index, row in enumerate(query.iter_rows(db)):
            out.write(("," if index else "") + "\n" + json.dumps(dict(zip(keys, row, strict=True))))
        out.write("\n]\n")
    else:
        count = query.count(db)
        out.write(runtime.tr("{count} rows").format(count=count) + "\n")
        for row in query.iter_rows(db):
            out.write("\t".join(str(v).replace("\n", " ") for v in row) + "\n")


def _summary_dict(numbers: StatsSummary) -> dict[str, Any]:
    data = numbers.to_dict()
    return {key: data[key] for key in SUMMARY_KEYS}


def _summary_text(runtime: CliRuntime, numbers: StatsSummary) -> str:
    # Numbers as the language writes them: "1.234" and "33,3 %" in Spanish. (QtCore is
    # imported here, not at the top: --version and --help never load Qt.)
    from PySide6.QtCore import QLocale

    locale = QLocale(runtime.language)
    n = locale.toString
    rate = runtime.translate("Formatting", "{number}%").format(
        number=locale.toString(numbers.click_through_rate * 100, "f", 1)
    )
    lines = [
        (runtime.tr("Sent"), n(numbers.sent)),
        (runtime.tr("Accepted"), n(numbers.accepted)),
        (runtime.tr("Delivered"), n(numbers.delivered)),
        (runtime.tr("Hard bounces"), n(numbers.bounces_hard)),
        (runtime.tr("Soft bounces"), n(numbers.bounces_soft)),
        (runtime.tr("Opens (unique)"), f"{n(numbers.opens)} ({n(numbers.unique_opens)})"),
        (runtime.tr("Clicks (unique)"), f"{n(numbers.clicks)} ({n(numbers.unique_clicks)})"),
        (runtime.tr("Click-through rate"), rate),
        (runtime.tr("Unsubscribes"), n(numbers.unsubscribes)),
    ]
    width = max(len(label) for label, _ in lines)
    return "".join(f"{label:<{width}}  {value}\n" for label, value in lines)
