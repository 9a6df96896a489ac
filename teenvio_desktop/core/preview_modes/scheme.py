"""Dark mode as the message itself defines it: ``prefers-color-scheme`` pinned.

Clients that honour a message's own dark styles (Apple Mail, iOS Mail, the Outlook apps)
apply its ``@media (prefers-color-scheme: dark)`` rules and give it a dark canvas. The
preview cannot ask the engine to pretend the system is dark, and should not depend on the
desktop's scheme either, so the media queries are rewritten to what they evaluate to in
the chosen scheme: a query that holds becomes unconditional (``all``, or its other
conditions), one that cannot hold becomes ``not all``. Only ``@media`` preludes change;
the rules inside are untouched.

Media Queries level 3 forms (``screen and (prefers-color-scheme: dark)``, a leading
``not``/``only``, comma lists) are handled; level-4 boolean nesting (``or``, ``not (...)``
inside parentheses) is rare in email and left as written.
"""

from __future__ import annotations

import re
from typing import Literal

from teenvio_desktop.core.preview_modes.markup import insert_in_head, map_style_blocks

Scheme = Literal["light", "dark"]

# A prelude never holds "@": stopping there keeps the scan linear on hostile CSS.
_MEDIA_PRELUDE = re.compile(r"(@media\b)([^{};@]*)(\{)", re.I)
_SCHEME_FEATURE = re.compile(r"\(\s*prefers-color-scheme\s*:\s*([a-z-]+)\s*\)", re.I)
_AND = re.compile(r"^\s*and\b|\band\s*$", re.I)
_DOUBLE_AND = re.compile(r"\band\s+and\b", re.I)

DARK_CANVAS_MARK = (
    '<meta name="color-scheme" content="dark"><style>:root{color-scheme:dark}</style>'
)


def _evaluate(query: str, scheme: Scheme) -> str:
    values = [v.lower() for v in _SCHEME_FEATURE.findall(query)]
    if not values:
        return query
    text = query.strip()
    negated = text[:4].lower() == "not " or text.lower() == "not"
    if negated:
        text = text[3:]
    holds = all(value == scheme for value in values)
    rest = _SCHEME_FEATURE.sub(" ", text)
    rest = _DOUBLE_AND.sub("and", rest)
    rest = " ".join(_AND.sub("", rest).split())
    if not holds:
        return "all" if negated else "not all"
    if not rest or rest.lower() == "only":
        return "not all" if negated else "all"
    return f"not {rest}" if negated else rest


def _rewrite_prelude(prelude: str, scheme: Scheme) -> str:
    return ", ".join(_evaluate(query, scheme).strip() for query in prelude.split(","))


def pin_color_scheme_css(css: str, scheme: Scheme) -> tuple[str, int]:
    """``css`` with ``prefers-color-scheme`` evaluated as ``scheme``; how many queries used it."""
    count = 0

    def one(match: re.Match[str]) -> str:
        nonlocal count
        prelude = match.group(2)
        if not _SCHEME_FEATURE.search(prelude):
            return match.group(0)
        count += 1
        return f"{match.group(1)} {_rewrite_prelude(prelude, scheme)} {match.group(3)}"

    return _MEDIA_PRELUDE.sub(one, css), count


def pin_color_scheme(document: str, scheme: Scheme) -> tuple[str, int]:
    """The document as a client in ``scheme`` applies it; how many dark/light queries it had.

    In dark, the document is also marked ``color-scheme: dark`` (dark canvas and default
    text), as clients that apply a message's dark styles do.
    """
    total = 0

    def rewrite(css: str) -> str:
        nonlocal total
        pinned, count = pin_color_scheme_css(css, scheme)
        total += count
        return pinned

    document = map_style_blocks(document, rewrite)
    if scheme == "dark":
        document = insert_in_head(document, DARK_CANVAS_MARK)
    return document, total
