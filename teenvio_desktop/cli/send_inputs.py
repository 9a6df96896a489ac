"""What both ``send`` transports read from the command line: required flags and files."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from teenvio_desktop.cli.common import CliRuntime
from teenvio_desktop.core.campaign import Attachment


class SendUsage(Exception):
    """A missing or wrong argument (exit 2); the message is already translated."""


def require_message_arguments(runtime: CliRuntime) -> None:
    """Every campaign needs a sender, a subject and an HTML file, whatever the transport."""
    args = runtime.args
    missing = [
        flag
        for flag, value in (
            ("--from", args.sender),
            ("--subject", args.subject),
            ("--html", args.html),
        )
        if not value
    ]
    if missing:
        raise SendUsage(runtime.tr("Missing arguments: {flags}.").format(flags=", ".join(missing)))


def read_file(runtime: CliRuntime, flag: str, name: str) -> bytes:
    try:
        return Path(name).read_bytes()
    except OSError as exc:
        raise SendUsage(
            runtime.tr("Cannot read {flag} {path}: {reason}").format(
                flag=flag, path=name, reason=exc.strerror or exc
            )
        ) from None


def read_attachments(runtime: CliRuntime) -> list[Attachment]:
    """The ``--attach`` files, typed by their extension."""
    attachments = []
    for name in runtime.args.attach:
        kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
        attachments.append(Attachment(Path(name).name, kind, read_file(runtime, "--attach", name)))
    return attachments
