"""Which caniemail features a document uses, and where.

Every element, attribute, inline style declaration and ``<style>`` rule, selector and
at-rule is mapped to the dataset's feature slugs (``html-svg``, ``css-display-flex``,
``css-pseudo-class-hover``...). The mapping is derived from the dataset where its naming
allows (``css-<property>``, ``html-<element>``, "<name> attribute" titles) plus a small
table of aliases, so a refreshed dataset's new properties are picked up on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from urllib.parse import urlsplit

from teenvio_desktop.core.quality.caniemail import Dataset
from teenvio_desktop.core.quality.css import (
    Declaration,
    parse_declarations,
    parse_stylesheet,
)
from teenvio_desktop.core.quality.document import Element, HtmlDocument
from teenvio_desktop.core.quality.findings import MAX_ALSO_AT

STYLE_IN_BODY = "html-style-in-body"  # derived from html-style's notes, see compatibility.py
_SEMANTIC_TAGS = (
    "article", "aside", "details", "figcaption", "figure", "footer", "header", "main", "mark",
    "nav", "section", "summary", "time",
)  # fmt: skip
TAG_ALIASES = {
    **{f"h{n}": "html-h1-h6" for n in range(1, 7)},
    **dict.fromkeys(("ul", "ol", "dl"), "html-lists"),
    **dict.fromkeys(_SEMANTIC_TAGS, "html-semantics"),
    **dict.fromkeys(("map", "area"), "html-image-maps"),
}
ATTRIBUTE_ALIASES = {
    "srcset": "html-srcset",
    "sizes": "html-srcset",
    "usemap": "html-image-maps",
    "inert": "css-inert-attribute",
    "loading": "html-loading-attribute",
}
PROPERTY_ALIASES = {
    "row-gap": "css-gap",
    "column-gap": "css-gap",
    "overflow-x": "css-overflow",
    "overflow-y": "css-overflow",
    "block-size": "css-block-inline-size",
    "left": "css-left-right-top-bottom",
    "right": "css-left-right-top-bottom",
    "top": "css-left-right-top-bottom",
    "bottom": "css-left-right-top-bottom",
    "border-top-left-radius": "css-border-radius",
    "border-top-right-radius": "css-border-radius",
    "border-bottom-left-radius": "css-border-radius",
    "border-bottom-right-radius": "css-border-radius",
    "flex-flow": "css-flex-wrap",
}
FUNCTION_SLUGS = {
    "linear-gradient": "css-linear-gradient",
    "repeating-linear-gradient": "css-linear-gradient",
    "radial-gradient": "css-radial-gradient",
    "repeating-radial-gradient": "css-radial-gradient",
    "conic-gradient": "css-conic-gradient",
    "repeating-conic-gradient": "css-conic-gradient",
    "calc": "css-unit-calc",
    "min": "css-function-min",
    "max": "css-function-max",
    "clamp": "css-function-clamp",
    "light-dark": "css-function-light-dark",
    "rgb": "css-rgb",
    "rgba": "css-rgba",
    "lch": "css-modern-color",
    "oklch": "css-modern-color",
    "lab": "css-modern-color",
    "oklab": "css-modern-color",
    "var": "css-variables",
}
KEYWORD_SLUGS = {
    "initial": "css-unit-initial",
    "fit-content": "css-intrinsic-size",
    "min-content": "css-intrinsic-size",
    "max-content": "css-intrinsic-size",
    **dict.fromkeys(
        ("system-ui", "ui-serif", "ui-sans-serif", "ui-rounded", "ui-monospace"), "css-sytem-ui"
    ),
}
MEDIA_FEATURE_SLUGS = {
    "prefers-color-scheme": "css-at-media-prefers-color-scheme",
    "prefers-reduced-motion": "css-at-media-prefers-reduced-motion",
    "orientation": "css-at-media-orientation",
    "hover": "css-at-media-hover",
    "any-hover": "css-at-media-hover",
    "-webkit-device-pixel-ratio": "css-at-media-device-pixel-ratio",
    "-webkit-min-device-pixel-ratio": "css-at-media-device-pixel-ratio",
    "-webkit-max-device-pixel-ratio": "css-at-media-device-pixel-ratio",
    "min-resolution": "css-at-media-device-pixel-ratio",
}
IMAGE_EXTENSIONS = {
    "png": "png", "jpg": "jpg", "jpeg": "jpg", "gif": "gif", "webp": "webp", "avif": "avif",
    "svg": "svg", "bmp": "bmp", "tif": "tiff", "tiff": "tiff", "ico": "ico", "heic": "heif",
    "heif": "heif", "hdr": "hdr", "mp4": "mp4",
}  # fmt: skip
_NOT_PROPERTIES = ("at-", "pseudo-", "selector-", "unit-", "function-")
_FUNCTION = re.compile(r"([a-zA-Z][\w-]*)\(")
_UNIT = re.compile(
    r"(?<![\w#.-])-?(?:\d+\.?\d*|\.\d+)(px|em|rem|pt|vh|vw|vmin|vmax|ch|ex|cm|mm|in|pc|%)(?![\w-])",
    re.I,
)
_STRINGS_AND_URLS = re.compile(r"""url\([^)]*\)|"[^"]*"|'[^']*'""", re.I)
_WORD = re.compile(r"[a-zA-Z][\w-]*")
_MEDIA_FEATURE = re.compile(r"\(\s*([a-z-]+)")
_ATTRIBUTE_TITLE = re.compile(r"^(\S+) attributes?$")

# Where a use is: (element index, offset in its style attribute), or (-1, absolute offset).
Locator = tuple[int, int]


@dataclass
class FeatureUses:
    """Slug -> where it is used (the first MAX_ALSO_AT + 1 places) and how often."""

    places: dict[str, list[Locator]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, slug: str, locator: Locator) -> None:
        places = self.places.get(slug)
        if places is None:
            self.places[slug] = [locator]
            self.counts[slug] = 1
            return
        self.counts[slug] += 1
        if len(places) <= MAX_ALSO_AT:
            places.append(locator)


@dataclass(frozen=True, eq=False)  # hashed by identity: a cache key
class FeatureIndex:
    """The dataset's naming turned into lookup tables."""

    slugs: frozenset[str]
    tags: dict[str, str]
    attributes: dict[str, str]
    properties: dict[str, str]


@cache
def feature_index(dataset: Dataset) -> FeatureIndex:
    slugs = frozenset(dataset.features) | {STYLE_IN_BODY}
    attributes = {
        match.group(1).lower(): slug
        for slug, feature in dataset.features.items()
        if slug.startswith("html-") and (match := _ATTRIBUTE_TITLE.match(feature.title))
    }
    attributes.update({k: v for k, v in ATTRIBUTE_ALIASES.items() if v in slugs})
    attribute_slugs = set(attributes.values())
    tags = {
        slug[5:]: slug
        for slug in dataset.features
        if slug.startswith("html-") and slug not in attribute_slugs and "-" not in slug[5:]
    }
    tags.update({k: v for k, v in TAG_ALIASES.items() if v in slugs})
    return FeatureIndex(slugs, tags, attributes, _property_table(dataset, slugs))


def _property_table(dataset: Dataset, slugs: frozenset[str]) -> dict[str, str]:
    direct = {
        slug[4:]: slug
        for slug in dataset.features
        if slug.startswith("css-") and not slug[4:].startswith(_NOT_PROPERTIES)
    }
    table: dict[str, str] = {}
    # Keywords such as "border-top-width" (css-border) name the longhands a feature covers.
    for slug, feature in dataset.features.items():
        if not slug.startswith("css-") or slug[4:].startswith(_NOT_PROPERTIES):
            continue
        family = slug[4:].split("-")[0]
        for keyword in re.split(r"[,\s]+", feature.keywords.lower()):
            if "-" in keyword and keyword.split("-")[0] == family and keyword not in direct:
                current = table.get(keyword)
                if current is None or _shared_prefix(keyword, slug) > _shared_prefix(
                    keyword, current
                ):
                    table[keyword] = slug
    table.update(direct)
    table.update({k: v for k, v in PROPERTY_ALIASES.items() if v in slugs})
    return table


def _shared_prefix(keyword: str, slug: str) -> int:
    name = slug[4:]
    size = 0
    for a, b in zip(keyword, name, strict=False):
        if a != b:
            break
        size += 1
    return size


@lru_cache(maxsize=8192)
def declaration_slugs(
    index: FeatureIndex, name: str, value: str, important: bool
) -> tuple[str, ...]:
    """The features one declaration uses: its property, functions, units and keywords."""
    found: list[str] = []
    if name.startswith("--"):
        found.append("css-variables")
    elif name == "display":
        kind = value.strip().lower()
        found.append({"flex": "css-display-flex", "inline-flex": "css-display-flex",
                      "grid": "css-display-grid", "inline-grid": "css-display-grid",
                      "none": "css-display-none"}.get(kind, "css-display"))  # fmt: skip
    elif name in index.properties:
        found.append(index.properties[name])
    plain = _STRINGS_AND_URLS.sub(" ", value)
    lowered = plain.lower()
    for function in _FUNCTION.findall(lowered):
        slug = FUNCTION_SLUGS.get(function)
        if slug:
            found.append(slug)
    for unit in _UNIT.findall(plain):
        unit = unit.lower()
        found.append("css-unit-percent" if unit == "%" else f"css-unit-{unit}")
    for word in _WORD.findall(lowered):
        slug = KEYWORD_SLUGS.get(word)
        if slug:
            found.append(slug)
    if important:
        found.append("css-important")
    return tuple(dict.fromkeys(s for s in found if s in index.slugs))


def detect_features(document: HtmlDocument, dataset: Dataset) -> FeatureUses:
    index = feature_index(dataset)
    uses = FeatureUses()
    if document.doctype and document.doctype.lower().split() == ["doctype", "html"]:
        uses.add("html-doctype", (-1, document.doctype_offset))
    for offset, _ in document.comments:
        uses.add("html-comments", (-1, offset))
    style_in_body = {block.element for block in document.styles if block.in_body}
    for element in document.elements:
        _element_features(element, index, uses, in_body=element.index in style_in_body)
        style = element.attrs.get("style")
        if style:
            for declaration in parse_declarations(style):
                for slug in _declaration(index, declaration):
                    uses.add(slug, (element.index, declaration.offset))
    for block in document.styles:
        _stylesheet_features(block.css, block.offset, index, uses)
    return uses


def _declaration(index: FeatureIndex, declaration: Declaration) -> tuple[str, ...]:
    return declaration_slugs(index, declaration.name, declaration.value, declaration.important)


def _element_features(
    element: Element, index: FeatureIndex, uses: FeatureUses, *, in_body: bool
) -> None:
    tag, attrs, here = element.tag, element.attrs, (-1, element.offset)
    if tag == "style":
        uses.add(STYLE_IN_BODY if in_body else "html-style", here)
    elif tag == "input":
        slug = f"html-input-{attrs.get('type', 'text').lower()}"
        if slug in index.slugs:
            uses.add(slug, here)
    elif tag == "button" and attrs.get("type", "").lower() in ("submit", "reset"):
        uses.add(f"html-button-{attrs['type'].lower()}", here)
    elif tag in index.tags:
        uses.add(index.tags[tag], here)
    for name in attrs:
        attribute_slug = index.attributes.get(name)
        if attribute_slug:
            uses.add(attribute_slug, here)
    href = attrs.get("href", "").strip().lower()
    if tag in ("a", "area") and href:
        if href.startswith("#"):
            uses.add("html-anchor-links", here)
        elif href.startswith("mailto:"):
            uses.add("html-mailto-links", here)
    if tag == "meta" and attrs.get("name", "").lower() in (
        "color-scheme",
        "supported-color-schemes",
    ):
        uses.add("html-meta-color-scheme", here)
    if tag == "img":
        slug = image_format_slug(attrs.get("src", ""))
        if slug in index.slugs:
            uses.add(slug, here)


def image_format_slug(src: str) -> str:
    src = src.strip()
    if src[:5].lower() == "data:":
        return "image-base64"
    try:
        path = urlsplit(src).path.lower()
    except ValueError:
        return ""
    extension = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    kind = IMAGE_EXTENSIONS.get(extension)
    return f"image-{kind}" if kind else ""


def _stylesheet_features(css: str, base: int, index: FeatureIndex, uses: FeatureUses) -> None:
    sheet = parse_stylesheet(css)
    for offset in sheet.comments:
        uses.add("css-comments", (-1, base + offset))
    for at_rule in sheet.at_rules:
        name = at_rule.name.removeprefix("-webkit-").removeprefix("-moz-")
        slug = f"css-at-{name}"
        if slug in index.slugs:
            uses.add(slug, (-1, base + at_rule.offset))
        if name == "media":
            for feature in _MEDIA_FEATURE.findall(at_rule.prelude):
                media_slug = MEDIA_FEATURE_SLUGS.get(feature)
                if media_slug in index.slugs:
                    uses.add(media_slug, (-1, base + at_rule.offset))
    for rule in sheet.rules:
        here = (-1, base + rule.offset)
        if rule.nested:
            uses.add("css-nesting", here)
        for selector in rule.selectors:
            for kind in selector.kinds:
                slug = _selector_slug(kind)
                if slug in index.slugs:
                    uses.add(slug, here)
        for declaration in rule.declarations:
            for slug in _declaration(index, declaration):
                uses.add(slug, (-1, base + declaration.offset))


def _selector_slug(kind: str) -> str:
    if kind.startswith("pseudo-class:"):
        return "css-pseudo-class-" + kind.split(":", 1)[1]
    if kind.startswith("pseudo-element:"):
        return "css-pseudo-element-" + kind.split(":", 1)[1]
    if kind == "nesting":
        return "css-nesting"
    return f"css-selector-{kind}"
