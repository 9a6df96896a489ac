"""The app's two colour schemes as named colours, and the Qt palette built from them.

Widgets never hard-code a colour: they ask :func:`teenvio_desktop.ui.style.colors` for the
scheme in use (``colors().error``, ``colors().chart_opens``...), so light and dark stay
consistent and a scheme change reaches every part of the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QColor, QPalette


class Scheme(Enum):
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class SchemeColors:
    scheme: Scheme
    # Surfaces
    window: str
    base: str
    alternate_base: str
    button: str
    sidebar: str
    card: str
    border: str
    control_border: str  # a check box's or radio button's outline: 3:1 on window
    # Text
    text: str
    muted_text: str
    disabled_text: str
    placeholder: str
    # Accent (selection, focus, the primary button)
    accent: str
    accent_hover: str
    on_accent: str
    link: str
    # Meaning
    success: str
    warning: str
    error: str
    warning_background: str
    warning_border: str
    # Chart
    chart_opens: str
    chart_clicks: str
    chart_grid: str
    # Code editor
    gutter_text: str
    syntax_tag: str
    syntax_attribute: str
    syntax_string: str
    syntax_entity: str
    syntax_merge_field: str
    syntax_comment: str
    find_match: str

    @property
    def is_dark(self) -> bool:
        return self.scheme is Scheme.DARK


LIGHT = SchemeColors(
    scheme=Scheme.LIGHT,
    window="#f4f5f7",
    base="#ffffff",
    alternate_base="#f5f7f9",
    button="#fafbfc",
    sidebar="#e9ecf0",
    card="#ffffff",
    border="#cfd5dc",
    control_border="#6e7883",
    text="#1d2530",
    muted_text="#5c6773",
    disabled_text="#9aa3ad",
    placeholder="#7c8792",
    accent="#1463a5",
    accent_hover="#0f568f",
    on_accent="#ffffff",
    link="#1463a5",
    success="#2e7d32",
    warning="#a35c00",
    error="#c0262d",
    warning_background="#fff4e0",
    warning_border="#e6a23c",
    chart_opens="#1f77c4",
    chart_clicks="#e8710a",
    chart_grid="#8895a2",
    gutter_text="#8b949e",
    syntax_tag="#1f5fbf",
    syntax_attribute="#8a4baf",
    syntax_string="#2e7d32",
    syntax_entity="#b26a00",
    syntax_merge_field="#c62828",
    syntax_comment="#757575",
    find_match="#ffe27a",
)

DARK = SchemeColors(
    scheme=Scheme.DARK,
    window="#23262b",
    base="#1a1c20",
    alternate_base="#202328",
    button="#2d3137",
    sidebar="#1b1e22",
    card="#2a2e34",
    border="#3f454d",
    control_border="#8b95a1",
    text="#e6e9ed",
    muted_text="#a3acb6",
    disabled_text="#6b737c",
    placeholder="#848d97",
    accent="#3a8fd8",
    accent_hover="#4a9be0",
    on_accent="#ffffff",
    link="#72b7f2",
    success="#6cc070",
    warning="#f0b050",
    error="#f2726f",
    warning_background="#3a2f1a",
    warning_border="#8c6a26",
    chart_opens="#58a8ec",
    chart_clicks="#ffa552",
    chart_grid="#8b95a1",
    gutter_text="#6e7781",
    syntax_tag="#6cb2ff",
    syntax_attribute="#d2a8ff",
    syntax_string="#8fd18f",
    syntax_entity="#ffb86b",
    syntax_merge_field="#ff7b72",
    syntax_comment="#8b949e",
    find_match="#6b5a1e",
)

SCHEMES = {Scheme.LIGHT: LIGHT, Scheme.DARK: DARK}


def build_palette(c: SchemeColors) -> QPalette:
    """A complete palette (every role, every group) for the Fusion style."""
    palette = QPalette()
    role = QPalette.ColorRole
    window, base, button = QColor(c.window), QColor(c.base), QColor(c.button)
    border = QColor(c.border)
    light = button.lighter(130) if c.is_dark else QColor("#ffffff")
    dark = border.darker(150)
    values = {
        role.Window: window,
        role.WindowText: QColor(c.text),
        role.Base: base,
        role.AlternateBase: QColor(c.alternate_base),
        role.ToolTipBase: QColor(c.card),
        role.ToolTipText: QColor(c.text),
        role.PlaceholderText: QColor(c.placeholder),
        role.Text: QColor(c.text),
        role.Button: button,
        role.ButtonText: QColor(c.text),
        role.BrightText: QColor("#ffffff"),
        role.Light: light,
        role.Midlight: border.lighter(110) if c.is_dark else border.lighter(115),
        role.Mid: border,
        role.Dark: dark,
        role.Shadow: QColor("#000000") if c.is_dark else dark.darker(150),
        role.Highlight: QColor(c.accent),
        role.HighlightedText: QColor(c.on_accent),
        role.Link: QColor(c.link),
        role.LinkVisited: QColor(c.link).darker(120) if not c.is_dark else QColor(c.link),
        role.Accent: QColor(c.accent),
    }
    for color_role, color in values.items():
        palette.setColor(color_role, color)
    disabled = QPalette.ColorGroup.Disabled
    for color_role in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, color_role, QColor(c.disabled_text))
    palette.setColor(disabled, role.Highlight, border)
    palette.setColor(disabled, role.HighlightedText, QColor(c.disabled_text))
    palette.setColor(disabled, role.Base, window)
    palette.setColor(disabled, role.Button, window)
    inactive = QPalette.ColorGroup.Inactive
    # Keep the selection readable when the window is not focused.
    palette.setColor(inactive, role.Highlight, QColor(c.accent))
    palette.setColor(inactive, role.HighlightedText, QColor(c.on_accent))
    return palette
