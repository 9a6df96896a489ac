"""Cleaning a large document piece by piece, so that an edit re-cleans only what changed.

bleach parses the whole document with html5lib on every call, about a millisecond per
kilobyte, while a keystroke changes a few bytes. This module splits the markup at element
boundaries into a tree of *frames* (an element's start and end tag) and *groups* (runs of
sibling nodes of about a kilobyte), cleans each piece with bleach in the context of its
parent element (so that table rows parse as table rows), caches each piece's output, and
joins the outputs. Typing then re-cleans one group.

Safety does not depend on where the splits fall: every piece is bleach's output (allowed
tags and attributes only, text and attribute values escaped, elements balanced), and
concatenating such pieces cannot create markup. Fidelity does, so the split is used only
for markup whose tags nest as written (HTML's optional end tags of ``p``, ``li``, ``td``
and so on allowed); anything else (raw-text elements, SVG and MathML, CDATA, stray or
crossed end tags, a start tag this scanner cannot read) is reported as irregular and the
caller cleans the document whole.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

# Pieces are about this many characters: small enough that one costs a few milliseconds,
# large enough that a 100 KB document is a few hundred bleach calls at most.
PIECE_CHARS = 1024
CACHE_CHARS = 16_000_000  # outputs kept across edits (all documents, all threads)

Clean = Callable[[str, str], str]  # (markup, parent element) -> bleach's output

_SPACE = "\t\n\f\r "
_NAME = r"[A-Za-z][A-Za-z0-9:-]*"
_ATTRIBUTES = (
    r"""(?:[\t\n\f\r ]+[^\t\n\f\r />"'=<][^\t\n\f\r />"'=<]*"""
    r"""(?:[\t\n\f\r ]*=[\t\n\f\r ]*(?:"[^"]*"|'[^']*'|[^\t\n\f\r >"'=<`]+))?)*"""
    r"""[\t\n\f\r ]*"""
)
# One pass over the markup finds every tag; text is what lies between. A "<" followed by
# a letter, "/", "!" or "?" that none of the exact forms reads is irregular.
_TOKEN = re.compile(
    r"<!--->|<!-->|<!--.*?-->|<![^>-][^>]*>|<!>|<\?[^>]*>"  # comments, doctype, bogus
    rf"|</(?P<end>{_NAME}){_ATTRIBUTES}/?>"
    rf"|<(?P<start>{_NAME}){_ATTRIBUTES}(?P<selfclosing>/?)>"
    r"|(?P<bad><[A-Za-z/!?])",
    re.S,
)

VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
    "param", "source", "track", "wbr", "basefont", "bgsound", "frame",
})  # fmt: skip
# Elements whose content is not parsed as markup, or parsed by other rules: clean whole.
IRREGULAR = frozenset({
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "noscript", "plaintext", "template", "svg", "math", "select", "frameset", "head",
    "object", "applet", "marquee", "image", "isindex",
})  # fmt: skip
OPTIONAL_END = frozenset({
    "p", "li", "dt", "dd", "option", "optgroup", "rb", "rt", "rtc", "rp", "tr", "td", "th",
    "tbody", "thead", "tfoot", "colgroup", "caption", "body", "html",
})  # fmt: skip
# A start tag that closes an open element of these names first (HTML's implied end tags).
_CLOSES: dict[str, frozenset[str]] = {
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "option": frozenset({"option"}),
    "p": frozenset({"p"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "tr": frozenset({"tr", "td", "th"}),
    "tbody": frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}),
    "thead": frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}),
    "tfoot": frozenset({"tbody", "thead", "tfoot", "tr", "td", "th"}),
}
# What may stand directly in a table's structure; anything else (and text) is moved out of
# the table by the parser ("foster parenting"): markup written that way is irregular.
_TABLE_CHILDREN: dict[str, frozenset[str]] = {
    "table": frozenset({"caption", "colgroup", "col", "tbody", "thead", "tfoot", "tr"}),
    "tbody": frozenset({"tr"}),
    "thead": frozenset({"tr"}),
    "tfoot": frozenset({"tr"}),
    "tr": frozenset({"td", "th"}),
    "colgroup": frozenset({"col"}),
}
# Where the parts of a table may stand: elsewhere the parser drops them or builds the
# missing parts around them, which a piece parsed on its own would not repeat.
_TABLE_PARENTS: dict[str, frozenset[str]] = {
    "td": frozenset({"tr"}),
    "th": frozenset({"tr"}),
    "tr": frozenset({"table", "tbody", "thead", "tfoot"}),
    "tbody": frozenset({"table"}),
    "thead": frozenset({"table"}),
    "tfoot": frozenset({"table"}),
    "caption": frozenset({"table"}),
    "colgroup": frozenset({"table"}),
    "col": frozenset({"table", "colgroup"}),
}
# Where a lone start tag parses as itself (a <tr> alone in a <div> would be dropped).
_TAG_CONTEXT = {
    "tr": "tbody", "td": "tr", "th": "tr", "tbody": "table", "thead": "table",
    "tfoot": "table", "caption": "table", "colgroup": "table", "li": "ul", "dt": "dl",
    "dd": "dl",
}  # fmt: skip


class Irregular(Exception):
    """The markup does not nest as written: clean it whole."""


@dataclass
class _Element:
    start: int  # offset of its "<"
    tag: str
    open_end: int  # offset after the start tag
    close_start: int = -1  # offset of its end tag (where it was implied, when implied)
    end: int = -1  # offset after its end tag
    children: list[_Element] = field(default_factory=list)


def _root(markup: str) -> _Element:
    """The element tree of ``markup`` as written (raises :class:`Irregular`)."""
    root = _Element(0, "#root", 0)
    stack = [root]
    text_from = 0  # where the text before the current tag starts
    for match in _TOKEN.finditer(markup):
        at = match.start()
        if stack[-1].tag in _TABLE_CHILDREN and markup[text_from:at].strip(_SPACE):
            raise Irregular("text in a table")
        text_from = match.end()
        start_name, end_name = match.group("start", "end")
        if start_name is not None:
            name = start_name.lower()
            if name in IRREGULAR:
                raise Irregular(name)
            closes = _CLOSES.get(name)
            while closes is not None and stack[-1].tag in closes:
                top = stack.pop()
                top.close_start = top.end = at
            parent = stack[-1].tag
            allowed = _TABLE_CHILDREN.get(parent)
            parents = _TABLE_PARENTS.get(name)
            if (allowed is not None and name not in allowed) or (
                parents is not None and parent not in parents
            ):
                raise Irregular(f"<{name}> in <{parent}>")
            element = _Element(at, name, match.end())
            stack[-1].children.append(element)
            if name in VOID or match.group("selfclosing"):
                element.close_start = element.end = match.end()
            else:
                stack.append(element)
        elif end_name is not None:
            name = end_name.lower()
            while stack[-1].tag != name:
                if len(stack) == 1 or stack[-1].tag not in OPTIONAL_END:
                    raise Irregular(f"</{name}>")
                top = stack.pop()
                top.close_start = top.end = at
            top = stack.pop()
            top.close_start, top.end = at, match.end()
        elif match.group("bad") is not None:
            raise Irregular(match.group("bad"))
        # else: a comment or a doctype, text as far as the tree is concerned
    if stack[-1].tag in _TABLE_CHILDREN and markup[text_from:].strip(_SPACE):
        raise Irregular("text in a table")
    length = len(markup)
    for element in stack:  # elements still open at the end are closed there
        element.close_start = element.end = length
    return root


def _group_context(parent: str, children: list[_Element]) -> str:
    """The element a run of children is parsed in (rows of a table parse as its body)."""
    if parent in ("#root", "html", "body"):
        return "div"  # as bleach parses a whole document
    if parent == "table" and all(c.tag == "tr" for c in children):
        return "tbody"
    return parent


class PieceCleaner:
    """Cleans markup piece by piece through ``clean``, remembering each piece's output."""

    def __init__(self, clean: Clean, *, piece_chars: int = PIECE_CHARS) -> None:
        self._clean = clean
        self._piece_chars = piece_chars
        self._cache: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._cached_chars = 0
        self._lock = threading.Lock()
        self.misses = 0  # pieces cleaned by bleach (not from the cache): for the tests

    def clean(self, markup: str) -> str:
        """``markup`` cleaned; raises :class:`Irregular` when it must be cleaned whole."""
        root = _root(markup)
        out: list[str] = []
        self._children(markup, root, out)
        return "".join(out)

    def clear(self) -> None:
        """Forget every piece (the next document is cleaned in full)."""
        with self._lock:
            self._cache.clear()
            self._cached_chars = 0

    # -- the tree, top down -----------------------------------------------------------------
    def _children(self, markup: str, parent: _Element, out: list[str]) -> None:
        """The parent's content in groups of siblings; large children on their own."""
        context = parent.tag
        cursor = parent.open_end  # text between elements belongs to the groups around it
        group: list[_Element] = []
        for child in parent.children:
            if child.end - child.start > self._piece_chars:
                self._flush(markup, cursor, child.start, context, group, out)
                self._element(markup, child, out)
                cursor, group = child.end, []
                continue
            group.append(child)
            if child.end - cursor >= self._piece_chars:
                self._flush(markup, cursor, child.end, context, group, out)
                cursor, group = child.end, []
        self._flush(markup, cursor, parent.close_start, context, group, out)

    def _flush(
        self,
        markup: str,
        start: int,
        end: int,
        parent: str,
        group: list[_Element],
        out: list[str],
    ) -> None:
        if end > start:
            out.append(self._cached(markup[start:end], _group_context(parent, group)))

    def _element(self, markup: str, element: _Element, out: list[str]) -> None:
        """A large element: its own start and end tags around its children's pieces."""
        opening, closing = self._frame(markup[element.start : element.open_end], element.tag)
        out.append(opening)
        self._children(markup, element, out)
        if element.end > element.close_start:
            out.append(closing)
        # else its end was implied (by what follows, or the end of the markup): the
        # browser infers it in the same place, as it would have in the original

    def _frame(self, start_tag: str, tag: str) -> tuple[str, str]:
        closing = f"</{tag}>"
        cleaned = self._cached(start_tag + closing, _TAG_CONTEXT.get(tag, "div"))
        if not cleaned.strip():
            return cleaned, ""  # a tag bleach strips: its content stays
        if not (cleaned.startswith(f"<{tag}") and cleaned.endswith(closing)):
            raise Irregular(f"<{tag}> alone")
        return cleaned[: -len(closing)], closing

    # -- the cache --------------------------------------------------------------------------
    def _cached(self, text: str, context: str) -> str:
        key = (context, text)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
                return found
        cleaned = self._clean(text, context)
        with self._lock:
            self.misses += 1
            if key not in self._cache:
                self._cache[key] = cleaned
                self._cached_chars += len(text) + len(cleaned)
            while self._cached_chars > CACHE_CHARS and self._cache:
                (_context, old), old_cleaned = self._cache.popitem(last=False)
                self._cached_chars -= len(old) + len(old_cleaned)
        return cleaned
