"""Images off: the message as a client shows it before the reader allows images.

Every ``<img>`` becomes a box of the image's size holding its ``alt`` text, styled by the
image's own ``style`` (clients draw alt text with the image's font and colour, which is why
"styled alt text" works). Every image counts, not only remote ones: Teenvio turns ``cid:``
images into images on its servers (SMTP-API seed, section 3.2.2), so the reader's client
sees them as remote too, and ``data:`` images are not shown by Gmail or Outlook either.
``<picture>`` sources and CSS background images disappear as well.

An image without ``alt`` says so in its box (a client would show nothing, or the file
name); an empty ``alt=""`` marks a decorative image and leaves an empty box.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

from teenvio_desktop.core.errors import Translate
from teenvio_desktop.core.i18n import QT_TRANSLATE_NOOP
from teenvio_desktop.core.preview_modes.markup import (
    attribute,
    map_body_tags,
    map_style_blocks,
    parse_attributes,
    start_tag,
)

MISSING_ALT = QT_TRANSLATE_NOOP("preview_modes", "Image without alt text")
DECORATIVE = QT_TRANSLATE_NOOP("preview_modes", "Decorative image (empty alt text)")

_CSS_URL = re.compile(r"url\([^)]*\)?", re.I)
_LENGTH = re.compile(r"\s*(\d{1,5}(?:\.\d+)?)\s*(px|%)?\s*")
_BOX_STYLE = "display:inline-block;box-sizing:border-box;overflow:hidden;vertical-align:top;"
# After the image's own style (which often says outline:none): the box must show.
_BOX_OUTLINE = ";outline:1px dashed #8c8c8c;outline-offset:-1px;"
_MISSING_STYLE = (
    "color:#b3261e;background-color:#fdecea;font:italic 12px/1.3 Arial,Helvetica,sans-serif;"
    "padding:2px 4px;text-align:center;"
)


@dataclass(frozen=True)
class ImagesOffReport:
    html: str
    replaced: int
    missing_alt: int


def _identity(context: str, text: str) -> str:
    del context
    return text


def _length(value: str | None) -> str | None:
    match = _LENGTH.fullmatch(value or "")
    if match is None:
        return None
    return f"{match.group(1)}{match.group(2) or 'px'}"


def _box(attrs: list[tuple[str, str | None]], translate: Translate) -> tuple[str, bool]:
    """The alt box standing for one image; whether its alt text is missing."""
    alt = attribute(attrs, "alt")
    style = _BOX_STYLE
    for name in ("width", "height"):
        length = _length(attribute(attrs, name))
        if length is not None:
            style += f"{name}:{length};"
    style += _CSS_URL.sub("none", attribute(attrs, "style") or "") + _BOX_OUTLINE
    box_attrs: list[tuple[str, str | None]] = [("class", "teenvio-alt")]
    if alt is None:
        text = translate("preview_modes", MISSING_ALT)
        style += _MISSING_STYLE
        box_attrs.append(("data-alt", "missing"))
    elif not alt.strip():
        text = ""
        box_attrs += [("data-alt", "empty"), ("title", translate("preview_modes", DECORATIVE))]
    else:
        text = alt
        box_attrs.append(("data-alt", "text"))
    box_attrs.append(("style", style))
    return f"{start_tag('span', box_attrs)}{html_lib.escape(text)}</span>", alt is None


def images_off(document: str, translate: Translate = _identity) -> ImagesOffReport:
    """Every image replaced by its alt box, backgrounds and picture sources removed."""
    replaced = missing = 0

    def one(match: re.Match[str]) -> str:
        nonlocal replaced, missing
        name = match.group("name").lower()
        if name == "source":
            return ""
        attrs_text = match.group("attrs") or ""
        if name == "img":
            box, missing_alt = _box(parse_attributes(attrs_text), translate)
            replaced += 1
            missing += missing_alt
            return box
        if "background" not in attrs_text.lower() and "url(" not in attrs_text.lower():
            return match.group(0)
        attrs = [
            (key, _CSS_URL.sub("none", value) if key == "style" and value else value)
            for key, value in parse_attributes(attrs_text)
            if key != "background"
        ]
        return start_tag(name, attrs, bool(match.group("slash")))

    document = map_body_tags(document, one)
    document = map_style_blocks(document, lambda css: _CSS_URL.sub("none", css))
    return ImagesOffReport(document, replaced, missing)
