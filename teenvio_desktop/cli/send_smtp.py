"""``teenvio-desktop send --via smtp``: one campaign through the Teenvio SMTP-API.

The password comes from ``TEENVIO_PASSWORD``, else (with ``--account NAME``) the account's
keyring entry, else a prompt when stdin is a terminal; never from an argument. Without
``--text`` the plain-text part is generated from the HTML, links kept. On success prints
``campaign id=<id> smtp-id=<hex>`` and exits 0; a refused send prints the server's reply
and what to do on stderr and exits 1; wrong or missing arguments exit 2, and so do merge
fields (``{{ … }}``), refused before connecting: the SMTP-API sends one identical message.
Addresses it cannot take (non-ASCII before the @) are left out and named on stderr.
"""

from __future__ import annotations

import getpass
import mimetypes
import os
import sys
from pathlib import Path
from typing import TextIO

from teenvio_desktop.cli.common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, CliRuntime
from teenvio_desktop.cli.send_inputs import (
    SendUsage,
    read_attachments,
    read_file,
    require_message_arguments,
)
from teenvio_desktop.core import accounts
from teenvio_desktop.core.campaign import (
    TEENVIO_LANGUAGES,
    Campaign,
    InlineImage,
    TeenvioOptions,
)
from teenvio_desktop.core.context import AppContext
from teenvio_desktop.core.errors import Cancelled, TeenvioError
from teenvio_desktop.core.logsetup import register_secret
from teenvio_desktop.core.mime import html_to_text, message_warnings
from teenvio_desktop.core.sending import SmtpSendJob
from teenvio_desktop.core.smtp import SECURITIES, SmtpSettings, is_loopback_host
from teenvio_desktop.core.smtp.client import STAGE_RECIPIENTS
from teenvio_desktop.core.tasks import CancelToken, Progress

PASSWORD_ENV = "TEENVIO_PASSWORD"


def _split_server(runtime: CliRuntime, value: str) -> tuple[str, int]:
    host, sep, port = value.rpartition(":")
    host = host.strip("[]")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise SendUsage(
            runtime.tr("--server must be HOST:PORT, for example api.teenvio.com:46500.")
        )
    return host, int(port)


def _password(runtime: CliRuntime) -> str | None:
    """TEENVIO_PASSWORD, else a prompt on a terminal; None when neither is possible."""
    password = os.environ.get(PASSWORD_ENV) or None
    if password is None and sys.stdin.isatty():
        password = getpass.getpass(runtime.tr("SMTP password: ")) or None
    register_secret(password)
    return password


def _settings(runtime: CliRuntime, context: AppContext) -> tuple[SmtpSettings, str | None]:
    """The connection settings (flags override the account's) and the account name."""
    args = runtime.args
    host: str | None = None
    port: int | None = None
    security: str | None = args.security
    user: str | None = args.user
    ca_file: str | None = args.cafile
    password: str | None = None
    if args.server:
        host, port = _split_server(runtime, args.server)
    if args.account:
        account = accounts.account_repository(context).get(args.account)
        store = accounts.secret_store(context)
        try:
            resolved = accounts.resolve_smtp(
                account, store, password=os.environ.get(PASSWORD_ENV) or None
            )
        except accounts.MissingSecret:
            prompted = _password(runtime)
            if prompted is None:
                raise
            resolved = accounts.resolve_smtp(account, store, password=prompted)
        password = resolved.password
        host, port = host or resolved.host, port or resolved.port
        security, user = security or resolved.security, user or resolved.user
        ca_file = ca_file or resolved.ca_file
    missing = [
        flag
        for flag, value in (("--server", host), ("--security", security), ("--user", user))
        if not value
    ]
    if missing:
        raise SendUsage(
            runtime.tr("Missing arguments: {flags} (or use --account NAME).").format(
                flags=", ".join(missing)
            )
        )
    assert host is not None and port is not None and security in SECURITIES and user
    if security == "none" and not is_loopback_host(host):
        raise SendUsage(
            runtime.tr(
                "--security none would send the password in clear text; it is only allowed "
                "for this computer (localhost). Use --security tls or starttls."
            )
        )
    if password is None:
        password = _password(runtime)
    if password is None:
        raise SendUsage(
            runtime.tr(
                "No password: set TEENVIO_PASSWORD, use --account NAME with a saved password, "
                "or run in a terminal to be asked for it."
            )
        )
    settings = SmtpSettings(
        host=host,
        port=port,
        security=security,
        user=user,
        password=password,
        ca_file=ca_file,
    )
    return settings, args.account


def _decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else what charset-normalizer detects."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("latin-1")


def _yes(value: str | None, default: bool) -> bool:
    return default if value is None else value == "yes"


def _options(runtime: CliRuntime) -> TeenvioOptions:
    args = runtime.args
    language = 3 if args.language is None else args.language
    if language not in TEENVIO_LANGUAGES:
        ids = ", ".join(str(i) for i in TEENVIO_LANGUAGES)
        raise SendUsage(
            runtime.tr("--language must be one of Teenvio's language ids: {ids}.").format(ids=ids)
        )
    return TeenvioOptions(
        show_cab=_yes(args.show_cab, True),
        social_links=_yes(args.social_links, False),
        language=language,
        tracking_opening=_yes(args.tracking_opening, True),
        tracking_clicks=_yes(args.tracking_clicks, True),
    )


def _images(runtime: CliRuntime) -> list[InlineImage]:
    images: list[InlineImage] = []
    for spec in runtime.args.image:
        cid, sep, name = spec.partition("=")
        if not sep or not cid or not name:
            raise SendUsage(runtime.tr("--image must be CID=FILE, for example logo=logo.png."))
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if not kind.startswith("image/"):
            raise SendUsage(runtime.tr("--image {path} is not an image file.").format(path=name))
        data = read_file(runtime, "--image", name)
        images.append(InlineImage(cid.strip(), Path(name).name, kind, data))
    return images


def _recipients(runtime: CliRuntime) -> list[str]:
    args = runtime.args
    if args.to:
        return [address for value in args.to for address in value.split(",") if address.strip()]
    if args.recipients:
        if not Path(args.recipients).is_file():
            raise SendUsage(
                runtime.tr("Cannot read --recipients {path}.").format(path=args.recipients)
            )
        from teenvio_desktop.core.outbox.recipients import read_recipient_file

        try:
            return [r.email for r in read_recipient_file(Path(args.recipients))]
        except OSError as exc:
            raise SendUsage(
                runtime.tr("Cannot read --recipients {path}: {reason}").format(
                    path=args.recipients, reason=exc.strerror or exc
                )
            ) from None
    raise SendUsage(runtime.tr("Give the recipients with --to ADDR ... or --recipients FILE."))


def _campaign(runtime: CliRuntime, account: str | None) -> Campaign:
    args = runtime.args
    require_message_arguments(runtime)
    html = _decode(read_file(runtime, "--html", args.html))
    text = _decode(read_file(runtime, "--text", args.text)) if args.text else html_to_text(html)
    return Campaign(
        transport="smtp",
        account_name=account,
        subject=args.subject,
        sender=args.sender,
        sender_name=args.sender_name or "",
        reply_to=args.reply_to or "",
        reply_to_name=args.reply_to_name or "",
        html=html,
        text=text,
        images=_images(runtime),
        attachments=read_attachments(runtime),
        options=_options(runtime),
        recipients=_recipients(runtime),
    )


def _refuse_merge_fields(runtime: CliRuntime, campaign: Campaign) -> None:
    """The SMTP-API sends the text as it is: {{ fields }} would reach everyone literally."""
    from teenvio_desktop.core.checks import smtp_merge_checks

    for check in smtp_merge_checks(campaign):
        raise SendUsage(
            check.render(runtime.translate)
            + "\n"
            + runtime.tr("Nothing was sent. Use --via rest to personalise, or remove the fields.")
        )


class _ProgressLine:
    """Stages and recipients n/N on a terminal's stderr (silent when redirected)."""

    def __init__(self, runtime: CliRuntime, stream: TextIO) -> None:
        self._runtime = runtime
        self._stream = stream
        self._live = stream.isatty()
        self._shown = False

    def __call__(self, progress: Progress) -> None:
        if not self._live:
            return
        label = self._runtime.translate("smtp", progress.stage)
        if progress.stage == STAGE_RECIPIENTS and progress.total:
            if progress.done % 100 and progress.done != progress.total:
                return
            label += f" {progress.done}/{progress.total}"
        self._stream.write(f"\r{label}\x1b[K")
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self._stream.write("\n")


def run(runtime: CliRuntime) -> int:
    context = runtime.context()
    line = _ProgressLine(runtime, sys.stderr)
    try:
        campaign = _campaign(runtime, runtime.args.account)
        _refuse_merge_fields(runtime, campaign)
        settings, _ = _settings(runtime, context)
        for warning in message_warnings(campaign):
            text = runtime.translate("warnings", warning.template).format(**warning.params)
            sys.stderr.write(runtime.tr("Warning: {text}").format(text=text) + "\n")
        if settings.deprecated_port:
            sys.stderr.write(
                runtime.tr("Note: Teenvio marks port 2500 as deprecated; prefer 58700 or 46500.")
                + "\n"
            )
        job = SmtpSendJob(
            context.db, campaign, lambda: settings, contacts_only=runtime.args.contacts_only
        )
        recorded = job.run(line, CancelToken()).smtp
        assert recorded is not None
    except SendUsage as exc:
        line.close()
        sys.stderr.write(f"{exc}\n")
        return EXIT_USAGE
    except Cancelled:
        line.close()
        return 130
    except TeenvioError as exc:
        line.close()
        runtime.report_error(exc)
        return EXIT_FAILURE
    line.close()
    result = recorded.result
    for address, (code, text) in result.refused.items():
        sys.stderr.write(
            runtime.tr("Refused: {address}: {code} {text}").format(
                address=address, code=code, text=text
            )
            + "\n"
        )
    if result.unsupported:
        sys.stderr.write(
            runtime.tr(
                "Left out {count} addresses the SMTP-API cannot take (characters other than "
                "plain letters and digits before the @; send them with --via rest): {addresses}"
            ).format(count=len(result.unsupported), addresses=", ".join(result.unsupported))
            + "\n"
        )
    if result.suppressed:
        sys.stderr.write(
            runtime.tr("Left out {count} suppressed addresses.").format(
                count=len(result.suppressed)
            )
            + "\n"
        )
    if result.contacts_only:
        print(runtime.tr("contacts imported: {count}").format(count=len(result.accepted)))
    else:
        print(f"campaign id={result.teenvio_id or '?'} smtp-id={result.smtp_id or '?'}")
    return EXIT_OK
