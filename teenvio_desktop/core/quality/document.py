"""One parse of the HTML, shared by every analysis: elements, text, styles, with positions.

The standard library's tolerant parser reads the source once; a small tree builder on top
keeps each element's parent (closing the elements HTML closes implicitly: ``<p>``,
``<li>``, table cells and rows), the visible text with the element it belongs to, the
``<style>`` blocks and whether they sit in ``<body>``, and the character offset of every
construct, so a finding can point at its line and column. Nothing here recurses: a
hostile document with deep nesting costs memory linear in its size, nothing more.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from html.parser import HTMLParser

from teenvio_desktop.core.quality.findings import Location

VOID_ELEMENTS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr"
})  # fmt: skip
# Elements whose content is never shown as text.
NOT_RENDERED = frozenset({"head", "title", "style", "script", "template", "noscript"})
HEAD_ONLY = frozenset({"html", "head", "meta", "title", "link", "style", "script", "base"})
# The accessible name of these comes from their text (and, for links, images' alt).
NAMED_BY_TEXT = frozenset({"a", "button", "h1", "h2", "h3", "h4", "h5", "h6"})
_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "main", "menu", "nav", "ol", "p", "pre", "section", "table", "ul"
})  # fmt: skip
# tag -> (the open element it closes, with everything inside it; tags that stop the search)
_IMPLIED_CLOSE: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "li": (frozenset({"li"}), frozenset({"ul", "ol", "menu"})),
    "dt": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "dd": (frozenset({"dt", "dd"}), frozenset({"dl"})),
    "td": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "th": (frozenset({"td", "th"}), frozenset({"tr", "table"})),
    "tr": (frozenset({"tr"}), frozenset({"table", "tbody", "thead", "tfoot"})),
    "tbody": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
    "thead": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
    "tfoot": (frozenset({"tbody", "thead", "tfoot"}), frozenset({"table"})),
    "option": (frozenset({"option"}), frozenset({"select", "datalist"})),
}
# One attribute inside a start tag, as the standard parser finds it.
_ATTRIBUTE = re.compile(
    r"""(?:[\s/]*)([^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?"""
)
_TAG_NAME = re.compile(r"<[a-zA-Z][^\s/>]*")


@dataclass(slots=True)
class Element:
    index: int
    tag: str
    attrs: dict[str, str]
    offset: int  # of the "<" of its start tag
    end: int  # just after the start tag's ">"
    parent: int  # -1 at the top
    rendered: bool  # False inside <head>, <style>, <script>...
    text: list[str] | None = None  # for links, buttons and headings


@dataclass(frozen=True, slots=True)
class TextRun:
    offset: int
    element: int  # the element it is in (-1 at the top)
    text: str


@dataclass(slots=True)
class StyleBlock:
    offset: int  # of the first character of the CSS
    css: str
    element: int
    in_body: bool


@dataclass
class HtmlDocument:
    """The parse of one HTML source; build it with :func:`parse_document`."""

    source: str
    elements: list[Element] = field(default_factory=list)
    texts: list[TextRun] = field(default_factory=list)
    styles: list[StyleBlock] = field(default_factory=list)
    comments: list[tuple[int, str]] = field(default_factory=list)
    doctype: str | None = None
    doctype_offset: int = 0
    # Tables holding header cells or a caption: data tables, not layout.
    data_tables: set[int] = field(default_factory=set)
    line_starts: list[int] = field(default_factory=lambda: [0])

    def location(self, offset: int) -> Location:
        line = bisect_right(self.line_starts, offset)
        return Location(line, offset - self.line_starts[line - 1] + 1, offset)

    def element_location(self, element: Element) -> Location:
        return self.location(element.offset)

    def attribute_location(self, element: Element, name: str) -> Location:
        """Where the value of attribute ``name`` starts (the tag itself if not found)."""
        return self.location(self.attribute_value(element, name)[0])

    def attribute_value(self, element: Element, name: str) -> tuple[int, str | None]:
        """(offset, value as written) of an attribute: character references not decoded.

        ``(element.offset, None)`` when the start tag has no such attribute.
        """
        tag_text = self.source[element.offset : element.end]
        start = _TAG_NAME.match(tag_text)
        for match in _ATTRIBUTE.finditer(tag_text, start.end() if start else 0):
            if match.group(1).lower() != name:
                continue
            value = match.group(3)
            if value is None:
                return element.offset + match.start(1), ""
            if value[:1] in ("'", '"'):
                return element.offset + match.start(3) + 1, value[1:-1]
            return element.offset + match.start(3), value
        return element.offset, None

    def ancestors(self, index: int) -> list[int]:
        """``index`` and its ancestors, nearest first."""
        chain: list[int] = []
        while index >= 0:
            chain.append(index)
            index = self.elements[index].parent
        return chain

    def first(self, tag: str) -> Element | None:
        return next((e for e in self.elements if e.tag == tag), None)


class _TreeBuilder(HTMLParser):
    def __init__(self, document: HtmlDocument) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = document
        self.stack: list[int] = []
        self.collectors: list[int] = []
        self.in_body = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.doc.line_starts[line - 1] + column

    def _parent(self) -> int:
        return self.stack[-1] if self.stack else -1

    def _close_implied(self, tag: str) -> None:
        elements = self.doc.elements
        if tag in _CLOSES_P:
            for depth in range(len(self.stack) - 1, -1, -1):
                open_tag = elements[self.stack[depth]].tag
                if open_tag == "p":
                    self._pop_to(depth)
                    break
                if open_tag in ("div", "td", "th", "li", "table", "body", "button"):
                    break
        rule = _IMPLIED_CLOSE.get(tag)
        if rule is None:
            return
        closes, stops = rule
        for depth in range(len(self.stack) - 1, -1, -1):
            open_tag = elements[self.stack[depth]].tag
            if open_tag in stops:
                return
            if open_tag in closes:
                self._pop_to(depth)
                return

    def _pop_to(self, depth: int) -> None:
        for index in reversed(self.stack[depth:]):
            if self.collectors and self.collectors[-1] == index:
                self.collectors.pop()
        del self.stack[depth:]

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        self._close_implied(tag)
        doc = self.doc
        values: dict[str, str] = {}
        for name, value in attrs:
            values.setdefault(name, value or "")  # the first of a repeated attribute wins
        parent = self._parent()
        offset = self._offset()
        text = self.get_starttag_text() or ""
        rendered = tag not in NOT_RENDERED and (parent < 0 or doc.elements[parent].rendered)
        element = Element(
            len(doc.elements), tag, values, offset, offset + len(text), parent, rendered
        )
        doc.elements.append(element)
        if not self.in_body and (tag == "body" or tag not in HEAD_ONLY):
            self.in_body = True
        if tag in ("th", "caption", "thead"):
            self._mark_data_table()
        if tag == "style" and not closed:
            doc.styles.append(StyleBlock(element.end, "", element.index, self.in_body))
        if tag == "img" and values.get("alt"):
            for collector in self.collectors:
                if doc.elements[collector].tag in ("a", "button"):
                    _append_text(doc.elements[collector], values["alt"])
        if closed or tag in VOID_ELEMENTS:
            return
        self.stack.append(element.index)
        if tag in NAMED_BY_TEXT:
            element.text = []
            self.collectors.append(element.index)

    def _mark_data_table(self) -> None:
        for index in reversed(self.stack):
            if self.doc.elements[index].tag == "table":
                self.doc.data_tables.add(index)
                return

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag: str) -> None:
        elements = self.doc.elements
        for depth in range(len(self.stack) - 1, -1, -1):
            if elements[self.stack[depth]].tag == tag:
                self._pop_to(depth)
                return

    def handle_data(self, data: str) -> None:
        parent = self._parent()
        doc = self.doc
        if parent >= 0 and doc.elements[parent].tag == "style":
            block = doc.styles[-1]
            if not block.css:
                block.offset = self._offset()
            block.css += data
            return
        if parent >= 0 and not doc.elements[parent].rendered:
            return
        if not data.strip():
            return
        offset = self._offset()
        # Leading whitespace is not part of the text a finding points at.
        stripped = data.lstrip()
        offset += len(data) - len(stripped)
        doc.texts.append(TextRun(offset, parent, stripped.rstrip()))
        if not self.in_body:
            self.in_body = True
        for collector in self.collectors:
            _append_text(doc.elements[collector], stripped)

    def handle_comment(self, data: str) -> None:
        self.doc.comments.append((self._offset(), data))

    def handle_decl(self, decl: str) -> None:
        if decl.lower().startswith("doctype") and self.doc.doctype is None:
            self.doc.doctype = decl
            self.doc.doctype_offset = self._offset()


def _append_text(element: Element, text: str) -> None:
    if element.text is not None and sum(map(len, element.text)) < 1000:
        element.text.append(text)


def _line_starts(source: str) -> list[int]:
    starts = [0]
    find = source.find
    position = find("\n")
    while position >= 0:
        starts.append(position + 1)
        position = find("\n", position + 1)
    return starts


def parse_document(source: str) -> HtmlDocument:
    """Parse ``source`` once; every analysis reads the result."""
    document = HtmlDocument(source=source, line_starts=_line_starts(source))
    builder = _TreeBuilder(document)
    builder.feed(source)
    builder.close()
    return document


def element_text(element: Element) -> str:
    """The collected text of a link, button or heading, whitespace collapsed."""
    return " ".join(" ".join(element.text or ()).split())
