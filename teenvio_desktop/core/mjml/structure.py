"""A quick look at an MJML source's tag structure, before MRML sees it.

Two jobs, both about MRML's limits:

- **Depth.** MRML parses and renders recursively: a few thousand nested elements overflow
  the native stack and kill the process (about a hundred ``<mj-wrapper>`` levels in a
  512 KB thread, macOS' default). :func:`scan` finds where nesting passes a limit so the
  compiler can refuse it with a clear message first.
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
    too_deep_offset: int | None  # bytes: the first element nested past the depth limit
    problems: tuple[Problem, ...]  # the first problem of each kind, in document order


def scan(source: str, depth_limit: int) -> Structure:
    """Where nesting first passes ``depth_limit``, or else the first problem of each kind.

    The scan stops at the first element nested too deep, so its stack (and the search for
    an element to close) never grows past the limit: linear in the size of the source.
    """
    open_tags: list[tuple[str, int]] = []
    open_names: dict[str, int] = {}  # how many of each element are open
    first: dict[str, tuple[int, str]] = {}  # kind -> (character index, element)

    def note(index: int, kind: str, name: str = "") -> None:
        if kind not in first or index < first[kind][0]:
            first[kind] = (index, name)

    for match in _MARKUP.finditer(source):
        name = match.group("name")
        if name is None:
            if match.group() == "<":
                note(match.start(), "stray_lt")
            continue
        if match.group("end") is None:
            note(match.start(), "unterminated_tag", name)
            continue
        lowered = name.lower()
        attrs = match.group("attrs") or ""
        if match.group("close"):
            if lowered not in open_names:
                continue  # a closing tag with nothing to close: not structural enough
            left_open = _close(open_tags, open_names, lowered)
            if left_open is not None:
                note(left_open[1], "unclosed", left_open[0])
            continue
        if _UNQUOTED_VALUE.search(_QUOTED.sub('""', attrs)):
            note(match.start(), "unquoted_value", lowered)
        if attrs.rstrip().endswith("/") or lowered in VOID_ELEMENTS:
            continue
        open_tags.append((lowered, match.start()))
        open_names[lowered] = open_names.get(lowered, 0) + 1
        if len(open_tags) > depth_limit:
            return Structure(_byte_offsets(source, [match.start()])[0], ())
    if open_tags:
        note(open_tags[0][1], "unclosed", open_tags[0][0])
    ordered = sorted((index, kind, name) for kind, (index, name) in first.items())
    offsets = _byte_offsets(source, [index for index, _kind, _name in ordered])
    problems = tuple(
        Problem(offset, kind, name)
        for offset, (_index, kind, name) in zip(offsets, ordered, strict=True)
    )
    return Structure(None, problems)


def _close(
    open_tags: list[tuple[str, int]], open_names: dict[str, int], name: str
) -> tuple[str, int] | None:
    """Close the innermost open ``name``; the first element left open inside it, if any."""
    depth = len(open_tags) - 1
    while open_tags[depth][0] != name:
        depth -= 1
    left_open = open_tags[depth + 1] if depth + 1 < len(open_tags) else None
    for closed, _start in open_tags[depth:]:
        open_names[closed] -= 1
        if not open_names[closed]:
            del open_names[closed]
    del open_tags[depth:]
    return left_open


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
