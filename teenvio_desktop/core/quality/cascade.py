"""The computed text colour, background, size and visibility of elements, for accessibility.

A deliberately small cascade: inline styles, presentational attributes (``bgcolor``,
``<font color size>``, ``<body text link>``) and the ``<style>`` rules whose selectors
are simple compounds (``td``, ``.footer``, ``#main``, ``p.note``), ordered by importance,
specificity and order. Rules with combinators or pseudo-classes are skipped: matching
them without a full selector engine would guess. Two contexts: the desktop width (rules
outside media queries) and the mobile width (plus the ``@media`` rules that apply at
375 px). Background colours are inherited through ancestors, as they are painted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from teenvio_desktop.core.quality.colors import BLACK, LINK_BLUE, WHITE, Rgba, parse_color
from teenvio_desktop.core.quality.css import (
    Declaration,
    SimpleSelector,
    parse_declarations,
    parse_stylesheet,
)
from teenvio_desktop.core.quality.document import Element, HtmlDocument

Context = Literal["desktop", "mobile"]
MOBILE_WIDTH_PX = 375
DEFAULT_FONT_PX = 16.0
INTERESTING = frozenset({
    "color", "background", "background-color", "background-image", "font", "font-size",
    "font-weight", "display", "visibility", "opacity", "max-height", "overflow"
})  # fmt: skip
HEADING_EM = {"h1": 2.0, "h2": 1.5, "h3": 1.17, "h4": 1.0, "h5": 0.83, "h6": 0.67}
BOLD_TAGS = frozenset({"b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"})
FONT_SIZE_ATTRIBUTE = {1: 10.0, 2: 13.0, 3: 16.0, 4: 18.0, 5: 24.0, 6: 32.0, 7: 48.0}
FONT_SIZE_KEYWORDS = {
    "xx-small": 9.0, "x-small": 10.0, "small": 13.0, "medium": 16.0, "large": 18.0,
    "x-large": 24.0, "xx-large": 32.0, "xxx-large": 48.0,
}  # fmt: skip
_LENGTH = re.compile(r"^(-?\d*\.?\d+)(px|pt|em|rem|%)?$")
_MEDIA_LENGTH = re.compile(r"\(\s*(min|max)-(?:device-)?width\s*:\s*(\d*\.?\d+)(px|em|rem)?\s*\)")
_MEDIA_FEATURE = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True, slots=True)
class _Rule:
    selector: SimpleSelector
    declarations: tuple[Declaration, ...]
    order: int


@dataclass(frozen=True, slots=True)
class Computed:
    color: Rgba
    font_px: float
    bold: bool
    hidden: bool
    # Own background: a colour, "image" (an image without a colour: unknown), or None.
    background: Rgba | str | None


def media_applies_at_mobile(prelude: str) -> bool:
    """Whether a media query list matches a 375 px wide screen (unknown features: no)."""
    for query in prelude.split(","):
        query = query.strip()
        if not query or "print" in query or query.startswith("not "):
            continue
        ok = True
        for feature in _MEDIA_FEATURE.findall(query):
            match = _MEDIA_LENGTH.fullmatch(f"({feature.strip()})")
            if match is None:
                ok = "prefers-color-scheme" in feature and "light" in feature
            else:
                bound, number, unit = match.groups()
                limit = float(number) * (16 if unit in ("em", "rem") else 1)
                ok = limit >= MOBILE_WIDTH_PX if bound == "max" else limit <= MOBILE_WIDTH_PX
            if not ok:
                break
        if ok:
            return True
    return False


class Cascade:
    """Computes styles of a document's elements on demand, memoised per context."""

    def __init__(self, document: HtmlDocument) -> None:
        self.document = document
        self._rules: dict[Context, dict[str, list[_Rule]]] = {"desktop": {}, "mobile": {}}
        self._index_rules()
        desktop: dict[int, Computed] = {}
        # Without rules for the mobile width only, both contexts compute the same styles.
        self._memo: dict[Context, dict[int, Computed]] = {
            "desktop": desktop,
            "mobile": {} if self._mobile_differs else desktop,
        }
        self._computed_cache: dict[tuple[object, ...], Computed] = {}

    def _index_rules(self) -> None:
        self._mobile_differs = False
        order = 0
        for block in self.document.styles:
            for rule in parse_stylesheet(block.css).rules:
                declarations = tuple(d for d in rule.declarations if d.name in INTERESTING)
                if not declarations or rule.nested:
                    continue
                mobile_only = bool(rule.media)
                if mobile_only and not all(media_applies_at_mobile(m) for m in rule.media):
                    continue
                for selector in rule.selectors:
                    if selector.simple is None:
                        continue
                    order += 1
                    entry = _Rule(selector.simple, declarations, order)
                    key = _index_key(selector.simple)
                    contexts: tuple[Context, ...] = (
                        ("mobile",) if mobile_only else ("desktop", "mobile")
                    )
                    self._mobile_differs |= mobile_only
                    for context in contexts:
                        self._rules[context].setdefault(key, []).append(entry)

    def _matching(self, element: Element, context: Context) -> list[_Rule]:
        rules = self._rules[context]
        if not rules:
            return []
        classes = element.attrs.get("class", "").split()
        keys = ["*", f"t:{element.tag}"] + [f"c:{c}" for c in classes]
        if element.attrs.get("id"):
            keys.append(f"i:{element.attrs['id']}")
        found = []
        for key in keys:
            for rule in rules.get(key, ()):
                s = rule.selector
                if s.tag and s.tag != element.tag:
                    continue
                if s.id and s.id != element.attrs.get("id"):
                    continue
                if not s.classes.issubset(classes):
                    continue
                found.append(rule)
        return found

    def declared(self, element: Element, context: Context) -> dict[str, str]:
        """The winning value of each interesting property declared on ``element``."""
        style = element.attrs.get("style", "")
        hints = _presentational(element)
        rules = self._matching(element, context)
        if not (style or hints or rules):
            return {}
        candidates: list[tuple[tuple[int, int, tuple[int, int, int], int], str, str]] = []
        for name, value in hints:
            candidates.append(((0, -1, (0, 0, 0), 0), name, value))
        for rule in rules:
            for d in rule.declarations:
                key = (int(d.important), 0, rule.selector.specificity, rule.order)
                candidates.append((key, d.name, d.value))
        for position, d in enumerate(parse_declarations(style)):
            if d.name in INTERESTING:
                candidates.append(((int(d.important), 1, (0, 0, 0), position), d.name, d.value))
        candidates.sort(key=lambda item: item[0])
        values: dict[str, str] = {}
        for _, name, value in candidates:
            _assign(values, name, value)
        return values

    def computed(self, index: int, context: Context) -> Computed:
        memo = self._memo[context]
        chain: list[int] = []
        current = index
        while current >= 0 and current not in memo:
            chain.append(current)
            current = self.document.elements[current].parent
        parent = memo.get(current) if current >= 0 else None
        for element_index in reversed(chain):
            element = self.document.elements[element_index]
            declared = self.declared(element, context)
            # Email markup repeats itself: same tag, declarations and parent, same result.
            key = (element.tag, tuple(declared.items()), parent)
            computed = self._computed_cache.get(key)
            if computed is None:
                computed = _compute(element, declared, parent)
                self._computed_cache[key] = computed
            memo[element_index] = parent = computed
        return memo[index] if index >= 0 else _ROOT

    def background(self, index: int) -> Rgba | None:
        """The opaque colour painted behind ``index``'s text; None when an image decides it."""
        layers: list[Rgba] = []
        current = index
        while current >= 0:
            own = self.computed(current, "desktop").background
            if own == "image":
                return None
            if isinstance(own, Rgba) and own.alpha > 0:
                layers.append(own)
                if own.alpha >= 1:
                    break
            current = self.document.elements[current].parent
        color = WHITE
        for layer in reversed(layers):
            color = layer if layer.alpha >= 1 else layer.over(color)
        return color


_ROOT = Computed(BLACK, DEFAULT_FONT_PX, False, False, None)


def _index_key(selector: SimpleSelector) -> str:
    if selector.id:
        return f"i:{selector.id}"
    if selector.classes:
        return f"c:{next(iter(selector.classes))}"
    if selector.tag:
        return f"t:{selector.tag}"
    return "*"


def _presentational(element: Element) -> list[tuple[str, str]]:
    attrs, tag = element.attrs, element.tag
    hints: list[tuple[str, str]] = []
    if "bgcolor" in attrs:
        hints.append(("background-color", attrs["bgcolor"]))
    if "background" in attrs and tag in ("body", "table", "td", "th", "tr"):
        hints.append(("background-image", attrs["background"]))
    if tag == "font":
        if "color" in attrs:
            hints.append(("color", attrs["color"]))
        size = attrs.get("size", "").strip()
        if size.isdigit() and int(size) in FONT_SIZE_ATTRIBUTE:
            hints.append(("font-size", f"{FONT_SIZE_ATTRIBUTE[int(size)]}px"))
    if tag == "body" and "text" in attrs:
        hints.append(("color", attrs["text"]))
    if "hidden" in attrs:
        hints.append(("display", "none"))
    return hints


def _assign(values: dict[str, str], name: str, value: str) -> None:
    """Record a declaration, expanding the ``background`` and ``font`` shorthands."""
    if name == "background":
        image = "url(" in value.lower() or "gradient(" in value.lower()
        color = next((t for t in _shorthand_parts(value) if parse_color(t)), None)
        values["background-color"] = color or "transparent"
        values["background-image"] = value if image else "none"
    elif name == "font":
        for part in _shorthand_parts(value.split("/")[0]):
            if part in ("bold", "bolder") or (part.isdigit() and len(part) == 3):
                values["font-weight"] = part
            elif _LENGTH.match(part) or part in FONT_SIZE_KEYWORDS:
                values["font-size"] = part
    else:
        values[name] = value


def _shorthand_parts(value: str) -> list[str]:
    return re.findall(r"[a-zA-Z-]+\([^)]*\)|[^\s,]+", value)


def _compute(element: Element, declared: dict[str, str], parent: Computed | None) -> Computed:
    base = parent or _ROOT
    tag = element.tag
    color = base.color
    if "color" in declared:
        color = parse_color(declared["color"]) or color
    elif tag == "a":
        color = LINK_BLUE
    font_px = _font_size(declared.get("font-size"), tag, base.font_px)
    weight = declared.get("font-weight", "").strip().lower()
    bold = base.bold or tag in BOLD_TAGS
    if weight:
        bold = weight in ("bold", "bolder") or (weight.isdigit() and int(weight) >= 700)
    hidden = base.hidden or _hides(declared) or font_px < 2
    return Computed(color, font_px, bold, hidden, _own_background(declared))


def _font_size(value: str | None, tag: str, parent_px: float) -> float:
    if value is None:
        if tag in HEADING_EM:
            return parent_px * HEADING_EM[tag]
        return parent_px * 0.83 if tag in ("small", "sub", "sup") else parent_px
    text = value.strip().lower()
    if text in FONT_SIZE_KEYWORDS:
        return FONT_SIZE_KEYWORDS[text]
    if text == "smaller":
        return parent_px * 0.83
    if text == "larger":
        return parent_px * 1.2
    match = _LENGTH.match(text)
    if match is None:
        return parent_px  # calc(), var(): unknown, keep the inherited size
    number, unit = float(match.group(1)), match.group(2)
    if unit in (None, "px"):
        return number
    return {
        "pt": number * 4 / 3,
        "em": number * parent_px,
        "rem": number * DEFAULT_FONT_PX,
        "%": number * parent_px / 100,
    }[unit]


def _hides(declared: dict[str, str]) -> bool:
    if not declared:
        return False
    if declared.get("display", "").strip().lower() == "none":
        return True
    if declared.get("visibility", "").strip().lower() in ("hidden", "collapse"):
        return True
    opacity = declared.get("opacity", "").strip()
    if opacity and _number(opacity) == 0:
        return True
    max_height = declared.get("max-height", "").strip().lower()
    overflow = declared.get("overflow", "").strip().lower()
    return _number(max_height.removesuffix("px")) == 0 and overflow == "hidden"


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _own_background(declared: dict[str, str]) -> Rgba | str | None:
    color = parse_color(declared.get("background-color", ""))
    image = declared.get("background-image", "none").strip().lower()
    if color is not None and color.alpha > 0:
        return color
    if image and image != "none":
        return "image"
    return None
