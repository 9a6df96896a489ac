"""Small, exact edits on HTML the preview already sanitised (or a received content piece).

The sanitiser's output is serialised by html5lib (through bleach): lower-case tag names,
double-quoted attribute values, text with ``<`` escaped, no comments, and every ``<style>``
block in the head. So a quote-aware tag pattern finds every start tag of the body, and the
transforms can rewrite one tag at a time without a DOM (cheap on a 100 KB document).
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable

# A start tag whose attribute values may hold ">" (html5lib does not escape it in values).
START_TAG = re.compile(
    r"<(?P<name>[A-Za-z][A-Za-z0-9]*)"
    r"(?P<attrs>(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)"
    r"\s*(?P<slash>/?)>"
)
_ATTRIBUTE = re.compile(
    r"(?P<name>[^\s\"'>/=]+)(?:\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'>]+)))?"
)
_HEAD_OPEN = re.compile(r"<head\b[^>]*>", re.I)
_BODY_OPEN = re.compile(r"<body\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_BODY_CLOSE = re.compile(r"</body\s*>", re.I)
STYLE_BLOCK = re.compile(r"(<style\b[^>]*>)(.*?)(</style\s*>)", re.I | re.S)

Attributes = list[tuple[str, str | None]]


def parse_attributes(text: str) -> Attributes:
    """``name="value"`` pairs in order, values unescaped (``None`` for a bare name)."""
    found: Attributes = []
    for match in _ATTRIBUTE.finditer(text):
        raw = match.group("dq")
        if raw is None:
            raw = match.group("sq")
        if raw is None:
            raw = match.group("bare")
        found.append((match.group("name").lower(), None if raw is None else html_lib.unescape(raw)))
    return found


def attribute(attrs: Attributes, name: str) -> str | None:
    for key, value in attrs:
        if key == name:
            return value if value is not None else ""
    return None


def serialize_attributes(attrs: Attributes) -> str:
    return "".join(
        f" {name}" if value is None else f' {name}="{html_lib.escape(value, quote=True)}"'
        for name, value in attrs
    )


def start_tag(name: str, attrs: Attributes, self_closing: bool = False) -> str:
    return f"<{name}{serialize_attributes(attrs)}{' /' if self_closing else ''}>"


def body_span(document: str) -> tuple[int, int]:
    """Where the body's content starts and ends (the whole text when there is no body)."""
    opened = _BODY_OPEN.search(document)
    start = opened.end() if opened else 0
    closed = _last_body_close(document, start)
    return start, closed.start() if closed else len(document)


def _last_body_close(document: str, start: int) -> re.Match[str] | None:
    last = None
    for last in _BODY_CLOSE.finditer(document, start):  # noqa: B007 (the last one is wanted)
        pass
    return last


def map_body_tags(document: str, rewrite: Callable[[re.Match[str]], str]) -> str:
    """Apply ``rewrite`` to every start tag of the body; the head is left as it is."""
    start, end = body_span(document)
    body = START_TAG.sub(rewrite, document[start:end])
    return document[:start] + body + document[end:]


def map_style_blocks(document: str, rewrite: Callable[[str], str]) -> str:
    """Apply ``rewrite`` to the CSS text of every ``<style>`` block."""

    def one(match: re.Match[str]) -> str:
        css = rewrite(match.group(2))
        # Whatever a rewrite did, the block must not be able to close its own element.
        return match.group(1) + css.replace("</", "<\\/") + match.group(3)

    return STYLE_BLOCK.sub(one, document)


def insert_in_head(document: str, markup: str) -> str:
    """``markup`` first in the head, so the document's own rules come after it and win."""
    match = _HEAD_OPEN.search(document)
    if match is None:
        return markup + document
    return document[: match.end()] + markup + document[match.end() :]


def insert_at_body_start(document: str, markup: str) -> str:
    match = _BODY_OPEN.search(document)
    if match is None:
        return markup + document
    return document[: match.end()] + markup + document[match.end() :]


def insert_at_body_end(document: str, markup: str) -> str:
    start = _BODY_OPEN.search(document)
    match = _last_body_close(document, start.end() if start else 0)
    if match is None:
        return document + markup
    return document[: match.start()] + markup + document[match.start() :]
