"""Preview modes combined: what a subscriber sees in dark mode, with images off, and with
what Teenvio adds, on top of the sanitised document (desktop or mobile width is the view's).

Each transform edits the sanitised HTML in place and only ever removes markup or adds the
module's own fixed markup (colour values, alt boxes, Teenvio's blocks): none can bring back
a script, an event handler or a remote load. Order matters and is fixed: Teenvio's blocks
first (they are part of the delivered message: their icons go when images are off and are
recoloured in dark mode), then the colour scheme, then images off, then forced colours.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teenvio_desktop.core.campaign import TeenvioOptions
from teenvio_desktop.core.errors import Translate
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.preview_modes.forced_dark import force_dark
from teenvio_desktop.core.preview_modes.images_off import images_off
from teenvio_desktop.core.preview_modes.scheme import Scheme, pin_color_scheme
from teenvio_desktop.core.preview_modes.teenvio_blocks import add_teenvio_blocks

if TYPE_CHECKING:  # the sanitiser (bleach) loads on first render, not on import
    from teenvio_desktop.core.sanitize import CidResolver

CONTEXT = "preview_modes"


class DarkMode(enum.StrEnum):
    OFF = "off"
    DOCUMENT = "document"  # the message's own prefers-color-scheme: dark rules
    FORCED = "forced"  # partial recolouring: Outlook.com, Outlook apps, Gmail for Android
    FORCED_FULL = "forced_full"  # full inversion: Gmail for iOS, Outlook for Windows


LABELS: dict[str, str] = {
    DarkMode.DOCUMENT: QT_TRANSLATE_NOOP("preview_modes", "Dark (message's own styles)"),
    DarkMode.FORCED: QT_TRANSLATE_NOOP("preview_modes", "Dark (forced, approximate)"),
    DarkMode.FORCED_FULL: QT_TRANSLATE_NOOP("preview_modes", "Dark (full inversion, approximate)"),
    "images_off": QT_TRANSLATE_NOOP("preview_modes", "Images off"),
    "as_teenvio": QT_TRANSLATE_NOOP("preview_modes", "As Teenvio will send it"),
}

NOTE_DARK_RULES = QT_TRANSLATE_NOOP(
    "preview_modes",
    "The message's own dark-mode styles are applied on a dark background, as Apple Mail, "
    "iOS Mail and the Outlook apps do.",
)
NOTE_NO_DARK_RULES = QT_TRANSLATE_NOOP(
    "preview_modes",
    "This message has no dark-mode styles (prefers-color-scheme), so it shows unchanged on a "
    "dark background. Outlook and the Gmail apps recolour such messages: see the forced modes.",
)
NOTE_FORCED = QT_TRANSLATE_NOOP(
    "preview_modes",
    "Approximation of Outlook.com, the Outlook apps and the Gmail app for Android: light "
    "backgrounds darkened, dark text lightened, images unchanged.",
)
NOTE_FORCED_FULL = QT_TRANSLATE_NOOP(
    "preview_modes",
    "Approximation of the Gmail app for iOS and Outlook for Windows: every colour inverted, "
    "images unchanged.",
)
NOTE_IMAGES_OFF = QT_TRANSLATE_NOOP(
    "preview_modes",
    "Images replaced by their alt text, as email clients show a message before its images "
    "are allowed.",
)
NOTE_MISSING_ALT = QT_TRANSLATE_NOOP(
    "preview_modes",
    "Some images have no alt text: readers who do not load images see nothing in their place.",
)
NOTE_AS_TEENVIO = QT_TRANSLATE_NOOP(
    "preview_modes",
    "Approximation: Teenvio adds a header line linking to the web version and, with social "
    "links on, icons in the footer, in the campaign's language. Their exact look may differ.",
)
NOTE_TEENVIO_ADDS_NOTHING = QT_TRANSLATE_NOOP(
    "preview_modes",
    "Teenvio adds nothing to this campaign: its header and social links are off.",
)


def _identity(context: str, text: str) -> str:
    del context
    return text


@dataclass(frozen=True)
class PreviewModes:
    dark: DarkMode = DarkMode.OFF
    images_off: bool = False
    as_teenvio: bool = False


@dataclass(frozen=True)
class ModesApplied:
    html: str
    dark_rules: int = 0  # @media queries that test prefers-color-scheme
    images_replaced: int = 0
    images_missing_alt: int = 0
    notes: tuple[str, ...] = ()  # translated, for the view to show beside the preview


@dataclass(frozen=True)
class PreviewDocument(ModesApplied):
    """The document the preview loads, and what the sanitiser held back while making it."""

    blocked_images: int = 0
    missing_cids: tuple[str, ...] = field(default_factory=tuple)


def _notes(modes: PreviewModes, applied: ModesApplied, options: TeenvioOptions) -> list[str]:
    notes: list[str] = []
    if modes.dark == DarkMode.DOCUMENT:
        notes.append(NOTE_DARK_RULES if applied.dark_rules else NOTE_NO_DARK_RULES)
    elif modes.dark == DarkMode.FORCED:
        notes.append(NOTE_FORCED)
    elif modes.dark == DarkMode.FORCED_FULL:
        notes.append(NOTE_FORCED_FULL)
    if modes.images_off:
        notes.append(NOTE_IMAGES_OFF)
        if applied.images_missing_alt:
            notes.append(NOTE_MISSING_ALT)
    if modes.as_teenvio:
        adds = options.show_cab or options.social_links
        notes.append(NOTE_AS_TEENVIO if adds else NOTE_TEENVIO_ADDS_NOTHING)
    return notes


def apply_modes(
    document: str,
    modes: PreviewModes,
    *,
    options: TeenvioOptions | None = None,
    translate: Translate = _identity,
) -> ModesApplied:
    """``document`` (sanitised) as the chosen modes show it; ``options`` drive as-Teenvio."""
    options = options or TeenvioOptions()
    if modes.as_teenvio:
        document = add_teenvio_blocks(document, options)
    scheme: Scheme = "dark" if modes.dark == DarkMode.DOCUMENT else "light"
    document, dark_rules = pin_color_scheme(document, scheme)
    replaced = missing = 0
    if modes.images_off:
        report = images_off(document, translate)
        document, replaced, missing = report.html, report.replaced, report.missing_alt
    if modes.dark == DarkMode.FORCED:
        document = force_dark(document, "partial")
    elif modes.dark == DarkMode.FORCED_FULL:
        document = force_dark(document, "full")
    applied = ModesApplied(document, dark_rules, replaced, missing)
    notes = tuple(translate(CONTEXT, note) for note in _notes(modes, applied, options))
    return ModesApplied(document, dark_rules, replaced, missing, notes)


def render_preview(
    html: str,
    modes: PreviewModes = PreviewModes(),
    *,
    options: TeenvioOptions | None = None,
    allow_remote_images: bool = False,
    cid_resolver: CidResolver | None = None,
    translate: Translate = _identity,
) -> PreviewDocument:
    """Sanitise the campaign's HTML, then apply ``modes``: the preview's one call."""
    from teenvio_desktop.core.sanitize import sanitize_for_preview

    sanitized = sanitize_for_preview(
        html, allow_remote_images=allow_remote_images, cid_resolver=cid_resolver
    )
    applied = apply_modes(sanitized.html, modes, options=options, translate=translate)
    return PreviewDocument(
        html=applied.html,
        dark_rules=applied.dark_rules,
        images_replaced=applied.images_replaced,
        images_missing_alt=applied.images_missing_alt,
        notes=applied.notes,
        blocked_images=sanitized.blocked_images,
        missing_cids=tuple(sanitized.missing_cids),
    )
