"""A quick look at an MJML source's tag structure, before MRML sees it.

Two jobs, both about MRML's limits:

- **Depth.** MRML parses and renders recursively: a few thousand nested elements overflow
  the native stack and kill the process (about a hundred ``<mj-wrapper>`` levels in a
  512 KB thread, macOS' default). :func:`scan` measures the deepest nesting so the compiler
  can refuse it with a clear message first.
- **Where.** Some of MRML's errors carry no position ("unexpected end of stream", "unable to
  parse next template"). The scan notes the first structural problem it sees (an element
  left open, a stray ``<``, an unquoted attribute value) with its byte offset, so the error
  can still point at a line.

The scan is linear and forgiving; it is not a validator (MRML is).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
     "source", "track", "wbr"}
)  # fmt: skip

_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![^>]*>?|<\?.*?(?:\?>|\Z)"
    r"|<(?P<close>/)?(?P<name>[A-Za-z][^\s/>]*)(?P<attrs>(?:[^>\"']|\"[^\"]*\"|'[^']*')*)(?P<end>>)?"
    r"|<",
    re.S,
)
_UNQUOTED_VALUE = re.compile(r"=\s*(?![\s\"'])")
_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")


@dataclass(frozen=True)
class Problem:
    offset: int  # in UTF-8 bytes, like MRML's positions
    kind: str  # "unclosed", "stray_lt", "unquoted_value", "unterminated_tag"
    name: str = ""  # the element concerned, if any


@dataclass(frozen=True)
class Structure:
    max_depth: int
    too_deep_offset: int | None  # bytes: the first element nested past the depth limit
    problems: tuple[Problem, ...]


def scan(source: str, depth_limit: int) -> Structure:
    """Deepest element nesting and the structural problems, in document order."""
    open_tags: list[tuple[str, int]] = []
    found: list[tuple[int, str, str]] = []  # (character index, kind, element)
    max_depth = 0
    too_deep_index: int | None = None
    for match in _MARKUP.finditer(source):
        name = match.group("name")
        if name is None:
            if match.group() == "<":
                found.append((match.start(), "stray_lt", ""))
            continue
        if match.group("end") is None:
            found.append((match.start(), "unterminated_tag", name))
            continue
        lowered = name.lower()
        attrs = match.group("attrs") or ""
        if match.group("close"):
            found += _close(open_tags, lowered)
            continue
        if _UNQUOTED_VALUE.search(_QUOTED.sub('""', attrs)):
            found.append((match.start(), "unquoted_value", lowered))
        if attrs.rstrip().endswith("/") or lowered in VOID_ELEMENTS:
            continue
        open_tags.append((lowered, match.start()))
        max_depth = max(max_depth, len(open_tags))
        if too_deep_index is None and len(open_tags) > depth_limit:
            too_deep_index = match.start()
    found += [(start, "unclosed", name) for name, start in open_tags]
    found.sort()
    offsets = _byte_offsets(source, [index for index, _kind, _name in found])
    problems = tuple(
        Problem(offset, kind, name)
        for offset, (_index, kind, name) in zip(offsets, found, strict=True)
    )
    too_deep = None if too_deep_index is None else _byte_offsets(source, [too_deep_index])[0]
    return Structure(max_depth, too_deep, problems)


def _close(open_tags: list[tuple[str, int]], name: str) -> list[tuple[int, str, str]]:
    """Close ``name``; elements left open inside it are problems (MRML rejects them)."""
    for depth in range(len(open_tags) - 1, -1, -1):
        if open_tags[depth][0] == name:
            left_open = [(start, "unclosed", inner) for inner, start in open_tags[depth + 1 :]]
            del open_tags[depth:]
            return left_open
    return []  # a closing tag with nothing to close: not structural enough to report


def _byte_offsets(source: str, indexes: list[int]) -> list[int]:
    """UTF-8 byte offsets of sorted character indexes, in one pass over the text."""
    if source.isascii():
        return list(indexes)
    offsets: list[int] = []
    position = size = 0
    for index in indexes:
        size += len(source[position:index].encode("utf-8"))
        position = index
        offsets.append(size)
    return offsets


def line_and_column(source: str, byte_offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a UTF-8 byte offset into ``source``."""
    data = source.encode("utf-8")
    byte_offset = max(0, min(byte_offset, len(data)))
    line_start = data.rfind(b"\n", 0, byte_offset) + 1
    line = data.count(b"\n", 0, byte_offset) + 1
    column = len(data[line_start:byte_offset].decode("utf-8", "replace")) + 1
    return line, column
