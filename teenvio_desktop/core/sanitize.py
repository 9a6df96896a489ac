"""Sanitising campaign HTML for the composer's preview.

The preview must show the email as a mail client would (tables, inline styles, ``<style>``
blocks, email layout attributes) while running nothing: no scripts, no event handlers, no
forms, no ``javascript:`` URLs, no frames. ``bleach`` does the tag/attribute/URL work and
its ``CSSSanitizer`` filters inline styles; ``<style>`` blocks are kept separately with
``@import`` and ``expression()`` removed. Remote images are replaced by a placeholder unless
the user allowed them for this message; ``cid:`` images are resolved through a callback
(to a ``data:`` URI or the preview's own URL scheme).

bleach costs about a millisecond per kilobyte, and the preview cleans the document after
every keystroke, so :func:`sanitize_for_preview` cleans it piece by piece and reuses the
pieces that did not change (``sanitize_pieces.py``); identical inline styles are cleaned
once. Each thread has its own bleach cleaner (they are not thread-safe); the pieces'
cache is shared.
"""

from __future__ import annotations

import html as html_lib
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

import bleach
from bleach.css_sanitizer import ALLOWED_CSS_PROPERTIES, CSSSanitizer
from bleach.sanitizer import BleachSanitizerFilter

from teenvio_desktop.core.sanitize_pieces import Irregular, PieceCleaner

EMAIL_TAGS = frozenset(
    {
        "a", "abbr", "address", "b", "big", "blockquote", "br", "caption", "center", "cite",
        "code", "col", "colgroup", "dd", "del", "div", "dl", "dt", "em", "font", "h1", "h2",
        "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "ol", "p", "pre", "q",
        "s", "small", "span", "strike", "strong", "sub", "sup", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "tt", "u", "ul", "picture", "source", "section",
        "article", "header", "footer", "main", "nav", "figure", "figcaption", "mark", "wbr",
    }
)  # fmt: skip

_COMMON_ATTRS = ["style", "class", "id", "align", "valign", "dir", "lang", "title", "width",
                 "height", "bgcolor", "background", "border", "color"]  # fmt: skip
EMAIL_ATTRIBUTES: dict[str, list[str]] = {
    "*": _COMMON_ATTRS,
    "a": [*_COMMON_ATTRS, "href", "name", "target"],
    "img": [*_COMMON_ATTRS, "src", "alt", "hspace", "vspace"],
    "table": [*_COMMON_ATTRS, "cellpadding", "cellspacing", "summary", "role"],
    "td": [*_COMMON_ATTRS, "colspan", "rowspan", "nowrap", "scope"],
    "th": [*_COMMON_ATTRS, "colspan", "rowspan", "nowrap", "scope"],
    "col": [*_COMMON_ATTRS, "span"],
    "colgroup": [*_COMMON_ATTRS, "span"],
    "font": [*_COMMON_ATTRS, "face", "size"],
    "ol": [*_COMMON_ATTRS, "start", "type"],
    "ul": [*_COMMON_ATTRS, "type"],
    "source": ["srcset", "media", "type"],
}

# Email layout needs more than bleach's default list (which lacks margins, padding, ...).
EMAIL_CSS_PROPERTIES = frozenset(ALLOWED_CSS_PROPERTIES) | {
    "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
    "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
    "border", "border-top", "border-right", "border-bottom", "border-left", "border-radius",
    "border-width", "border-style", "border-color", "border-spacing", "display", "width",
    "min-width", "max-width", "min-height", "max-height", "text-decoration", "text-transform",
    "line-height", "font-family", "font-size", "font-weight", "font-style", "letter-spacing",
    "background", "background-color", "background-image", "background-repeat",
    "background-position", "background-size", "vertical-align", "text-align", "table-layout",
    "mso-line-height-rule", "mso-table-lspace", "mso-table-rspace", "word-break",
    "word-wrap", "overflow-wrap", "white-space", "box-sizing", "opacity", "visibility",
    "list-style", "list-style-type", "outline", "box-shadow", "text-shadow", "overflow",
}  # fmt: skip

PROTOCOLS = frozenset({"http", "https", "mailto", "tel", "cid", "data"})

# A transparent 1x1 GIF that stands where a blocked remote image was.
BLOCKED_IMAGE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"

_STYLE_BLOCK = re.compile(r"<style\b[^>]*>(.*?)</style\s*>", re.I | re.S)
_BODY_OPEN = re.compile(r"<body\b([^>]*)>", re.I | re.S)
_BODY_STYLE = re.compile(r"""\b(style|bgcolor)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)
_CSS_IMPORT = re.compile(r"@import[^;]*;?", re.I)
_CSS_EXPRESSION = re.compile(r"expression\s*\(|javascript:|behavior\s*:|-moz-binding", re.I)
_CSS_REMOTE_URL = re.compile(r"url\(\s*['\"]?\s*(?:https?:)?//[^)]*\)", re.I)
_IMG_SRC = re.compile(r"""(<img\b[^>]*?\bsrc=")([^"]*)(")""", re.I | re.S)
_REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)

CidResolver = Callable[[str], str | None]


@dataclass
class SanitizedHtml:
    """The document the preview loads, and what was held back while making it."""

    html: str
    blocked_images: int = 0
    missing_cids: list[str] = field(default_factory=list)


def _clean_css_block(css: str, allow_remote: bool) -> str:
    css = _CSS_IMPORT.sub("", css)
    css = _CSS_EXPRESSION.sub("invalid(", css)
    if not allow_remote:
        css = _CSS_REMOTE_URL.sub("none", css)
    # Never let the block close its own element.
    return css.replace("</", "<\\/")


def _body_attributes(document: str) -> str:
    match = _BODY_OPEN.search(document)
    if not match:
        return ""
    attrs = []
    for name, value in _BODY_STYLE.findall(match.group(1)):
        value = value.strip("\"'")
        if name.lower() == "bgcolor" and re.fullmatch(r"#?[0-9A-Za-z]{1,20}", value):
            attrs.append(f'bgcolor="{html_lib.escape(value)}"')
    return " ".join(attrs)


# Newsletters repeat the same inline styles hundreds of times: clean each one once.
_CSS_MEMO: dict[str, str] = {}
_CSS_MEMO_ENTRIES = 20_000


class _RememberingCSSSanitizer(CSSSanitizer):  # type: ignore[misc]
    def sanitize_css(self, style: str) -> str:
        cleaned = _CSS_MEMO.get(style)
        if cleaned is None:
            cleaned = str(super().sanitize_css(style))
            if len(_CSS_MEMO) >= _CSS_MEMO_ENTRIES:
                _CSS_MEMO.clear()
            _CSS_MEMO[style] = cleaned
        return cleaned


class PreviewSanitizer:
    """A reusable cleaner (building bleach's filters once keeps each update cheap).

    Not thread-safe (bleach's parser keeps state). With ``pieces``, documents are cleaned
    piece by piece through that (shared, thread-safe) cache.
    """

    def __init__(self, pieces: PieceCleaner | None = None) -> None:
        self._pieces = pieces
        self._css = _RememberingCSSSanitizer(allowed_css_properties=EMAIL_CSS_PROPERTIES)
        self._cleaner = bleach.Cleaner(
            tags=EMAIL_TAGS,
            attributes=EMAIL_ATTRIBUTES,
            protocols=PROTOCOLS,
            strip=True,
            strip_comments=True,
            css_sanitizer=self._css,
        )

    def clean_fragment(self, markup: str) -> str:
        """Only bleach's pass: tags, attributes, URL schemes and inline CSS."""
        if self._pieces is not None:
            try:
                return self._pieces.clean(markup)
            except Irregular:
                pass  # markup that does not nest as written is cleaned whole
        return self.clean_in(markup, "div")

    def clean_in(self, markup: str, container: str) -> str:
        """``bleach.Cleaner.clean`` with the parent element ``markup`` is parsed in."""
        if not markup:
            return ""
        cleaner = self._cleaner
        dom = cleaner.parser.parseFragment(markup, container=container)
        filtered = BleachSanitizerFilter(
            source=cleaner.walker(dom),
            allowed_tags=cleaner.tags,
            attributes=cleaner.attributes,
            strip_disallowed_tags=cleaner.strip,
            strip_html_comments=cleaner.strip_comments,
            css_sanitizer=cleaner.css_sanitizer,
            allowed_protocols=cleaner.protocols,
        )
        return str(cleaner.serializer.render(filtered))

    def sanitize(
        self,
        document: str,
        *,
        allow_remote_images: bool = False,
        cid_resolver: CidResolver | None = None,
    ) -> SanitizedHtml:
        styles = [_clean_css_block(s, allow_remote_images) for s in _STYLE_BLOCK.findall(document)]
        body_attrs = _body_attributes(document)
        without_styles = _STYLE_BLOCK.sub("", document)
        # Script and head contents must disappear entirely, not become visible text.
        without_styles = re.sub(
            r"<(script|head|title|noscript|template|iframe|object|embed|textarea|select)"
            r"\b.*?</\1\s*>",
            "",
            without_styles,
            flags=re.I | re.S,
        )
        body = self.clean_fragment(without_styles)
        result = SanitizedHtml(html="")

        def replace_src(match: re.Match[str]) -> str:
            src = html_lib.unescape(match.group(2))
            if src.lower().startswith("cid:"):
                cid = src[4:].strip().strip("<>")
                resolved = cid_resolver(cid) if cid_resolver else None
                if resolved is None:
                    result.missing_cids.append(cid)
                    resolved = BLOCKED_IMAGE
                return match.group(1) + html_lib.escape(resolved) + match.group(3)
            if _REMOTE.match(src) and not allow_remote_images:
                result.blocked_images += 1
                return match.group(1) + BLOCKED_IMAGE + match.group(3)
            return match.group(0)

        body = _IMG_SRC.sub(replace_src, body)
        if not allow_remote_images:
            body = _CSS_REMOTE_URL.sub("none", body)
        style_html = "".join(f"<style>{s}</style>" for s in styles)
        result.html = (
            '<!DOCTYPE html><html><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"{style_html}</head><body {body_attrs}>{body}</body></html>"
        )
        return result


_per_thread = threading.local()


def _thread_sanitizer() -> PreviewSanitizer:
    sanitizer: PreviewSanitizer | None = getattr(_per_thread, "sanitizer", None)
    if sanitizer is None:
        sanitizer = _per_thread.sanitizer = PreviewSanitizer(SHARED_PIECES)
    return sanitizer


def _clean_in_this_thread(markup: str, container: str) -> str:
    return _thread_sanitizer().clean_in(markup, container)


SHARED_PIECES = PieceCleaner(_clean_in_this_thread)


def sanitize_for_preview(
    document: str,
    *,
    allow_remote_images: bool = False,
    cid_resolver: CidResolver | None = None,
) -> SanitizedHtml:
    """Sanitise ``document``, reusing the pieces of earlier documents that did not change."""
    return _thread_sanitizer().sanitize(
        document, allow_remote_images=allow_remote_images, cid_resolver=cid_resolver
    )
