"""``teenvio-desktop send --via rest``: one personalised message per recipient via TEA Lite.

The token comes from ``TEENVIO_TOKEN`` or, with ``--account``, from the account's keyring
entry; never from an argument. The campaign and every message are written to the outbox
before the first request, so running the same command again (same ``--source-system`` and
``--campaign-id``) resumes it: what was accepted is not sent again.

A message whose outcome is unknown (the answer was lost after the request was written, a
bare 5xx) is *uncertain*: it is looked up in /responses for up to ``--reconcile-wait``
seconds and never sent again unless ``--resend-uncertain [ADDR ...]`` asks for it. Every
uncertain recipient is printed on stderr. One sender per campaign: a second command for a
campaign being sent says who is sending it and exits 1.

Prints one line ``accepted=N failed=M uncertain=U``; exits 0 only when every message was
accepted.
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
    ReconcileOptions,
    SendOptions,
    create_rest_campaign,
    ensure_not_busy,
    resend_uncertain,
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
            f"\raccepted={d['accepted']} failed={d['failed']} uncertain={d.get('uncertain', 0)}"
            f" retrying={d['retrying']} remaining={d['remaining']} {d['rate']}/s   "
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
        ensure_not_busy(context.db, existing.id)  # someone else is sending it: touch nothing
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


def _print_uncertain(runtime: CliRuntime, context: AppContext, campaign_id: int) -> int:
    """Name every uncertain recipient (stderr); their number."""
    uncertain = OutboxRepository(context.db).uncertain(campaign_id)
    if not uncertain:
        return 0
    sys.stderr.write(
        runtime.tr(
            "{count} messages may or may not have arrived: TEA Lite's answer was lost and "
            "its responses do not show them yet. They were not sent again:\n"
        ).format(count=len(uncertain))
    )
    for message in uncertain:
        sys.stderr.write(
            runtime.tr("Uncertain: {recipient} ({reason})\n").format(
                recipient=message.recipient, reason=message.error_text or message.error_category
            )
        )
    sys.stderr.write(
        runtime.tr(
            "Run the same command later to look again, or add --resend-uncertain [ADDR ...] "
            "to send them again (a recipient may then get two copies).\n"
        )
    )
    return len(uncertain)


def _reconcile_options(runtime: CliRuntime) -> ReconcileOptions:
    wait = runtime.args.reconcile_wait
    if wait is None:
        return ReconcileOptions()
    return ReconcileOptions(
        first_check_s=min(10.0, wait / 4), interval_s=min(20.0, max(wait / 4, 0.1)), max_wait_s=wait
    )


def _resend(runtime: CliRuntime, context: AppContext, campaign_id: int) -> None:
    """``--resend-uncertain [ADDR ...]``: queue them again, or a usage error (nothing sent)."""
    named: list[str] = runtime.args.resend_uncertain
    uncertain = {m.recipient.lower() for m in OutboxRepository(context.db).uncertain(campaign_id)}
    unknown = [a for a in named if a.strip().lower() not in uncertain]
    if unknown:
        raise SendUsage(
            runtime.tr("Not uncertain in this campaign, so not sent again: {addresses}").format(
                addresses=", ".join(unknown)
            )
        )
    request = resend_uncertain(context.db, campaign_id, named or None)
    if not request.requeued:
        return
    sys.stderr.write(
        runtime.tr("Sending {count} uncertain messages again: {addresses}\n").format(
            count=len(request.requeued), addresses=", ".join(request.requeued)
        )
    )


def _counts_line(context: AppContext, campaign_id: int) -> str:
    counts = OutboxRepository(context.db).counts(campaign_id)
    return f"accepted={counts.accepted} failed={counts.failed} uncertain={counts.uncertain}"


def run(runtime: CliRuntime) -> int:
    args = runtime.args
    if args.concurrency < 1 or (args.rate is not None and args.rate <= 0):
        sys.stderr.write(runtime.tr("--concurrency and --rate must be positive.") + "\n")
        return EXIT_USAGE
    if args.reconcile_wait is not None and not 0 <= args.reconcile_wait <= 86_400:
        sys.stderr.write(runtime.tr("--reconcile-wait must be between 0 and 86400.") + "\n")
        return EXIT_USAGE
    context = runtime.context()
    campaign_id: int | None = None
    line = _ProgressLine(sys.stderr)
    try:
        connection = _connection(runtime, context)
        campaign_id = _prepare(runtime, context, connection)
        if args.resend_uncertain is not None:
            _resend(runtime, context, campaign_id)
        options = SendOptions(
            concurrency=args.concurrency, rate=args.rate, reconcile=_reconcile_options(runtime)
        )
        summary = send_campaign(context.db, campaign_id, connection, options=options, progress=line)
    except SendUsage as exc:
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    except (TeenvioError, OSError) as exc:
        line.close()
        runtime.report_error(exc)
        if campaign_id is not None:
            _print_uncertain(runtime, context, campaign_id)
            print(_counts_line(context, campaign_id))
        return EXIT_FAILURE
    line.close()
    if summary.failed:
        _print_failures(runtime, context, campaign_id)
    _print_uncertain(runtime, context, campaign_id)
    print(_counts_line(context, campaign_id))
    return EXIT_OK if summary.complete else EXIT_FAILURE
