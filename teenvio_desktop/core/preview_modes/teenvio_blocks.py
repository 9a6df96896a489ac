"""What the SMTP-API adds to every message, approximated: a header line and a social footer.

The seed (SMTP-API, sections 2.3.1 to 2.3.3) names them without giving their markup:

- ``X-Teenvio-ShowCab`` (on unless ``no``): a header with the typical sentence "Si no puede
  ver correctamente pinche aquí", a link to the message's web version;
- ``X-Teenvio-SocialLinks: yes`` (off by default): icons linking to the account's social
  profiles in the footer;
- ``X-Teenvio-Language`` (default 3, Spanish): the language of those texts.

So this module writes a plausible header line and footer, in the chosen language, and
everything that shows them calls it an approximation. The composer's preview and the
sandbox's "as delivered" copy both come from :func:`add_teenvio_blocks`, so they agree.
The links point nowhere (``#``): the real ones are Teenvio's and the account's.
"""

from __future__ import annotations

import base64
import html as html_lib
from collections.abc import Mapping

from teenvio_desktop.core.campaign import DEFAULT_LANGUAGE_ID, TeenvioOptions
from teenvio_desktop.core.preview_modes.markup import insert_at_body_end, insert_at_body_start

PLACEHOLDER_HREF = "#"

# Language id (seed, section 2.3.3) -> (BCP 47 tag, sentence, its link words).
HEADER_SENTENCES: dict[int, tuple[str, str, str]] = {
    3: ("es", "Si no puede ver correctamente este mensaje,", "pinche aquí"),
    4: ("en", "If you cannot see this message correctly,", "click here"),
    5: ("it", "Se non riesce a visualizzare correttamente questo messaggio,", "clicchi qui"),
    6: ("fr", "Si ce message ne s’affiche pas correctement,", "cliquez ici"),
    7: ("de", "Falls diese E-Mail nicht richtig angezeigt wird,", "klicken Sie hier"),
    8: ("nl", "Wordt dit bericht niet goed weergegeven?", "Klik hier"),
    11: ("pt", "Se não conseguir ver corretamente esta mensagem,", "clique aqui"),
    13: ("nb", "Hvis meldingen ikke vises riktig,", "klikk her"),
    14: ("sv", "Om meddelandet inte visas korrekt,", "klicka här"),
    15: ("ca", "Si no podeu veure correctament aquest missatge,", "feu clic aquí"),
    16: ("fi", "Jos viesti ei näy oikein,", "napsauta tästä"),
    17: ("gl", "Se non pode ver correctamente esta mensaxe,", "prema aquí"),
    18: ("eu", "Mezu hau ondo ikusten ez baduzu,", "egin klik hemen"),
}

# (name, brand colour, glyph): drawn as small SVG badges, not the networks' logos.
SOCIAL_NETWORKS: tuple[tuple[str, str, str], ...] = (
    ("Facebook", "#1877f2", "f"),
    ("X", "#000000", "X"),
    ("LinkedIn", "#0a66c2", "in"),
    ("Instagram", "#c13584", "IG"),
)

_TEXT_STYLE = "font-family:Arial,Helvetica,sans-serif;font-size:12px;line-height:16px;"


def _language(options: TeenvioOptions) -> tuple[str, str, str]:
    return HEADER_SENTENCES.get(options.language, HEADER_SENTENCES[DEFAULT_LANGUAGE_ID])


def header_block(options: TeenvioOptions) -> str:
    """The header line Teenvio adds when ShowCab is on, in the campaign's language."""
    tag, sentence, link = _language(options)
    return (
        f'<div class="teenvio-cab" lang="{tag}" style="{_TEXT_STYLE}padding:8px 12px;'
        f'color:#595959;background-color:#ffffff;text-align:center;">'
        f"{html_lib.escape(sentence)} "
        f'<a href="{PLACEHOLDER_HREF}" style="color:#595959;text-decoration:underline;">'
        f"{html_lib.escape(link)}</a></div>"
    )


def _badge(name: str, colour: str, glyph: str) -> str:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">'
        f'<circle cx="16" cy="16" r="16" fill="{colour}"/><text x="16" y="21" '
        'font-family="Arial,Helvetica,sans-serif" font-size="14" font-weight="bold" '
        f'fill="#ffffff" text-anchor="middle">{html_lib.escape(glyph)}</text></svg>'
    )
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def social_footer(options: TeenvioOptions) -> str:
    """The social icons Teenvio adds to the footer with SocialLinks on."""
    tag = _language(options)[0]
    icons = "".join(
        f'<a href="{PLACEHOLDER_HREF}" style="display:inline-block;margin:0 4px;">'
        f'<img src="{_badge(name, colour, glyph)}" width="32" height="32" alt="{name}" '
        f'style="display:block;border:0;"></a>'
        for name, colour, glyph in SOCIAL_NETWORKS
    )
    return (
        f'<div class="teenvio-social" lang="{tag}" style="{_TEXT_STYLE}padding:12px;'
        f'text-align:center;">{icons}</div>'
    )


def add_teenvio_blocks(document: str, options: TeenvioOptions) -> str:
    """``document`` with the header line and social footer its options ask for."""
    if options.show_cab:
        document = insert_at_body_start(document, header_block(options))
    if options.social_links:
        document = insert_at_body_end(document, social_footer(options))
    return document


def options_from_headers(headers: Mapping[str, str]) -> TeenvioOptions:
    """The Teenvio options a received message's ``X-Teenvio-*`` headers set."""
    values = {name.lower(): value.strip().lower() for name, value in headers.items()}
    language = values.get("x-teenvio-language", "")
    return TeenvioOptions(
        show_cab=values.get("x-teenvio-showcab", "yes") != "no",
        social_links=values.get("x-teenvio-sociallinks", "no") == "yes",
        language=int(language) if _is_small_number(language) else DEFAULT_LANGUAGE_ID,
        tracking_opening=values.get("x-teenvio-trackingopening", "yes") != "no",
        tracking_clicks=values.get("x-teenvio-trackingclicks", "yes") != "no",
    )


def _is_small_number(text: str) -> bool:
    return text.isascii() and text.isdigit() and len(text) <= 3


def as_delivered(html: str, teenvio_headers: Mapping[str, str]) -> str:
    """A received content piece as Teenvio would deliver it (an approximation)."""
    return add_teenvio_blocks(html, options_from_headers(teenvio_headers))
