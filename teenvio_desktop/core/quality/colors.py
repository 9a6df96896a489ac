"""Colours and contrast as WCAG 2 defines them (relative luminance, contrast ratio).

Colour values are parsed by tinycss2 (named colours, ``#rgb``, ``#rrggbb``, ``rgb()``,
``rgba()``, ``hsl()``); a translucent colour is composited over what is behind it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from tinycss2.color3 import parse_color as _parse_color

AA_NORMAL = 4.5
AA_LARGE = 3.0


class Rgba(NamedTuple):
    red: float  # 0..1
    green: float
    blue: float
    alpha: float

    def over(self, background: Rgba) -> Rgba:
        """This colour composited over an opaque ``background``."""
        a = self.alpha
        return Rgba(
            self.red * a + background.red * (1 - a),
            self.green * a + background.green * (1 - a),
            self.blue * a + background.blue * (1 - a),
            1.0,
        )

    def hex(self) -> str:
        return "#" + "".join(f"{round(c * 255):02x}" for c in (self.red, self.green, self.blue))


BLACK = Rgba(0.0, 0.0, 0.0, 1.0)
WHITE = Rgba(1.0, 1.0, 1.0, 1.0)
LINK_BLUE = Rgba(0.0, 0.0, 238 / 255, 1.0)  # browsers' default unvisited link colour


@lru_cache(maxsize=2048)
def parse_color(value: str) -> Rgba | None:
    """A CSS colour (or a legacy ``bgcolor``-style hex without ``#``); None if not a colour."""
    text = value.strip()
    if not text:
        return None
    if len(text) in (3, 6) and all(c in "0123456789abcdefABCDEF" for c in text):
        text = "#" + text
    try:
        parsed = _parse_color(text)
    except (ValueError, TypeError):
        return None
    if parsed is None or isinstance(parsed, str):  # None or "currentColor"
        return None
    return Rgba(*parsed)


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def relative_luminance(color: Rgba) -> float:
    return (
        0.2126 * _channel(color.red)
        + 0.7152 * _channel(color.green)
        + 0.0722 * _channel(color.blue)
    )


def contrast_ratio(foreground: Rgba, background: Rgba) -> float:
    """WCAG's (L1 + 0.05) / (L2 + 0.05) of two opaque colours, from 1 to 21."""
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
