"""``teenvio-desktop send --via rest``: one personalised message per recipient via TEA Lite.

The token comes from ``TEENVIO_TOKEN`` or, with ``--account``, from the account's keyring
entry; never from an argument. The campaign and every message are written to the outbox
before the first request, so running the same command again (same ``--source-system`` and
``--campaign-id``) resumes it: what was accepted is not sent again. Prints one line
``accepted=N failed=M``; exits 0 only when every message was accepted.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TextIO

from teenvio_desktop.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliRuntime
from teenvio_desktop.cli.send_inputs import SendUsage, read_attachments, require_message_arguments
from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.campaigns import CampaignRepository
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import TeenvioError
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.outbox import (
    OutboxRepository,
    Recipient,
    SendOptions,
    create_rest_campaign,
    retry_failed,
    send_campaign,
)
from teenvio_desktop.core.outbox.recipients import read_recipient_file
from teenvio_desktop.core.tasks import Progress
from teenvio_desktop.core.tealite.connection import TeaLiteConnection

TOKEN_ENV = "TEENVIO_TOKEN"


def _connection(runtime: CliRuntime, context: AppContext) -> TeaLiteConnection:
    args = runtime.args
    token = os.environ.get(TOKEN_ENV) or None
    register_secret(token)
    if args.account:
        from teenvio_desktop.core.accounts import tealite_for_account

        _, connection = tealite_for_account(context, args.account)
        return TeaLiteConnection(
            base_url=args.api or connection.base_url,
            token=connection.token,
            source_system=args.source_system or connection.source_system,
            ca_file=args.cafile or connection.ca_file,
        )
    if not args.api:
        raise SendUsage(runtime.tr("--api URL (or --account NAME) is required with --via rest."))
    if not token:
        raise SendUsage(
            runtime.tr("Set the TEA Lite token in TEENVIO_TOKEN, or use --account NAME.")
        )
    return TeaLiteConnection(
        base_url=args.api, token=token, source_system=args.source_system or "", ca_file=args.cafile
    )


def _read_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def _campaign(runtime: CliRuntime, connection: TeaLiteConnection) -> Campaign:
    args = runtime.args
    require_message_arguments(runtime)
    return Campaign(
        transport="rest",
        account_name=args.account,
        subject=args.subject,
        sender=args.sender,
        sender_name=args.sender_name or "",
        reply_to=args.reply_to or "",
        reply_to_name=args.reply_to_name or "",
        html=_read_text(args.html),
        text=_read_text(args.text) if args.text else "",
        attachments=read_attachments(runtime),
        source_system=connection.source_system,
        campaign_ref=args.campaign_id,
        send_at=args.send_at or None,
        list_unsubscribe=args.list_unsubscribe or "",
    )


def _recipients(runtime: CliRuntime) -> list[Recipient]:
    args = runtime.args
    if args.recipients:
        return read_recipient_file(Path(args.recipients))
    if args.to:
        return [Recipient(address.strip(), "", {"email": address.strip()}) for address in args.to]
    raise SendUsage(runtime.tr("Give the recipients with --recipients FILE or --to ADDR ..."))


class _ProgressLine:
    """A status line on a terminal (nothing when stderr is redirected)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._live = stream.isatty()
        self._last = 0.0

    def __call__(self, progress: Progress) -> None:
        now = time.monotonic()
        if not self._live or now - self._last < 0.5:
            return
        self._last = now
        d = progress.details
        self._stream.write(
            f"\raccepted={d['accepted']} failed={d['failed']} retrying={d['retrying']}"
            f" remaining={d['remaining']} {d['rate']}/s   "
        )
        self._stream.flush()

    def close(self) -> None:
        if self._live and self._last:
            self._stream.write("\n")


def _prepare(runtime: CliRuntime, context: AppContext, connection: TeaLiteConnection) -> int:
    """The outbox campaign to send: the existing one with this identity, else a new one."""
    args = runtime.args
    if not connection.source_system or not args.campaign_id:
        raise SendUsage(
            runtime.tr("--source-system and --campaign-id are required with --via rest.")
        )
    existing = CampaignRepository(context.db).find_rest(connection.source_system, args.campaign_id)
    if existing is not None:
        # Messages that only ran out of retries get another chance; refused ones do not.
        retry_failed(context.db, existing.id, transient_only=True)
        counts = OutboxRepository(context.db).counts(existing.id)
        sys.stderr.write(
            runtime.tr(
                "Resuming campaign {ref}: {accepted} of {total} messages already accepted.\n"
            ).format(ref=args.campaign_id, accepted=counts.accepted, total=counts.total)
        )
        return existing.id
    campaign = _campaign(runtime, connection)
    prepared = create_rest_campaign(context.db, campaign, _recipients(runtime))
    if prepared.suppressed:
        sys.stderr.write(
            runtime.tr("Left out {count} suppressed addresses.\n").format(
                count=len(prepared.suppressed)
            )
        )
    if prepared.duplicates:
        sys.stderr.write(
            runtime.tr("Left out {count} repeated addresses.\n").format(
                count=len(prepared.duplicates)
            )
        )
    return prepared.campaign_id


def _print_failures(runtime: CliRuntime, context: AppContext, campaign_id: int) -> None:
    failed = OutboxRepository(context.db).messages(campaign_id, states=["failed"], limit=20)
    for message in failed:
        sys.stderr.write(
            runtime.tr("Failed: {recipient}: {category} {text}\n").format(
                recipient=message.recipient,
                category=message.error_category or "",
                text=message.error_text or "",
            )
        )


def run(runtime: CliRuntime) -> int:
    args = runtime.args
    if args.concurrency < 1 or (args.rate is not None and args.rate <= 0):
        sys.stderr.write(runtime.tr("--concurrency and --rate must be positive.") + "\n")
        return EXIT_USAGE
    context = runtime.context()
    campaign_id: int | None = None
    line = _ProgressLine(sys.stderr)
    try:
        connection = _connection(runtime, context)
        campaign_id = _prepare(runtime, context, connection)
        options = SendOptions(concurrency=args.concurrency, rate=args.rate)
        summary = send_campaign(context.db, campaign_id, connection, options=options, progress=line)
    except SendUsage as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    except (TeenvioError, OSError) as exc:
        line.close()
        runtime.report_error(exc)
        if campaign_id is not None:
            counts = OutboxRepository(context.db).counts(campaign_id)
            print(f"accepted={counts.accepted} failed={counts.failed}")
        return EXIT_FAILURE
    line.close()
    if summary.failed:
        _print_failures(runtime, context, campaign_id)
    print(f"accepted={summary.accepted} failed={summary.failed}")
    return EXIT_OK if summary.complete else EXIT_FAILURE
