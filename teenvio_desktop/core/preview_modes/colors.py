"""The colour arithmetic of forced dark modes, and finding colours in CSS text.

Mail clients that darken a message without dark styles fall in two families (see Litmus'
and Rémi Parmentier's write-ups of Outlook.com's code):

- *partial* (Outlook.com, the Outlook apps, the Gmail app for Android): light backgrounds
  become dark, dark text becomes light; dark backgrounds and light text stay as they are.
  Outlook.com keeps the original colours in ``data-ogsb``/``data-ogsc`` attributes.
- *full* (the Gmail app for iOS, Outlook for Windows): every colour is inverted, so an
  already dark design turns light.

Neither family touches images. Both are approximated here by mirroring the HSL lightness of
each declared colour (hue and saturation kept, alpha kept), clamped so that backgrounds
never reach pure black and text never reaches pure white, as the clients do.
"""

from __future__ import annotations

import colorsys
import functools
import re
from typing import Literal

import tinycss2.color3

Policy = Literal["partial", "full"]
Role = Literal["text", "background"]

DARK_CANVAS = "#121212"  # Gmail's and Chromium's dark canvas
DARK_TEXT = "#e8e8e8"
DARK_LINK = "#8ab4f8"
_BACKGROUND_FLOOR = 0.07  # lightness of DARK_CANVAS
_TEXT_CEILING = 0.91  # lightness of DARK_TEXT

# Properties whose colours are text (foreground) or surfaces (backgrounds, borders).
TEXT_PROPERTIES = frozenset({"color", "text-decoration-color", "-webkit-text-fill-color"})
SURFACE_PROPERTIES = frozenset(
    {
        "background", "background-color", "border", "border-color", "border-top",
        "border-right", "border-bottom", "border-left", "border-top-color",
        "border-right-color", "border-bottom-color", "border-left-color", "outline",
        "outline-color",
    }
)  # fmt: skip

# url(...) and strings are skipped whole: a "#abc" inside them is not a colour. (An
# unclosed one runs to the end, which also keeps the scan linear on hostile input.)
_VALUE_TOKEN = re.compile(
    r"url\([^)]*\)?|\"[^\"]*\"?|'[^']*'?|#[0-9A-Fa-f]{3,8}\b|(?:rgba?|hsla?)\([^()]*\)"
    r"|(?<![\w#-])[A-Za-z]+(?![\w-])",
    re.I,
)
_DECLARATION = re.compile(
    r"(?<![\w-])(?P<prop>-?[A-Za-z][A-Za-z-]*)(?P<sep>\s*:\s*)(?P<value>[^;{}]*)"
)


def _hex(red: float, green: float, blue: float, alpha: float) -> str:
    channels = [round(max(0.0, min(1.0, c)) * 255) for c in (red, green, blue)]
    if alpha >= 1:
        return "#{:02x}{:02x}{:02x}".format(*channels)
    return "rgba({}, {}, {}, {:.3g})".format(*channels, alpha)


def _mirror(lightness: float, role: Role) -> float:
    mirrored = 1.0 - lightness
    if role == "background":
        return max(_BACKGROUND_FLOOR, _BACKGROUND_FLOOR + mirrored * (1 - _BACKGROUND_FLOOR))
    return min(_TEXT_CEILING, mirrored)


@functools.lru_cache(maxsize=4096)
def recolor(token: str, role: Role, policy: Policy) -> str | None:
    """The colour a forced dark mode gives ``token``; ``None`` when it stays (or is none)."""
    parsed = tinycss2.color3.parse_color(token)
    if not isinstance(parsed, tinycss2.color3.RGBA) or parsed.alpha == 0:
        return None  # not a colour, currentColor, or transparent
    hue, lightness, saturation = colorsys.rgb_to_hls(parsed.red, parsed.green, parsed.blue)
    light = lightness > 0.5
    if policy == "partial" and ((role == "background") != light):
        return None  # dark surfaces and light text already suit a dark canvas
    red, green, blue = colorsys.hls_to_rgb(hue, _mirror(lightness, role), saturation)
    return _hex(red, green, blue, parsed.alpha)


def recolor_value(value: str, role: Role, policy: Policy) -> str:
    """A CSS value with every colour in it recoloured (everything else left as written)."""

    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        if token[0] in "\"'" or token[:4].lower() == "url(":
            return token
        return recolor(token, role, policy) or token

    return _VALUE_TOKEN.sub(one, value)


def role_of(prop: str) -> Role | None:
    name = prop.lower()
    if name in TEXT_PROPERTIES:
        return "text"
    if name in SURFACE_PROPERTIES:
        return "background"
    return None


def recolor_declarations(css: str, policy: Policy) -> tuple[str, set[Role]]:
    """Declarations (a style attribute or a rule's body) recoloured; which roles changed."""
    changed: set[Role] = set()

    def one(match: re.Match[str]) -> str:
        role = role_of(match.group("prop"))
        if role is None:
            return match.group(0)
        value = match.group("value")
        new = recolor_value(value, role, policy)
        if new == value:
            return match.group(0)
        changed.add(role)
        return match.group("prop") + match.group("sep") + new

    return _DECLARATION.sub(one, css), changed
