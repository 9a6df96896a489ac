"""CSS as the analyses need it: declarations with offsets, rules, selectors and at-rules.

Inline ``style`` attributes are split by a regular expression (quotes, parentheses and
comments respected): a newsletter has hundreds of them and a full CSS tokenizer would
cost more than the whole HTML parse. ``<style>`` blocks, fewer and richer, go through
tinycss2. Both results are cached by the CSS text, which repeats a lot in email markup
and between keystrokes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import tinycss2
from tinycss2 import ast

_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.S)
_DECLARATION = re.compile(r"""(?:[^;"'(]|"[^"]*"?|'[^']*'?|\([^)]*\)?)+""")
_IMPORTANT = re.compile(r"!\s*important\s*$", re.I)
_PROPERTY = re.compile(r"^\s*(-{0,2}[a-zA-Z][\w-]*)\s*:", re.S)


@dataclass(frozen=True, slots=True)
class Declaration:
    name: str  # lower case
    value: str  # without ``!important``
    important: bool
    offset: int  # of the property name, from the start of the CSS text


@lru_cache(maxsize=8192)
def parse_declarations(style: str) -> tuple[Declaration, ...]:
    """The declarations of a ``style`` attribute (or a rule's body), in order."""
    if "/*" in style:
        style = _COMMENT.sub(lambda m: " " * len(m.group(0)), style)
    found: list[Declaration] = []
    for match in _DECLARATION.finditer(style):
        chunk = match.group(0)
        head = _PROPERTY.match(chunk)
        if head is None:
            continue
        value = chunk[head.end() :].strip()
        important = _IMPORTANT.search(value)
        if important:
            value = value[: important.start()].rstrip()
        name = head.group(1)
        offset = match.start() + chunk.index(name)
        found.append(Declaration(name.lower(), value, important is not None, offset))
    return tuple(found)


@dataclass(frozen=True, slots=True)
class SimpleSelector:
    """A compound of at most a type, an id and classes: what the cascade can match reliably."""

    tag: str | None
    id: str | None
    classes: frozenset[str]

    @property
    def specificity(self) -> tuple[int, int, int]:
        return (1 if self.id else 0, len(self.classes), 1 if self.tag else 0)


@dataclass(frozen=True, slots=True)
class Selector:
    text: str
    kinds: frozenset[str]  # "class", "child", "pseudo-class:hover"...
    simple: SimpleSelector | None


@dataclass(frozen=True, slots=True)
class StyleRule:
    selectors: tuple[Selector, ...]
    offset: int
    declarations: tuple[Declaration, ...]
    media: tuple[str, ...]  # the enclosing @media preludes, lower case
    nested: bool  # written inside another rule (CSS nesting)


@dataclass(frozen=True, slots=True)
class AtRule:
    name: str  # lower case, without "@"
    prelude: str  # lower case
    offset: int


@dataclass(frozen=True)
class Stylesheet:
    rules: tuple[StyleRule, ...]
    at_rules: tuple[AtRule, ...]
    comments: tuple[int, ...]


class _SheetReader:
    """Walks tinycss2's tree once, turning node positions into offsets in the CSS text."""

    def __init__(self, css: str) -> None:
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", css)]
        self.rules: list[StyleRule] = []
        self.at_rules: list[AtRule] = []
        self.comments: list[int] = []

    def offset(self, node: Any) -> int:
        line = max(1, int(getattr(node, "source_line", 1)))
        column = max(1, int(getattr(node, "source_column", 1)))
        return self.line_starts[min(line, len(self.line_starts)) - 1] + column - 1

    def read(self, nodes: list[Any], media: tuple[str, ...], *, in_keyframes: bool) -> None:
        for node in nodes:
            if isinstance(node, ast.Comment):
                self.comments.append(self.offset(node))
            elif isinstance(node, ast.AtRule):
                self._at_rule(node, media)
            elif isinstance(node, ast.QualifiedRule):
                self._qualified(node, media, in_keyframes=in_keyframes, nested=False)

    def _at_rule(self, node: ast.AtRule, media: tuple[str, ...]) -> None:
        name = node.lower_at_keyword
        prelude = " ".join(tinycss2.serialize(node.prelude).lower().split())
        self.at_rules.append(AtRule(name, prelude, self.offset(node)))
        if node.content is None:
            return
        if name in ("media", "supports", "container", "layer", "document"):
            inner = (*media, prelude) if name == "media" else media
            nodes = tinycss2.parse_rule_list(node.content, skip_comments=False)
            self.read(nodes, inner, in_keyframes=False)
        elif name.endswith("keyframes"):
            nodes = tinycss2.parse_rule_list(node.content, skip_comments=False)
            self.read(nodes, media, in_keyframes=True)
        # @font-face, @page...: descriptors, not properties of the document's elements.

    def _qualified(
        self, node: ast.QualifiedRule, media: tuple[str, ...], *, in_keyframes: bool, nested: bool
    ) -> None:
        base = self.offset(node)
        selectors = () if in_keyframes else parse_selector_list(node.prelude)
        contents = tinycss2.parse_blocks_contents(node.content, skip_comments=False)
        declarations: list[Declaration] = []
        for item in contents:
            if isinstance(item, ast.Declaration):
                value = tinycss2.serialize(item.value).strip()
                declarations.append(
                    Declaration(item.lower_name, value, bool(item.important), self.offset(item))
                )
            elif isinstance(item, ast.QualifiedRule):
                self._qualified(item, media, in_keyframes=in_keyframes, nested=True)
            elif isinstance(item, ast.Comment):
                self.comments.append(self.offset(item))
        self.rules.append(StyleRule(selectors, base, tuple(declarations), media, nested))


@lru_cache(maxsize=256)
def parse_stylesheet(css: str) -> Stylesheet:
    """Rules (with their media context), at-rules and comments of a ``<style>`` block."""
    reader = _SheetReader(css)
    nodes = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    reader.read(nodes, (), in_keyframes=False)
    return Stylesheet(tuple(reader.rules), tuple(reader.at_rules), tuple(reader.comments))


_COMBINATORS = {">": "child", "+": "adjacent-sibling", "~": "general-sibling"}


def parse_selector_list(prelude: list[Any]) -> tuple[Selector, ...]:
    """Each selector of a rule's prelude with the selector features it uses."""
    parts: list[list[Any]] = [[]]
    for token in prelude:
        if isinstance(token, ast.LiteralToken) and token.value == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    selectors = tuple(_selector(tokens) for tokens in parts if _meaningful(tokens))
    if len(selectors) > 1:
        selectors = tuple(Selector(s.text, s.kinds | {"grouping"}, s.simple) for s in selectors)
    return selectors


def _meaningful(tokens: list[Any]) -> bool:
    return any(not isinstance(t, (ast.WhitespaceToken, ast.Comment)) for t in tokens)


def _selector(tokens: list[Any]) -> Selector:
    kinds: set[str] = set()
    compound_sizes: list[int] = [0]
    tag: str | None = None
    id_: str | None = None
    classes: set[str] = set()
    pending_space = False
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if isinstance(token, (ast.WhitespaceToken, ast.Comment)):
            pending_space = compound_sizes[-1] > 0
            index += 1
            continue
        is_combinator = isinstance(token, ast.LiteralToken) and token.value in _COMBINATORS
        if is_combinator:
            kinds.add(_COMBINATORS[token.value])
            compound_sizes.append(0)
            pending_space = False
            index += 1
            continue
        if pending_space:
            kinds.add("descendant")
            compound_sizes.append(0)
            pending_space = False
        compound_sizes[-1] += 1
        if isinstance(token, ast.IdentToken):
            kinds.add("type")
            tag = token.lower_value
        elif isinstance(token, ast.HashToken):
            kinds.add("id")
            id_ = token.value
        elif isinstance(token, ast.SquareBracketsBlock):
            kinds.add("attribute")
        elif isinstance(token, ast.LiteralToken) and token.value == "*":
            kinds.add("universal")
        elif isinstance(token, ast.LiteralToken) and token.value == "&":
            kinds.add("nesting")
        elif isinstance(token, ast.LiteralToken) and token.value == ".":
            if isinstance(following, ast.IdentToken):
                kinds.add("class")
                classes.add(following.value)
                index += 1
        elif isinstance(token, ast.LiteralToken) and token.value == ":":
            index = _pseudo(tokens, index, kinds)
        else:
            kinds.add("other")
        index += 1
    if any(size > 1 for size in compound_sizes):
        kinds.add("chaining")
    text = " ".join(tinycss2.serialize(tokens).split())
    structural = {"descendant", "child", "adjacent-sibling", "general-sibling", "attribute",
                  "nesting", "other"}  # fmt: skip
    simple = None
    if not (kinds & structural) and not any(k.startswith("pseudo") for k in kinds):
        simple = SimpleSelector(tag, id_, frozenset(classes))
    return Selector(text, frozenset(kinds), simple)


def _pseudo(tokens: list[Any], index: int, kinds: set[str]) -> int:
    """Record ``:name``/``::name``/``:name(...)``; return the index of its last token."""
    element = False
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    if isinstance(nxt, ast.LiteralToken) and nxt.value == ":":
        element = True
        index += 1
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    if isinstance(nxt, ast.IdentToken):
        name = nxt.lower_value
    elif isinstance(nxt, ast.FunctionBlock):
        name = nxt.lower_name
    else:
        return index
    # CSS 2's single-colon pseudo-elements.
    if name in ("before", "after", "first-line", "first-letter"):
        element = True
    kinds.add(f"pseudo-element:{name}" if element else f"pseudo-class:{name}")
    return index + 1
