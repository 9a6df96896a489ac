"""What both ``send`` transports read from the command line: required flags and files."""

from __future__ import annotations

import mimetypes
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from teenvio_desktop.cli.common import CliRuntime
from teenvio_desktop.core.campaign import Attachment
from teenvio_desktop.core.errors import TeenvioError


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


@contextmanager
def compiled_html_argument(runtime: CliRuntime) -> Iterator[None]:
    """``--html FILE.mjml``: compiled first, so both transports read an HTML file.

    MRML's warnings go to stderr; a compile error is a usage error (exit 2) naming the
    file, line and column. The compiled HTML lives in a private temporary directory for
    the length of the send.
    """
    name = runtime.args.html
    # The MJML compiler is imported for MJML files only (a fortieth of a second).
    if not name or not name.lower().endswith(".mjml"):
        yield
        return
    from teenvio_desktop.core.mjml import is_mjml_path, read_html_or_mjml

    if not is_mjml_path(name):
        yield
        return
    try:
        source = read_html_or_mjml(Path(name))
    except TeenvioError as exc:
        raise SendUsage(f"{name}: {exc.render(runtime.translate)}") from None
    for warning in source.warnings:
        text = warning.located(runtime.translate)
        sys.stderr.write(f"{name}: " + runtime.tr("Warning: {text}").format(text=text) + "\n")
    with tempfile.TemporaryDirectory(prefix="teenvio-mjml-") as folder:
        compiled = Path(folder) / f"{Path(name).stem}.html"
        compiled.write_text(source.html, encoding="utf-8")
        runtime.args.html = str(compiled)
        try:
            yield
        finally:
            runtime.args.html = name
