"""Preview modes: see a campaign as subscribers will (Qt-free).

``render_preview(html, PreviewModes(...), options=campaign.options, ...)`` sanitises the
campaign's HTML and applies the chosen modes: dark (the message's own dark styles, or a
forced recolouring like Outlook's and Gmail's), images off (alt text in boxes), and "as
Teenvio will send it" (the header line and social footer the SMTP-API adds, approximated).
``as_delivered`` builds the sandbox's "as delivered" copy with the same blocks.
"""

from teenvio_desktop.core.preview_modes.pipeline import (
    LABELS,
    DarkMode,
    ModesApplied,
    PreviewDocument,
    PreviewModes,
    apply_modes,
    render_preview,
)
from teenvio_desktop.core.preview_modes.teenvio_blocks import (
    HEADER_SENTENCES,
    add_teenvio_blocks,
    as_delivered,
    header_block,
    options_from_headers,
    social_footer,
)

__all__ = [
    "HEADER_SENTENCES",
    "LABELS",
    "DarkMode",
    "ModesApplied",
    "PreviewDocument",
    "PreviewModes",
    "add_teenvio_blocks",
    "apply_modes",
    "as_delivered",
    "header_block",
    "options_from_headers",
    "render_preview",
    "social_footer",
]
