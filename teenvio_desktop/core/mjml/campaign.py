"""MJML in campaigns and files: the HTML part compiled from ``Campaign.mjml_source``.

A campaign written in MJML keeps its source (drafts store it with the rest of the
campaign) and its compiled HTML, which is what the preview, the checks and both transports
use. Opening an ``.mjml`` file gives such a campaign.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.mjml.compiler import (
    MAX_SOURCE_BYTES,
    MjmlCompileError,
    MjmlOutput,
    MjmlWarning,
    compile_mjml,
    source_too_big,
)

MJML_SUFFIX = ".mjml"


def is_mjml_path(path: str | Path) -> bool:
    return Path(path).suffix.lower() == MJML_SUFFIX


def compile_campaign(campaign: Campaign) -> MjmlOutput | None:
    """Refresh ``campaign.html`` from its MJML source (None when it has none).

    On a compile error the HTML part is left as it was and the error raised, so a typo
    in the editor never blanks the preview.
    """
    if not campaign.mjml_source.strip():
        return None
    output = compile_mjml(campaign.mjml_source)
    campaign.html = output.html
    return output


def _read_source(path: Path) -> str:
    """The file's text, read no further than the compiler's size limit."""
    from teenvio_desktop.core.html_tools import OpenFileError, decode_text

    try:
        with Path(path).open("rb") as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
            size = max(len(data), os.fstat(handle.fileno()).st_size)
    except OSError as exc:
        raise OpenFileError(path, exc.strerror or str(exc)) from exc
    if len(data) > MAX_SOURCE_BYTES:
        raise source_too_big(size)
    return decode_text(data)


def open_mjml_file(path: Path, *, strict: bool = True) -> Campaign:
    """A campaign from an ``.mjml`` file: source kept, HTML compiled, text generated.

    ``strict=False`` still opens a file that does not compile (HTML and text empty), so an
    MJML editor can show the error where it is and let the user fix it.
    """
    from teenvio_desktop.core.html_tools import html_to_text

    source = _read_source(path)
    campaign = Campaign(mjml_source=source)
    try:
        output = compile_mjml(source)
    except MjmlCompileError:
        if strict:
            raise
        return campaign
    campaign.subject, campaign.html = output.title, output.html
    campaign.text = html_to_text(output.html)
    return campaign


@dataclass(frozen=True)
class HtmlSource:
    """An HTML part read from a file, compiled first when the file is MJML."""

    html: str
    mjml_source: str | None = None
    warnings: tuple[MjmlWarning, ...] = ()


def read_html_or_mjml(path: Path) -> HtmlSource:
    """The HTML part from ``path``: ``.mjml`` compiled, anything else read as HTML."""
    from teenvio_desktop.core.html_tools import OpenFileError, decode_text

    if is_mjml_path(path):
        source = _read_source(path)
        output = compile_mjml(source)
        return HtmlSource(output.html, source, output.warnings)
    try:
        return HtmlSource(decode_text(Path(path).read_bytes()))
    except OSError as exc:
        raise OpenFileError(path, exc.strerror or str(exc)) from exc
