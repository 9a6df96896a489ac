"""A forced dark mode: the colours of a message recoloured the way clients do it.

An approximation of what Outlook.com, the Outlook apps and the Gmail apps do to a message
(see :mod:`colors` for the two families). Every declared colour is rewritten in place:
``<style>`` rules, ``style`` attributes, ``bgcolor`` and ``color`` attributes; a dark
canvas and light default text go first in the head. Images are left alone, as the clients
leave them. Rules written for Outlook.com's own dark mode (selectors with ``[data-ogsc]``
or ``[data-ogsb]``) are kept as written, and in the partial family the recoloured elements
carry those attributes, so such rules apply as they would there.
"""

from __future__ import annotations

import re

from teenvio_desktop.core.preview_modes.colors import (
    DARK_CANVAS,
    DARK_LINK,
    DARK_TEXT,
    Policy,
    Role,
    recolor_declarations,
    recolor_value,
)
from teenvio_desktop.core.preview_modes.markup import (
    START_TAG,
    insert_in_head,
    map_body_tags,
    map_style_blocks,
    parse_attributes,
    start_tag,
)

_DELIMITER = re.compile(r"[{};]")
_OUTLOOK_DARK_SELECTOR = re.compile(r"data-og[sb]", re.I)

FORCED_CANVAS = (
    '<meta name="color-scheme" content="dark"><style>:root{color-scheme:dark}'
    f"html,body{{background-color:{DARK_CANVAS};color:{DARK_TEXT}}}a{{color:{DARK_LINK}}}"
    "</style>"
)
_ATTRIBUTE_ROLES: dict[str, Role] = {"bgcolor": "background", "color": "text"}
_MARKERS: dict[Role, str] = {"text": "data-ogsc", "background": "data-ogsb"}


def _recolor_stylesheet(css: str, policy: Policy) -> str:
    """Recolour the body of every innermost rule (a ``{...}`` holding no braces).

    One pass over the delimiters: a regular expression over selectors could backtrack
    into quadratic time on hostile CSS.
    """
    parts: list[str] = []
    done = 0  # css[:done] is already in parts
    selector_start = 0  # just after the last delimiter before the open brace
    open_at = -1  # the last "{" when no brace followed it yet
    for match in _DELIMITER.finditer(css):
        position, delimiter = match.start(), match.group()
        if delimiter == ";":
            if open_at < 0:
                selector_start = position + 1
            continue
        if delimiter == "{":
            if open_at >= 0:
                selector_start = open_at + 1  # an at-rule's block: rules follow
            open_at = position
            continue
        if open_at >= 0 and not _OUTLOOK_DARK_SELECTOR.search(css[selector_start:open_at]):
            body, _changed = recolor_declarations(css[open_at + 1 : position], policy)
            parts.append(css[done : open_at + 1] + body)
            done = position
        open_at, selector_start = -1, position + 1
    parts.append(css[done:])
    return "".join(parts)


def _recolor_tag(match: re.Match[str], policy: Policy) -> str:
    attrs_text = match.group("attrs")
    if not attrs_text or not re.search(r"\b(style|bgcolor|color)\s*=", attrs_text, re.I):
        return match.group(0)
    changed: set[Role] = set()
    attrs = parse_attributes(attrs_text)
    for index, (name, value) in enumerate(attrs):
        if value is None:
            continue
        if name == "style":
            new, roles = recolor_declarations(value, policy)
            changed |= roles
        elif name in _ATTRIBUTE_ROLES:
            role = _ATTRIBUTE_ROLES[name]
            new = recolor_value(value, role, policy)
            if new != value:
                changed.add(role)
        else:
            continue
        attrs[index] = (name, new)
    if not changed:
        return match.group(0)
    if policy == "partial":
        present = {name for name, _ in attrs}
        attrs += [(_MARKERS[r], "") for r in sorted(changed) if _MARKERS[r] not in present]
    return start_tag(match.group("name"), attrs, bool(match.group("slash")))


def force_dark(document: str, policy: Policy) -> str:
    """``document`` as a client that forces dark mode (``policy``) would paint it."""
    document = map_style_blocks(document, lambda css: _recolor_stylesheet(css, policy))
    document = map_body_tags(document, lambda m: _recolor_tag(m, policy))
    # The body's own bgcolor sits on the body tag, outside the body's content.
    document = re.sub(
        r"<body\b[^>]*>", lambda m: _recolor_body(m.group(0), policy), document, count=1
    )
    return insert_in_head(document, FORCED_CANVAS)


def _recolor_body(tag: str, policy: Policy) -> str:
    match = START_TAG.fullmatch(tag)
    return _recolor_tag(match, policy) if match else tag
