"""Opening a campaign from a file, whatever its kind: ``.eml``, ``.mjml`` or HTML."""

from __future__ import annotations

from pathlib import Path

from teenvio_desktop.core.campaign import Campaign
from teenvio_desktop.core.html_tools import open_eml_file, open_html_file


def open_campaign_file(path: Path) -> Campaign:
    """Open ``.eml`` as a message, ``.mjml`` as MJML (compiled), anything else as HTML."""
    suffix = Path(path).suffix.lower()
    if suffix == ".eml":
        return open_eml_file(path)
    if suffix == ".mjml":
        from teenvio_desktop.core.mjml import open_mjml_file

        return open_mjml_file(path)
    return open_html_file(path)
